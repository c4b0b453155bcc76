// Principal square root of a symmetric positive semidefinite matrix by spectral calculus
// (Higham, Functions of Matrices, 2008, §6.1).
import { checkOptions } from './validate-arguments.js';
import type { Matrix } from './matrix.js';
import { applySpectral, type SymmetricFunctionOptions } from './symmetric-function.js';
import { checkSpectrum, spectrumOf } from './symmetric-helpers.js';

/**
 * Principal square root A^½ of a symmetric positive semidefinite matrix: the unique PSD X with
 * X² = A, exactly symmetric. Eigenvalues in [−nε·max|λ|, 0) (rounding of a singular PSD
 * matrix) are treated as 0.
 *
 * @param a - symmetric positive semidefinite n×n matrix
 * @param options - `{ eig }` to reuse `eigh(a)`
 * @throws {NotPositiveDefiniteError} when an eigenvalue is clearly negative (message gives the min eigenvalue)
 * @throws {NotSymmetricError | NonFiniteError | ShapeError} on bad input
 * @example
 * sqrtmSym(fromRows([[4, 0], [0, 9]])) // => [[2, 0], [0, 3]]
 */
export function sqrtmSym(a: Matrix, optionsIn: SymmetricFunctionOptions = {}): Matrix {
  const options: SymmetricFunctionOptions = checkOptions('sqrtmSym', 'options', optionsIn);
  const { values, vectors } = spectrumOf('sqrtmSym', 'a', a, options.eig, options.refine);
  const lam = checkSpectrum('sqrtmSym', 'a', values, 'nonnegative');
  return applySpectral('sqrtmSym', lam, vectors, Math.sqrt);
}
