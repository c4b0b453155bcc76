// Singular value decomposition by Golub–Kahan bidiagonalization and implicit-shift QR
// (Golub & Kahan 1965; Golub & Reinsch 1970; Golub & Van Loan, Matrix Computations, §8.6).

import { powerOfTwoScale } from './eigh-kernels.js';
import { ConvergenceError } from './errors.js';
import type { Matrix } from './matrix.js';
import { bidiagonalize, bidiagonalQR } from './svd-kernels.js';
import { assertFinite } from './validate.js';

/** Result of {@link svd}: A = U diag(s) Vᵀ. */
export interface SvdResult {
  /** left singular vectors as columns: m×k (thin, k = min(m, n)) or m×m (full) */
  u: Matrix;
  /** singular values, descending, non-negative, length min(m, n) */
  s: Float64Array;
  /** right singular vectors as columns: n×k (thin) or n×n (full) */
  v: Matrix;
}

/** Options of {@link svd}. */
export interface SvdOptions {
  /** return square U (m×m) and V (n×n) instead of the thin factors (default false) */
  full?: boolean;
  /** compute u and v (default true); when false they are returned as 0×0 matrices */
  vectors?: boolean;
}

/**
 * Singular value decomposition A = U diag(s) Vᵀ of a real m×n matrix, with singular values in
 * descending order. Backward stable: the computed factors are exact for A + δA with
 * ‖δA‖ ≈ c·ε‖A‖, so singular values carry an absolute error of about ε·s₀.
 *
 * @param a - any finite m×n matrix (m < n is handled through Aᵀ)
 * @param options - `{ full, vectors }`
 * @returns `{ u, s, v }`
 * @throws {ShapeError} when `a` is not a Matrix
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @example
 * svd(fromRows([[3, 0], [0, -4]])).s // => [4, 3]
 * @example
 * const { u, s, v } = svd(fromRows([[1, 1], [1, 1], [0, 0]]));
 * s // => ~[2, 0]
 * u.rows // => 3
 * v.cols // => 2
 */
export function svd(a: Matrix, options: SvdOptions = {}): SvdResult {
  assertFinite('svd', 'a', a);
  const full = options.full ?? false;
  const wantVectors = options.vectors ?? true;
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const empty = (): Matrix => ({ rows: 0, cols: 0, data: new Float64Array(0) });
  // Work on the tall orientation; for wide A decompose Aᵀ and swap the roles of U and V.
  const wide = m < n;
  const mt = wide ? n : m;
  const nt = wide ? m : n;
  const w = new Float64Array(mt * nt);
  if (wide) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * nt + i] = a.data[i * n + j];
  } else {
    w.set(a.data);
  }
  // Exact power-of-two scaling keeps the squares in the shift computation representable.
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) {
    const x = Math.abs(w[i]);
    if (x > maxAbs) maxAbs = x;
  }
  const scale = powerOfTwoScale(maxAbs);
  if (scale !== 1) for (let i = 0; i < w.length; i++) w[i] /= scale;
  const s = new Float64Array(k);
  const urows = full ? mt : nt;
  const ut = wantVectors && k > 0 ? new Float64Array(urows * mt) : null;
  const vt = wantVectors && k > 0 ? new Float64Array(nt * nt) : null;
  const d = new Float64Array(nt);
  const f = new Float64Array(nt);
  let ok = true;
  if (k > 0) {
    bidiagonalize(mt, nt, w, d, f, ut, urows, vt, new Float64Array(3 * nt + mt));
    ok = bidiagonalQR(nt, d, f, ut, mt, vt);
  }
  if (!ok)
    throw new ConvergenceError(`svd(): the bidiagonal QR iteration did not converge (${m}×${n})`, {
      iterations: -1,
      residual: Number.NaN,
    });
  // Sign fix, then a stable descending sort of the indices.
  for (let i = 0; i < k; i++) {
    if (d[i] < 0) {
      d[i] = -d[i];
      if (vt) for (let j = 0; j < nt; j++) vt[i * nt + j] = -vt[i * nt + j];
    }
  }
  const sorted = Array.from({ length: k }, (_, i) => i).sort((x, y) => d[y] - d[x] || x - y);
  for (let i = 0; i < k; i++) s[i] = d[sorted[i]] * scale;
  if (!ut || !vt) {
    if (!wantVectors) return { u: empty(), s, v: empty() };
    // k = 0: empty factors of the right outer size.
    const uCols = full ? m : 0;
    const vCols = full ? n : 0;
    return {
      u: identityOrEmpty(m, uCols),
      s,
      v: identityOrEmpty(n, vCols),
    };
  }
  // Tall-orientation factors: Ut rows (urows of length mt), Vt rows (nt of length nt).
  // Column j of the output U_t is row sorted[j] of ut (for j < k), then rows k.. unchanged.
  const uT = gatherColumns(ut, mt, urows, sorted, k);
  const vT = gatherColumns(vt, nt, nt, sorted, k);
  return wide ? { u: vT, s, v: uT } : { u: uT, s, v: vT };
}

function identityOrEmpty(rows: number, cols: number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) data[i * cols + i] = 1;
  return { rows, cols, data };
}

/** Matrix (len × count) whose column j is row perm[j] of `rowsT` for j < k, row j after. */
function gatherColumns(
  rowsT: Float64Array,
  len: number,
  count: number,
  perm: number[],
  k: number,
): Matrix {
  const out = new Float64Array(len * count);
  for (let j = 0; j < count; j++) {
    const src = (j < k ? perm[j] : j) * len;
    for (let i = 0; i < len; i++) out[i * count + j] = rowsT[src + i];
  }
  return { rows: len, cols: count, data: out };
}
