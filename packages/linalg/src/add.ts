// Elementwise matrix sum (Golub & Van Loan, Matrix Computations, 4th ed., §1.1).
import type { Matrix } from './matrix.js';
import { assertFinite, assertSameShape } from './validate.js';

/**
 * The entrywise sum A + B.
 *
 * @throws {ShapeError} when the shapes differ
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * add(fromRows([[1, 2]]), fromRows([[10, 20]])) // => [[11, 22]]
 */
export function add(a: Matrix, b: Matrix): Matrix {
  assertFinite('add', 'a', a);
  assertFinite('add', 'b', b);
  assertSameShape('add', 'a', a, 'b', b);
  const x = a.data;
  const y = b.data;
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] + y[i];
  return { rows: a.rows, cols: a.cols, data: out };
}
