// The Gershgorin bound on the spectrum of a sparse matrix.
import type { CsrMatrix } from '@rg/linalg';

/** max_i Σ_j |l_ij|: an upper bound on every |eigenvalue| of l. */
export function gershgorin(l: CsrMatrix): number {
  let m = 0;
  for (let i = 0; i < l.rows; i++) {
    let s = 0;
    for (let p = l.rowPtr[i]; p < l.rowPtr[i + 1]; p++) s += Math.abs(l.values[p]);
    if (s > m) m = s;
  }
  return m;
}
