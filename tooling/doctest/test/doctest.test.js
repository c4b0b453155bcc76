import { describe, expect, it } from 'vitest';
import {
  assertAnnotation,
  compileExample,
  executeExample,
  extractExamples,
  extractMarkdownSnippets,
} from '../index.js';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

async function run(code) {
  const calls = [];
  const check = async (actual, expected, line) => calls.push({ actual, expected, line });
  const throws = async (fn, expected) => {
    try {
      await fn();
      calls.push({ threw: false, expected });
    } catch (e) {
      calls.push({ threw: e.name, expected });
    }
  };
  await new AsyncFunction('__import', '__check', '__throws', compileExample(code))(
    async () => ({ double: (x) => 2 * x }),
    check,
    throws,
  );
  return calls;
}

describe('doctest', () => {
  it('extractExamples(text) finds the example and the declaration it documents', () => {
    const text = `/**\n * Doubles.\n * @example\n * double(2) // => 4\n * @param x - a number\n */\nexport function double(x: number) { return 2 * x; }`;
    const [ex] = extractExamples(text);
    expect(ex.name).toBe('double');
    expect(ex.code).toBe('double(2) // => 4');
  });

  it('compileExample(code) turns annotations into checks, including multi-line statements', async () => {
    const calls = await run(
      "import { double } from 'x';\nconst y: number = double(3) // => 6\ndouble(\n  1,\n) // => ~2.0\nconst z = [1, 2];",
    );
    expect(calls.map((c) => [c.actual, c.expected, c.line])).toEqual([
      [6, '6', 2],
      [2, '~2.0', 5],
    ]);
  });

  it('compileExample(code) asserts thrown errors', async () => {
    const calls = await run("JSON.parse('{') // => throws SyntaxError");
    expect(calls).toEqual([{ threw: 'SyntaxError', expected: 'throws SyntaxError' }]);
  });

  it('compileExample(code) rejects an annotation in the middle of a statement', () => {
    expect(() => compileExample('const a = [\n 1, // => 1\n 2];')).toThrow(/not at the end/);
  });
});

describe('assertAnnotation', () => {
  const m = { rows: 2, cols: 2, data: new Float64Array([1, 0, 0, 1]) };
  it('assertAnnotation(actual, text) accepts exact matches and rejects others', () => {
    expect(() => assertAnnotation(3, '3')).not.toThrow();
    expect(() => assertAnnotation(3.0001, '3')).toThrow(/expected 3/);
    expect(() => assertAnnotation('a', "'a'")).not.toThrow();
    expect(() => assertAnnotation(m, '[[1, 0], [0, 1]]')).not.toThrow();
    expect(() => assertAnnotation(m, '[[1, 0], [0, 2]]')).toThrow(/\[1\]\[1\]/);
    expect(() => assertAnnotation(new Float64Array([1, 2]), '[1, 2, 3]')).toThrow(/length/);
  });
  it('assertAnnotation(actual, "~x") matches to half a unit in the last printed digit', () => {
    expect(() => assertAnnotation(0.98025814, '~0.980258')).not.toThrow();
    expect(() => assertAnnotation(0.9802586, '~0.980258')).toThrow(/~0.980258/);
    expect(() => assertAnnotation(1.23e-7, '~1.2e-7')).not.toThrow();
    expect(() => assertAnnotation(1.3e-7, '~1.2e-7')).toThrow();
    expect(() => assertAnnotation([0.5, -1.25], '~[0.5, -1.25]')).not.toThrow();
  });
  it('assertAnnotation(object, "{ key: v }") checks only the listed keys', () => {
    expect(() =>
      assertAnnotation({ converged: true, iterations: 4 }, '{ converged: true }'),
    ).not.toThrow();
    expect(() => assertAnnotation({ converged: false }, '{ converged: true }')).toThrow(
      /converged/,
    );
  });
});

describe('Markdown snippets', () => {
  it('extractMarkdownSnippets(text) finds ts blocks, their lines and the illustrative mark', () => {
    const md = [
      '# Guide',
      '```ts',
      "import { double } from 'x';",
      'double(2) // => 4',
      '```',
      '```sh',
      'npm i x',
      '```',
      '- item:',
      '  ```ts illustrative',
      '  model.forward(batch);',
      '  ```',
    ].join('\n');
    expect(extractMarkdownSnippets(md)).toEqual([
      { line: 2, code: "import { double } from 'x';\ndouble(2) // => 4", illustrative: false },
      { line: 10, code: 'model.forward(batch);', illustrative: true },
    ]);
  });

  it('executeExample(code, importer) runs a snippet and fails on a wrong annotation', async () => {
    const importer = async () => ({ double: (x) => 2 * x });
    await expect(
      executeExample("import { double } from 'x';\ndouble(2) // => 4", importer),
    ).resolves.toBeUndefined();
    await expect(
      executeExample("import { double } from 'x';\ndouble(2) // => 5", importer),
    ).rejects.toThrow(/line 2 of the example: value: expected 5, got 4/);
    await expect(executeExample('undefinedName + 1', importer)).rejects.toThrow(ReferenceError);
  });
});
