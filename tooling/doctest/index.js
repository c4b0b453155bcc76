// Executable documentation: every TSDoc `@example` in a package's sources is
// extracted, compiled and run as a Vitest test, and its `// => value`
// annotations are asserted, so the docs cannot drift from the code.
//
// Annotation forms (after `// =>` at the end of a statement):
//   3, true, 'text', [1, 2], { converged: true }   exact (objects: listed keys only)
//   ~0.980258, ~[0.5, 1.25]                         approximate: every number must
//                                                   match to the digits printed
//                                                   (half a unit in the last place)
//   throws ShapeError                               the statement throws that error
// A `Matrix` ({ rows, cols, data }) is compared as nested rows; typed arrays as arrays.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

function listSources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (/\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) && !/\.generated\.ts$/.test(name))
      out.push(full);
  }
  return out.sort();
}

/**
 * Extract the `@example` blocks of one source text.
 * @returns {{ name: string, line: number, code: string }[]}
 */
export function extractExamples(text) {
  const examples = [];
  const re = /\/\*\*([\s\S]*?)\*\//g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1];
    if (!body.includes('@example')) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 400);
    const decl =
      /^\s*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|abstract\s+class)\s+([A-Za-z_$][\w$]*)/.exec(
        after,
      ) ?? /^\s*(?:static\s+|readonly\s+|public\s+|get\s+)*([A-Za-z_$][\w$]*)\s*[(:<=]/.exec(after);
    const name = decl ? decl[1] : '(anonymous)';
    const lines = body.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const startLine = text.slice(0, m.index).split('\n').length;
    let current = null;
    lines.forEach((line, i) => {
      if (/^@example\b/.test(line)) {
        if (current) examples.push(current);
        current = { name, line: startLine + i, lines: [] };
        const rest = line.replace(/^@example\s*/, '');
        if (rest.trim()) current.lines.push(rest);
      } else if (/^@\w+/.test(line)) {
        if (current) examples.push(current);
        current = null;
      } else if (current) current.lines.push(line);
    });
    if (current) examples.push(current);
  }
  return examples.map(({ name, line, lines }) => ({
    name,
    line,
    code: lines
      .filter((l) => !/^```/.test(l.trim()))
      .join('\n')
      .trim(),
  }));
}

/** Turn `// => expected` annotations into calls of `__check` (TypeScript AST based). */
export function instrument(code) {
  const sf = ts.createSourceFile(
    'example.ts',
    code,
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const lines = code.split('\n');
  const annotations = new Map();
  lines.forEach((l, i) => {
    const k = l.indexOf('// =>');
    if (k >= 0) annotations.set(i, l.slice(k + 5).trim());
  });
  const edits = [];
  let used = 0;
  for (const st of sf.statements) {
    const endLine = sf.getLineAndCharacterOfPosition(st.getEnd()).line;
    if (!annotations.has(endLine)) continue;
    const expected = annotations.get(endLine);
    used++;
    const tag = JSON.stringify(expected);
    const where = endLine + 1;
    const start = st.getStart(sf);
    const end = st.getEnd();
    if (/^throws\b/.test(expected)) {
      const body = code.slice(start, end);
      edits.push([start, end, `await __throws(async () => { ${body} }, ${tag}, ${where});`]);
    } else if (ts.isExpressionStatement(st)) {
      const expr = code.slice(st.expression.getStart(sf), st.expression.getEnd());
      edits.push([start, end, `await __check(await (${expr}), ${tag}, ${where});`]);
    } else if (ts.isVariableStatement(st) && st.declarationList.declarations.length === 1) {
      const d = st.declarationList.declarations[0];
      if (!ts.isIdentifier(d.name))
        throw new Error(`doctest: cannot annotate a destructuring on line ${where}`);
      edits.push([end, end, `; await __check(${d.name.text}, ${tag}, ${where});`]);
    } else {
      throw new Error(`doctest: cannot annotate this statement on line ${where}`);
    }
  }
  if (used !== annotations.size)
    throw new Error(
      `doctest: ${annotations.size - used} annotation(s) are not at the end of a top-level statement`,
    );
  let out = code;
  for (const [s, e, text] of edits.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, s) + text + out.slice(e);
  return out;
}

function rewriteImports(code) {
  return code
    .replace(
      /^\s*import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"]([^'"]+)['"];?\s*$/gm,
      (_all, isType, names, spec) => {
        if (isType) return '';
        const parts = names
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && !s.startsWith('type '))
          .map((s) => s.replace(/\s+as\s+/, ': '));
        return `const { ${parts.join(', ')} } = await __import(${JSON.stringify(spec)});`;
      },
    )
    .replace(
      /^\s*import\s+\*\s+as\s+(\w+)\s+from\s+['"]([^'"]+)['"];?\s*$/gm,
      (_a, name, spec) => `const ${name} = await __import(${JSON.stringify(spec)});`,
    );
}

/** Compile an example to the body of an async function. */
export function compileExample(code) {
  const instrumented = instrument(rewriteImports(code));
  const js = ts.transpileModule(instrumented, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return `{\n${js.replace(/^export \{\};?\s*$/m, '')}\n}`;
}

// ---- expected values -------------------------------------------------------

const NUM = /(?<![\w$.])-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![\w$])/g;

class Approx {
  constructor(text) {
    this.value = Number(text);
    const [mant, exp] = text.replace(/^[-+]/, '').split(/[eE]/);
    const decimals = mant.includes('.') ? mant.split('.')[1].length : 0;
    this.tol = 0.5 * 10 ** (-decimals + (exp ? Number(exp) : 0));
    this.text = text;
  }
}

function parseExpected(text, scope) {
  const approx = text.startsWith('~');
  const body = approx ? text.slice(1).trim() : text;
  const src = approx ? body.replace(NUM, (n) => `__n(${JSON.stringify(n)})`) : body;
  const names = Object.keys(scope);
  // eslint-disable-next-line no-new-func
  const fn = new Function('__n', ...names, `return (${src});`);
  return fn((n) => new Approx(n), ...names.map((k) => scope[k]));
}

function normalize(v) {
  if (v && typeof v === 'object' && 'rows' in v && 'cols' in v && v.data instanceof Float64Array) {
    const rows = [];
    for (let i = 0; i < v.rows; i++)
      rows.push(Array.from(v.data.subarray(i * v.cols, (i + 1) * v.cols)));
    return rows;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v);
  return v;
}

function compare(actual, expected, path, errors) {
  actual = normalize(actual);
  if (expected instanceof Approx) {
    const ok =
      typeof actual === 'number' &&
      (Math.abs(actual - expected.value) <= expected.tol * (1 + 1e-9) ||
        (Number.isNaN(actual) && Number.isNaN(expected.value)));
    if (!ok) errors.push(`${path}: expected ~${expected.text}, got ${actual}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      errors.push(`${path}: expected an array, got ${JSON.stringify(actual)}`);
      return;
    }
    if (actual.length !== expected.length) {
      errors.push(`${path}: expected length ${expected.length}, got ${actual.length}`);
      return;
    }
    for (let i = 0; i < expected.length; i++)
      compare(actual[i], expected[i], `${path}[${i}]`, errors);
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') {
      errors.push(`${path}: expected an object, got ${String(actual)}`);
      return;
    }
    for (const k of Object.keys(expected)) compare(actual[k], expected[k], `${path}.${k}`, errors);
    return;
  }
  if (!Object.is(actual, expected))
    errors.push(`${path}: expected ${JSON.stringify(expected)}, got ${String(actual)}`);
}

/**
 * Throw when `actual` does not match the annotation text (what follows `// =>`).
 * @param {unknown} actual
 * @param {string} expectedText
 * @param {Record<string, unknown>} [scope] - names usable inside the annotation
 */
export function assertAnnotation(actual, expectedText, scope = {}) {
  const expected = parseExpected(expectedText, scope);
  const errors = [];
  compare(actual, expected, 'value', errors);
  if (errors.length) throw new Error(errors.join('; '));
}

/**
 * Compile and run one example: `// =>` annotations are asserted, `import`s go through
 * `importModule`, and the names in `scope` are visible to the code and to the annotations.
 * @param {string} code
 * @param {(specifier: string) => Promise<unknown>} importModule
 * @param {Record<string, unknown>} [scope]
 */
export async function executeExample(code, importModule, scope = {}) {
  const body = compileExample(code);
  const annotationScope = { ...scope };
  const check = async (actual, expectedText, line) => {
    try {
      assertAnnotation(actual, expectedText, annotationScope);
    } catch (err) {
      throw new Error(`line ${line} of the example: ${err.message}`);
    }
  };
  const throws = async (fn, expectedText, line) => {
    const wanted = expectedText.replace(/^throws\s*/, '').trim();
    try {
      await fn();
    } catch (err) {
      if (wanted && err?.name !== wanted && err?.constructor?.name !== wanted)
        throw new Error(
          `line ${line} of the example: expected ${wanted}, got ${err?.name}: ${err?.message}`,
        );
      return;
    }
    throw new Error(`line ${line} of the example: expected it to throw ${wanted || 'an error'}`);
  };
  const names = Object.keys(annotationScope).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
  const fn = new AsyncFunction('__import', '__check', '__throws', ...names, body);
  await fn(importModule, check, throws, ...names.map((k) => annotationScope[k]));
}

/**
 * Extract the ```ts / ```typescript blocks of a Markdown text. A block whose info string
 * carries `illustrative` (```ts illustrative) is returned with `illustrative: true` and is
 * not run.
 * @returns {{ line: number, code: string, illustrative: boolean }[]}
 */
export function extractMarkdownSnippets(text) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*(ts|typescript)\b(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, , info] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].trim().startsWith(fence); j++)
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    out.push({
      line: i + 1,
      code: body.join('\n').trim(),
      illustrative: /\billustrative\b/.test(info),
    });
    i = j;
  }
  return out;
}

/**
 * Register one Vitest test per ```ts block of each Markdown file (guides, the docs home
 * page): the block runs as a complete program, its imports resolved by `importer`, and its
 * `// =>` annotations are asserted. Blocks marked `illustrative` are registered as skipped,
 * so they stay visible in the counts. Returns how many blocks run.
 *
 * @param {object} options
 * @param {string[]} options.files - Markdown files (absolute paths)
 * @param {(specifier: string) => Promise<unknown>} options.importer
 * @param {string} [options.root] - paths in test names are shown relative to it
 * @param {Record<string, string>} [options.skip] - `file:line` (as shown) → why it is skipped
 */
export function runMarkdownSnippets({ files, importer, root, skip = {} }) {
  let count = 0;
  for (const file of files) {
    const shown = root ? relative(root, file) : file;
    const snippets = extractMarkdownSnippets(readFileSync(file, 'utf8'));
    if (!snippets.length) continue;
    describe(`${shown} snippets`, () => {
      for (const sn of snippets) {
        const where = `${shown}:${sn.line}`;
        const title = `${where} runs and its annotations hold`;
        if (sn.illustrative) it.skip(`${title} (marked illustrative)`, () => {});
        else if (skip[where]) it.skip(`${title} (skipped: ${skip[where]})`, () => {});
        else {
          count++;
          it(title, () => executeExample(sn.code, importer));
        }
      }
    });
  }
  return count;
}

/**
 * Register one Vitest test per `@example` found under `srcDir`.
 *
 * @param {object} options
 * @param {string} options.name - the package name, e.g. `@rg/linalg`
 * @param {URL|string} options.srcDir - the package's `src` folder
 * @param {Record<string, unknown>} options.exports - the package's public module
 * @param {(specifier: string) => Promise<unknown>} [options.importer] - resolves other imports in examples
 * @param {boolean} [options.requireExamples=true] - fail when a runtime export has no example
 */
export function runDocExamples({ name, srcDir, exports, importer, requireExamples = true }) {
  const dir = typeof srcDir === 'string' ? srcDir : fileURLToPath(srcDir);
  const files = listSources(dir);
  const all = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const ex of extractExamples(text)) all.push({ ...ex, file: relative(dir, file) });
  }
  const importModule = async (spec) => {
    if (spec === name) return exports;
    if (!importer) throw new Error(`doctest: example imports ${spec} but no importer was given`);
    return importer(spec);
  };

  describe(`${name} executable docs`, () => {
    if (requireExamples) {
      it('every runtime export has an @example in its TSDoc', () => {
        const documented = new Set(all.map((e) => e.name));
        const missing = Object.keys(exports).filter(
          (k) => !documented.has(k) && typeof exports[k] !== 'undefined' && !/^[A-Z0-9_]+$/.test(k),
        );
        expect(missing, `exports without an @example: ${missing.join(', ')}`).toEqual([]);
      });
    }
    for (const ex of all) {
      it(`${ex.name} example (${ex.file}:${ex.line}) runs and its annotations hold`, () =>
        executeExample(ex.code, importModule, exports));
    }
  });
  return all.length;
}
