// Kronecker product (Van Loan 2000, "The ubiquitous Kronecker product", J. Comput. Appl. Math.).
import { guardAllocation } from './allocation.js';
import type { Matrix } from './matrix.js';
import { assertFinite } from './validate.js';

/**
 * The Kronecker product A ⊗ B: the (ma·mb)×(na·nb) block matrix with blocks a_ij·B.
 *
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @throws {AllocationLimitError} when the result exceeds the allocation limit
 * @example
 * kron(fromRows([[1, 2]]), fromRows([[1], [10]])) // => [[1, 2], [10, 20]]
 */
export function kron(a: Matrix, b: Matrix): Matrix {
  assertFinite('kron', 'a', a);
  assertFinite('kron', 'b', b);
  const ma = a.rows;
  const na = a.cols;
  const mb = b.rows;
  const nb = b.cols;
  const cols = na * nb;
  guardAllocation('kron', ma * mb * cols);
  const out = new Float64Array(ma * mb * cols);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < ma; i++) {
    for (let k = 0; k < mb; k++) {
      const rowOut = (i * mb + k) * cols;
      const rowB = k * nb;
      for (let j = 0; j < na; j++) {
        const aij = x[i * na + j];
        const o = rowOut + j * nb;
        for (let l = 0; l < nb; l++) out[o + l] = aij * y[rowB + l];
      }
    }
  }
  return { rows: ma * mb, cols, data: out };
}
