// Compressed sparse row matrices assembled from triplets (Saad, "Iterative Methods for Sparse
// Linear Systems", 2nd ed., §3.4). Unchecked kernels. A candidate for @rg/linalg's kernels.

export interface Csr {
  n: number;
  rowPtr: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** Assemble an n×n CSR matrix from (row, col, value) triplets, summing duplicates. */
export function csrFromTriplets(
  n: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  vals: ArrayLike<number>,
): Csr {
  const m = rows.length;
  const count = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) count[rows[k] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const tmpCol = new Int32Array(m);
  const tmpVal = new Float64Array(m);
  const fill = count.slice(0, n);
  for (let k = 0; k < m; k++) {
    const p = fill[rows[k]]++;
    tmpCol[p] = cols[k];
    tmpVal[p] = vals[k];
  }
  // sort each row by column and merge duplicates
  const rowPtr = new Int32Array(n + 1);
  const colOut: number[] = [];
  const valOut: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = count[i];
    const b = count[i + 1];
    const order = Array.from({ length: b - a }, (_, k) => a + k).sort(
      (x, y) => tmpCol[x] - tmpCol[y],
    );
    let last = -1;
    for (const p of order) {
      if (tmpCol[p] === last) valOut[valOut.length - 1] += tmpVal[p];
      else {
        colOut.push(tmpCol[p]);
        valOut.push(tmpVal[p]);
        last = tmpCol[p];
      }
    }
    rowPtr[i + 1] = colOut.length;
  }
  return { n, rowPtr, col: Int32Array.from(colOut), val: Float64Array.from(valOut) };
}

/** out = A x */
export function csrMatvec(a: Csr, x: Float64Array, out: Float64Array): void {
  const { n, rowPtr, col, val } = a;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) s += val[p] * x[col[p]];
    out[i] = s;
  }
}

/** The diagonal of A. */
export function csrDiagonal(a: Csr): Float64Array {
  const d = new Float64Array(a.n);
  for (let i = 0; i < a.n; i++)
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) if (a.col[p] === i) d[i] = a.val[p];
  return d;
}
