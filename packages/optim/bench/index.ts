// Benchmarks for @rg/optim: our time and the ratio against a NumPy implementation of the same
// computation (bench/optim_peer.py) measured in the same run: one optimizer step
// (PyTorch-style in-place NumPy for the Euclidean cases, geoopt-style projection + QR for
// Stiefel), Muon's Newton–Schulz iteration, and the CBO Rastrigin study vectorized over runs,
// particles and coordinates. NumPy runs with OPENBLAS_NUM_THREADS=1 (small Stiefel products;
// the elementwise updates do not use BLAS; our products run on one core, so Newton–Schulz
// compares one core with one core). Run: npm run bench (in packages/optim).
//
// Run of 2026-12-04 (2 shared cores, load average ~5 from other jobs; Debian NumPy 1.24.2):
// benchmark                                  ours ms  numpy ms  numpy/ours  note
// @rg/optim:sgd-momentum:euclidean:n=1e6     4.38     1.32      0.30x       stepInPlace, in place
// @rg/optim:adam:euclidean:n=1e6             9.74     10.43     1.07x       stepInPlace, in place
// @rg/optim:sgd-momentum:stiefel:256x16      0.4441   0.0705    0.16x       after 3 steps max |Δ| = 4.2e-16
// @rg/optim:adam:stiefel:256x16              0.4693   0.0816    0.17x       after 3 steps max |Δ| = 4.0e-16
// @rg/optim:newtonSchulz:512x512             214      101       0.47x       outputs max |Δ| = 1.4e-15
// @rg/optim:newtonSchulz:1024x256            87.56    42.20     0.48x       outputs max |Δ| = 1.4e-15
// @rg/optim:cboRuns:rastrigin:d=20:100x5000  10710    8759      0.82x       successes ours 93/100, numpy 90/100
// Euclidean SGD: about half of our step is the boundary check that the gradient is finite (one
// read pass), which NumPy's update does not do. Stiefel: @rg/linalg's Householder qr of the
// 256×16 retraction is most of the gap (LAPACK's, in NumPy). Newton–Schulz: three gemm calls per
// step against NumPy's OpenBLAS (whose XXᵀ is a SYRK, half a product); @rg/linalg/kernels has
// no SYRK entry yet, which would save a sixth of our flops. CBO: every step draws N·d = 800
// normals per run (a ziggurat stream, about 6× faster than Rng.normal's polar method; with the
// latter the study took 41 s here) and evaluates Rastrigin's cosines one call at a time, where
// NumPy's are vectorized; the two implementations' success counts differ only by their random
// streams. Timings on this shared machine vary by ±30% between runs.
import { measure, pythonHas, report, runPython } from '@rg/bench';
import { type Matrix, rng } from '@rg/linalg';
import {
  adam,
  cboRuns,
  newtonSchulz,
  type Optimizer,
  type Parameter,
  rastrigin,
  sgd,
  stiefel,
} from '../src/index.js';

const peer = new URL('./optim_peer.py', import.meta.url).pathname;
const hasNumpy = pythonHas('numpy');
const opts = { minTime: 500, warmup: 3 };

interface Task {
  name: string;
  kind: string;
  n?: number;
  x0?: number[][];
  g?: number[][];
  checkSteps?: number;
  params?: Record<string, number>;
}
const rows: { name: string; ours: number; peers: Record<string, number>; note: string }[] = [];
const tasks: Task[] = [];
const ourAfter = new Map<string, Float64Array>();

const n = 1_000_000;
for (const [kind, make] of [
  ['euclidean-sgd', () => sgd({ lr: 1e-3, momentum: 0.9 })],
  ['euclidean-adam', () => adam({ lr: 1e-3 })],
] as const) {
  const r = rng(1);
  const x = Float64Array.from({ length: n }, () => r.normal());
  const g = Float64Array.from({ length: n }, () => r.normal());
  const opt: Optimizer = make();
  const t = measure(() => opt.stepInPlace(x, g), opts);
  const name = `@rg/optim:${kind === 'euclidean-sgd' ? 'sgd-momentum' : 'adam'}:euclidean:n=1e6`;
  rows.push({ name, ours: t.median, peers: {}, note: 'stepInPlace, in place' });
  tasks.push({ name, kind, n });
}

function toRows(a: Matrix): number[][] {
  return Array.from({ length: a.rows }, (_, i) =>
    Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)),
  );
}

