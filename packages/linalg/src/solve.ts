// Linear solve by LU with partial pivoting (Golub & Van Loan, Matrix Computations, 4th ed., §3.4).
import { NonFiniteError, ShapeError, SingularMatrixError } from './errors.js';
import { luKernel, luSolveKernel, maxAbs, singularPivot, workCopy } from './lu.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertFiniteArray, assertSquare } from './validate.js';

/**
 * Solve A X = B for square A by LU with partial pivoting. `b` is a vector (length n) or an
 * n×m matrix of right-hand sides; the result has the same kind and shape as `b`.
 *
 * @throws {SingularMatrixError} when A is singular to working precision (a pivot
 *   |u_kk| ≤ eps·max|a_ij|); `pivot` is its index. The test is normwise, so a matrix whose
 *   rows or columns differ in scale by more than 1/eps is reported singular: equilibrate it
 *   (scale rows and columns) first
 * @throws {ShapeError} when `a` is not square or `b` has the wrong number of rows
 * @throws {NonFiniteError} when an entry is NaN or infinite, or the elimination overflowed
 *   (pivot growth near the float64 limit; rescale a)
 * @example
 * solve(fromRows([[2, 1], [1, 3]]), vector([3, 5])) // => ~[0.8, 1.4]
 * solve(fromRows([[1, 2], [2, 4]]), vector([1, 1])) // => throws SingularMatrixError
 */
export function solve(a: Matrix, b: Float64Array): Float64Array;
export function solve(a: Matrix, b: Matrix): Matrix;
export function solve(a: Matrix, b: Matrix | Float64Array): Matrix | Float64Array;
export function solve(a: Matrix, b: Matrix | Float64Array): Matrix | Float64Array {
  assertSquare('solve', 'a', a);
  const n = a.rows;
  const isVector = b instanceof Float64Array;
  let m: number;
  if (isVector) {
    if (b.length !== n)
      throw new ShapeError(`solve(): b has length ${b.length}, expected a.rows = ${n}`);
    assertFiniteArray('solve', 'b', b);
    m = 1;
  } else {
    assertFinite('solve', 'b', b);
    if (b.rows !== n) throw new ShapeError(`solve(): b has ${b.rows} rows, expected a.rows = ${n}`);
    m = b.cols;
  }
  const f = workCopy(a.data);
  const pivots = new Int32Array(n);
  luKernel(f, n, pivots);
  const k = singularPivot(f, n, maxAbs(a.data));
  if (k >= 0)
    throw new SingularMatrixError(
      `solve(): a is singular to working precision (pivot ${k} is ${f[k * n + k].toExponential(2)}); ` +
        'use lstsq() for a least-squares or minimum-norm solution',
      k,
    );
  const src = isVector ? b : b.data;
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const o = pivots[i] * m;
    for (let c = 0; c < m; c++) x[i * m + c] = src[o + c];
  }
  luSolveKernel(f, n, x, m);
  checkFinite('solve', x);
  return isVector ? x : { rows: n, cols: m, data: x };
}

/** Throw when rounding overflowed somewhere in the elimination (never return NaN silently). */
export function checkFinite(fn: string, x: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v - v !== 0)
      throw new NonFiniteError(
        `${fn}(): the result overflowed (entry ${i} is ${v}): pivot growth reached the float64 limit; rescale a`,
        i,
      );
  }
}
