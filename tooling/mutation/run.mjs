#!/usr/bin/env node
// `npm run mutation`: mutation testing with StrykerJS (vitest runner), one Stryker run per
// package, in that package's directory, on the files it is asked to mutate.
//
//   npm run mutation                          every file in targets.json (the recorded baseline)
//   npm run mutation -- --files 'packages/ot/src/emd.ts,packages/*/src/static-*.ts'
//   npm run mutation -- --since origin/main   the package sources changed since a git ref
//   npm run mutation -- --report              also rewrite REPORT.md from the stored results
//   options: --concurrency N (default 2), --force (ignore the incremental results),
//            --check (exit 1 when a file is below the goal or has an untriaged survivor),
//            --no-run (summarize the last Stryker reports without running Stryker),
//            --todo (print triage.json entries to fill in for the untriaged survivors)
//
// Each run leaves Stryker's JSON report in reports/mutation/<package>.json and merges its
// per-file results into reports/mutation/results.json (both ignored by git); REPORT.md is
// the committed summary, with every surviving mutant matched against triage.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const OUT = join(ROOT, 'reports', 'mutation');
const STORE = join(OUT, 'results.json');
const GOAL = 85;

const targets = readJson(join(HERE, 'targets.json'));
const triage = readJson(join(HERE, 'triage.json'));

const args = parseArgs(process.argv.slice(2));
const jobs = args.since
  ? fromSince(args.since)
  : args.files
    ? fromGlobs(args.files)
    : fromTargets();

let failed = false;
if (jobs.size === 0 && !args.report) console.log('mutation: nothing to mutate');
for (const [pkg, patterns] of jobs) {
  if (args.noRun) {
    if (existsSync(join(OUT, `${pkg.split('/').pop()}.json`))) mergeResults(pkg);
    continue;
  }
  const cwd = join(ROOT, pkg);
  console.log(`\nmutation: ${pkg}: ${patterns.join(', ')}`);
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'stryker'),
    [
      'run',
      join(HERE, 'stryker.config.mjs'),
      '--mutate',
      patterns.join(','),
      '--concurrency',
      String(args.concurrency),
      ...(args.force ? ['--force'] : []),
    ],
    { cwd, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...testsEnv(pkg) } },
  );
  if (r.status !== 0) {
    console.error(`mutation: Stryker failed in ${pkg} (exit ${r.status})`);
    failed = true;
    continue;
  }
  mergeResults(pkg);
}

const store = existsSync(STORE) ? readJson(STORE) : {};
const ran = [...jobs.keys()].flatMap((pkg) =>
  Object.keys(store).filter((f) => f.startsWith(`${pkg}/`) && store[f].run === lastRun(pkg)),
);
const shown = args.report ? targetFiles().filter((f) => store[f]) : ran;
const rows = shown.map((f) => summarize(f, store[f]));
if (rows.length > 0) {
  console.log(`\n${table(rows)}`);
  for (const row of rows)
    for (const s of row.untriaged)
      console.log(`untriaged survivor ${s.file}:${s.line}:${s.column} ${s.mutator}: ${s.diff}`);
}
if (args.todo) {
  const todo = rows.flatMap((r) =>
    r.untriaged.map((s) => ({
      file: s.file,
      line: s.line,
      mutator: s.mutator,
      code: s.code,
      original: oneLine(s.original, 200),
      replacement: oneLine(s.replacement ?? '', 200),
      verdict: 'equivalent',
      reason: '',
    })),
  );
  console.log(JSON.stringify(todo, null, 2));
}
const stale = triage.filter((t) => !rows.some((row) => row.used.has(t)) && shown.includes(t.file));
for (const t of stale)
  console.log(`triage entry matches no surviving mutant: ${t.file}:${t.line} ${t.mutator}`);
if (args.report) {
  const missing = targetFiles().filter((f) => !store[f]);
  if (missing.length) console.log(`no stored result for: ${missing.join(', ')}`);
  writeFileSync(join(HERE, 'REPORT.md'), report(rows));
  console.log(`wrote ${relative(ROOT, join(HERE, 'REPORT.md'))}`);
}
if (args.check && rows.some((r) => r.score < GOAL || r.untriaged.length > 0)) failed = true;
process.exit(failed ? 1 : 0);

