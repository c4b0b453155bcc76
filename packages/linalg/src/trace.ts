// Matrix trace (Horn & Johnson, Matrix Analysis, 2nd ed., §1.2).
import { trace as traceKernel } from './kernels/trace.js';
import type { Matrix } from './matrix.js';
import { assertSquare } from './validate.js';

/**
 * The trace Σ a_ii of a square matrix.
 *
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * trace(fromRows([[1, 2], [3, 4]])) // => 5
 */
export function trace(a: Matrix): number {
  assertSquare('trace', 'a', a);
  return traceKernel(a.rows, a.data);
}
