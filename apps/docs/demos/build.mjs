// Build the live demos: each demo's page module bundled with esbuild (the real @rg packages
// from their dist/, for the browser) next to its HTML page, plus an index page and the CSS.
// `node build.mjs` writes dist/; the docs site calls buildDemos(join(site, 'demos')).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** The demos: name (the page is `<name>.html`), title and a one-line description. */
export const DEMOS = [
  {
    name: 'transport',
    title: 'Drag two point clouds, watch the transport plan',
    description: 'emd (network simplex) and sinkhorn of @rg/ot, recomputed as you drag.',
  },
  {
    name: 'spd-metrics',
    title: 'Pick a metric: SPD geodesics and means',
    description:
      'Geodesics and Fréchet means of 2×2 SPD matrices drawn as ellipses under five metrics of @rg/spd.',
  },
  {
    name: 'eeg',
    title: 'Classify simulated EEG',
    description:
      'simulateEEG, covariances and augmented covariances, MDM of @rg/spd: near chance versus well above it.',
  },
  {
    name: 'hessian',
    title: 'Watch a Hessian spectrum form',
    description:
      'train of @rg/nn on a small MLP, spectralDensity of @rg/hessian after every 25 epochs.',
  },
  {
    name: 'sequence-rl',
    title: 'Watch a policy learn a task by RL',
    description:
      'A small transformer of @rg/policy-gradient, warm-started, then GRPO, CAPO or G2RL one update per frame: held-out pass@1 and entropy live.',
  },
];

/** Bundle every demo into `outDir`; returns the files written (relative to outDir). */
export async function buildDemos(outDir = join(here, 'dist')) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const demo of DEMOS) {
    await build({
      entryPoints: [join(here, 'src', demo.name, 'page.ts')],
      outfile: join(outDir, `${demo.name}.js`),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      // @rg/linalg's worker pool imports node:worker_threads only when it runs under Node
      external: ['node:*'],
      logLevel: 'warning',
    });
    copyFileSync(join(here, 'src', demo.name, 'index.html'), join(outDir, `${demo.name}.html`));
    written.push(`${demo.name}.js`, `${demo.name}.html`);
  }
  copyFileSync(join(here, 'src', 'demos.css'), join(outDir, 'demos.css'));
  const items = DEMOS.map(
    (d) => `<li><a href="${d.name}.html">${d.title}</a> — ${d.description}</li>`,
  ).join('\n      ');
  const index = readFileSync(join(here, 'src', 'index.html'), 'utf8').replace(
    '<!-- demos -->',
    items,
  );
  writeFileSync(join(outDir, 'index.html'), index);
  written.push('demos.css', 'index.html');
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await buildDemos();
  console.log(`demos: ${files.length} files written to ${join(here, 'dist')}`);
}
