// Browser test page: bundled by test/browser.test.ts with esbuild from the package sources,
// loaded in Chromium; creates a webgl2 accelerator, runs matmul and a Sinkhorn solve, and
// compares them with the float64 path. The result lands in window.__rgResult.
import { type Matrix, matrix, rng } from '@rg/linalg';
import { createAccelerator, referenceKernels as R } from '../../src/index.js';

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
  // Sinkhorn on the device vs float64 Sinkhorn
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
  const got = acc.sinkhorn(a, b, c, { reg, tol, maxIter: 5000, checkEvery: 5 });
  const want = R.sinkhorn(a, b, c, { reg, tol: 1e-13, maxIter: 100000 });
  let planL1 = 0;
  for (let i = 0; i < n * m; i++) planL1 += Math.abs(got.plan.data[i] - want.plan.data[i]);
  const rows = R.rowSums(got.plan);
  let rowErr = 0;
  for (let i = 0; i < n; i++) rowErr += Math.abs(rows[i] - a[i]);
  out.sinkhorn = {
    computedOn: got.computedOn,
    converged: got.converged,
    iterations: got.iterations,
    rowErr,
    planL1,
    planBound: (10 * tol) / reg,
    cost32: got.cost,
    cost64: want.cost,
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
