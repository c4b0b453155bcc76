// The Matrix type and its constructors: plain row-major float64 objects, so they cross worker
// and GPU boundaries and tree-shake.
import { guardAllocation } from './allocation.js';
import { InvalidArgumentError, ShapeError } from './errors.js';
import { assertFiniteArray, assertMatrix, assertVector } from './validate.js';

/**
 * A dense row-major float64 matrix. A plain object (not a class) so it can cross
 * worker and GPU boundaries and be structurally cloned. Entry (i, j) is
 * `data[i * cols + j]`.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

function checkDims(fn: string, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
    throw new InvalidArgumentError(
      `${fn}(): rows and cols must be non-negative integers (got ${rows}×${cols})`,
    );
  guardAllocation(fn, rows * cols);
}

/**
 * A rows×cols matrix over `data` (row-major, copied), or zeros when `data` is omitted.
 *
 * @throws {ShapeError} when `data` is not an array of numbers or `data.length !== rows * cols`
 * @example
 * matrix(2, 2, [1, 2, 3, 4]) // => [[1, 2], [3, 4]]
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  checkDims('matrix', rows, cols);
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  assertVector('matrix', 'data', data);
  if (data.length !== rows * cols)
    throw new ShapeError(
      `matrix(): data has ${data.length} entries, expected ${rows}×${cols} = ${rows * cols}`,
    );
  return { rows, cols, data: Float64Array.from(data) };
}

/**
 * A matrix from nested rows; all rows must have the same length.
 *
 * @throws {ShapeError} when `rowsIn` is not an array of arrays of numbers, or on ragged rows
 * @example
 * fromRows([[1, 2], [3, 4]]).cols // => 2
 */
export function fromRows(rowsIn: ArrayLike<ArrayLike<number>>): Matrix {
  assertRowList(rowsIn);
  const rows = rowsIn.length;
  const cols = rows ? rowsIn[0].length : 0;
  guardAllocation('fromRows', rows * cols);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = rowsIn[i];
    if (r.length !== cols)
      throw new ShapeError(`fromRows(): row ${i} has ${r.length} entries, row 0 has ${cols}`);
    for (let j = 0; j < cols; j++) data[i * cols + j] = r[j];
  }
  return { rows, cols, data };
}

/** Throw unless `rowsIn` is an array of arrays of numbers. */
function assertRowList(rowsIn: ArrayLike<ArrayLike<number>>): void {
  assertVector('fromRows', 'rowsIn', rowsIn);
  for (let i = 0; i < rowsIn.length; i++) assertVector('fromRows', `rowsIn[${i}]`, rowsIn[i]);
}

/**
 * The rows of a matrix as nested plain arrays.
 *
 * @example
 * toRows(identity(2)) // => [[1, 0], [0, 1]]
 */
export function toRows(a: Matrix): number[][] {
  assertMatrix('toRows', 'a', a);
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++)
    out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

/**
 * The n×n identity matrix.
 *
 * @example
 * identity(2) // => [[1, 0], [0, 1]]
 */
export function identity(n: number): Matrix {
  checkDims('identity', n, n);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { rows: n, cols: n, data };
}

/**
 * A rows×cols matrix of zeros (square when `cols` is omitted).
 *
 * @example
 * zeros(1, 3) // => [[0, 0, 0]]
 */
export function zeros(rows: number, cols: number = rows): Matrix {
  checkDims('zeros', rows, cols);
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/**
 * The square diagonal matrix with `values` on its diagonal.
 *
 * @example
 * diag([1, 2]) // => [[1, 0], [0, 2]]
 */
export function diag(values: ArrayLike<number>): Matrix {
  assertVector('diag', 'values', values);
  const n = values.length;
  guardAllocation('diag', n * n);
  assertFiniteArray('diag', 'values', values);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = values[i];
  return { rows: n, cols: n, data };
}

/**
 * The main diagonal of a matrix, as a vector of length min(rows, cols).
 *
 * @example
 * diagonal(fromRows([[1, 2], [3, 4]])) // => [1, 4]
 */
export function diagonal(a: Matrix): Float64Array {
  assertMatrix('diagonal', 'a', a);
  const k = Math.min(a.rows, a.cols);
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) out[i] = a.data[i * a.cols + i];
  return out;
}

/**
 * A deep copy (new `data` buffer).
 *
 * @example
 * copy(identity(2)).data === identity(2).data // => false
 */
export function copy(a: Matrix): Matrix {
  assertMatrix('copy', 'a', a);
  return { rows: a.rows, cols: a.cols, data: a.data.slice() };
}

/**
 * True when `value` has the shape of a {@link Matrix} with consistent dimensions.
 *
 * @example
 * isMatrix(identity(2)) // => true
 */
export function isMatrix(value: unknown): value is Matrix {
  if (!value || typeof value !== 'object') return false;
  const m = value as Matrix;
  return (
    Number.isInteger(m.rows) &&
    Number.isInteger(m.cols) &&
    m.rows >= 0 &&
    m.cols >= 0 &&
    m.data instanceof Float64Array &&
    m.data.length === m.rows * m.cols
  );
}

/**
 * A column vector as a Float64Array from any array-like of finite numbers (validated, copied).
 *
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * vector([1, 2, 3]) // => [1, 2, 3]
 */
export function vector(values: ArrayLike<number>): Float64Array {
  assertVector('vector', 'values', values);
  const v = Float64Array.from(values);
  assertFiniteArray('vector', 'values', v);
  return v;
}
