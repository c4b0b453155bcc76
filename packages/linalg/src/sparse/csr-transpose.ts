// Transpose and diagonal of a CSR matrix.
import type { CsrMatrix } from './kernels/csr.js';
import { csrDiagonal as diagonalKernel } from './kernels/spmv.js';
import { csrTransposeKernel } from './kernels/triplets.js';
import { assertCsr } from './csr-matrix.js';

/**
 * Aᵀ in CSR form (columns sorted within each row), by one counting sort: O(nnz + rows + cols).
 *
 * @throws {ShapeError | NonFiniteError} on a malformed matrix
 * @example
 * const t = csrTranspose(csrFromTriplets(2, 3, [0, 1], [2, 0], [5, 7]));
 * [t.rows, t.cols] // => [3, 2]
 * csrToDense(t) // => [[0, 7], [0, 0], [5, 0]]
 */
export function csrTranspose(a: CsrMatrix): CsrMatrix {
  assertCsr('csrTranspose', 'a', a);
  return csrTransposeKernel(a);
}

/**
 * The diagonal of a square sparse matrix (repeated entries summed; 0 where none is stored).
 *
 * @throws {ShapeError | NonFiniteError} on a malformed or non-square matrix
 * @example
 * csrDiagonal(csrFromTriplets(2, 2, [0, 1, 1], [0, 0, 1], [4, 1, 3])) // => [4, 3]
 */
export function csrDiagonal(a: CsrMatrix): Float64Array {
  assertCsr('csrDiagonal', 'a', a, true);
  return diagonalKernel(a, new Float64Array(a.rows));
}
