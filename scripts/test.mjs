#!/usr/bin/env node
// `npm test`: install, build, typecheck, lint (Biome + package shape + publint),
// run every package's tests (which include the executable TSDoc examples), the
// consumer smoke test, and end with one plain line `N passed, N failed`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bin, install, ROOT, run, workspaceDirs } from './lib.mjs';

const started = Date.now();
install();

// Remove stale reports so the summary only counts this run (turbo restores the
// cached ones it replays).
for (const dir of workspaceDirs()) rmSync(join(dir, '.vitest'), { recursive: true, force: true });

const turboArgs = [
  'run',
  'build',
  'typecheck',
  'lint',
  'test',
  '--concurrency=2',
  '--output-logs=new-only',
];
if (process.env.CI) turboArgs.push('--continue');
const turboStatus = bin('turbo', turboArgs);

let passed = 0;
let failed = 0;
let skipped = 0;
const perPackage = [];
for (const dir of workspaceDirs()) {
  const report = join(dir, '.vitest', 'results.json');
  if (!existsSync(report)) continue;
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const s = r.numPendingTests + r.numTodoTests;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += s;
  perPackage.push(
    `${relative(ROOT, dir)}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${s ? `, ${s} skipped` : ''}`,
  );
  for (const file of r.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed')
        console.error(`FAILED ${relative(ROOT, file.name)} > ${t.fullName}`);
    }
  }
}

// Non-vitest checks count as one test each.
const checks = [];
if (turboStatus !== 0) checks.push(['turbo build/typecheck/lint/test', false]);
else checks.push(['turbo build/typecheck/lint/test', true]);
const smoke = run(process.execPath, [join(ROOT, 'scripts', 'smoke.mjs')]);
checks.push(['consumer smoke test (packed tarballs, plain Node ESM)', smoke === 0]);
for (const [name, ok] of checks) {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAILED ${name}`);
  }
}

console.log('\nPer package:');
for (const line of perPackage) console.log(`  ${line}`);
console.log(`Took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
