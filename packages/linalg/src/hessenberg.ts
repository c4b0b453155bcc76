// Householder reduction to upper Hessenberg form (Golub & Van Loan, Matrix Computations, 4th ed., §7.4.3).
import type { Matrix } from './matrix.js';
import { assertSquare } from './validate.js';

/** Result of {@link hessenberg}: `a = q h qᵀ`, `h` upper Hessenberg, `q` orthogonal. */
export interface HessenbergResult {
  /** upper Hessenberg: entries below the first subdiagonal are exactly 0 */
  h: Matrix;
  /** orthogonal, with `a = q h qᵀ` */
  q: Matrix;
}

/**
 * Reduce `h` (n×n row-major, overwritten) to upper Hessenberg form in place and, when
 * `q` is given, overwrite `q` with the orthogonal factor. Trusts its inputs.
 * `work` must hold at least 3n entries.
 * @internal
 */
export function hessenbergInPlace(
  h: Float64Array,
  n: number,
  q: Float64Array | null,
  work: Float64Array,
): void {
  // Reflector k is I − τ v vᵀ with v = (1, v₁, …) acting on rows/cols k+1…n−1;
  // its tail is kept below the subdiagonal (LAPACK layout) so Q can be formed
  // backwards afterwards, which costs 4n³/3 instead of 2n³ flops.
  const taus = work.subarray(0, n);
  const w = work.subarray(n, 2 * n);
  // the reflector's tail is stored down column k; a contiguous copy keeps the
  // right-hand update (a dot product per row) from striding through memory
  const vbuf = work.subarray(2 * n, 3 * n);
  taus.fill(0);
  for (let k = 0; k + 2 < n; k++) {
    const r0 = k + 1;
    const alpha = h[r0 * n + k];
    let scale = 0;
    for (let i = r0 + 1; i < n; i++) {
      const v = Math.abs(h[i * n + k]);
      if (v > scale) scale = v;
    }
    if (scale === 0) continue; // column already in Hessenberg form: Hₖ = I
    const as = Math.abs(alpha);
    if (as > scale) scale = as;
    // scaled sum of squares so that entries near 1e±154 neither overflow nor underflow
    let ss = 0;
    for (let i = r0; i < n; i++) {
      const v = h[i * n + k] / scale;
      ss += v * v;
    }
    const norm = scale * Math.sqrt(ss);
    const beta = alpha >= 0 ? -norm : norm;
    const tau = (beta - alpha) / beta;
    const inv = 1 / (alpha - beta);
    vbuf[r0] = 1;
    for (let i = r0 + 1; i < n; i++) {
      const v = h[i * n + k] * inv;
      h[i * n + k] = v;
      vbuf[i] = v;
    }
    h[r0 * n + k] = beta;
    taus[k] = tau;

    // left: rows r0…n−1, columns k+1…n−1:  H ← H − τ v (vᵀ H)
    for (let j = k + 1; j < n; j++) w[j] = h[r0 * n + j];
    for (let i = r0 + 1; i < n; i++) {
      const vi = vbuf[i];
      if (vi === 0) continue;
      const off = i * n;
      for (let j = k + 1; j < n; j++) w[j] += vi * h[off + j];
    }
    for (let j = k + 1; j < n; j++) w[j] *= tau;
    for (let j = k + 1; j < n; j++) h[r0 * n + j] -= w[j];
    for (let i = r0 + 1; i < n; i++) {
      const vi = vbuf[i];
      if (vi === 0) continue;
      const off = i * n;
      for (let j = k + 1; j < n; j++) h[off + j] -= vi * w[j];
    }

    // right: all rows, columns r0…n−1:  H ← H − τ (H v) vᵀ
    for (let i = 0; i < n; i++) {
      const off = i * n;
      let s = 0;
      for (let j = r0; j < n; j++) s += h[off + j] * vbuf[j];
      s *= tau;
      if (s === 0) continue;
      for (let j = r0; j < n; j++) h[off + j] -= s * vbuf[j];
    }
  }

  if (q !== null) {
    q.fill(0);
    for (let i = 0; i < n; i++) q[i * n + i] = 1;
    // Q = H₀ H₁ … H_{n−3}, applied right-to-left to I: each reflector only touches
    // the trailing block, which is still the identity outside rows/cols ≥ k+1.
    for (let k = n - 3; k >= 0; k--) {
      const tau = taus[k];
      if (tau === 0) continue;
      const r0 = k + 1;
      for (let j = r0; j < n; j++) w[j] = q[r0 * n + j];
      for (let i = r0 + 1; i < n; i++) {
        const vi = h[i * n + k];
        if (vi === 0) continue;
        const off = i * n;
        for (let j = r0; j < n; j++) w[j] += vi * q[off + j];
      }
      for (let j = r0; j < n; j++) w[j] *= tau;
      for (let j = r0; j < n; j++) q[r0 * n + j] -= w[j];
      for (let i = r0 + 1; i < n; i++) {
        const vi = h[i * n + k];
        if (vi === 0) continue;
        const off = i * n;
        for (let j = r0; j < n; j++) q[off + j] -= vi * w[j];
      }
    }
  }
  for (let k = 0; k + 2 < n; k++) for (let i = k + 2; i < n; i++) h[i * n + k] = 0;
}

/**
 * Householder reduction of a square matrix to upper Hessenberg form: `a = q h qᵀ`
 * with `q` orthogonal and `h[i][j] = 0` for `i > j + 1`. The first step of
 * {@link schur} and {@link eigvals}; O(10n³/3) flops.
 *
 * @param a - square, finite (not modified)
 * @returns `{ h, q }`
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @example
 * const { h, q } = hessenberg(fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 10]]));
 * h.data[6] // => 0
 * Math.abs(h.data[3]) // => ~8.0623
 * q.data[0] // => 1
 */
export function hessenberg(a: Matrix): HessenbergResult {
  assertSquare('hessenberg', 'a', a);
  const n = a.rows;
  const h = new Float64Array(a.data);
  const q = new Float64Array(n * n);
  hessenbergInPlace(h, n, q, new Float64Array(3 * n));
  return { h: { rows: n, cols: n, data: h }, q: { rows: n, cols: n, data: q } };
}
