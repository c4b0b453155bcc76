// Assembly of CSR matrices from (row, col, value) triplets by two stable counting sorts (by
// column, then by row), so each row comes out sorted by column and duplicates are summed in the
// order they were given (Gustavson, "Two fast algorithms for sparse matrices", ACM TOMS 4(3),
// 1978). O(nnz + rows + cols). Unchecked kernels.
import type { CsrMatrix } from './csr.js';

/** Transpose-by-counting: the entries of `a` regrouped by column, rows ascending within each. */
export function csrTransposeKernel(a: CsrMatrix): CsrMatrix {
  const { rows, cols, rowPtr, colIndex, values } = a;
  const nnz = rowPtr[rows];
  const ptr = new Int32Array(cols + 1);
  for (let p = 0; p < nnz; p++) ptr[colIndex[p] + 1]++;
  for (let j = 0; j < cols; j++) ptr[j + 1] += ptr[j];
  const fill = ptr.slice(0, cols);
  const ci = new Int32Array(nnz);
  const v = new Float64Array(nnz);
  for (let i = 0; i < rows; i++)
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const q = fill[colIndex[p]]++;
      ci[q] = i;
      v[q] = values[p];
    }
  return { rows: cols, cols: rows, rowPtr: ptr, colIndex: ci, values: v };
}

/**
 * The rows×cols CSR matrix with entries (ri[k], ci[k], v[k]); columns sorted within each row,
 * repeated positions summed (in input order), explicit zeros kept.
 */
export function csrFromTripletsKernel(
  rows: number,
  cols: number,
  ri: ArrayLike<number>,
  ci: ArrayLike<number>,
  v: ArrayLike<number>,
): CsrMatrix {
  const m = ri.length;
  // bucket by column (stable), giving a column-major list; then bucket that by row (stable):
  // rows come out with ascending columns, equal positions in input order
  const cptr = new Int32Array(cols + 1);
  for (let k = 0; k < m; k++) cptr[ci[k] + 1]++;
  for (let j = 0; j < cols; j++) cptr[j + 1] += cptr[j];
  const byCol = new Int32Array(m);
  const cfill = cptr.slice(0, cols);
  for (let k = 0; k < m; k++) byCol[cfill[ci[k]]++] = k;
  const rptr = new Int32Array(rows + 1);
  for (let k = 0; k < m; k++) rptr[ri[k] + 1]++;
  for (let i = 0; i < rows; i++) rptr[i + 1] += rptr[i];
  const order = new Int32Array(m);
  const rfill = rptr.slice(0, rows);
  for (let q = 0; q < m; q++) {
    const k = byCol[q];
    order[rfill[ri[k]]++] = k;
  }
  // merge repeated columns within each row
  const rowPtr = new Int32Array(rows + 1);
  const colOut = new Int32Array(m);
  const valOut = new Float64Array(m);
  let nnz = 0;
  for (let i = 0; i < rows; i++) {
    let last = -1;
    for (let q = rptr[i]; q < rptr[i + 1]; q++) {
      const k = order[q];
      const c = ci[k];
      if (c === last) valOut[nnz - 1] += v[k];
      else {
        colOut[nnz] = c;
        valOut[nnz++] = v[k];
        last = c;
      }
    }
    rowPtr[i + 1] = nnz;
  }
  return {
    rows,
    cols,
    rowPtr,
    colIndex: nnz === m ? colOut : colOut.slice(0, nnz),
    values: nnz === m ? valOut : valOut.slice(0, nnz),
  };
}
