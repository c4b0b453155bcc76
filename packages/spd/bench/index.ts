// Benchmarks for @rg/spd: our time and the ratio against a NumPy implementation of the same
// algorithms (pyRiemann-style, batched numpy.linalg.eigh) measured in the same run.
// Run: npm run bench (in packages/spd). NumPy 1.24 + OpenBLAS run in the same script, so both
// sides see the same load.
//
//   Quiet machine (load average ~3), after the SPD kernels moved to @rg/linalg's WebAssembly
//   products (2026-11-29):
//   benchmark                              ours ms  numpy ms  numpy/ours  note
//   @rg/spd:frechetMean:airm:100x32        163      191       1.17x       8 iterations; numpy 9 iterations
//   @rg/spd:pairwiseDistances:airm:200x16  489      983       2.01x
//   @rg/spd:MDM:fit+predict:300x22         279      392       1.40x
//
//   Earlier, plain-loop products, machine shared with five other jobs (load average ~15):
//   @rg/spd:frechetMean:airm:100x32        296      658       2.22x       8 iterations; numpy 9 iterations
//   @rg/spd:pairwiseDistances:airm:200x16  1245     9637      7.74x
//   @rg/spd:MDM:fit+predict:300x22         1036     1286      1.24x
//   (at load average ~20 the two Karcher-mean cases fell to 0.49x and 0.32x: under heavy
//   contention the single-threaded per-matrix loop loses to NumPy's batched LAPACK calls.)
//
// Pairwise distances win clearly (one whitening per row point, eigenvalue-only solves). The
// Karcher-mean cases are dominated by per-matrix eigendecompositions and products.
import { measure, pythonHas, report, runPython } from '@rg/bench';
import type { Matrix } from '@rg/linalg';
import {
  affineInvariant,
  covariance,
  frechetMean,
  MDM,
  pairwiseDistances,
  simulateEEG,
} from '../src/index.js';
import { randomSPD } from '../test/helpers.js';

const peer = new URL('./spd_peer.py', import.meta.url).pathname;
const hasNumpy = pythonHas('numpy');
const rows: Parameters<typeof report>[1] = [];
const tasks: Record<string, unknown>[] = [];
const rowsOf = (xs: Matrix[]) =>
  xs.map((x) =>
    Array.from({ length: x.rows }, (_, i) =>
      Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols)),
    ),
  );
const opts = { minRuns: 3, minTime: 300, maxRuns: 10, warmup: 2 };

// AIRM Fréchet mean of 100 32×32 matrices (pyRiemann defaults: tol 1e-8, 50 iterations).
{
  const xs = Array.from({ length: 100 }, (_, i) => randomSPD(32, 1000 + i, 100));
  let iterations = 0;
  const t = measure(() => {
    iterations = frechetMean(xs, affineInvariant).iterations;
  }, opts);
  rows.push({
    name: '@rg/spd:frechetMean:airm:100x32',
    ours: t.median,
    note: `${iterations} iterations`,
  });
  tasks.push({
    name: '@rg/spd:frechetMean:airm:100x32',
    kind: 'mean',
    points: rowsOf(xs),
    repeat: 3,
  });
}
// Pairwise AIRM distances of 200 16×16 matrices (19 900 pairs).
{
  const xs = Array.from({ length: 200 }, (_, i) => randomSPD(16, 2000 + i, 100));
  const t = measure(() => pairwiseDistances(xs, undefined, affineInvariant), opts);
  rows.push({ name: '@rg/spd:pairwiseDistances:airm:200x16', ours: t.median });
  tasks.push({
    name: '@rg/spd:pairwiseDistances:airm:200x16',
    kind: 'pairwise',
    points: rowsOf(xs),
    repeat: 3,
  });
}
// MDM fit + predict on 300 trials of 22 channels (2 classes, Ledoit–Wolf covariances).
{
  const { trials, labels } = simulateEEG({
    channels: 22,
    samples: 256,
    trials: 300,
    classes: 2,
    seed: 5,
  });
  const covs = trials.map((x) => covariance(x, { estimator: 'lwf' }));
  const t = measure(() => new MDM().fit(covs, labels).predict(covs), opts);
  rows.push({ name: '@rg/spd:MDM:fit+predict:300x22', ours: t.median });
  tasks.push({
    name: '@rg/spd:MDM:fit+predict:300x22',
    kind: 'mdm',
    points: rowsOf(covs),
    labels,
    repeat: 3,
  });
}

if (hasNumpy) {
  const { results } = runPython<{ results: { name: string; ms: number; iterations?: number }[] }>(
    peer,
    { tasks },
  );
  for (const r of results) {
    const row = rows.find((x) => x.name === r.name);
    if (row) {
      row.peers = { numpy: r.ms };
      if (r.iterations !== undefined) row.note = `${row.note}; numpy ${r.iterations} iterations`;
    }
  }
}
report('@rg/spd', rows);
