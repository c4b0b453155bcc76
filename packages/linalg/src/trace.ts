// Matrix trace (Horn & Johnson, Matrix Analysis, 2nd ed., §1.2).
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
  const n = a.rows;
  let s = 0;
  for (let i = 0; i < n; i++) s += a.data[i * n + i];
  return s;
}
