#!/usr/bin/env node
// The gallery runner (the main job): runs every packages/*/examples/*.ts,
// shows a progress bar, writes each figure as SVG and the results table as
// JSON and Markdown into apps/docs/gallery/, which the docs site shows.
// Usage: node scripts/gallery.mjs [--quick] [filter]
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownTable } from '@rg/gallery';
import { tsImport } from 'tsx/esm/api';
import { progressBar, ROOT, workspaceDirs } from './lib.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const outDir = join(ROOT, 'apps', 'docs', 'gallery');

const examples = [];
for (const dir of workspaceDirs(['packages'])) {
  const exDir = join(dir, 'examples');
  if (!existsSync(exDir)) continue;
  for (const f of readdirSync(exDir).sort()) {
    if (!f.endsWith('.ts') || f.endsWith('.d.ts')) continue;
    const file = join(exDir, f);
    if (filter && !relative(ROOT, file).includes(filter)) continue;
    examples.push({ pkg: basename(dir), file, id: `${basename(dir)}/${basename(f, '.ts')}` });
  }
}

if (!filter) rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const bar = progressBar(examples.length, 'examples');
const results = [];
let failures = 0;
for (const ex of examples) {
  const t0 = performance.now();
  bar.update(ex.id);
  try {
    const mod = await tsImport(pathToFileURL(ex.file).href, import.meta.url);
    const example = mod.default;
    if (!example || typeof example.run !== 'function')
      throw new Error('no default-exported defineExample({...})');
    const out = await example.run({
      quick,
      progress: (fraction, message) =>
        bar.update(`${ex.id} ${(100 * fraction).toFixed(0)}%${message ? ` ${message}` : ''}`),
    });
    const pkgDir = join(outDir, ex.pkg);
    mkdirSync(pkgDir, { recursive: true });
    const figures = [];
    for (const fig of out.figures ?? []) {
      if (!/^<(svg|figure)\b/.test(fig.svg.trim()))
        throw new Error(`figure ${fig.name} is not SVG`);
      const path = join(pkgDir, `${fig.name}.svg`);
      writeFileSync(path, fig.svg);
      figures.push({
        name: fig.name,
        title: fig.title,
        caption: fig.caption ?? '',
        path: relative(outDir, path),
      });
    }
    results.push({
      id: ex.id,
      package: `@rg/${ex.pkg}`,
      title: example.title,
      description: example.description,
      summary: out.summary ?? '',
      figures,
      table: out.table ?? [],
      seconds: (performance.now() - t0) / 1000,
      quick,
    });
    bar.tick(`${ex.id} done`);
  } catch (err) {
    failures++;
    bar.tick(`${ex.id} FAILED`);
    console.error(`\ngallery: ${ex.id} failed: ${err?.stack ?? err}`);
    results.push({
      id: ex.id,
      package: `@rg/${ex.pkg}`,
      title: ex.id,
      error: String(err?.message ?? err),
    });
  }
}
bar.end();

writeFileSync(
  join(outDir, 'results.json'),
  `${JSON.stringify({ generated: new Date().toISOString(), results }, null, 2)}\n`,
);
const md = ['# Gallery results', ''];
for (const r of results) {
  md.push(`## ${r.title} (${r.package})`, '');
  if (r.error) {
    md.push(`**Failed:** ${r.error}`, '');
    continue;
  }
  md.push(r.description, '', r.summary, '');
  for (const f of r.figures) md.push(`![${f.title}](${f.path})`, '');
  if (r.table.length) md.push(markdownTable(r.table), '');
  md.push(`_${r.seconds.toFixed(1)} s${r.quick ? ', quick run' : ''}_`, '');
}
writeFileSync(join(outDir, 'results.md'), `${md.join('\n')}\n`);
console.log(
  `gallery: ${results.length - failures}/${results.length} examples ran; outputs in ${relative(ROOT, outDir)}/`,
);
if (failures) process.exit(1);
