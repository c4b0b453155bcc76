// Matrix inverse by LU with partial pivoting (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §14.3).
import { SingularMatrixError } from './errors.js';
import { luKernel, luSolveKernel, maxAbs, singularPivot, workCopy } from './lu.js';
import type { Matrix } from './matrix.js';
import { checkFinite } from './solve.js';
import { assertSquare } from './validate.js';

/**
 * The inverse A⁻¹ of a square matrix (solves A X = P by LU). Prefer {@link solve} to
 * multiplying by an inverse: it is faster and more accurate.
 *
 * @throws {SingularMatrixError} when A is singular to working precision (a pivot
 *   |u_kk| ≤ eps·max|a_ij|)
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when an entry is NaN or infinite, or the result overflowed
 * @example
 * inverse(fromRows([[4, 7], [2, 6]])) // => ~[[0.6, -0.7], [-0.2, 0.4]]
 * inverse(zeros(2)) // => throws SingularMatrixError
 */
export function inverse(a: Matrix): Matrix {
  assertSquare('inverse', 'a', a);
  const n = a.rows;
  const f = workCopy(a.data);
  const pivots = new Int32Array(n);
  luKernel(f, n, pivots);
  const k = singularPivot(f, n, maxAbs(a.data));
  if (k >= 0)
    throw new SingularMatrixError(
      `inverse(): a is singular to working precision (pivot ${k} is ${f[k * n + k].toExponential(2)})`,
      k,
    );
  // A⁻¹ solves A X = I, i.e. L U X = P; row i of P is e_{pivots[i]}.
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) x[i * n + pivots[i]] = 1;
  luSolveKernel(f, n, x, n);
  checkFinite('inverse', x);
  return { rows: n, cols: n, data: x };
}
