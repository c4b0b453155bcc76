#!/usr/bin/env node
// Builds the docs site into apps/docs/dist:
//   api/       one TypeDoc site over every package (entryPointStrategy: packages)
//   guides/    apps/docs/guides/*.md rendered with marked, math with KaTeX
//   gallery/   the figures and tables written by the packages' examples/
//   demos/     the live demo pages of apps/docs/demos (its buildDemos: esbuild bundles)
//   index.html the home page for users (home.md): what each package does, with a runnable
//              example and a gallery figure each, install lines, links to guides and API
// Guides and the home page may embed gallery output with {{figure:pkg/name}} and
// {{table:pkg/example}}; `## Title {#id}` sets a heading's anchor (others get a slug).
// The API pages get the site's navigation (TypeDoc navigationLinks) and links from
// package READMEs or TSDoc to guide files are pointed at the rendered guide pages.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
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
// --reuse-api: rebuild the pages around the API but keep the API built last time (TypeDoc
// is the slow part); its links to guide pages and the site navigation stay valid.
const reuseApi =
  process.argv.includes('--reuse-api') && existsSync(join(dist, 'api', 'index.html'));
const keptApi = join(app, 'node_modules', '.api-kept'); // ignored by git
if (reuseApi) {
  rmSync(keptApi, { recursive: true, force: true });
  renameSync(join(dist, 'api'), keptApi);
}

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
const slugify = (text) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
const marked = new Marked(mathExtension, {
  renderer: {
    heading({ tokens, depth, text }) {
      const explicit = /\s*\{#([\w-]+)\}\s*$/.exec(text);
      let inner = this.parser.parseInline(tokens);
      if (explicit) inner = inner.replace(/\s*\{#[\w-]+\}\s*$/, '');
      const id = explicit ? explicit[1] : slugify(inner);
      return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
    },
    table(token) {
      // Tables scroll inside their own box on a narrow screen instead of widening the page.
      return `<div class="table-wrap">${this.constructor.prototype.table.call(this, token)}</div>\n`;
    },
  },
});

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
  return `<div class="table-wrap"><table><thead><tr>${keys.map((k) => `<th>${k}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${keys.map((k) => `<td>${fmt(r[k])}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
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

function layout(title, body, prefix, footer = '') {
  const nav = [
    `<a href="${prefix}index.html">Home</a>`,
    `<a href="${prefix}index.html#guides">Guides</a>`,
    `<a href="${prefix}gallery.html">Gallery</a>`,
    skipApi ? '' : `<a href="${prefix}api/index.html">API reference</a>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/<[^>]+>/g, '')} — @rg</title>
<link rel="icon" href="${prefix}assets/favicon.svg">
<link rel="stylesheet" href="${prefix}assets/katex/katex.min.css">
<link rel="stylesheet" href="${prefix}assets/site.css">
</head><body><nav>${nav}</nav><main>
${body}
${footer}
</main></body></html>
`;
}

/** The guides as a list of links (home page and guide footers). */
function guideList(prefix, current) {
  return `<ol class="guides">${guides
    .map((g) =>
      g.slug === current
        ? `<li><strong>${g.title}</strong></li>`
        : `<li><a href="${prefix}guides/${g.slug}.html">${g.title}</a></li>`,
    )
    .join('')}</ol>`;
}

// ---- assets ---------------------------------------------------------------
const katexDist = join(dirname(require.resolve('katex/package.json')), 'dist');
mkdirSync(join(dist, 'assets', 'katex'), { recursive: true });
cpSync(join(katexDist, 'katex.min.css'), join(dist, 'assets', 'katex', 'katex.min.css'));
cpSync(join(katexDist, 'fonts'), join(dist, 'assets', 'katex', 'fonts'), { recursive: true });
writeFileSync(
  join(dist, 'assets', 'site.css'),
  `body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d232a}nav{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding:.8rem 1.5rem;background:#f3f5f7;border-bottom:1px solid #dde2e6}
nav a{color:#0b5cad;text-decoration:none}main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem;overflow-wrap:break-word}
pre{background:#f6f8fa;padding:.8rem;overflow:auto;border-radius:4px}code{font-size:.92em}p code,li code{overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;max-width:100%;margin:1rem 0;position:relative}.table-wrap table{margin:0}.table-wrap td,.table-wrap th{min-width:6rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9em}td,th{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left;vertical-align:top}th{background:#f3f5f7}
.guide-nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem;border-top:1px solid #dde2e6;margin-top:3rem;padding-top:1rem}
ol.guides{columns:2 18rem}h1{font-size:2rem;line-height:1.2}
@media (max-width:600px){h1{font-size:1.5rem}}
@media (max-width:600px){main{padding:1rem .9rem 3rem}nav{padding:.7rem .9rem}}
figure{margin:1.2rem 0}.katex{position:relative}figure img{max-width:100%}.missing{color:#a15c00}.math{overflow-x:auto}.example{border-top:1px solid #dde2e6;margin-top:2rem}\n`,
);
cpSync(join(app, 'favicon.svg'), join(dist, 'assets', 'favicon.svg'));
if (existsSync(galleryDir)) cpSync(galleryDir, join(dist, 'gallery'), { recursive: true });

// ---- guides -----------------------------------------------------------------
guides.forEach((g, i) => {
  const html = marked.parse(embeds(g.text, '../'));
  const prev = guides[i - 1];
  const next = guides[i + 1];
  const footer = `<div class="guide-nav">${prev ? `<a href="${prev.slug}.html">← ${prev.title}</a>` : '<span></span>'}<a href="../index.html#guides">All guides</a>${next ? `<a href="${next.slug}.html">${next.title} →</a>` : '<span></span>'}</div>`;
  writeFileSync(join(dist, 'guides', `${g.slug}.html`), layout(g.title, html, '../', footer));
});

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

// ---- demos (guides link to them as ../demos/<name>.html) -----------------------
const { buildDemos } = await import('../demos/build.mjs');
await buildDemos(join(dist, 'demos'));

// ---- home ---------------------------------------------------------------------
const home = readFileSync(join(app, 'home.md'), 'utf8').replace('{{guides}}', () =>
  guideList('', null),
);
writeFileSync(join(dist, 'index.html'), layout('@rg', marked.parse(embeds(home, '')), ''));

// ---- API (TypeDoc over all packages) -----------------------------------------
if (reuseApi) renameSync(keptApi, join(dist, 'api'));
else if (!skipApi) {
  const typedoc = join(app, 'node_modules', '.bin', 'typedoc');
  const r = spawnSync(typedoc, ['--options', join(app, 'typedoc.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('docs: TypeDoc failed');
    process.exit(r.status ?? 1);
  }
  linkGuidesFromApi(join(dist, 'api'));
}

/**
 * TypeDoc copies a Markdown file that a README or a TSDoc comment links to into api/media/
 * and links the raw copy. Point such links at the rendered guide page instead and drop the
 * copies; a link to any other .md copy fails the build. The navigation links back to the
 * site (typedoc.json `navigationLinks`, written `rg-site:<page>`) are made relative here.
 */
function linkGuidesFromApi(apiDir) {
  const bySlug = new Map(guides.map((g) => [g.file, g.slug]));
  const unknown = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else if (name.name.endsWith('.html')) {
        const html = readFileSync(full, 'utf8');
        const depth = relative(apiDir, dir).split(/[\\/]/).filter(Boolean).length;
        const up = '../'.repeat(depth + 1);
        const out = html
          .replaceAll('href="rg-site:', `href="${up}`)
          .replace(/href="((?:\.\.\/)*)media\/([^"#]+?\.md)(#[^"]*)?"/g, (_m, _u, file, hash) => {
            const guideFile = file.replace(/-\d+(?=\.md$)/, '');
            const slug = bySlug.get(guideFile) ?? bySlug.get(file);
            if (!slug) {
              unknown.add(file);
              return _m;
            }
            return `href="${up}guides/${slug}.html${hash ?? ''}"`;
          });
        if (out !== html) writeFileSync(full, out);
      }
    }
  };
  walk(apiDir);
  const media = join(apiDir, 'media');
  if (existsSync(media))
    for (const f of readdirSync(media)) if (f.endsWith('.md')) rmSync(join(media, f));
  if (unknown.size) {
    console.error(
      `docs: API pages link to Markdown files that are not guides: ${[...unknown].join(', ')}`,
    );
    process.exit(1);
  }
}
console.log(
  `docs: site written to ${dist} (${guides.length} guides, ${results.length} gallery entries)`,
);
