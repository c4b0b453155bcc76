// The k smallest eigenpairs of a (graph or connection) Laplacian: dense for small matrices,
// shift-invert Lanczos through linalg's sparse Cholesky otherwise.
import { type CsrMatrix, csrToDense, eigh, sparseEigsh } from '@rg/linalg';
import { gershgorin } from './gershgorin.js';

/** Largest size solved densely. */
const DENSE_MAX = 600;

export function smallestEigenpairs(
  l: CsrMatrix,
  k: number,
): { values: Float64Array; vectors: Float64Array } {
  const n = l.rows;
  if (n <= DENSE_MAX || 3 * k >= n) {
    const e = eigh(csrToDense(l));
    const vectors = new Float64Array(n * k);
    for (let i = 0; i < n; i++)
      for (let c = 0; c < k; c++) vectors[i * k + c] = e.vectors.data[i * n + c];
    return { values: e.values.slice(0, k), vectors };
  }
  const scale = gershgorin(l);
  // a shift just below 0 (L is positive semidefinite): the smallest eigenvalues become the
  // largest of (L − σI)⁻¹, well separated
  const r = sparseEigsh(l, k, { sigma: -1e-6 * (scale || 1), tol: 1e-9 });
  return { values: r.values, vectors: r.vectors.data };
}
