#!/usr/bin/env node
// Builds the docs site into apps/docs/dist:
//   api/       one TypeDoc site over every package (entryPointStrategy: packages)
//   guides/    apps/docs/guides/*.md rendered with marked, math with KaTeX
//   gallery/   the figures and tables written by the packages' examples/
//   index.html the project README with links to all of the above
// Guides may embed gallery output with {{figure:pkg/name}} and {{table:pkg/example}}.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import { Marked } from 'marked';

const here = dirname(fileURLToPath(import.meta.url));
const app = resolve(here, '..');
const root = resolve(app, '../..');
const dist = join(app, 'dist');
const galleryDir = join(app, 'gallery');
const require = createRequire(import.meta.url);
const skipApi = process.argv.includes('--no-api');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'guides'), { recursive: true });

// ---- math: $...$ inline and $$...$$ display, rendered at build time --------
const mathExtension = {
  extensions: [
    {
      name: 'displayMath',
      level: 'block',
      start: (src) => src.indexOf('$$'),
      tokenizer(src) {
        const m = /^\$\$([\s\S]+?)\$\$\s*(?:\n|$)/.exec(src);
        if (m) return { type: 'displayMath', raw: m[0], text: m[1].trim() };
      },
      renderer: (t) =>
        `<div class="math">${katex.renderToString(t.text, { displayMode: true, throwOnError: true })}</div>\n`,
    },
    {
      name: 'inlineMath',
      level: 'inline',
      start: (src) => src.indexOf('$'),
      tokenizer(src) {
        const m = /^\$([^$\n]+?)\$(?!\d)/.exec(src);
        if (m) return { type: 'inlineMath', raw: m[0], text: m[1] };
      },
      renderer: (t) => katex.renderToString(t.text, { displayMode: false, throwOnError: true }),
    },
  ],
};
const marked = new Marked(mathExtension);

const results = existsSync(join(galleryDir, 'results.json'))
  ? JSON.parse(readFileSync(join(galleryDir, 'results.json'), 'utf8')).results
  : [];

function tableHtml(rows) {
  if (!rows?.length) return '';
  const keys = Object.keys(rows[0]);
  const fmt = (v) =>
    typeof v === 'number' && !Number.isInteger(v)
      ? Math.abs(v) !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)
        ? v.toExponential(3)
        : v.toPrecision(4)
      : String(v);
  return `<table><thead><tr>${keys.map((k) => `<th>${k}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${keys.map((k) => `<td>${fmt(r[k])}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function embeds(md, prefix) {
  return md
    .replace(/\{\{figure:([\w-]+)\/([\w-]+)\}\}/g, (_m, pkg, name) => {
      const file = join(galleryDir, pkg, `${name}.svg`);
      if (!existsSync(file))
        return `<p class="missing">Figure ${pkg}/${name} has not been generated yet: run <code>npm run demo</code>.</p>`;
      return `<figure><img src="${prefix}gallery/${pkg}/${name}.svg" alt="${pkg} ${name}"></figure>`;
    })
    .replace(/\{\{table:([\w-]+\/[\w-]+)\}\}/g, (_m, id) => {
      const r = results.find((x) => x.id === id);
      return r?.table?.length
        ? tableHtml(r.table)
        : `<p class="missing">Table ${id} has not been generated yet.</p>`;
    });
}

const guides = existsSync(join(app, 'guides'))
  ? readdirSync(join(app, 'guides'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => {
        const text = readFileSync(join(app, 'guides', f), 'utf8');
        const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? f;
        return { file: f, slug: f.replace(/^\d+-/, '').replace(/\.md$/, ''), title, text };
      })
  : [];

function layout(title, body, prefix) {
  const nav = [
    `<a href="${prefix}index.html">Home</a>`,
    ...guides.map((g) => `<a href="${prefix}guides/${g.slug}.html">${g.title}</a>`),
    `<a href="${prefix}gallery.html">Gallery</a>`,
    skipApi ? '' : `<a href="${prefix}api/index.html">API reference</a>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — @rg</title>
<link rel="stylesheet" href="${prefix}assets/katex/katex.min.css">
<link rel="stylesheet" href="${prefix}assets/site.css">
</head><body><nav>${nav}</nav><main>
${body}
</main></body></html>
`;
}

// ---- assets ---------------------------------------------------------------
const katexDist = join(dirname(require.resolve('katex/package.json')), 'dist');
mkdirSync(join(dist, 'assets', 'katex'), { recursive: true });
cpSync(join(katexDist, 'katex.min.css'), join(dist, 'assets', 'katex', 'katex.min.css'));
cpSync(join(katexDist, 'fonts'), join(dist, 'assets', 'katex', 'fonts'), { recursive: true });
writeFileSync(
  join(dist, 'assets', 'site.css'),
  `body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d232a}nav{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding:.8rem 1.5rem;background:#f3f5f7;border-bottom:1px solid #dde2e6}
nav a{color:#0b5cad;text-decoration:none}main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem}
pre{background:#f6f8fa;padding:.8rem;overflow:auto;border-radius:4px}code{font-size:.92em}
table{border-collapse:collapse;margin:1rem 0;font-size:.9em}td,th{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:right}th{background:#f3f5f7}
figure{margin:1.2rem 0}figure img{max-width:100%}.missing{color:#a15c00}.math{overflow-x:auto}.example{border-top:1px solid #dde2e6;margin-top:2rem}\n`,
);
if (existsSync(galleryDir)) cpSync(galleryDir, join(dist, 'gallery'), { recursive: true });

// ---- guides -----------------------------------------------------------------
for (const g of guides) {
  const html = marked.parse(embeds(g.text, '../'));
  writeFileSync(join(dist, 'guides', `${g.slug}.html`), layout(g.title, html, '../'));
}

// ---- gallery ------------------------------------------------------------------
const galleryBody = ['<h1>Gallery</h1>'];
if (!results.length)
  galleryBody.push('<p class="missing">No results yet: run <code>npm run demo</code>.</p>');
for (const r of results) {
  galleryBody.push(
    `<section class="example" id="${r.id.replace('/', '-')}"><h2>${r.title} <small>(${r.package})</small></h2>`,
  );
  if (r.error) {
    galleryBody.push(`<p class="missing">This example failed: ${r.error}</p></section>`);
    continue;
  }
  galleryBody.push(marked.parse(r.description ?? ''), marked.parse(r.summary ?? ''));
  for (const f of r.figures)
    galleryBody.push(
      `<figure><img src="gallery/${f.path}" alt="${f.title}"><figcaption>${f.title}${f.caption ? ` — ${f.caption}` : ''}</figcaption></figure>`,
    );
  galleryBody.push(
    tableHtml(r.table),
    `<p><small>${r.seconds.toFixed(1)} s${r.quick ? ' (quick run)' : ''}</small></p></section>`,
  );
}
writeFileSync(join(dist, 'gallery.html'), layout('Gallery', galleryBody.join('\n'), ''));

// ---- home ---------------------------------------------------------------------
const readme = readFileSync(join(root, 'README.md'), 'utf8');
writeFileSync(join(dist, 'index.html'), layout('@rg', marked.parse(readme), ''));

// ---- API (TypeDoc over all packages) -----------------------------------------
if (!skipApi) {
  const typedoc = join(app, 'node_modules', '.bin', 'typedoc');
  const r = spawnSync(typedoc, ['--options', join(app, 'typedoc.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('docs: TypeDoc failed');
    process.exit(r.status ?? 1);
  }
}
console.log(
  `docs: site written to ${dist} (${guides.length} guides, ${results.length} gallery entries)`,
);
