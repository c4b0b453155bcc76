// Sparse matrix–vector and sparse × dense products in CSR form (Saad, "Iterative Methods for
// Sparse Linear Systems", 2nd ed., §3.4). Unchecked kernels: the caller has validated shapes
// and values.
import type { CsrMatrix } from './csr.js';

/**
 * out = A x, or out += A x with `accumulate`. Each out[i] is one left-to-right sum over row i,
 * added to the previous out[i] only at the end. `out` must not alias `x`.
 */
export function csrMatvec(
  a: CsrMatrix,
  x: Float64Array,
  out: Float64Array,
  accumulate = false,
): void {
  const { rows, rowPtr, colIndex, values } = a;
  let p = rowPtr[0];
  for (let i = 0; i < rows; i++) {
    const end = rowPtr[i + 1];
    let s = 0;
    for (; p < end; p++) s += values[p] * x[colIndex[p]];
    if (accumulate) out[i] += s;
    else out[i] = s;
  }
}

/**
 * out = Aᵀ x, or out += Aᵀ x with `accumulate`, by scattering the rows of A in order (each
 * out[j] receives its terms in increasing row order). `out` must not alias `x`.
 */
export function csrMatvecTrans(
  a: CsrMatrix,
  x: Float64Array,
  out: Float64Array,
  accumulate = false,
): void {
  const { rows, cols, rowPtr, colIndex, values } = a;
  if (!accumulate) out.fill(0, 0, cols);
  let p = rowPtr[0];
  for (let i = 0; i < rows; i++) {
    const end = rowPtr[i + 1];
    const xi = x[i];
    for (; p < end; p++) out[colIndex[p]] += values[p] * xi;
  }
}

/**
 * OUT = A X for a dense row-major X (a.cols × k) into OUT (a.rows × k), or OUT += A X with
 * `accumulate`. Streams whole rows of X, so it runs several times faster per column than k
 * separate {@link csrMatvec} calls. `out` must not alias `x`.
 */
export function csrMatmat(
  a: CsrMatrix,
  x: Float64Array,
  k: number,
  out: Float64Array,
  accumulate = false,
): void {
  const { rows, rowPtr, colIndex, values } = a;
  if (!accumulate) out.fill(0, 0, rows * k);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const v = values[p];
      const r = colIndex[p] * k;
      for (let c = 0; c < k; c++) out[o + c] += v * x[r + c];
    }
  }
}

/** The diagonal of a square A (duplicates summed) into `out` (length n). */
export function csrDiagonal(a: CsrMatrix, out: Float64Array): Float64Array {
  const { rows, rowPtr, colIndex, values } = a;
  out.fill(0, 0, rows);
  for (let i = 0; i < rows; i++)
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) if (colIndex[p] === i) out[i] += values[p];
  return out;
}

/** max_i Σ_j |a_ij|: the ∞-norm, an upper bound on every |eigenvalue| (Gershgorin). */
export function csrNormInf(a: CsrMatrix): number {
  const { rows, rowPtr, values } = a;
  let m = 0;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) s += Math.abs(values[p]);
    if (s > m) m = s;
  }
  return m;
}
