// Relative asymmetry of a square CSR matrix by comparing each row of A with the same row of
// Aᵀ through one dense scratch row. Unchecked kernel.
import type { CsrMatrix } from './csr.js';
import { csrTransposeKernel } from './triplets.js';

/** max|a_ij − a_ji| / max|a_ij| with duplicates summed (0 for the zero matrix). */
export function csrAsymmetry(a: CsrMatrix): number {
  const n = a.rows;
  const t = csrTransposeKernel(a);
  const work = new Float64Array(n);
  let maxAbs = 0;
  let maxDiff = 0;
  for (let i = 0; i < n; i++) {
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) work[a.colIndex[p]] += a.values[p];
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const w = Math.abs(work[a.colIndex[p]]);
      if (w > maxAbs) maxAbs = w;
    }
    for (let p = t.rowPtr[i]; p < t.rowPtr[i + 1]; p++) work[t.colIndex[p]] -= t.values[p];
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const j = a.colIndex[p];
      const d = Math.abs(work[j]);
      if (d > maxDiff) maxDiff = d;
      work[j] = 0;
    }
    for (let p = t.rowPtr[i]; p < t.rowPtr[i + 1]; p++) {
      const j = t.colIndex[p];
      const d = Math.abs(work[j]);
      if (d > maxDiff) maxDiff = d;
      work[j] = 0;
    }
  }
  return maxAbs === 0 ? 0 : maxDiff / maxAbs;
}
