// Level-1 BLAS axpy, y ← αx + y (Golub & Van Loan, Matrix Computations, 4th ed., §1.1).
import { ShapeError } from './errors.js';
import { assertFiniteArray, assertVector } from './validate.js';
import { checkFiniteNumber } from './validate-arguments.js';

function check(fn: string, alpha: number, x: Float64Array, y: Float64Array): void {
  checkFiniteNumber(fn, 'alpha', alpha);
  assertVector(fn, 'x', x);
  assertVector(fn, 'y', y);
  if (x.length !== y.length)
    throw new ShapeError(
      `${fn}(): x (length ${x.length}) and y (length ${y.length}) must have the same length`,
    );
  assertFiniteArray(fn, 'x', x);
  assertFiniteArray(fn, 'y', y);
}

/**
 * αx + y as a new vector; `x` and `y` are not changed.
 *
 * @throws {ShapeError} when the lengths differ
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * axpy(2, vector([1, 2]), vector([10, 20])) // => [12, 24]
 */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): Float64Array {
  check('axpy', alpha, x, y);
  const out = new Float64Array(y.length);
  for (let i = 0; i < out.length; i++) out[i] = alpha * x[i] + y[i];
  return out;
}

/**
 * y ← αx + y in place (the name says it mutates `y`); returns `y`.
 *
 * @throws {ShapeError} when the lengths differ
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * const y = vector([1, 1]);
 * axpyInPlace(3, vector([1, 2]), y);
 * y // => [4, 7]
 */
export function axpyInPlace(alpha: number, x: Float64Array, y: Float64Array): Float64Array {
  check('axpyInPlace', alpha, x, y);
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
  return y;
}
