// Triangular solves by forward and back substitution, row-oriented (Golub & Van Loan, Matrix Computations, 4th ed., §3.1).
import { ShapeError, SingularMatrixError } from './errors.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertFiniteArray, assertSquare } from './validate.js';

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
  const lower = !!options?.lower;
  const trans = !!options?.transpose;
  const unit = !!options?.unitDiagonal;
  const d = t.data;
  if (!unit)
    for (let i = 0; i < n; i++)
      if (d[i * n + i] === 0)
        throw new SingularMatrixError(`${fn}(): t is singular (t[${i}, ${i}] is 0)`, i);
  const x = (isVector ? b : b.data).slice();
  // Tᵀ of a lower matrix is upper and vice versa; the two kernels below cover the
  // "forward" (solution index increasing) and "backward" directions.
  const forward = lower !== trans;
  if (!trans) substituteRows(d, n, x, m, forward, unit);
  else substituteColumns(d, n, x, m, forward, unit);
  return isVector ? x : { rows: n, cols: m, data: x };
}

/** T X = B: x_i = (b_i − Σ_k t_ik x_k) / t_ii, reading row i of T contiguously. */
function substituteRows(
  d: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  forward: boolean,
  unit: boolean,
): void {
  for (let s = 0; s < n; s++) {
    const i = forward ? s : n - 1 - s;
    const oi = i * n;
    const xi = i * m;
    const k0 = forward ? 0 : i + 1;
    const k1 = forward ? i : n;
    for (let k = k0; k < k1; k++) {
      const tik = d[oi + k];
      if (tik === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xi + c] -= tik * x[xk + c];
    }
    if (!unit) {
      const inv = 1 / d[oi + i];
      for (let c = 0; c < m; c++) x[xi + c] *= inv;
    }
  }
}

/**
 * Tᵀ X = B: once x_i is final, subtract its contribution t_ik x_i from the remaining rows k,
 * which reads row i of T (= column i of Tᵀ) contiguously instead of a strided column.
 */
function substituteColumns(
  d: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  forward: boolean,
  unit: boolean,
): void {
  for (let s = 0; s < n; s++) {
    const i = forward ? s : n - 1 - s;
    const oi = i * n;
    const xi = i * m;
    if (!unit) {
      const inv = 1 / d[oi + i];
      for (let c = 0; c < m; c++) x[xi + c] *= inv;
    }
    const k0 = forward ? i + 1 : 0;
    const k1 = forward ? n : i;
    for (let k = k0; k < k1; k++) {
      const tik = d[oi + k];
      if (tik === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xk + c] -= tik * x[xi + c];
    }
  }
}
