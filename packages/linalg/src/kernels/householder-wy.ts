// Blocked Householder transformations in compact WY form: H_0 H_1 ⋯ H_{b−1} = I − Y T Yᵀ with
// T upper triangular (Schreiber & Van Loan, "A storage-efficient WY representation for products
// of Householder transformations", SISC 1989; LAPACK dlarft/dlarfb), applied with two products
// on the shared gemm kernel. Internal layer: inputs are trusted.
import { gemmDispatch } from './backend.js';

let wBuf: Float64Array = new Float64Array(0);
let pBuf: Float64Array = new Float64Array(0);
let gBuf: Float64Array = new Float64Array(0);
let twBuf: Float64Array = new Float64Array(0);

function grow(buf: Float64Array, len: number): Float64Array {
  return buf.length >= len ? buf : new Float64Array(Math.max(len, 2 * buf.length));
}

/**
 * The b×b upper triangular T (row-major, into `t`) of H_0 ⋯ H_{b−1} = I − Y T Yᵀ for the
 * reflectors H_i = I − β_i y_i y_iᵀ, y_i the columns of the row-major rows×b `y`:
 * T_ii = β_i and T[0:i, i] = −β_i T[0:i, 0:i] (Y[:, 0:i]ᵀ y_i), with YᵀY from one product.
 */
export function formT(
  rows: number,
  b: number,
  y: Float64Array,
  betas: ArrayLike<number>,
  t: Float64Array,
): void {
  gBuf = grow(gBuf, b * b);
  const g = gBuf;
  gemmDispatch(true, false, b, b, rows, y, y, g);
  t.fill(0, 0, b * b);
  for (let i = 0; i < b; i++) {
    const bi = betas[i];
    t[i * b + i] = bi;
    // T[r, i] = −β_i Σ_{c=r}^{i−1} T[r, c] g[c, i] (T upper triangular)
    for (let r = 0; r < i; r++) {
      let s = 0;
      for (let c = r; c < i; c++) s += t[r * b + c] * g[c * b + i];
      t[r * b + i] = -bi * s;
    }
  }
}

/**
 * z ← (I − Y T Yᵀ) z (or with Tᵀ when `transposeT`: the product in reverse order, as in the
 * factorization) for the rows×ncols row-major block `z` (a view into a larger matrix is fine:
 * its rows must be contiguous), y rows×b, t b×b upper triangular from {@link formT}.
 */
export function applyWY(
  rows: number,
  b: number,
  y: Float64Array,
  t: Float64Array,
  transposeT: boolean,
  z: Float64Array,
  ncols: number,
): void {
  if (rows === 0 || ncols === 0 || b === 0) return;
  wBuf = grow(wBuf, b * ncols);
  pBuf = grow(pBuf, rows * ncols);
  const w = wBuf;
  const p = pBuf;
  gemmDispatch(true, false, b, ncols, rows, y, z, w);
  // w ← T w (or Tᵀ w) as one more product: the triangle's zeros cost little on the gemm kernel
  // and far less than a scalar triangular loop.
  const tw = grow(twBuf, b * ncols);
  twBuf = tw;
  gemmDispatch(transposeT, false, b, ncols, b, t, w, tw);
  gemmDispatch(false, false, rows, ncols, b, y, tw, p);
  const len = rows * ncols;
  for (let i = 0; i < len; i++) z[i] -= p[i];
}
