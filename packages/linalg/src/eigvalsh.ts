// Eigenvalues of a symmetric matrix without eigenvectors: Householder tridiagonalization and
// implicit QL on the tridiagonal, O(n²) after the O(n³) reduction (Golub & Van Loan, Matrix
// Computations, 4th ed., §8.3).
import { checkOptions } from './validate-arguments.js';
import { ConvergenceError, InvalidArgumentError } from './errors.js';
import { eighKernel } from './kernels/eigh.js';
import type { Matrix } from './matrix.js';
import { assertSymmetric, SYMMETRY_TOLERANCE } from './validate.js';

/** Options of {@link eigvalsh}. */
export interface EigvalshOptions {
  /** relative asymmetry accepted (default {@link SYMMETRY_TOLERANCE}); only the lower triangle is used */
  symmetryTolerance?: number;
  /**
   * mixed-precision refinement (default false): true computes the eigenvectors internally and
   * refines the pairs (as `eigh(a, { refine: true })`), for eigenvalues with relative accuracy
   * ≈ ε on ill-conditioned semidefinite matrices (condition numbers, tiny eigenvalues' signs)
   */
  refine?: boolean;
}

/**
 * The eigenvalues of a real symmetric matrix, ascending, without forming eigenvectors: about
 * three times cheaper than {@link eigh} (same values as `eigh(a, { vectors: false })`).
 * Backward stable: each eigenvalue is exact for A + δA with ‖δA‖ ≈ n ε ‖A‖; pass
 * `refine: true` for relative accuracy of small eigenvalues of ill-conditioned semidefinite
 * matrices.
 *
 * @param a - symmetric n×n matrix (relative asymmetry ≤ `symmetryTolerance`)
 * @returns the n eigenvalues, ascending
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @throws {NotSymmetricError} when `a` is not symmetric within tolerance
 * @throws {InvalidArgumentError} when `refine` is not a boolean
 * @example
 * eigvalsh(fromRows([[2, 1], [1, 2]])) // => ~[1, 3]
 * eigvalsh(fromRows([[1, 0], [0, 1e-20]]), { refine: true })[0] // => ~1e-20
 */
export function eigvalsh(a: Matrix, optionsIn: EigvalshOptions = {}): Float64Array {
  const options: EigvalshOptions = checkOptions('eigvalsh', 'options', optionsIn);
  assertSymmetric('eigvalsh', 'a', a, options.symmetryTolerance ?? SYMMETRY_TOLERANCE);
  const refine = options.refine ?? false;
  if (refine !== true && refine !== false)
    throw new InvalidArgumentError(
      `eigvalsh(): refine must be true or false (got ${String(refine)})`,
    );
  const n = a.rows;
  const values = new Float64Array(n);
  if (n === 0) return values;
  if (!eighKernel(n, a.data, values, null, 'auto', refine))
    throw new ConvergenceError(`eigvalsh(): the QL iteration did not converge (n = ${n})`, {
      iterations: -1,
      residual: Number.NaN,
    });
  return values;
}
