// Cholesky factorization, row-oriented Cholesky–Banachiewicz (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 4.2.2).
import { NotPositiveDefiniteError } from './errors.js';
import type { Matrix } from './matrix.js';
import { assertSymmetric } from './validate.js';

/**
 * The Cholesky factor of a symmetric positive definite matrix: lower triangular L with
 * positive diagonal and L Lᵀ = A. Only the lower triangle of `a` is read after the symmetry
 * check (relative asymmetry up to `SYMMETRY_TOLERANCE` is accepted).
 *
 * @param a - symmetric positive definite, n×n
 * @returns L, n×n lower triangular (zeros above the diagonal)
 * @throws {NotPositiveDefiniteError} with `pivot` = the index of the first pivot that is
 *   not positive; try a shrinkage estimator or add a small multiple of the identity
 * @throws {NotSymmetricError | ShapeError | NonFiniteError} on malformed input
 * @example
 * cholesky(fromRows([[4, 2], [2, 5]])) // => [[2, 0], [1, 2]]
 * cholesky(fromRows([[1, 2], [2, 1]])) // => throws NotPositiveDefiniteError
 */
export function cholesky(a: Matrix): Matrix {
  assertSymmetric('cholesky', 'a', a);
  const n = a.rows;
  const l = new Float64Array(n * n);
  const info = choleskyKernel(a.data, l, n);
  if (info >= 0) {
    const p = l[info * n + info];
    throw new NotPositiveDefiniteError(
      `cholesky(): a is not positive definite (pivot ${info} is ${p.toExponential(2)}); ` +
        'for a covariance estimate try a shrinkage estimator, or add a small multiple of the identity (a + εI)',
      { pivot: info },
    );
  }
  return { rows: n, cols: n, data: l };
}

/**
 * Unvalidated kernel: writes the Cholesky factor of the lower triangle of `a` (row-major n×n)
 * into `l` (zeroed, n×n). Returns -1 on success, or the index k of the first non-positive
 * pivot, whose value a_kk − Σ l_kj² is left in l[k, k].
 */
export function choleskyKernel(a: Float64Array, l: Float64Array, n: number): number {
  // Row i of L depends only on rows 0..i of L, so every inner product runs over two
  // contiguous row prefixes of L (cache-friendly in row-major storage).
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    for (let j = 0; j <= i; j++) {
      const oj = j * n;
      let s0 = a[oi + j];
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      const end4 = j - 3;
      for (; k < end4; k += 4) {
        s0 -= l[oi + k] * l[oj + k];
        s1 -= l[oi + k + 1] * l[oj + k + 1];
        s2 -= l[oi + k + 2] * l[oj + k + 2];
        s3 -= l[oi + k + 3] * l[oj + k + 3];
      }
      for (; k < j; k++) s0 -= l[oi + k] * l[oj + k];
      const s = s0 + s1 + (s2 + s3);
      if (j < i) {
        l[oi + j] = s / l[oj + j];
      } else {
        // `!(s > 0)` also catches NaN produced by overflow in the updates.
        if (!(s > 0)) {
          l[oi + i] = s;
          return i;
        }
        l[oi + i] = Math.sqrt(s);
      }
    }
  }
  return -1;
}
