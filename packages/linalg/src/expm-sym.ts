// Exponential of a symmetric matrix by spectral calculus (Higham, Functions of Matrices, 2008, §10.1).
import { checkOptions } from './validate-arguments.js';
import type { Matrix } from './matrix.js';
import { applySpectral, type SymmetricFunctionOptions } from './symmetric-function.js';
import { spectrumOf } from './symmetric-helpers.js';

/**
 * exp(A) of a symmetric matrix: symmetric positive definite and exactly symmetric. Unlike the
 * general {@link expm} it needs no scaling and squaring, so it keeps full relative accuracy
 * in every eigen-direction.
 *
 * @param a - symmetric n×n matrix
 * @param options - `{ eig }` to reuse `eigh(a)`
 * @throws {NonFiniteError} when an eigenvalue exceeds ~709.78 (exp overflows) or `a` is not finite
 * @throws {NotSymmetricError | ShapeError} on bad input
 * @example
 * expmSym(fromRows([[0, 0], [0, 1]])) // => ~[[1, 0], [0, 2.71828]]
 */
export function expmSym(a: Matrix, optionsIn: SymmetricFunctionOptions = {}): Matrix {
  const options: SymmetricFunctionOptions = checkOptions('expmSym', 'options', optionsIn);
  const { values, vectors } = spectrumOf('expmSym', 'a', a, options.eig, options.refine);
  return applySpectral('expmSym', values, vectors, Math.exp);
}
