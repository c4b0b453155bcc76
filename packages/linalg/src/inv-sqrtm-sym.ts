// Inverse principal square root of an SPD matrix by spectral calculus (Higham, Functions of Matrices, 2008, §6.1).
import { checkOptions } from './validate-arguments.js';
import type { Matrix } from './matrix.js';
import { applySpectral, type SymmetricFunctionOptions } from './symmetric-function.js';
import { checkSpectrum, spectrumOf } from './symmetric-helpers.js';

/**
 * A^{-½} of a symmetric positive definite matrix, exactly symmetric (whitening / congruence
 * by A^{-½} in SPD geometry).
 *
 * @param a - symmetric positive definite n×n matrix
 * @param options - `{ eig }` to reuse `eigh(a)`
 * @throws {NotPositiveDefiniteError} when the smallest eigenvalue is ≤ 0 (given in the message)
 * @throws {NotSymmetricError | NonFiniteError | ShapeError} on bad input
 * @example
 * invSqrtmSym(fromRows([[4, 0], [0, 16]])) // => [[0.5, 0], [0, 0.25]]
 */
export function invSqrtmSym(a: Matrix, optionsIn: SymmetricFunctionOptions = {}): Matrix {
  const options: SymmetricFunctionOptions = checkOptions('invSqrtmSym', 'options', optionsIn);
  const { values, vectors } = spectrumOf('invSqrtmSym', 'a', a, options.eig, options.refine);
  checkSpectrum('invSqrtmSym', 'a', values, 'positive');
  return applySpectral('invSqrtmSym', values, vectors, (x) => 1 / Math.sqrt(x));
}
