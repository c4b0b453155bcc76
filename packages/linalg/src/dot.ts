// Level-1 BLAS dot product (Golub & Van Loan, Matrix Computations, 4th ed., §1.1).
import { ShapeError } from './errors.js';
import { dot as dotKernel } from './kernels/dot.js';
import { assertFiniteArray, assertVector } from './validate.js';

/**
 * The inner product xᵀy of two vectors of equal length.
 *
 * @param x - vector
 * @param y - vector of the same length
 * @returns Σ x_i y_i (0 for empty vectors)
 * @throws {ShapeError} when the lengths differ
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * dot(vector([1, 2, 3]), vector([4, 5, 6])) // => 32
 */
export function dot(x: Float64Array, y: Float64Array): number {
  assertVector('dot', 'x', x);
  assertVector('dot', 'y', y);
  if (x.length !== y.length)
    throw new ShapeError(
      `dot(): x (length ${x.length}) and y (length ${y.length}) must have the same length`,
    );
  assertFiniteArray('dot', 'x', x);
  assertFiniteArray('dot', 'y', y);
  return dotKernel(x.length, x, y);
}
