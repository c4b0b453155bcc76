// The compressed sparse row (CSR) matrix type and its one validation helper (Saad, "Iterative
// Methods for Sparse Linear Systems", 2nd ed., §3.4).
import { NonFiniteError, NotSymmetricError, ShapeError } from '../errors.js';
import { SYMMETRY_TOLERANCE } from '../validate.js';
import type { CsrMatrix } from './kernels/csr.js';
import { csrAsymmetry } from './kernels/symmetry.js';

export type { CsrMatrix } from './kernels/csr.js';

/**
 * Throw unless `a` is a well-formed {@link CsrMatrix} with finite values (O(nnz), once per
 * public call; the kernels below it trust their input).
 *
 * @param fn - the public function, for the message
 * @param name - the argument's name, for the message
 * @param a - the matrix to check
 * @param square - also require rows === cols
 * @throws {ShapeError} on a malformed structure (the message says which part)
 * @throws {NonFiniteError} when a value is NaN or infinite
 * @example
 * const a = { rows: 2, cols: 2, rowPtr: Int32Array.of(0, 1, 2), colIndex: Int32Array.of(0, 2), values: Float64Array.of(1, 1) };
 * assertCsr('f', 'a', a) // => throws ShapeError
 */
export function assertCsr(fn: string, name: string, a: CsrMatrix, square = false): void {
  if (!a || typeof a !== 'object')
    throw new ShapeError(
      `${fn}(): ${name} must be a CsrMatrix { rows, cols, rowPtr, colIndex, values }`,
    );
  const { rows, cols, rowPtr, colIndex, values } = a;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
    throw new ShapeError(
      `${fn}(): ${name}.rows and ${name}.cols must be non-negative integers (got ${rows}×${cols})`,
    );
  if (square && rows !== cols)
    throw new ShapeError(`${fn}(): ${name} must be square (got ${rows}×${cols})`);
  if (!(rowPtr instanceof Int32Array) || rowPtr.length !== rows + 1)
    throw new ShapeError(
      `${fn}(): ${name}.rowPtr must be an Int32Array of length rows + 1 = ${rows + 1}`,
    );
  if (!(colIndex instanceof Int32Array) || !(values instanceof Float64Array))
    throw new ShapeError(
      `${fn}(): ${name}.colIndex must be an Int32Array and ${name}.values a Float64Array`,
    );
  const nnz = rowPtr[rows];
  if (rowPtr[0] !== 0 || colIndex.length !== nnz || values.length !== nnz)
    throw new ShapeError(
      `${fn}(): ${name}.rowPtr must start at 0 and end at colIndex.length = values.length (got rowPtr[0] = ${rowPtr[0]}, rowPtr[rows] = ${nnz}, ${colIndex.length} and ${values.length} entries)`,
    );
  for (let i = 0; i < rows; i++)
    if (rowPtr[i + 1] < rowPtr[i])
      throw new ShapeError(`${fn}(): ${name}.rowPtr decreases at row ${i}`);
  for (let p = 0; p < nnz; p++) {
    const c = colIndex[p];
    if (c < 0 || c >= cols)
      throw new ShapeError(`${fn}(): ${name}.colIndex[${p}] = ${c} is outside [0, ${cols})`);
    const v = values[p];
    if (v - v !== 0)
      throw new NonFiniteError(`${fn}(): ${name}.values[${p}] is ${v} (must be finite)`, p);
  }
}

/**
 * Throw unless the square CSR matrix `a` (already checked by {@link assertCsr}) is symmetric
 * to within `tol` relative to its largest entry: max|a_ij − a_ji| ≤ tol · max|a_ij|, with
 * duplicates summed and missing entries read as 0. O(nnz + n) time and memory.
 *
 * @throws {NotSymmetricError} with the relative asymmetry
 * @example
 * const a = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 2]);
 * assertSymmetricCsr('f', 'a', a) // => throws NotSymmetricError
 */
export function assertSymmetricCsr(
  fn: string,
  name: string,
  a: CsrMatrix,
  tol: number = SYMMETRY_TOLERANCE,
): void {
  const asym = csrAsymmetry(a);
  if (asym > tol)
    throw new NotSymmetricError(
      `${fn}(): ${name} must be symmetric (relative asymmetry ${asym.toExponential(2)} > ${tol.toExponential(0)})`,
      asym,
    );
}
