// Test helpers for the device Sinkhorn, shared by test/kernel-suite.ts and the browser page
// (no vitest import here: esbuild bundles this file into the page).
import { type Matrix, matrix } from '@rg/linalg';

/**
 * Float64 Sinkhorn written here, independently of the package: log-domain dual updates
 * f_i = −ε log Σ_j exp((g_j − C_ij)/ε) + ε log a_i (and symmetrically for g) until the row
 * marginal is exact to 1e-13.
 */
export function float64Sinkhorn(
  a: Float64Array,
  b: Float64Array,
  cost: Matrix,
  reg: number,
): Matrix {
  const n = a.length;
  const m = b.length;
  const f = new Float64Array(n);
  const g = new Float64Array(m);
  const lse = (vals: number[]) => {
    const mx = Math.max(...vals);
    return mx + Math.log(vals.reduce((s, v) => s + Math.exp(v - mx), 0));
  };
  const plan = matrix(n, m);
  for (let it = 0; it < 100000; it++) {
    for (let i = 0; i < n; i++)
      f[i] =
        reg * Math.log(a[i]) -
        reg * lse(Array.from(g, (gj, j) => (gj - cost.data[i * m + j]) / reg));
    for (let j = 0; j < m; j++)
      g[j] =
        reg * Math.log(b[j]) -
        reg * lse(Array.from(f, (fi, i) => (fi - cost.data[i * m + j]) / reg));
    let err = 0;
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < m; j++) r += Math.exp((f[i] + g[j] - cost.data[i * m + j]) / reg);
      err += Math.abs(r - a[i]);
    }
    if (err < 1e-13) break;
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      plan.data[i * m + j] = Math.exp((f[i] + g[j] - cost.data[i * m + j]) / reg);
  return plan;
}

/** The plan diag(u)·exp(−C/reg)·diag(v), formed in float64 from the returned scalings. */
export function planOf(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  cost: Matrix,
  reg: number,
): Matrix {
  const n = u.length;
  const m = v.length;
  const plan = matrix(n, m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      plan.data[i * m + j] = u[i] * Math.exp(-cost.data[i * m + j] / reg) * v[j];
  return plan;
}

/** The check iterations of @rg/ot's stopping rule: 1, 1 + checkEvery, …, and the last. */
export function isCheckIteration(it: number, checkEvery: number, maxIter: number): boolean {
  return (it - 1) % checkEvery === 0 || it === maxIter;
}
