#!/usr/bin/env node
// Consumer smoke test: pack every public package as it would be published
// (workspace:* rewritten to versions), check each tarball holds dist with
// types, install the tarballs into an empty project with npm, and from a plain
// Node ESM script import every package by name and evaluate its `rg.smoke`
// expression (package.json) against its exports; a package with more entries
// (`exports["./kernels"]`) names one expression per entry in `rg.smokeSubpaths`,
// evaluated against that entry imported by its full specifier.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNPM_SPEC, workspaceDirs } from './lib.mjs';

const work = mkdtempSync(join(tmpdir(), 'rg-smoke-'));
const packs = join(work, 'packs');
const consumer = join(work, 'consumer');
let failures = 0;
const fail = (msg) => {
  failures++;
  console.error(`smoke: ${msg}`);
};

const pkgs = workspaceDirs(['packages']).map((dir) => ({
  dir,
  json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
}));
for (const { dir } of pkgs) {
  const r = spawnSync('npx', ['-y', PNPM_SPEC, 'pack', '--pack-destination', packs], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0) fail(`pnpm pack failed in ${dir}: ${r.stderr}`);
}
const tarballs = readdirSync(packs).filter((f) => f.endsWith('.tgz'));
for (const t of tarballs) {
  const files = execFileSync('tar', ['-tzf', join(packs, t)], { encoding: 'utf8' }).split('\n');
  const manifestText = execFileSync('tar', ['-xzOf', join(packs, t), 'package/package.json'], {
    encoding: 'utf8',
  });
  const subpaths = Object.keys(JSON.parse(manifestText).rg?.smokeSubpaths ?? {});
  const needed = ['package/dist/index.js', 'package/dist/index.d.ts', 'package/package.json'];
  for (const sub of subpaths)
    needed.push(`package/dist/${sub.slice(2)}/index.js`, `package/dist/${sub.slice(2)}/index.d.ts`);
  for (const need of needed)
    if (!files.includes(need)) fail(`${t} lacks ${need.replace('package/', '')}`);
  if (files.some((f) => /\.test\.(js|d\.ts)$/.test(f))) fail(`${t} ships test files`);
  const manifest = JSON.parse(manifestText);
  for (const [dep, range] of Object.entries(manifest.dependencies ?? {}))
    if (/^(workspace|catalog):/.test(range))
      fail(`${t}: dependency ${dep} was published as ${range}`);
}

rmSync(consumer, { recursive: true, force: true });
execFileSync('mkdir', ['-p', consumer]);
writeFileSync(
  join(consumer, 'package.json'),
  JSON.stringify({ name: 'rg-smoke-consumer', private: true, type: 'module' }, null, 2),
);
const inst = spawnSync(
  'npm',
  [
    'install',
    '--no-audit',
    '--no-fund',
    // gpu.js's optional `gl` builds ANGLE from source (minutes) and our packages have no
    // install scripts; the smoke test imports packages in plain Node, where gpu.js needs neither.
    '--omit=optional',
    '--ignore-scripts',
    '--loglevel=error',
    ...tarballs.map((t) => join(packs, t)),
  ],
  { cwd: consumer, encoding: 'utf8' },
);
if (inst.status !== 0) fail(`npm install of the tarballs failed:\n${inst.stderr}`);

const lines = ['let failures = 0;'];
for (const { json } of pkgs) {
  const expr = json.rg?.smoke;
  if (!expr) {
    fail(`${json.name} has no "rg.smoke" expression in package.json`);
    continue;
  }
  const entries = [
    [json.name, expr],
    ...Object.entries(json.rg?.smokeSubpaths ?? {}).map(([sub, e]) => [
      `${json.name}/${sub.slice(2)}`,
      e,
    ]),
  ];
  for (const [specifier, expression] of entries)
    lines.push(`{
  const m = await import(${JSON.stringify(specifier)});
  const ok = await new Function(...Object.keys(m), ${JSON.stringify(`return (${expression});`)})(...Object.values(m));
  if (ok !== true) { failures++; console.error('smoke: ${specifier}: ' + ${JSON.stringify(expression)} + ' was ' + ok); }
  else console.log('smoke: ${specifier} ok (' + Object.keys(m).length + ' exports)');
}`);
}
lines.push('process.exit(failures ? 1 : 0);');
writeFileSync(join(consumer, 'smoke.mjs'), lines.join('\n'));
if (inst.status === 0) {
  const r = spawnSync(process.execPath, ['smoke.mjs'], { cwd: consumer, stdio: 'inherit' });
  if (r.status !== 0) fail('importing the installed packages failed');
}
rmSync(work, { recursive: true, force: true });
if (failures) {
  console.error(`smoke: ${failures} problem(s)`);
  process.exit(1);
}
console.log(`smoke: ${pkgs.length} packages packed, installed and imported by name`);
