// Graph Laplacians of a symmetric weight matrix (Chung, "Spectral Graph Theory", 1997, §1.2;
// von Luxburg, "A tutorial on spectral clustering", 2007, §3).
import { type CsrMatrix, csrFromTriplets, checkOptions } from '@rg/linalg';
import { checkWeights } from '../internal/validate.js';

/** Options of {@link laplacian}. */
export interface LaplacianOptions {
  /** false (default): L = D − W; true: L = I − D^{-1/2} W D^{-1/2}, spectrum in [0, 2] */
  normalized?: boolean;
}

/**
 * The graph Laplacian of a symmetric weight matrix W with degrees d_i = Σ_j w_ij: combinatorial
 * L = D − W (spectrum in [0, 2 max d]) or normalized L = I − D^{-1/2} W D^{-1/2} (spectrum in
 * [0, 2]; an isolated node gets a zero row). Both are symmetric positive semidefinite with as
 * many zero eigenvalues as connected components. Self-loops cancel in D − W.
 *
 * @param w - symmetric sparse weights, non-negative
 * @param options - `{ normalized = false }`
 * @returns L as a sparse matrix (diagonal included)
 * @throws {ShapeError | NonFiniteError | NotSymmetricError | InvalidArgumentError} on bad weights
 * @example
 * import { csrFromTriplets, csrToDense } from '@rg/linalg';
 * const w = csrFromTriplets(3, 3, [0, 1, 1, 2], [1, 0, 2, 1], [1, 1, 2, 2]);
 * csrToDense(laplacian(w)) // => [[1, -1, 0], [-1, 3, -2], [0, -2, 2]]
 */
export function laplacian(w: CsrMatrix, options: LaplacianOptions = {}): CsrMatrix {
  const fn = 'laplacian';
  checkOptions(fn, 'options', options);
  checkWeights(fn, 'w', w);
  return laplacianKernel(w, options.normalized === true);
}

/** Unchecked: the (normalized) Laplacian of validated weights. */
export function laplacianKernel(w: CsrMatrix, normalized: boolean): CsrMatrix {
  const n = w.rows;
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) deg[i] += w.values[p];
  const nnz = w.rowPtr[n];
  const rows = new Int32Array(nnz + n);
  const cols = new Int32Array(nnz + n);
  const vals = new Float64Array(nnz + n);
  const s = normalized
    ? Float64Array.from(deg, (d) => (d > 0 ? 1 / Math.sqrt(d) : 0))
    : new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    rows[nnz + i] = i;
    cols[nnz + i] = i;
    vals[nnz + i] = normalized ? (deg[i] > 0 ? 1 : 0) : deg[i];
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) {
      rows[p] = i;
      cols[p] = w.colIndex[p];
      vals[p] = -w.values[p] * s[i] * s[w.colIndex[p]];
    }
  }
  return csrFromTriplets(n, n, rows, cols, vals);
}