// ---------------------------------------------------------------------------------------

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function parseArgs(argv) {
  const out = { concurrency: 2, force: false, report: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--files') out.files = [...(out.files ?? []), ...value().split(',')];
    else if (a === '--since') out.since = value();
    else if (a === '--concurrency') out.concurrency = Number(value());
    else if (a === '--force') out.force = true;
    else if (a === '--report') out.report = true;
    else if (a === '--check') out.check = true;
    else if (a === '--no-run') out.noRun = true;
    else if (a === '--todo') out.todo = true;
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(out.concurrency) || out.concurrency < 1)
    usage('--concurrency must be a positive integer');
  return out;
}

function usage(message) {
  console.error(`mutation: ${message}`);
  console.error(
    'usage: npm run mutation [-- --files <globs> | --since <git-ref>] [--report] [--check] [--force] [--concurrency N]',
  );
  process.exit(2);
}

/** A package's entry in targets.json: a list of files, or `{ files, tests }`. */
function targetEntry(pkg) {
  const t = targets[pkg];
  if (t === undefined) return { files: [], tests: undefined };
  return Array.isArray(t) ? { files: t, tests: undefined } : t;
}

/** MUTATION_TESTS for a package whose entry narrows its test files (see vitest.config.mjs). */
function testsEnv(pkg) {
  const { tests } = targetEntry(pkg);
  return tests ? { MUTATION_TESTS: JSON.stringify(tests) } : {};
}

function targetFiles() {
  // a file may carry Stryker's line range (`src/x.ts:120-180`): results are stored per file
  return Object.keys(targets).flatMap((pkg) =>
    targetEntry(pkg).files.map((f) => `${pkg}/${f.replace(/:\d[\d:-]*$/, '')}`),
  );
}

function add(map, pkg, pattern) {
  if (!existsSync(join(ROOT, pkg, 'vitest.config.ts')))
    usage(`${pkg} has no vitest.config.ts to run its tests with`);
  map.set(pkg, [...(map.get(pkg) ?? []), pattern]);
}

function fromTargets() {
  const map = new Map();
  for (const pkg of Object.keys(targets)) for (const f of targetEntry(pkg).files) add(map, pkg, f);
  return map;
}

