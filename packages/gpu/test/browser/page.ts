// Browser test page: bundled by test/browser.test.ts with esbuild from the package sources,
// loaded in Chromium; creates a webgl2 accelerator, runs matmul and a Sinkhorn solve, and
// compares them with float64 paths. The result lands in window.__rgResult.
import { type Matrix, matrix, rng } from '@rg/linalg';
import { createAccelerator, referenceKernels as R } from '../../src/index.js';
import { float64Sinkhorn, isCheckIteration, planOf } from '../sinkhorn-helpers.js';

const U = 2 ** -24;
// GL shader arithmetic is only required to be within a few ulps (GLSL ES 3.00 §4.5.1)
const C_GL = 4;

function randomMatrix(g: ReturnType<typeof rng>, rows: number, cols: number): Matrix {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = g.normal();
  return m;
}

function run() {
  const t0 = performance.now();
  const acc = createAccelerator({ mode: 'webgl2', strict: true, tileSize: 32 });
  const g = rng(42);
  const out: Record<string, unknown> = {
    mode: acc.mode,
    precision: acc.precision,
    maxTextureSize: acc.limits.maxTextureSize,
    fallbacks: acc.fallbacks,
  };
  // matmul: worst |err| / ((k + 2)·u·(|A||B|)_ij) over sizes incl. 1×1 and ragged tiles
  let worst = 0;
  for (const [n, k, m] of [
    [1, 1, 1],
    [37, 19, 45],
  ]) {
    const a = randomMatrix(g, n, k);
    const b = randomMatrix(g, k, m);
    const got = acc.matmul(a, b);
    const want = R.matmul(a, b);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        let abs = 0;
        for (let p = 0; p < k; p++) abs += Math.abs(a.data[i * k + p] * b.data[p * m + j]);
        const e =
          Math.abs(got.data[i * m + j] - want.data[i * m + j]) /
          (C_GL * (k + 2) * U * abs + 1e-300);
        worst = Math.max(worst, e);
      }
  }
  out.matmulWorstRatio = worst;
  const t1 = performance.now();
  // Sinkhorn on the device vs an independent float64 Sinkhorn (test/sinkhorn-helpers.ts)
  const n = 30;
  const m = 24;
  const cost = R.pairwiseSqDist(randomMatrix(g, n, 2), randomMatrix(g, m, 2));
  let maxC = 0;
  for (const v of cost.data) maxC = Math.max(maxC, v);
  const c = matrix(
    n,
    m,
    cost.data.map((v) => v / maxC),
  );
  const a = new Float64Array(n).fill(1 / n);
  const b = new Float64Array(m).fill(1 / m);
  const reg = 0.2;
  const tol = 1e-5;
  const maxIter = 5000;
  const got = acc.sinkhorn(a, b, c, { reg, tol, maxIter, checkEvery: 5 });
  const plan = planOf(got.u, got.v, c, reg);
  const want = float64Sinkhorn(a, b, c, reg);
  let planL1 = 0;
  for (let i = 0; i < n * m; i++) planL1 += Math.abs(plan.data[i] - want.data[i]);
  const rows = R.rowSums(plan);
  const cols = R.colSums(plan);
  let rowErr = 0;
  let colErr2 = 0;
  for (let i = 0; i < n; i++) rowErr += Math.abs(rows[i] - a[i]);
  for (let j = 0; j < m; j++) colErr2 += (cols[j] - b[j]) ** 2;
  // the bounds of test/kernel-suite.ts with the GL factor: rows exact up to the float32 row
  // update and exp, columns within tol plus the float32 measure's own rounding
  const expErr = 2 / reg + 8;
  out.sinkhorn = {
    converged: got.converged,
    iterations: got.iterations,
    checksFollowRule: got.history.every((h) => isCheckIteration(h.iteration, 5, maxIter)),
    float32: [...got.u, ...got.v].every((x) => x === Math.fround(x)),
    rowErr,
    rowBound: C_GL * (m + 3 + expErr) * U,
    colErr: Math.sqrt(colErr2),
    colBound: tol + C_GL * (n + 3 + expErr) * U,
    planL1,
    planBound: (10 * tol) / reg,
  };
  out.ms = { matmul: t1 - t0, sinkhorn: performance.now() - t1 };
  acc.dispose();
  out.disposed = acc.disposed;
  return out;
}

const w = window as unknown as { __rgResult?: unknown };
try {
  w.__rgResult = { ok: true, ...run() };
} catch (e) {
  w.__rgResult = { ok: false, error: `${(e as Error).name}: ${(e as Error).message}` };
}
