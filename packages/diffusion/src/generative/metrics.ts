// Maximum mean discrepancy with a Gaussian kernel (Gretton, Borgwardt, Rasch, Schölkopf & Smola
// 2012, "A kernel two-sample test"), the unbiased estimator of MMD².
import { assertFinite, checkOptions, checkPositive, type Matrix, ShapeError } from '@rg/linalg';

/** Options of {@link mmd}. */
export interface MmdOptions {
  /**
   * kernel bandwidth h of k(x, y) = exp(−‖x − y‖²/(2h²)) (default: the median distance between
   * the pooled points, on at most 1000 of them taken at an even stride)
   */
  bandwidth?: number;
}

function sqDist(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) {
    const e = a[i * d + c] - b[j * d + c];
    s += e * e;
  }
  return s;
}

/**
 * The unbiased estimate of the squared maximum mean discrepancy between the samples x (n rows)
 * and y (m rows) under the Gaussian kernel:
 * MMD² = mean_{i≠i'} k(x_i, x_i') + mean_{j≠j'} k(y_j, y_j') − 2 mean_{i,j} k(x_i, y_j).
 * Zero in expectation when both samples come from the same law (so it can be slightly
 * negative); O((n + m)² d).
 *
 * @param x - n ≥ 2 points, one per row
 * @param y - m ≥ 2 points of the same dimension
 * @param options - bandwidth
 * @returns `{ mmd2, bandwidth }`
 * @throws {ShapeError} on fewer than 2 rows or dimensions that differ
 * @throws {NonFiniteError} on a non-finite entry
 * @throws {InvalidArgumentError} on a bandwidth ≤ 0
 * @example
 * import { fromRows } from '@rg/linalg';
 * // two points each, kernel values e^{-1/2} at distance h = 1 apart
 * mmd(fromRows([[0], [0]]), fromRows([[1], [1]]), { bandwidth: 1 }).mmd2 // => ~0.78693868
 */
export function mmd(
  x: Matrix,
  y: Matrix,
  options: MmdOptions = {},
): { mmd2: number; bandwidth: number } {
  const fn = 'mmd';
  checkOptions(fn, 'options', options);
  assertFinite(fn, 'x', x);
  assertFinite(fn, 'y', y);
  if (x.rows < 2 || y.rows < 2) throw new ShapeError(`${fn}(): x and y need at least 2 rows each`);
  if (x.cols !== y.cols)
    throw new ShapeError(`${fn}(): x has ${x.cols} columns but y has ${y.cols}`);
  const d = x.cols;
  const n = x.rows;
  const m = y.rows;
  let h = options.bandwidth;
  if (h === undefined) {
    const total = n + m;
    const stride = Math.max(1, Math.ceil(total / 1000));
    const pick: { a: Float64Array; i: number }[] = [];
    for (let k = 0; k < total; k += stride)
      pick.push(k < n ? { a: x.data, i: k } : { a: y.data, i: k - n });
    const ds: number[] = [];
    for (let p = 0; p < pick.length; p++)
      for (let q = p + 1; q < pick.length; q++)
        ds.push(sqDist(pick[p].a, pick[p].i, pick[q].a, pick[q].i, d));
    ds.sort((a, b) => a - b);
    h = Math.sqrt(ds[Math.floor(ds.length / 2)]);
    if (!(h > 0)) h = 1;
  } else checkPositive(fn, 'bandwidth', h);
  const g = -1 / (2 * h * h);
  let kxx = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) kxx += Math.exp(g * sqDist(x.data, i, x.data, j, d));
  let kyy = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) kyy += Math.exp(g * sqDist(y.data, i, y.data, j, d));
  let kxy = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) kxy += Math.exp(g * sqDist(x.data, i, y.data, j, d));
  const mmd2 = (2 * kxx) / (n * (n - 1)) + (2 * kyy) / (m * (m - 1)) - (2 * kxy) / (n * m);
  return { mmd2, bandwidth: h };
}
