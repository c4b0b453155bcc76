// Classical (Torgerson) multidimensional scaling: the top eigenvectors of the double-centred
// squared distances B = −½ J D⁽²⁾ J (Torgerson 1952; Borg & Groenen, "Modern Multidimensional
// Scaling", 2nd ed., 2005, ch. 12).
import { lanczosEigenpairs, type Matrix, checkInteger } from '@rg/linalg';
import { checkDistances } from '../internal/distances.js';

/** Result of {@link classicalMds}. */
export interface ClassicalMdsResult {
  /** n×dims coordinates (centred), columns by decreasing eigenvalue */
  embedding: Matrix;
  /** the dims largest eigenvalues of B, descending (negative ones mean non-Euclidean input) */
  eigenvalues: Float64Array;
}

/**
 * Classical MDS of a symmetric distance matrix: B = −½ J D⁽²⁾ J with J = I − 11ᵀ/n, its `dims`
 * largest eigenpairs by thick-restart Lanczos on the dense product (O(n²) per step, never O(n³)),
 * and coordinates X = V_dims diag(√max(λ, 0)). Exact for Euclidean distances of points in
 * R^dims (up to a rigid motion); otherwise the best rank-dims fit of B in the Frobenius norm.
 *
 * @param d - n×n symmetric matrix of distances (zero diagonal, finite, ≥ 0)
 * @param dims - target dimension (default 2), < n
 * @returns `{ embedding, eigenvalues }`
 * @throws {ShapeError | NonFiniteError | NotSymmetricError | InvalidArgumentError} on bad input
 * @example
 * import { fromRows } from '@rg/linalg';
 * // three points on a line at 0, 1, 3
 * const e = classicalMds(fromRows([[0, 1, 3], [1, 0, 2], [3, 2, 0]]), 1);
 * Math.abs(e.embedding.data[2] - e.embedding.data[0]) // => ~3
 */
export function classicalMds(d: Matrix, dims = 2): ClassicalMdsResult {
  const fn = 'classicalMds';
  checkDistances(fn, 'd', d);
  const n = d.rows;
  checkInteger(fn, 'dims', dims, 1, Math.max(1, n - 1));
  return classicalMdsKernel(d.data, n, dims);
}

/** Unchecked classical MDS of a validated n×n distance array. */
export function classicalMdsKernel(d: Float64Array, n: number, dims: number): ClassicalMdsResult {
  // B = −½ J D² J: squared distances double-centred once (O(n²) memory, reused by every product)
  const b = new Float64Array(n * n);
  const rowMean = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      const v = d[i * n + j] * d[i * n + j];
      b[i * n + j] = v;
      s += v;
    }
    rowMean[i] = s / n;
    total += s;
  }
  total /= n * n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      b[i * n + j] = -0.5 * (b[i * n + j] - rowMean[i] - rowMean[j] + total);
  const k = Math.min(dims, n);
  let values: Float64Array;
  let vectors: Float64Array;
  if (n <= 3 * k + 2) {
    // tiny: a full Rayleigh–Ritz (ncv = n) is exact and cheapest
    const r = lanczosEigenpairs((x, out) => denseProduct(b, n, x, out), n, k, { ncv: n });
    values = r.values;
    vectors = r.vectors.data;
  } else {
    const r = lanczosEigenpairs((x, out) => denseProduct(b, n, x, out), n, k, { tol: 1e-9 });
    values = r.values;
    vectors = r.vectors.data;
  }
  // ascending from Lanczos → descending columns
  const embedding = new Float64Array(n * dims);
  const eigenvalues = new Float64Array(dims);
  for (let c = 0; c < k; c++) {
    const src = k - 1 - c;
    const lam = values[src];
    eigenvalues[c] = lam;
    const s = Math.sqrt(Math.max(lam, 0));
    for (let i = 0; i < n; i++) embedding[i * dims + c] = vectors[i * k + src] * s;
  }
  return { embedding: { rows: n, cols: dims, data: embedding }, eigenvalues };
}

function denseProduct(b: Float64Array, n: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * n;
    for (let j = 0; j < n; j++) s += b[o + j] * x[j];
    out[i] = s;
  }
}
