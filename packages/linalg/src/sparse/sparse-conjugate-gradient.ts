// Conjugate gradients on a sparse SPD matrix: linalg's conjugateGradient over the unchecked CSR
// product, Jacobi-preconditioned by default (Saad, "Iterative Methods for Sparse Linear
// Systems", 2nd ed., Alg. 9.1 and §10.2).
import { checkOptions } from '../validate-arguments.js';
import {
  type ConjugateGradientOptions,
  type ConjugateGradientResult,
  conjugateGradientAs,
  type LinearOperator,
} from '../conjugate-gradient.js';
import { InvalidArgumentError, NotPositiveDefiniteError, ShapeError } from '../errors.js';
import type { CsrMatrix } from './kernels/csr.js';
import { csrDiagonal, csrMatvec } from './kernels/spmv.js';
import { assertCsr, assertSymmetricCsr } from './csr-matrix.js';

/** Options of {@link sparseConjugateGradient}. */
export interface SparseConjugateGradientOptions
  extends Omit<ConjugateGradientOptions, 'preconditioner'> {
  /** 'jacobi' (default: divide by diag A), 'none', or any SPD M⁻¹ as a LinearOperator */
  preconditioner?: 'jacobi' | 'none' | LinearOperator;
}

/**
 * Solve A x = b for a sparse symmetric positive definite A by preconditioned conjugate
 * gradients, stopping when the relative residual ‖b − Ax‖/‖b‖ ≤ tol. The matrix is validated
 * once (structure, finiteness, symmetry); each iteration is one unchecked sparse product.
 * A relative-residual test bounds the error in the large entries of x: entries many orders of
 * magnitude below ‖x‖ (heat far from a source) can keep large relative errors, and
 * {@link sparseCholesky} is the remedy when those matter.
 *
 * @param a - sparse SPD n×n matrix
 * @param b - right-hand side (length n)
 * @param options - `tol` (default 1e-10), `maxIter` (default 10·n), `x0`, `preconditioner`
 *   ('jacobi'), `signal`, `onProgress`, `strict`
 * @returns `{ x, iterations, converged, residual }` as {@link conjugateGradient}
 * @throws {NotPositiveDefiniteError} when A (or the preconditioner) is not positive definite,
 *   including a non-positive diagonal entry with 'jacobi'
 * @throws {NotSymmetricError | ShapeError | NonFiniteError | InvalidArgumentError | ConvergenceError | AbortError}
 * @example
 * const a = csrFromTriplets(3, 3, [0, 0, 1, 1, 1, 2, 2], [0, 1, 0, 1, 2, 1, 2], [2, -1, -1, 3, -1, -1, 2]);
 * const r = sparseConjugateGradient(a, vector([1, 1, 1]));
 * r.x // => ~[1, 1, 1]
 * r // => { converged: true }
 */
export function sparseConjugateGradient(
  a: CsrMatrix,
  b: Float64Array,
  optionsIn: SparseConjugateGradientOptions = {},
): ConjugateGradientResult {
  const options: SparseConjugateGradientOptions = checkOptions(
    'sparseConjugateGradient',
    'options',
    optionsIn,
  );
  const fn = 'sparseConjugateGradient';
  assertCsr(fn, 'a', a, true);
  assertSymmetricCsr(fn, 'a', a);
  if (!(b instanceof Float64Array) || b.length !== a.rows)
    throw new ShapeError(`${fn}(): b must be a Float64Array of length ${a.rows}`);
  const { preconditioner = 'jacobi', ...rest } = options;
  let m: LinearOperator | undefined;
  if (preconditioner === 'jacobi') {
    const d = csrDiagonal(a, new Float64Array(a.rows));
    for (let i = 0; i < d.length; i++) {
      if (!(d[i] > 0))
        throw new NotPositiveDefiniteError(
          `${fn}(): a is not positive definite (diagonal entry ${i} is ${d[i]})`,
          { pivot: i },
        );
      d[i] = 1 / d[i];
    }
    m = (r, out) => {
      for (let i = 0; i < d.length; i++) out[i] = r[i] * d[i];
    };
  } else if (typeof preconditioner === 'function') m = preconditioner;
  else if (preconditioner !== 'none')
    throw new InvalidArgumentError(
      `${fn}(): preconditioner must be 'jacobi', 'none' or a function (x, out) => void`,
    );
  return conjugateGradientAs(fn, (x, out) => csrMatvec(a, x, out), b, {
    ...rest,
    preconditioner: m,
  });
}
