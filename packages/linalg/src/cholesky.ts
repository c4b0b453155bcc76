// Cholesky factorization, row-oriented Cholesky–Banachiewicz with a blocked right-looking form
// for large n (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 4.2.2 and §4.2.9).
import { NotPositiveDefiniteError } from './errors.js';
import { choleskyChecked } from './kernels/cholesky.js';
import type { Matrix } from './matrix.js';
import { assertMatrix, assertSymmetric, SYMMETRY_TOLERANCE } from './validate.js';

/**
 * The Cholesky factor of a symmetric positive definite matrix: lower triangular L with
 * positive diagonal and L Lᵀ = A. Only the lower triangle of `a` is read after the symmetry
 * check (relative asymmetry up to `SYMMETRY_TOLERANCE` is accepted).
 *
 * @param a - symmetric positive definite, n×n
 * @returns L, n×n lower triangular (zeros above the diagonal)
 * @throws {NotPositiveDefiniteError} with `pivot` = the index of the first pivot that is
 *   not positive (the rule of `choleskyLower` in `@rg/linalg/kernels`, as LAPACK dpotrf);
 *   try a shrinkage estimator or add a small multiple of the identity
 * @throws {NotSymmetricError | ShapeError | NonFiniteError} on malformed input
 * @example
 * cholesky(fromRows([[4, 2], [2, 5]])) // => [[2, 0], [1, 2]]
 * cholesky(fromRows([[1, 2], [2, 1]])) // => throws NotPositiveDefiniteError
 */
export function cholesky(a: Matrix): Matrix {
  assertMatrix('cholesky', 'a', a);
  const n = a.rows;
  if (n !== a.cols) assertSymmetric('cholesky', 'a', a);
  const l = new Float64Array(n * n);
  // The finiteness and symmetry checks run fused with the factorization's copy; on failure the
  // shared validator throws the canonical error.
  const info = choleskyChecked(n, a.data, l, SYMMETRY_TOLERANCE);
  if (info === -2) assertSymmetric('cholesky', 'a', a);
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

// The unblocked kernel, for the test that compares it with the blocked path.
export { choleskyKernel } from './kernels/cholesky.js';