/** `packages/<name>/<rest>`: <name> may be `*`; <rest> is handed to Stryker's --mutate. */
function fromGlobs(globs) {
  const map = new Map();
  for (const glob of globs.filter(Boolean)) {
    const m = /^(packages|tooling|apps)\/([^/]+)\/(.+)$/.exec(glob.replace(/^\.\//, ''));
    if (!m) usage(`--files ${glob}: expected packages/<name>/<path or glob>`);
    const [, group, name, rest] = m;
    const names =
      name === '*'
        ? readdirSync(join(ROOT, group)).filter((d) =>
            existsSync(join(ROOT, group, d, 'vitest.config.ts')),
          )
        : [name];
    for (const n of names) add(map, `${group}/${n}`, rest);
  }
  return map;
}

/** Non-test TypeScript sources under packages/<name>/src changed since `ref` (or uncommitted). */
function fromSince(ref) {
  const git = spawnSync('git', ['diff', '--name-only', '--diff-filter=AMR', ref, '--'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (git.status !== 0) usage(`--since ${ref}: ${git.stderr.trim()}`);
  const map = new Map();
  for (const file of git.stdout.split('\n')) {
    const m = /^(packages\/[^/]+)\/(src\/.+\.ts)$/.exec(file);
    if (!m || /\.(test|generated)\.ts$|\.d\.ts$/.test(m[2]) || m[2].endsWith('/index.ts')) continue;
    if (existsSync(join(ROOT, m[1], 'vitest.config.ts'))) add(map, m[1], m[2]);
  }
  return map;
}

function lastRun(pkg) {
  return existsSync(STORE) ? readJson(STORE).runs?.[pkg] : undefined;
}

/** Fold reports/mutation/<name>.json into the per-file store. */
function mergeResults(pkg) {
  const report = readJson(join(OUT, `${pkg.split('/').pop()}.json`));
  const store = existsSync(STORE) ? readJson(STORE) : {};
  const stamp = new Date().toISOString();
  store.runs = { ...(store.runs ?? {}), [pkg]: stamp };
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
  for (const [file, result] of Object.entries(report.files)) {
    store[`${pkg}/${file}`] = {
      run: stamp,
      commit,
      source: result.source,
      mutants: result.mutants,
    };
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(STORE, JSON.stringify(store));
}

function snippet(lines, loc) {
  const { start, end } = loc;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  const first = lines[start.line - 1].slice(start.column - 1);
  return `${first} … (${end.line - start.line + 1} lines)`;
}

function oneLine(s, max = 90) {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Counts for one file; survivors and uncovered mutants are matched against triage.json. */
function summarize(file, result) {
  const lines = result.source.split('\n');
  const entries = triage.filter((t) => t.file === file);
  const used = new Set();
  const count = (s) => result.mutants.filter((m) => m.status === s).length;
  const undetected = result.mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .map((m) => {
      const original = snippet(lines, m.location);
      return {
        file,
        line: m.location.start.line,
        column: m.location.start.column,
        mutator: m.mutatorName,
        status: m.status,
        original,
        replacement: m.replacement,
        code: lines[m.location.start.line - 1].trim(),
        diff: `${oneLine(original, 60)} → ${oneLine(m.replacement ?? '', 60)}`,
      };
    });
  // an entry matches by mutator, replaced text, replacement and the trimmed source line, so it
  // survives edits elsewhere in the file; identical candidates are taken in line order
  for (const s of undetected) {
    const entry = entries.find(
      (t) =>
        !used.has(t) &&
        t.mutator === s.mutator &&
        t.code === s.code &&
        t.original === oneLine(s.original, 200) &&
        t.replacement === oneLine(s.replacement ?? '', 200),
    );
    if (entry) {
      used.add(entry);
      s.triage = entry;
    }
  }
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const errors = count('CompileError') + count('RuntimeError');
  const equivalent = undetected.filter((s) => s.triage?.verdict === 'equivalent').length;
  const valid = killed + timeout + survived + noCoverage;
  return {
    file,
    total: result.mutants.length,
    killed,
    timeout,
    survived,
    noCoverage,
    errors,
    equivalent,
    raw: valid ? (100 * (killed + timeout)) / valid : 100,
    score: valid - equivalent ? (100 * (killed + timeout)) / (valid - equivalent) : 100,
    commit: result.commit,
    undetected,
    untriaged: undetected.filter((s) => !s.triage),
    used,
  };
}

function table(rows) {
  const head = [
    'file',
    'mutants',
    'killed',
    'timeout',
    'survived',
    'no cov',
    'errors',
    'equivalent',
    'Stryker score',
    'non-equivalent killed',
  ];
  const body = rows.map((r) => [
    r.file,
    r.total,
    r.killed,
    r.timeout,
    r.survived,
    r.noCoverage,
    r.errors,
    r.equivalent,
    `${r.raw.toFixed(1)}%`,
    `${r.score.toFixed(1)}%`,
  ]);
  return [head, head.map(() => '---'), ...body].map((c) => `| ${c.join(' | ')} |`).join('\n');
}

function report(rows) {
  const out = [
    '# Mutation testing baseline',
    '',
    `Generated by \`npm run mutation -- --report\` (tooling/mutation/run.mjs) from the last`,
    'Stryker run of each file; edit triage.json, not this file. Goal: ≥ ' +
      `${GOAL}% of the non-equivalent mutants killed (a timeout counts as killed).`,
    '"Stryker score" counts every valid mutant; "non-equivalent killed" leaves out the',
    'mutants triaged as equivalent. Errors are mutants that do not compile or crash on load',
    '(Stryker leaves them out of both scores).',
    '',
    table(rows),
    '',
    'Commits the files were measured at: ' +
      [...new Set(rows.map((r) => r.commit))].filter(Boolean).join(', '),
    '',
  ];
  for (const r of rows) {
    out.push(`## ${r.file}`, '');
    if (r.undetected.length === 0) {
      out.push('Every mutant was killed.', '');
      continue;
    }
    out.push('| line | mutator | mutant | verdict | why |', '| --- | --- | --- | --- | --- |');
    for (const s of r.undetected) {
      const cell = (t) => t.replace(/\|/g, '\\|').replace(/`/g, 'ˋ');
      out.push(
        `| ${s.line} | ${s.mutator}${s.status === 'NoCoverage' ? ' (no coverage)' : ''} | \`${cell(s.diff)}\` | ${s.triage?.verdict ?? '**untriaged**'} | ${cell(s.triage?.reason ?? '')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
