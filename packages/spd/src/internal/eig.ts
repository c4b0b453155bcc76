// Symmetric eigendecomposition through @rg/linalg's `eigh` (Householder + implicit QL, Jacobi
// for small n). Every caller passes an exactly symmetric array or a validated SPD point.
import { eigh } from '@rg/linalg';

/** Ascending eigenvalues and eigenvectors (columns of row-major `vectors`) of symmetric a. */
export function eighRaw(
  a: Float64Array,
  n: number,
  refine: boolean | 'auto' = 'auto',
): { values: Float64Array; vectors: Float64Array } {
  const { values, vectors } = eigh({ rows: n, cols: n, data: a }, { refine });
  return { values, vectors: vectors.data };
}

/** Ascending eigenvalues only (no vectors: about three times cheaper). */
export function eigvalsRaw(a: Float64Array, n: number): Float64Array {
  return eigh({ rows: n, cols: n, data: a }, { vectors: false }).values;
}
