#!/usr/bin/env node
// Checks the built docs site (apps/docs/dist) the way a reader meets it: serves it over
// HTTP and opens every page in headless Chromium (playwright-core driving Debian's
// /usr/bin/chromium, as the packages' browser tests do) at a 390-px-wide phone viewport.
// A page fails when
//   - it or anything it loads (CSS, fonts, images, scripts) answers other than 200,
//   - the console shows an error or the page throws,
//   - the page scrolls sideways at a 390-px viewport, or content reaches past its edge
//     outside a box that scrolls on its own (a table, a code block),
//   - an <img> did not load (complete with a natural width),
//   - a link inside the site points at a file that does not exist, or at an #anchor that
//     the target page does not define.
// The link check is written here rather than taken from a link-checker package: every link
// is internal to a static folder, the crawl already has each page's DOM, and external
// links are only listed (this check must pass offline).
// Usage: node apps/docs/scripts/check-site.mjs [--limit N]   (N pages per folder, for a quick look)
// Ends with `site check: N passed, N failed` (one per page).
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const dist = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Number.POSITIVE_INFINITY;
if (!existsSync(join(dist, 'index.html'))) {
  console.error(
    'site check: apps/docs/dist/index.html is missing; build the site first (npm run docs)',
  );
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`site check: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  let file = normalize(join(dist, url));
  if (!file.startsWith(dist)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// every HTML page, at most `limit` per folder
const pages = [];
const walk = (dir) => {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  let n = 0;
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.html') && n++ < limit) pages.push(relative(dist, full));
  }
};
walk(dist);

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
const idsCache = new Map(); // page path -> Set of ids, filled as pages are visited
const pendingAnchors = []; // [from, targetPath, id]
const external = new Set();
const problems = new Map(); // page -> string[]
const add = (page, msg) => {
  if (!problems.has(page)) problems.set(page, []);
  problems.get(page).push(msg);
};

async function visit(path) {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') add(path, `console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => add(path, `page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) add(path, `${r.status()} for ${r.url().replace(origin, '')}`);
  });
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(origin)) add(path, `request failed: ${r.url().replace(origin, '')}`);
  });
  try {
    const res = await page.goto(`${origin}/${path}`, { waitUntil: 'load', timeout: 60_000 });
    if (res?.status() !== 200) add(path, `page answered ${res?.status()}`);
    const info = await page.evaluate(() => {
      const doc = document.documentElement;
      const W = doc.clientWidth;
      const imgs = [...document.images].filter((i) => !i.complete || i.naturalWidth === 0);
      // Content that reaches past the viewport and is not inside a box of its own that
      // scrolls or clips (TypeDoc's off-canvas menu, .col-sidebar, is hidden by design).
      const boxed = (el) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      const out = [...document.querySelectorAll('body *')].filter(
        (el) => el.getBoundingClientRect().right > W + 1 && !el.closest('.col-sidebar'),
      );
      const wide = out
        .filter((el) => !out.some((o) => o !== el && el.contains(o)) && !boxed(el))
        .slice(0, 3)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`,
        );
      window.scrollTo(10_000, 0);
      const scrolled = window.scrollX;
      window.scrollTo(0, 0);
      return {
        overflow: scrolled,
        wide,
        brokenImages: imgs.map((i) => i.getAttribute('src')),
        ids: [...document.querySelectorAll('[id], a[name]')].map(
          (e) => e.id || e.getAttribute('name'),
        ),
        links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
      };
    });
    if (info.overflow > 1 || info.wide.length)
      add(
        path,
        `scrolls sideways at 390px (by ${info.overflow}px; past the edge: ${info.wide.join(', ') || '—'})`,
      );
    for (const src of info.brokenImages) add(path, `image did not load: ${src}`);
    idsCache.set(path, new Set(info.ids));
    for (const href of info.links) {
      const u = new URL(href);
      if (u.origin !== origin) {
        if (/^https?:$/.test(u.protocol)) external.add(href);
        continue;
      }
      let target = decodeURIComponent(u.pathname).replace(/^\//, '');
      const file = join(dist, target);
      if (existsSync(file) && statSync(file).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(join(dist, target))) add(path, `broken link: ${href.replace(origin, '')}`);
      else if (u.hash.length > 1 && target.endsWith('.html'))
        pendingAnchors.push([path, target, decodeURIComponent(u.hash.slice(1))]);
    }
  } catch (err) {
    add(path, `could not load: ${err.message}`);
  } finally {
    await page.close();
  }
}

const t0 = Date.now();
const queue = [...pages];
let done = 0;
const workers = Array.from({ length: 4 }, async () => {
  while (queue.length) {
    await visit(queue.shift());
    if (++done % 100 === 0)
      console.log(`site check: ${done}/${pages.length} pages, ${problems.size} with problems`);
  }
});
await Promise.all(workers);
// anchors into pages the crawl did not open (--limit) are not judged
for (const [from, target, id] of pendingAnchors) {
  const ids = idsCache.get(target);
  if (ids && !ids.has(id)) add(from, `link to a missing anchor: ${target}#${id}`);
}
await browser.close();
server.close();

let shown = 0;
for (const [page, list] of [...problems].sort()) {
  if (shown++ < 40) console.error(`FAIL ${page}\n  ${[...new Set(list)].slice(0, 6).join('\n  ')}`);
}
if (problems.size > 40) console.error(`... and ${problems.size - 40} more pages`);
if (external.size) console.log(`site check: ${external.size} external links (not fetched)`);
console.log(
  `site check: ${pages.length} pages in ${((Date.now() - t0) / 1000).toFixed(0)} s at 390 px wide`,
);
console.log(`site check: ${pages.length - problems.size} passed, ${problems.size} failed`);
process.exit(problems.size ? 1 : 0);
