// Bandwidth-reducing ordering of a sparse symmetric matrix (Cuthill & McKee 1969; George & Liu,
// "Computer Solution of Large Sparse Positive Definite Systems", 1981, §4.3).
import type { CsrMatrix } from './kernels/csr.js';
import { reverseCuthillMcKee as rcmKernel } from './kernels/envelope-cholesky.js';
import { assertCsr } from './csr-matrix.js';

/**
 * The reverse Cuthill–McKee ordering of a square sparse matrix with symmetric structure:
 * `perm[k]` is the original index of the k-th unknown. Breadth-first from a pseudo-peripheral
 * node of each connected component, neighbours by increasing degree, then reversed; it keeps
 * the nonzeros of P A Pᵀ near the diagonal, which bounds the envelope that
 * {@link sparseCholesky} fills.
 *
 * @throws {ShapeError | NonFiniteError} on a malformed or non-square matrix
 * @example
 * // the path 0 – 2 – 1 – 3 stored in scrambled order becomes banded
 * const a = csrFromTriplets(4, 4, [0, 2, 2, 1, 1, 3], [2, 0, 1, 2, 3, 1], [1, 1, 1, 1, 1, 1]);
 * reverseCuthillMcKee(a) // => [3, 1, 2, 0]
 */
export function reverseCuthillMcKee(a: CsrMatrix): Int32Array {
  assertCsr('reverseCuthillMcKee', 'a', a, true);
  return rcmKernel(a);
}
