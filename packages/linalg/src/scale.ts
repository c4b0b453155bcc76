// Scalar multiple of a matrix (Golub & Van Loan, Matrix Computations, 4th ed., §1.1).
import { NonFiniteError } from './errors.js';
import type { Matrix } from './matrix.js';
import { assertFinite } from './validate.js';

/**
 * The scalar multiple s·A.
 *
 * @throws {NonFiniteError} when `s` or an entry of `a` is NaN or infinite
 * @example
 * scale(identity(2), 3) // => [[3, 0], [0, 3]]
 */
export function scale(a: Matrix, s: number): Matrix {
  assertFinite('scale', 'a', a);
  if (typeof s !== 'number' || !Number.isFinite(s))
    throw new NonFiniteError(`scale(): s is ${s} (must be a finite number)`);
  const x = a.data;
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = s * x[i];
  return { rows: a.rows, cols: a.cols, data: out };
}
