// Symmetric eigendecomposition: Householder tridiagonalization + implicit QL or divide and
// conquer (Golub & Van Loan, Matrix Computations, 4th ed., §8.3, §8.4.4; Gu & Eisenstat 1995),
// cyclic Jacobi for small n (Demmel & Veselić 1992).
import { checkOptions } from './validate-arguments.js';
import { ConvergenceError, InvalidArgumentError } from './errors.js';
import { type EighMethod, eighKernel } from './kernels/eigh.js';
import type { Matrix } from './matrix.js';
import { assertSymmetric, SYMMETRY_TOLERANCE } from './validate.js';

/** Result of {@link eigh}: A = V diag(values) Vᵀ. */
export interface EighResult {
  /** eigenvalues in ascending order */
  values: Float64Array;
  /** orthonormal eigenvectors as columns (column j belongs to values[j]); empty 0×0 when `vectors: false` */
  vectors: Matrix;
}

/** Options of {@link eigh}. */
export interface EighOptions {
  /** compute eigenvectors (default true) */
  vectors?: boolean;
  /**
   * 'jacobi' (cyclic Jacobi: slower for large n, high relative accuracy), 'ql' (tridiagonal QL),
   * 'dc' (tridiagonal divide and conquer for the eigenvectors; eigenvalues alone always come
   * from QL) or 'auto' (default: Jacobi for n ≤ {@link EIGH_JACOBI_MAX}, QL below
   * {@link EIGH_DC_MIN}, divide and conquer from there when vectors are wanted)
   */
  method?: EighMethod;
  /** relative asymmetry accepted (default {@link SYMMETRY_TOLERANCE}); only the lower triangle is used */
  symmetryTolerance?: number;
  /**
   * Mixed-precision refinement of the eigenpairs (Ogita & Aishima 2018; double-double
   * products): true, false, or 'auto' (default: when vectors are computed, n ≤
   * {@link EIGH_REFINE_AUTO_MAX_N}, the spectrum is semidefinite (all λ ≥ 0 or all ≤ 0) and
   * max|λ| / min|λ| > {@link EIGH_REFINE_AUTO_RATIO}).
   * Gives eigenvalues with relative error ≈ ε (and matrix functions with ≈ ε relative error)
   * even when cond(A) approaches 1/ε, at O(30 n³) extra flops per step (usually 2–4 steps).
   * With `vectors: false`, `refine: true` computes the eigenvectors internally so that the
   * values get the same relative accuracy ('auto' stays off there: values alone are meant to be
   * cheap).
   */
  refine?: boolean | 'auto';
}

/**
 * Eigendecomposition of a real symmetric matrix: ascending eigenvalues and orthonormal
 * eigenvectors with A = V diag(λ) Vᵀ. Only the lower triangle is read once symmetry has been
 * checked. Backward stable: each eigenvalue is exact for A + δA with ‖δA‖ ≈ n ε ‖A‖.
 *
 * @param a - symmetric n×n matrix (relative asymmetry ≤ `symmetryTolerance`)
 * @returns `{ values, vectors }`
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @throws {NotSymmetricError} when `a` is not symmetric within tolerance
 * @example
 * eigh(fromRows([[2, 1], [1, 2]])).values // => [1, 3]
 * @example
 * const { values, vectors } = eigh(fromRows([[4, 0], [0, 1]]));
 * values // => [1, 4]
 * Math.abs(vectors.data[1]) // => 1
 */
export function eigh(a: Matrix, optionsIn: EighOptions = {}): EighResult {
  const options: EighOptions = checkOptions('eigh', 'options', optionsIn);
  assertSymmetric('eigh', 'a', a, options.symmetryTolerance ?? SYMMETRY_TOLERANCE);
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'jacobi' && method !== 'ql' && method !== 'dc')
    throw new InvalidArgumentError(
      `eigh(): method must be 'auto', 'jacobi', 'ql' or 'dc' (got ${method})`,
    );
  const wantVectors = options.vectors ?? true;
  const n = a.rows;
  const values = new Float64Array(n);
  const vectors: Matrix = wantVectors
    ? { rows: n, cols: n, data: new Float64Array(n * n) }
    : { rows: 0, cols: 0, data: new Float64Array(0) };
  if (n === 0) return { values, vectors };
  const refine = options.refine ?? 'auto';
  if (refine !== true && refine !== false && refine !== 'auto')
    throw new InvalidArgumentError(`eigh(): refine must be true, false or 'auto' (got ${refine})`);
  const ok = eighKernel(n, a.data, values, wantVectors ? vectors.data : null, method, refine);
  if (!ok)
    throw new ConvergenceError(`eigh(): the ${method} iteration did not converge (n = ${n})`, {
      iterations: -1,
      residual: Number.NaN,
    });
  return { values, vectors };
}

export {
  EIGH_DC_MIN,
  EIGH_JACOBI_MAX,
  EIGH_REFINE_AUTO_MAX_N,
  EIGH_REFINE_AUTO_RATIO,
  type EighMethod,
} from './kernels/eigh.js';