const checkSteps = 3;
for (const [kind, make] of [
  ['stiefel-sgd', () => sgd({ lr: 1e-3, momentum: 0.9 })],
  ['stiefel-adam', () => adam({ lr: 1e-3 })],
] as const) {
  const r = rng(2);
  const x0 = stiefel.randomPoint?.(256, 16, r) as Matrix;
  const g: Matrix = {
    rows: 256,
    cols: 16,
    data: Float64Array.from({ length: 4096 }, () => r.normal()),
  };
  const name = `@rg/optim:${kind === 'stiefel-sgd' ? 'sgd-momentum' : 'adam'}:stiefel:256x16`;
  // the same few steps as the peer, to check that both compute the same update
  const check: Parameter = {
    name: 'W',
    value: { ...x0, data: x0.data.slice() },
    grad: g,
    manifold: stiefel,
  };
  const c = make();
  for (let k = 0; k < checkSteps; k++) c.step([check]);
  ourAfter.set(name, check.value.data);
  const p: Parameter = {
    name: 'W',
    value: { ...x0, data: x0.data.slice() },
    grad: g,
    manifold: stiefel,
  };
  const opt = make();
  const t = measure(() => opt.step([p]), opts);
  rows.push({ name, ours: t.median, peers: {}, note: 'projection, QR retraction, transport' });
  tasks.push({ name, kind, x0: toRows(x0), g: toRows(g), checkSteps });
}

// Newton–Schulz (Muon's 5 quintic steps) on a Gaussian matrix; both sides start from the same G
for (const [m, n] of [
  [512, 512],
  [1024, 256],
]) {
  const r = rng(3);
  const g: Matrix = {
    rows: m,
    cols: n,
    data: Float64Array.from({ length: m * n }, () => r.normal()),
  };
  const name = `@rg/optim:newtonSchulz:${m}x${n}`;
  ourAfter.set(name, newtonSchulz(g).data);
  const t = measure(() => newtonSchulz(g), { minTime: 1000, warmup: 1 });
  rows.push({ name, ours: t.median, peers: {}, note: '5 steps, gemm kernels' });
  tasks.push({ name, kind: 'newton-schulz', g: toRows(g) });
}

// the CBO Rastrigin study: 100 independent runs × 5000 steps, d = 20, N = 40, anisotropic
// noise, σ = 10.1, α = 30·1.05ᵏ, dt = 0.01, particles from U[−3, 3]ᵈ; tol 0 so that every run
// takes all 5000 steps, like the vectorized peer (which cannot stop runs one by one)
const study = {
  runs: 100,
  n: 40,
  d: 20,
  alpha: 30,
  growth: 1.05,
  lam: 1,
  sigma: 10.1,
  dt: 0.01,
  steps: 5000,
  lo: -3,
  hi: 3,
};
const cboName = '@rg/optim:cboRuns:rastrigin:d=20:100x5000';
const cboStart = performance.now();
const ours = cboRuns(rastrigin, {
  dim: study.d,
  particles: study.n,
  alpha: study.alpha,
  alphaGrowth: study.growth,
  lambda: study.lam,
  sigma: study.sigma,
  dt: study.dt,
  noise: 'anisotropic',
  init: { lower: study.lo, upper: study.hi },
  maxIter: study.steps,
  tol: 0,
  runs: study.runs,
  minimizer: new Float64Array(study.d),
});
rows.push({
  name: cboName,
  ours: performance.now() - cboStart,
  peers: {},
  note: `one run of the study; successes ours ${ours.successes}/100`,
});
tasks.push({ name: cboName, kind: 'cbo-study', params: study });

if (hasNumpy) {
  const { results } = runPython<{
    results: { name: string; ms: number; after?: number[][]; successes?: number }[];
  }>(peer, { tasks });
  for (const res of results) {
    const row = rows.find((x) => x.name === res.name);
    if (!row) continue;
    row.peers = { numpy: res.ms };
    if (res.successes !== undefined) row.note = `${row.note}, numpy ${res.successes}/100`;
    const ours = ourAfter.get(res.name);
    if (ours && res.after) {
      let worst = 0;
      res.after.flat().forEach((v, k) => {
        worst = Math.max(worst, Math.abs(v - ours[k]));
      });
      row.note = `${row.note}; ${res.name.includes('newtonSchulz') ? 'outputs' : `after ${checkSteps} steps`} max |Δ| = ${worst.toExponential(1)}`;
    }
  }
} else console.log('(no NumPy at /usr/bin/python3: ratios omitted)');
report('@rg/optim', rows);
