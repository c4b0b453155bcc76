#!/usr/bin/env node
// `npm run demo`: the main job. Installs the workspace, builds every package,
// runs the example gallery (real computations on built-in data, with a progress
// bar), builds the docs site (API + guides + gallery) and says how to serve it.
// Pass --quick for a reduced gallery run.
import { join } from 'node:path';
import { bin, install, ROOT, run } from './lib.mjs';

const quick = process.argv.includes('--quick');
const t0 = Date.now();
install();
if (bin('turbo', ['run', 'build', '--concurrency=2', '--output-logs=errors-only']) !== 0) {
  console.error('demo: build failed');
  process.exit(1);
}
const galleryStatus = run(process.execPath, [
  join(ROOT, 'scripts', 'gallery.mjs'),
  ...(quick ? ['--quick'] : []),
]);
const docsStatus = run(process.execPath, [join(ROOT, 'apps', 'docs', 'scripts', 'build.mjs')]);
const seconds = ((Date.now() - t0) / 1000).toFixed(0);
if (docsStatus !== 0) {
  console.error('demo: the docs site failed to build');
  process.exit(1);
}
console.log(`
demo finished in ${seconds} s
  gallery results: apps/docs/gallery/results.md (figures as SVG beside it)
  docs site:       apps/docs/dist/index.html
  serve it with:   npx -y pnpm@12.4.2 docs:serve   (or: npm run docs:serve) -> http://localhost:8080/
`);
process.exit(galleryStatus === 0 ? 0 : 1);
