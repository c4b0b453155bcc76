// Benchmarks for @rg/games: our time and the ratio against NumPy (bench/games_peer.py, the same
// updates on the same inputs, OPENBLAS_NUM_THREADS=1 because the matrices are small) measured
// in the same run.
//
// One run, 2026-12-04 17:00 UTC (`npx tsx bench/index.ts`), on a 2-core machine shared with other
// jobs (load average 2.7–4.2), Node 20, NumPy 1.24.2 with OpenBLAS on one thread:
//
// benchmark                                   ours ms  NumPy ms  NumPy/ours  note
// ------------------------------------------  -------  --------  ----------  --------------------------------------------------
// @rg/games:extragradient:dim=20:steps=1000   1.33     6.84      5.14x       dist to x* 1.5e-15
// @rg/games:extragradient:dim=200:steps=1000  89.56    15.91     0.18x       dist to x* 5.7e-15
// @rg/games:extragradient:dim=800:steps=1000  1918     142       0.07x       dist to x* 2.3e-14
// @rg/games:lvHba:toy:n=10:to-1e-3            26.29    185       7.04x       3995 iterations, rel. error 9.99e-4; NumPy 9.99e-4
// @rg/games:lvHba:toy:n=100:to-1e-3           83.98    183       2.18x       3995 iterations, rel. error 9.99e-4; NumPy 9.99e-4
// @rg/games:lvHba:toy:n=1000:to-1e-3          538      238       0.44x       3995 iterations, rel. error 9.99e-4; NumPy 9.99e-4
//
// Both sides follow the same iterates (the LV-HBA errors agree to the printed digits). LV-HBA is
// a few vector operations per iteration: below n ≈ 300 NumPy's per-call overhead dominates and
// we are faster; above, its vectorized loops win. Extragradient is two dense A·x per step: our
// A·x is a plain TypeScript loop (≈ 1–2 GFlop/s; @rg/linalg/kernels' gemm with n = 1 measured no
// faster), NumPy calls BLAS dgemv, so the ratio falls with the dimension.
import { measure, pythonHas, report, runPython } from '@rg/bench';
import { rng } from '@rg/linalg';
import { coupledBilevelToy, extragradient, lvHba, quadraticGame } from '../src/index.js';

process.env.OPENBLAS_NUM_THREADS = '1';
const peer = new URL('./games_peer.py', import.meta.url).pathname;
const hasNumpy = pythonHas('numpy');
const rows: Parameters<typeof report>[1] = [];
const tasks: Record<string, unknown>[] = [];
const notes = new Map<string, string>();

// Extragradient, 1000 steps, on a two-player quadratic game with blocks of dim/2:
// A = 2I + G/√dim (G standard normal), b standard normal, step 0.2.
for (const dim of [20, 200, 800]) {
  const r = rng(dim);
  const h = dim / 2;
  const A = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++)
    for (let j = 0; j < dim; j++) A[i * dim + j] = (i === j ? 2 : 0) + r.normal() / Math.sqrt(dim);
  const b = Float64Array.from({ length: dim }, () => r.normal());
  const block = (i0: number, j0: number) => {
    const d = new Float64Array(h * h);
    for (let i = 0; i < h; i++)
      for (let j = 0; j < h; j++) d[i * h + j] = A[(i0 + i) * dim + j0 + j];
    return { rows: h, cols: h, data: d };
  };
  const g = quadraticGame({
    blocks: [
      [block(0, 0), block(0, h)],
      [block(h, 0), block(h, h)],
    ],
    b: [b.subarray(0, h), b.subarray(h)],
  });
  const x0 = Float64Array.from({ length: dim }, () => r.normal());
  const name = `@rg/games:extragradient:dim=${dim}:steps=1000`;
  let last: Float64Array = x0;
  const t = measure(
    () => {
      last = extragradient(g, x0, { step: 0.2, maxIter: 1000, tol: 0 }).x;
    },
    { minRuns: 3, minTime: 500 },
  );
  rows.push({ name, ours: t.median });
  tasks.push({
    name,
    kind: 'extragradient',
    dim,
    A: Array.from(A),
    b: Array.from(b),
    x0: Array.from(x0),
    step: 0.2,
    iters: 1000,
    repeat: 5,
  });
  notes.set(
    name,
    `dist to x* ${Math.hypot(...Array.from(last, (v, i) => v - g.equilibrium![i])).toExponential(1)}`,
  );
}

// LV-HBA on the paper toy to relative error 1e-3: the iteration count is the first one below
// 1e-3 in our run, and both sides run exactly that many iterations.
const lvOptions = {
  alpha: 0.2,
  beta: 0.2,
  eta: 0.2,
  gamma1: 10,
  gamma2: 10,
  penaltyScale: 100,
  penaltyPower: 0.3,
};
for (const n of [10, 100, 1000]) {
  const { problem, solution } = coupledBilevelToy(n);
  const start = { x0: new Float64Array(n).fill(10), y0: new Float64Array(2 * n).fill(10) };
  const err = (x: Float64Array) =>
    Math.hypot(...Array.from(x, (v, i) => v - solution.x[i])) / Math.hypot(...solution.x);
  let iters = -1;
  lvHba(problem, {
    ...start,
    ...lvOptions,
    maxIter: 20000,
    tol: 0,
    recordEvery: 0,
    onProgress: (info) => {
      if (iters < 0 && err(info.x as Float64Array) < 1e-3) iters = info.iteration;
    },
  });
  const name = `@rg/games:lvHba:toy:n=${n}:to-1e-3`;
  let e = Number.NaN;
  const t = measure(
    () => {
      e = err(lvHba(problem, { ...start, ...lvOptions, maxIter: iters, tol: 0, recordEvery: 0 }).x);
    },
    { minRuns: 3, minTime: 500 },
  );
  rows.push({ name, ours: t.median });
  tasks.push({ name, kind: 'lvhba', n, iters, options: lvOptions, start: 10, repeat: 3 });
  notes.set(name, `${iters} iterations, rel. error ${e.toExponential(2)}`);
}

if (hasNumpy) {
  const out = runPython<{ results: { name: string; ms: number; error?: number }[] }>(peer, {
    tasks,
  });
  for (const p of out.results) {
    const row = rows.find((r) => r.name === p.name)!;
    row.peers = { NumPy: p.ms };
    if (p.error !== undefined)
      notes.set(p.name, `${notes.get(p.name)}; NumPy ${p.error.toExponential(2)}`);
  }
}
for (const row of rows) row.note = notes.get(row.name);
report('@rg/games (NumPy peer: same updates, OPENBLAS_NUM_THREADS=1)', rows);
