// Triangular solves by forward and back substitution, row-oriented (Golub & Van Loan, Matrix Computations, 4th ed., §3.1).
import { ShapeError, SingularMatrixError } from './errors.js';
import { solveTriangularInPlace } from './kernels/solve-triangular.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertFiniteArray, assertSquare } from './validate.js';
import { checkOptions } from './validate-arguments.js';

/** Options of {@link solveTriangular}. */
export interface SolveTriangularOptions {
  /** true: `t` is lower triangular; false: upper. Only that triangle is read. */
  lower: boolean;
  /** solve Tᵀ X = B instead of T X = B (default false) */
  transpose?: boolean;
  /** take the diagonal of `t` to be all ones without reading it (default false) */
  unitDiagonal?: boolean;
}

/**
 * Solve T X = B (or Tᵀ X = B) for triangular T by substitution. Only the triangle named by
 * `lower` is read, so a packed LU or a Cholesky factor can be passed as is. `b` is a vector
 * (length n) or an n×m matrix; the result has the same kind and shape.
 *
 * @throws {SingularMatrixError} when a diagonal entry is exactly zero (`pivot` is its index)
 * @throws {ShapeError} when `t` is not square or `b` has the wrong number of rows
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * solveTriangular(fromRows([[2, 0], [1, 4]]), vector([2, 9]), { lower: true }) // => [1, 2]
 * solveTriangular(fromRows([[2, 0], [1, 4]]), vector([4, 8]), { lower: true, transpose: true }) // => [1, 2]
 */
export function solveTriangular(
  t: Matrix,
  b: Float64Array,
  options: SolveTriangularOptions,
): Float64Array;
export function solveTriangular(t: Matrix, b: Matrix, options: SolveTriangularOptions): Matrix;
export function solveTriangular(
  t: Matrix,
  b: Matrix | Float64Array,
  options: SolveTriangularOptions,
): Matrix | Float64Array;
export function solveTriangular(
  t: Matrix,
  b: Matrix | Float64Array,
  options: SolveTriangularOptions,
): Matrix | Float64Array {
  const fn = 'solveTriangular';
  const o = checkOptions(fn, 'options', options);
  assertSquare(fn, 't', t);
  const n = t.rows;
  const isVector = b instanceof Float64Array;
  let m: number;
  if (isVector) {
    if (b.length !== n)
      throw new ShapeError(`${fn}(): b has length ${b.length}, expected t.rows = ${n}`);
    assertFiniteArray(fn, 'b', b);
    m = 1;
  } else {
    assertFinite(fn, 'b', b);
    if (b.rows !== n) throw new ShapeError(`${fn}(): b has ${b.rows} rows, expected t.rows = ${n}`);
    m = b.cols;
  }
  const lower = !!o.lower;
  const trans = !!o.transpose;
  const unit = !!o.unitDiagonal;
  const d = t.data;
  if (!unit)
    for (let i = 0; i < n; i++)
      if (d[i * n + i] === 0)
        throw new SingularMatrixError(`${fn}(): t is singular (t[${i}, ${i}] is 0)`, i);
  const x = (isVector ? b : b.data).slice();
  solveTriangularInPlace(n, m, d, x, { lower, transpose: trans, unitDiagonal: unit });
  return isVector ? x : { rows: n, cols: m, data: x };
}
