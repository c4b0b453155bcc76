// Benchmarks for @rg/datasets: decoding the digits from the committed module, against
// scikit-learn's load_digits() reading the same data from its gzipped CSV (bench/digits_peer.py,
// Debian python3-sklearn), measured in the same run. Run: npm run bench (in packages/datasets).
//
// Run of 2026-12-04 (2 shared cores, other jobs running; Debian scikit-learn 1.2.1):
// benchmark                    ours ms  sklearn ms  sklearn/ours  note
// @rg/datasets:digits:1797x64  0.5156   4.50        8.72x         decode all images and labels
// Both sides produce the full float64 image matrix and the labels; scikit-learn parses text.
import { measure, pythonHas, report, runPython } from '@rg/bench';
import { digits } from '../src/index.js';

const t = measure(() => digits(), { minTime: 500, warmup: 3 });
const peers: Record<string, number> = {};
if (pythonHas('sklearn'))
  peers.sklearn = runPython<{ ms: number }>(
    new URL('./digits_peer.py', import.meta.url).pathname,
  ).ms;
else console.log('(no scikit-learn at /usr/bin/python3: ratio omitted)');
report('@rg/datasets', [
  {
    name: '@rg/datasets:digits:1797x64',
    ours: t.median,
    peers,
    note: 'decode all images and labels',
  },
]);
