// Hadamard (entrywise) product (Horn & Johnson, Topics in Matrix Analysis, ch. 5).
import type { Matrix } from './matrix.js';
import { assertFinite, assertSameShape } from './validate.js';

/**
 * The entrywise (Hadamard) product A ∘ B.
 *
 * @throws {ShapeError} when the shapes differ
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * hadamard(fromRows([[1, 2], [3, 4]]), fromRows([[2, 0], [1, -1]])) // => [[2, 0], [3, -4]]
 */
export function hadamard(a: Matrix, b: Matrix): Matrix {
  assertFinite('hadamard', 'a', a);
  assertFinite('hadamard', 'b', b);
  assertSameShape('hadamard', 'a', a, 'b', b);
  const x = a.data;
  const y = b.data;
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] * y[i];
  return { rows: a.rows, cols: a.cols, data: out };
}
