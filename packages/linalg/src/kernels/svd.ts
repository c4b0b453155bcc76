// Singular value decomposition on raw arrays by Golub–Kahan bidiagonalization and implicit-shift
// QR (Golub & Kahan 1965; Golub & Reinsch 1970; Golub & Van Loan, Matrix Computations, §8.6).
import { WASM_BASE, wasmHeap, wasmModule } from '../wasm/loader.js';
import { preferWasm } from './backend.js';
import { bidiagonalize, bidiagonalQR } from './bidiagonal-svd.js';
import { powerOfTwoScale } from './symmetric-eigensolvers.js';

/**
 * Entries m·n from which the bidiagonalization and the bidiagonal QR run on WebAssembly under
 * 'auto' (measured, Node 20 x86-64: 4×4 TypeScript 2.4 µs vs 2.6 µs; 8×8 9 µs vs 6 µs).
 */
export const SVD_WASM_MIN = 36;

/**
 * Bidiagonalization and implicit-shift QR of the tall mt×nt `w` (overwritten): signed singular
 * values into d (f is scratch), the singular vectors as the rows of ut (urows × mt) and vt
 * (nt × nt) when given. Both steps in WebAssembly memory (one copy in, one out) or in their
 * TypeScript twins, which round identically. False when the QR iteration did not converge.
 */
function bidiagonalSvd(
  mt: number,
  nt: number,
  w: Float64Array,
  d: Float64Array,
  f: Float64Array,
  ut: Float64Array | null,
  urows: number,
  vt: Float64Array | null,
): boolean {
  if (preferWasm(mt * nt, SVD_WASM_MIN)) {
    const bd = wasmModule('bidiagonal');
    const qr = bd ? wasmModule('bdsqr') : null;
    const lw = mt * nt;
    const lu = ut ? urows * mt : 0;
    const lv = vt ? nt * nt : 0;
    const mx = Math.max(mt, nt);
    const heap = qr ? wasmHeap(WASM_BASE + 8 * (lw + lu + lv + 9 * nt + 3 * mx + 8)) : null;
    if (bd && qr && heap) {
      const even = (x: number) => x + (x & 1);
      const w0 = WASM_BASE >> 3;
      const u0 = w0 + even(lw);
      const v0 = u0 + even(lu);
      const d0 = v0 + even(lv);
      const f0 = d0 + even(nt);
      const k0 = f0 + even(nt);
      const r0 = k0 + even(3 * nt + 3 * mx);
      heap.set(w.subarray(0, lw), w0);
      bd.bidiagonalize(
        mt,
        nt,
        w0 * 8,
        d0 * 8,
        f0 * 8,
        ut ? u0 * 8 : 0,
        urows,
        vt ? v0 * 8 : 0,
        k0 * 8,
      );
      const ok = qr.bdsqr(nt, d0 * 8, f0 * 8, ut ? u0 * 8 : 0, mt, vt ? v0 * 8 : 0, r0 * 8) === 1;
      d.set(heap.subarray(d0, d0 + nt));
      if (ut) ut.set(heap.subarray(u0, u0 + lu));
      if (vt) vt.set(heap.subarray(v0, v0 + lv));
      return ok;
    }
  }
  bidiagonalize(mt, nt, w, d, f, ut, urows, vt, new Float64Array(3 * nt + mt));
  return bidiagonalQR(nt, d, f, ut, mt, vt);
}

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
    if (!bidiagonalSvd(mt, nt, w, d, f, ut, urows, vt)) return fail();
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
