// Elementwise matrix difference (Golub & Van Loan, Matrix Computations, 4th ed., §1.1).
import type { Matrix } from './matrix.js';
import { assertFinite, assertSameShape } from './validate.js';

/**
 * The entrywise difference A − B.
 *
 * @throws {ShapeError} when the shapes differ
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * sub(fromRows([[10, 20]]), fromRows([[1, 2]])) // => [[9, 18]]
 */
export function sub(a: Matrix, b: Matrix): Matrix {
  assertFinite('sub', 'a', a);
  assertFinite('sub', 'b', b);
  assertSameShape('sub', 'a', a, 'b', b);
  const x = a.data;
  const y = b.data;
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] - y[i];
  return { rows: a.rows, cols: a.cols, data: out };
}
