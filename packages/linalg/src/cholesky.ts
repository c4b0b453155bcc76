// Cholesky factorization, row-oriented Cholesky–Banachiewicz (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 4.2.2).
import { NotPositiveDefiniteError } from './errors.js';
import { choleskyLower } from './kernels/cholesky.js';
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
  checkSymmetric(a);
  const n = a.rows;
  const l = new Float64Array(n * n);
  const info = choleskyLower(n, a.data, l);
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
 * The checks of assertSymmetric (square, finite, relative asymmetry ≤ SYMMETRY_TOLERANCE) fused
 * into one pass over the pairs (i, j), (j, i); on any failure the shared validator is called to
 * throw the canonical error.
 */
function checkSymmetric(a: Matrix): void {
  assertMatrix('cholesky', 'a', a);
  const n = a.rows;
  if (n !== a.cols) assertSymmetric('cholesky', 'a', a);
  const d = a.data;
  let poison = 0;
  let maxAbs = 0;
  let maxDiff = 0;
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    const aii = d[oi + i];
    poison += aii - aii;
    const v = aii < 0 ? -aii : aii;
    if (v > maxAbs) maxAbs = v;
    for (let j = 0; j < i; j++) {
      const x = d[oi + j];
      const y = d[j * n + i];
      // x − x is 0 for finite x and NaN for ±Infinity or NaN, so `poison` flags either.
      poison += x - x + (y - y);
      const ax = x < 0 ? -x : x;
      const ay = y < 0 ? -y : y;
      if (ax > maxAbs) maxAbs = ax;
      if (ay > maxAbs) maxAbs = ay;
      const diff = x > y ? x - y : y - x;
      if (diff > maxDiff) maxDiff = diff;
    }
  }
  if (poison !== 0 || maxDiff > SYMMETRY_TOLERANCE * maxAbs) assertSymmetric('cholesky', 'a', a);
}

// The unblocked kernel, for the test that compares it with the blocked path.
export { choleskyKernel } from './kernels/cholesky.js';
