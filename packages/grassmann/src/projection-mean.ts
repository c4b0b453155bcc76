// The projection (extrinsic) mean on the Grassmann manifold: the subspace spanned by the top k
// eigenvectors of Σ wᵢ YᵢYᵢᵀ, which minimizes Σ wᵢ ‖XXᵀ − YᵢYᵢᵀ‖²_F (Srivastava & Klassen 2002,
// "Monte Carlo extrinsic estimators of manifold-valued parameters"; Chakraborty & Vemuri 2015).
import { checkOptions, type Matrix } from '@rg/linalg';
import { eigh, gemm, gemmTransA, gemmTransB } from '@rg/linalg/kernels';
import { assertPoints, normalizedWeights } from './internal/points.js';
import { thinQ } from './internal/thin-qr.js';

/** Options of {@link projectionMean}. */
export interface ProjectionMeanOptions {
  /** non-negative weights, one per point (normalized to sum 1; default uniform) */
  weights?: ArrayLike<number>;
}

/**
 * The projection mean of points on Gr(n, k): an orthonormal basis of the dominant
 * k-dimensional eigenspace of A = Σ wᵢ YᵢYᵢᵀ (the average of the orthogonal projectors), the
 * closed-form minimizer of the weighted sum of squared projection distances. It depends only on
 * the subspaces (Yᵢ → YᵢQᵢ changes nothing) and is the default start of {@link karcherMean}.
 * Works with the n×n matrix A or, when N·k < n, with the (Nk)×(Nk) Gram matrix of the stacked
 * √wᵢYᵢ, whichever is smaller. When the k-th and (k+1)-th eigenvalues of A are equal the mean
 * is not unique and one of the minimizers is returned.
 *
 * @param points - n×k orthonormal bases, all the same size
 * @param options - `weights`
 * @returns an n×k orthonormal basis of the mean subspace
 * @throws {ShapeError} on an empty list, mismatched sizes or a weights array of the wrong length
 * @throws {NonFiniteError} on NaN or ±∞ entries
 * @throws {InvalidArgumentError} when a basis is not orthonormal or a weight is negative
 * @example
 * import { fromRows } from '@rg/linalg';
 * // two lines in the plane at ±30° from the x-axis: their mean is the x-axis
 * const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
 * const m = projectionMean([fromRows([[c], [s]]), fromRows([[c], [-s]])]);
 * Math.abs(m.data[0]) // => ~1
 */
export function projectionMean(
  points: readonly Matrix[],
  options: ProjectionMeanOptions = {},
): Matrix {
  const fn = 'projectionMean';
  checkOptions(fn, 'options', options);
  const { n, k } = assertPoints(fn, points);
  const w = normalizedWeights(fn, options?.weights, points.length);
  return { rows: n, cols: k, data: projectionMeanKernel(n, k, points, w) };
}

/** The unchecked computation behind {@link projectionMean}. */
export function projectionMeanKernel(
  n: number,
  k: number,
  points: readonly Matrix[],
  w: Float64Array,
): Float64Array {
  const count = points.length;
  const m = count * k;
  const values = new Float64Array(Math.min(n, m));
  if (n <= m) {
    const a = new Float64Array(n * n);
    const term = new Float64Array(n * n);
    for (let i = 0; i < count; i++) {
      gemmTransB(n, n, k, points[i].data, points[i].data, term);
      for (let j = 0; j < n * n; j++) a[j] += w[i] * term[j];
    }
    const vectors = new Float64Array(n * n);
    eigh(n, a, values, { vectors, refine: false });
    // the last k columns (largest eigenvalues), largest first
    const out = new Float64Array(n * k);
    for (let r = 0; r < n; r++)
      for (let j = 0; j < k; j++) out[r * k + j] = vectors[r * n + (n - 1 - j)];
    return thinQ(n, k, out);
  }
  // B = [√w₁Y₁ … √w_N Y_N] (n×m); the top eigenvectors of BBᵀ are B u / ‖B u‖ for the top
  // eigenvectors u of BᵀB
  const b = new Float64Array(n * m);
  for (let i = 0; i < count; i++) {
    const sw = Math.sqrt(w[i]);
    const y = points[i].data;
    for (let r = 0; r < n; r++)
      for (let j = 0; j < k; j++) b[r * m + i * k + j] = sw * y[r * k + j];
  }
  const g = new Float64Array(m * m);
  gemmTransA(m, m, n, b, b, g);
  const vectors = new Float64Array(m * m);
  eigh(m, g, values, { vectors, refine: false });
  const top = new Float64Array(m * k);
  for (let r = 0; r < m; r++)
    for (let j = 0; j < k; j++) top[r * k + j] = vectors[r * m + (m - 1 - j)];
  const out = new Float64Array(n * k);
  gemm(n, k, m, b, top, out);
  return thinQ(n, k, out);
}
