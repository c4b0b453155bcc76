// Real powers of symmetric matrices by spectral calculus (Higham, Functions of Matrices, 2008, §11.5).
import { checkOptions } from './validate-arguments.js';
import { InvalidArgumentError } from './errors.js';
import type { Matrix } from './matrix.js';
import { applySpectral, type SymmetricFunctionOptions } from './symmetric-function.js';
import { checkSpectrum, spectrumOf } from './symmetric-helpers.js';

/**
 * A^p of a symmetric matrix, exactly symmetric. Integer p ≥ 0 accepts any symmetric A;
 * integer p < 0 needs a nonsingular A; non-integer p > 0 needs A positive semidefinite and
 * non-integer p < 0 needs A positive definite (the principal power).
 *
 * @param a - symmetric n×n matrix
 * @param p - finite real exponent
 * @param options - `{ eig }` to reuse `eigh(a)`
 * @throws {InvalidArgumentError} when p is not finite
 * @throws {NotPositiveDefiniteError} when a non-integer power needs a PSD/SPD matrix and gets none
 * @throws {SingularMatrixError} for a negative integer power of a singular matrix
 * @throws {NotSymmetricError | NonFiniteError | ShapeError} on bad input
 * @example
 * powmSym(fromRows([[4, 0], [0, 9]]), 0.5) // => [[2, 0], [0, 3]]
 * @example
 * powmSym(fromRows([[2, 0], [0, -1]]), 3) // => [[8, 0], [0, -1]]
 */
export function powmSym(a: Matrix, p: number, optionsIn: SymmetricFunctionOptions = {}): Matrix {
  const options: SymmetricFunctionOptions = checkOptions('powmSym', 'options', optionsIn);
  if (typeof p !== 'number' || !Number.isFinite(p))
    throw new InvalidArgumentError(`powmSym(): p must be a finite number (got ${p})`);
  const { values, vectors } = spectrumOf('powmSym', 'a', a, options.eig, options.refine);
  let lam = values;
  if (Number.isInteger(p)) {
    if (p < 0) checkSpectrum('powmSym', 'a', values, 'nonzero');
  } else {
    lam = checkSpectrum('powmSym', 'a', values, p > 0 ? 'nonnegative' : 'positive');
  }
  if (p === 0.5) return applySpectral('powmSym', lam, vectors, Math.sqrt);
  return applySpectral('powmSym', lam, vectors, (x) => x ** p);
}
