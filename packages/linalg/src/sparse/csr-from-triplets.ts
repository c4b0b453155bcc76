// CSR assembly from coordinate (triplet) form, as SciPy's coo_matrix((v, (i, j))).tocsr().
import { InvalidArgumentError, ShapeError } from '../errors.js';
import { guardAllocation } from '../allocation.js';
import { assertFiniteArray } from '../validate.js';
import type { CsrMatrix } from './kernels/csr.js';
import { csrFromTripletsKernel } from './kernels/triplets.js';

/**
 * The rows×cols sparse matrix with entries `values[k]` at (`rowIndex[k]`, `colIndex[k]`):
 * columns sorted within each row, repeated positions summed (in the order given), explicit
 * zeros kept. O(nnz + rows + cols) by two counting sorts.
 *
 * @param rows - number of rows
 * @param cols - number of columns
 * @param rowIndex - row of each entry, integers in [0, rows)
 * @param colIndex - column of each entry, integers in [0, cols)
 * @param values - value of each entry (finite)
 * @throws {InvalidArgumentError} when rows/cols are not non-negative integers
 * @throws {ShapeError} when the three arrays differ in length or an index is out of range
 * @throws {NonFiniteError} when a value is NaN or infinite
 * @example
 * const a = csrFromTriplets(2, 3, [0, 1, 0, 0], [2, 0, 0, 2], [1, 2, 3, 4]);
 * a.rowPtr // => [0, 2, 3]
 * a.colIndex // => [0, 2, 0]
 * a.values // => [3, 5, 2]
 */
export function csrFromTriplets(
  rows: number,
  cols: number,
  rowIndex: ArrayLike<number>,
  colIndex: ArrayLike<number>,
  values: ArrayLike<number>,
): CsrMatrix {
  const fn = 'csrFromTriplets';
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
    throw new InvalidArgumentError(
      `${fn}(): rows and cols must be non-negative integers (got ${rows}×${cols})`,
    );
  guardAllocation(fn, rows + 1, 4, 'row pointer array');
  const m = values?.length;
  if (rowIndex?.length !== m || colIndex?.length !== m)
    throw new ShapeError(
      `${fn}(): rowIndex, colIndex and values must have the same length (got ${rowIndex?.length}, ${colIndex?.length}, ${m})`,
    );
  for (let k = 0; k < m; k++) {
    const i = rowIndex[k];
    const j = colIndex[k];
    if (!Number.isInteger(i) || i < 0 || i >= rows)
      throw new ShapeError(`${fn}(): rowIndex[${k}] = ${i} is not an integer in [0, ${rows})`);
    if (!Number.isInteger(j) || j < 0 || j >= cols)
      throw new ShapeError(`${fn}(): colIndex[${k}] = ${j} is not an integer in [0, ${cols})`);
  }
  assertFiniteArray(fn, 'values', values);
  return csrFromTripletsKernel(rows, cols, rowIndex, colIndex, values);
}
