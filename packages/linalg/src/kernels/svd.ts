// Singular value decomposition on raw arrays by Golub–Kahan bidiagonalization and implicit-shift
// QR (Golub & Kahan 1965; Golub & Reinsch 1970; Golub & Van Loan, Matrix Computations, §8.6).
import { bidiagonalize, bidiagonalQR } from './bidiagonal-svd.js';
import { powerOfTwoScale } from './symmetric-eigensolvers.js';

/** Options of the {@link svd} kernel. */
export interface SvdKernelOptions {
  /** m×k output (m×m with `full`) for the left singular vectors as columns */
  u?: Float64Array | null;
  /** n×k output (n×n with `full`) for the right singular vectors as columns */
  v?: Float64Array | null;
  /** square U and V instead of the thin factors (default false) */
  full?: boolean;
}

/**
 * A = U diag(s) Vᵀ for the m×n row-major `a` (not modified): the k = min(m, n) singular values
 * into `s`, descending and non-negative, and the singular vectors into `options.u` and
 * `options.v` when given (both are computed when either is asked for). Wide matrices are
 * decomposed through Aᵀ. Backward stable: singular values carry an absolute error of about
 * ε·s₀ (use {@link oneSidedJacobi} for relative accuracy on column-scaled matrices).
 *
 * Aliasing: the outputs must not overlap `a` or each other.
 *
 * @returns true; false when the QR iteration did not converge or `a` has a non-finite entry,
 *   in which case the outputs are filled with NaN
 * @example
 * import { svd } from '@rg/linalg/kernels';
 * const s = new Float64Array(2);
 * svd(2, 2, Float64Array.of(3, 0, 0, -4), s); // => true
 * s // => [4, 3]
 * @example
 * import { svd } from '@rg/linalg/kernels';
 * const s = new Float64Array(1);
 * const u = new Float64Array(2); // 2×1
 * const v = new Float64Array(1); // 1×1
 * svd(2, 1, Float64Array.of(3, 4), s, { u, v }); // => true
 * s // => ~[5]
 * Math.abs(u[1]) // => ~0.8
 */
export function svd(
  m: number,
  n: number,
  a: Float64Array,
  s: Float64Array,
  options: SvdKernelOptions = {},
): boolean {
  const full = options.full === true;
  const k = Math.min(m, n);
  const wantVectors = !!(options.u || options.v);
  const uCols = full ? m : k;
  const vCols = full ? n : k;
  const u = wantVectors ? (options.u ?? new Float64Array(m * uCols)) : null;
  const v = wantVectors ? (options.v ?? new Float64Array(n * vCols)) : null;
  const fail = (): boolean => {
    s.fill(Number.NaN, 0, k);
    u?.fill(Number.NaN, 0, m * uCols);
    v?.fill(Number.NaN, 0, n * vCols);
    return false;
  };
  // Work on the tall orientation; for wide A decompose Aᵀ and swap the roles of U and V.
  const wide = m < n;
  const mt = wide ? n : m;
  const nt = wide ? m : n;
  const w = new Float64Array(mt * nt);
  if (wide) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * nt + i] = a[i * n + j];
  } else {
    w.set(a.subarray(0, m * n));
  }
  // Exact power-of-two scaling keeps the squares in the shift computation representable.
  let maxAbs = 0;
  let poison = 0;
  for (let i = 0; i < w.length; i++) {
    const x = Math.abs(w[i]);
    poison += x - x;
    if (x > maxAbs) maxAbs = x;
  }
  if (poison !== 0) return fail();
  const scale = powerOfTwoScale(maxAbs);
  if (scale !== 1) for (let i = 0; i < w.length; i++) w[i] /= scale;
  const urows = full ? mt : nt;
  const ut = wantVectors && k > 0 ? new Float64Array(urows * mt) : null;
  const vt = wantVectors && k > 0 ? new Float64Array(nt * nt) : null;
  const d = new Float64Array(nt);
  const f = new Float64Array(nt);
  if (k > 0) {
    bidiagonalize(mt, nt, w, d, f, ut, urows, vt, new Float64Array(3 * nt + mt));
    if (!bidiagonalQR(nt, d, f, ut, mt, vt)) return fail();
  }
  // Sign fix, then a stable descending sort of the indices.
  for (let i = 0; i < k; i++) {
    if (d[i] < 0) {
      d[i] = -d[i];
      if (vt) for (let j = 0; j < nt; j++) vt[i * nt + j] = -vt[i * nt + j];
    }
  }
  const sorted = Array.from({ length: k }, (_, i) => i).sort((x, y) => d[y] - d[x] || x - y);
  for (let i = 0; i < k; i++) s[i] = d[sorted[i]] * scale;
  if (!u || !v) return true;
  if (!ut || !vt) {
    // k = 0: the full factors are identities (nothing to do for the thin, empty ones).
    identityInto(u, m, uCols);
    identityInto(v, n, vCols);
    return true;
  }
  // Tall-orientation factors: ut rows (urows of length mt), vt rows (nt of length nt). Column
  // j of the tall U is row sorted[j] of ut (for j < k), then rows k.. unchanged.
  gatherColumns(ut, mt, urows, sorted, k, wide ? v : u);
  gatherColumns(vt, nt, nt, sorted, k, wide ? u : v);
  return true;
}

function identityInto(out: Float64Array, rows: number, cols: number): void {
  out.fill(0, 0, rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) out[i * cols + i] = 1;
}

/** out (len × count): column j is row perm[j] of `rowsT` for j < k, row j after. */
function gatherColumns(
  rowsT: Float64Array,
  len: number,
  count: number,
  perm: number[],
  k: number,
  out: Float64Array,
): void {
  for (let j = 0; j < count; j++) {
    const src = (j < k ? perm[j] : j) * len;
    for (let i = 0; i < len; i++) out[i * count + j] = rowsT[src + i];
  }
}
