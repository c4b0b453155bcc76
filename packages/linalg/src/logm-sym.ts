// Principal logarithm of an SPD matrix by spectral calculus (Higham, Functions of Matrices, 2008, §11.1).
import { checkOptions } from './validate-arguments.js';
import type { Matrix } from './matrix.js';
import { applySpectral, type SymmetricFunctionOptions } from './symmetric-function.js';
import { checkSpectrum, spectrumOf } from './symmetric-helpers.js';

/**
 * Principal matrix logarithm log(A) of a symmetric positive definite matrix, exactly symmetric
 * (the log-Euclidean map of SPD geometry). Inverse of {@link expmSym}.
 *
 * @param a - symmetric positive definite n×n matrix
 * @param options - `{ eig }` to reuse `eigh(a)`
 * @throws {NotPositiveDefiniteError} when the smallest eigenvalue is ≤ 0 (given in the message)
 * @throws {NotSymmetricError | NonFiniteError | ShapeError} on bad input
 * @example
 * logmSym(fromRows([[Math.E, 0], [0, 1]])) // => [[1, 0], [0, 0]]
 */
export function logmSym(a: Matrix, optionsIn: SymmetricFunctionOptions = {}): Matrix {
  const options: SymmetricFunctionOptions = checkOptions('logmSym', 'options', optionsIn);
  const { values, vectors } = spectrumOf('logmSym', 'a', a, options.eig, options.refine);
  checkSpectrum('logmSym', 'a', values, 'positive');
  return applySpectral('logmSym', values, vectors, Math.log);
}
