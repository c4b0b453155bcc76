// Cholesky factorization on raw arrays: row-oriented Cholesky–Banachiewicz for small n, the
// right-looking blocked form (LAPACK dpotrf) above, its panels by the same row-oriented kernel
// and its trailing updates on the gemm kernel (Golub & Van Loan, Matrix Computations, 4th ed.,
// Alg. 4.2.2 and §4.2.9). The row-oriented kernel runs as WebAssembly SIMD (assembly/
// cholesky.ts) or as its TypeScript twin here, which rounds identically.
import { gemmDispatch, preferWasm } from './backend.js';
import { WASM_BASE, wasmHeap, wasmModule } from '../wasm/loader.js';

/**
 * Lower Cholesky factor L (A = L·Lᵀ) of the symmetric n×n row-major `a`, of which only the
 * lower triangle is read. L is written into the lower triangle of `l` (diagonal included); the
 * strict upper triangle of `l` is never touched, as in LAPACK's dpotrf: pass a zeroed buffer
 * (a fresh Float64Array) to get L as a full matrix.
 *
 * The pivot rule (one rule, shared by `cholesky()` and every SPD check built on this kernel):
 * pivot k is p_k = a_kk − Σ_{j<k} l_kj², computed in this kernel's fixed operation order (the
 * same on the WebAssembly and TypeScript backends, which agree bit for bit), and it is accepted
 * exactly when p_k > 0 — the rule of LAPACK's dpotrf. Zero, negative and
 * NaN pivots (NaN from a non-finite input or an overflow) fail. A singular positive
 * semidefinite matrix usually fails at a pivot of about ±nε‖A‖, but rounding can also leave
 * that pivot slightly positive and the factorization then succeeds with a tiny l_kk: no pivot
 * test separates "singular" from "condition number beyond 1/ε" in floating point, so callers
 * that need a margin test the factor's diagonal (or the eigenvalues) themselves.
 *
 * Aliasing: `l` may be `a` (factorization in place: the upper triangle then keeps A's entries);
 * no other overlap is allowed.
 *
 * @returns -1 on success; otherwise the index k of the first failing pivot, whose value p_k
 *   is left in l[k·n + k] (the rest of `l` is then unspecified)
 * @example
 * import { choleskyLower } from '@rg/linalg/kernels';
 * const l = new Float64Array(4);
 * choleskyLower(2, Float64Array.of(4, 2, 2, 5), l) // => -1
 * l // => [2, 0, 1, 2]
 * choleskyLower(2, Float64Array.of(1, 2, 2, 1), l) // => 1
 * l[3] // => -3
 */
export function choleskyLower(n: number, a: Float64Array, l: Float64Array): number {
  if (n >= BLOCKED_MIN) return choleskyBlocked(a, l, n);
  if (preferWasm(n, CHOLESKY_WASM_MIN)) {
    const info = choleskyWasm(n, a, l);
    if (info !== null) return info;
  }
  return choleskyKernel(a, l, n);
}

/**
 * {@link choleskyLower} after checking that `a` is finite and symmetric within the relative
 * tolerance `tol` (max |a_ij − a_ji| ≤ tol·max |a_ij|), fused with the factorization's own copy
 * on the WebAssembly path, into a zero-filled `l` (its strict upper triangle is left zero).
 * Returns −2 when the check fails (`l` untouched), else what choleskyLower returns. The main
 * entry's `cholesky` is this plus its errors.
 */
export function choleskyChecked(n: number, a: Float64Array, l: Float64Array, tol: number): number {
  if (n < BLOCKED_MIN && preferWasm(n, CHOLESKY_WASM_MIN)) {
    const info = choleskyWasm(n, a, l, tol, true);
    if (info !== null) return info;
  }
  if (!symmetricWithin(n, a, tol)) return -2;
  return choleskyLower(n, a, l);
}

/**
 * True when every entry of the n×n `a` is finite and max |a_ij − a_ji| ≤ tol·max |a_ij|: one
 * pass over the pairs (i, j), (j, i). Decides exactly as the WebAssembly check does (maxima of
 * exactly computed quantities do not depend on the order).
 */
export function symmetricWithin(n: number, a: Float64Array, tol: number): boolean {
  let poison = 0;
  let maxAbs = 0;
  let maxDiff = 0;
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    const aii = a[oi + i];
    poison += aii - aii;
    const v = aii < 0 ? -aii : aii;
    if (v > maxAbs) maxAbs = v;
    for (let j = 0; j < i; j++) {
      const x = a[oi + j];
      const y = a[j * n + i];
      // x − x is 0 for finite x and NaN for ±Infinity or NaN, so `poison` flags either.
      poison += x - x + (y - y);
      const ax = x < 0 ? -x : x;
      const ay = y < 0 ? -y : y;
      if (ax > maxAbs) maxAbs = ax;
      if (ay > maxAbs) maxAbs = ay;
      const diff = x > y ? x - y : y - x;
      if (diff > maxDiff) maxDiff = diff;
    }
  }
  return poison === 0 && maxDiff <= tol * maxAbs;
}

/**
 * Order from which the row-oriented kernel runs on WebAssembly under 'auto' (measured, Node 20
 * x86-64: n = 16 TypeScript 0.65 µs vs 0.94 µs; n = 32 3.5 µs vs 2.7 µs).
 */
export const CHOLESKY_WASM_MIN = 24;

/**
 * From this order on the blocked form wins. The SIMD row-oriented kernel streams rows of L and
 * stays ahead for a long time (measured, Node 20 x86-64 on a loaded 2-core machine, best of 2–3:
 * n = 1024 unblocked 43–72 ms vs blocked 75–126 ms; n = 1536 214 ms vs 288 ms; n = 2048
 * 0.66–1.1 s vs 0.61–0.82 s).
 */
export const BLOCKED_MIN = 1792;
/** Panel width of the blocked factorization (even, as the panel kernel requires). */
const NB = 128;
/** Rows of the trailing update per gemm call. */
const CHUNK = 128;

let rdiag = new Float64Array(64);
let panelBuf = new Float64Array(0);
let prodBuf = new Float64Array(0);

/**
 * The unblocked factorization in WebAssembly memory, after the symmetry check there when `tol`
 * is given (−2 when it fails); null when the module is unavailable.
 */
function choleskyWasm(
  n: number,
  a: Float64Array,
  l: Float64Array,
  tol?: number,
  zeroUpper = false,
): number | null {
  const chol = wasmModule('cholesky');
  const check = tol !== undefined ? wasmModule('level2') : null;
  const nn = n * n;
  const heap = chol && (tol === undefined || check) ? wasmHeap(WASM_BASE + 8 * (nn + n + 2)) : null;
  if (!chol || !heap) return null;
  const o = WASM_BASE >> 3;
  // The whole of `a` in one copy (the kernel never reads the strict upper triangle); only the
  // lower triangle comes back, so that of `l` stays untouched.
  heap.set(a.subarray(0, nn), o);
  if (check && tol !== undefined) {
    check.symmetryCheck(n, WASM_BASE, WASM_BASE + 8 * nn);
    const maxAbs = heap[o + nn];
    const maxDiff = heap[o + nn + 1];
    // NaN (a NaN entry) and ∞ fail both comparisons.
    if (!(maxAbs < Number.POSITIVE_INFINITY) || !(maxDiff <= tol * maxAbs)) return -2;
  }
  const info = chol.cholesky(n, n, n, WASM_BASE, WASM_BASE + 8 * (nn + 2));
  if (zeroUpper) {
    // The caller's l is to hold zeros above the diagonal: clear them here, copy back at once.
    chol.zeroUpper(n, WASM_BASE);
    l.set(heap.subarray(o, o + nn));
    return info;
  }
  const rows = info < 0 ? n : info + 1;
  for (let i = 0; i < rows; i++) {
    const r = i * n;
    for (let j = 0; j <= i; j++) l[r + j] = heap[o + r + j];
  }
  return info;
}

/** The panel kernel on either backend, in place on the contiguous m×b `p`. */
function panel(b: number, m: number, p: Float64Array): number {
  if (preferWasm(b, CHOLESKY_WASM_MIN)) {
    const chol = wasmModule('cholesky');
    const len = m * b;
    const heap = chol ? wasmHeap(WASM_BASE + 8 * (len + b)) : null;
    if (chol && heap) {
      const o = WASM_BASE >> 3;
      heap.set(p.subarray(0, len), o);
      const info = chol.cholesky(b, m, b, WASM_BASE, WASM_BASE + 8 * len);
      p.set(heap.subarray(o, o + len));
      return info;
    }
  }
  if (rdiag.length < b) rdiag = new Float64Array(Math.max(b, 2 * rdiag.length));
  return choleskyPanel(b, m, b, p, 0, rdiag);
}

/**
 * Right-looking blocked Cholesky (LAPACK dpotrf): each panel of {@link NB} columns (its
 * diagonal block and the block column under it, L₂₁ = A₂₁ L₁₁⁻ᵀ) by the row-oriented kernel,
 * then the trailing update A₂₂ −= L₂₁L₂₁ᵀ as products on the gemm kernel, which carry most of
 * the n³/3 flops. Both backends run the same operations (kernels with bitwise twins), so they
 * agree bit for bit. Same contract as {@link choleskyLower}.
 */
export function choleskyBlocked(a: Float64Array, l: Float64Array, n: number): number {
  if (l !== a) copyLower(n, a, l);
  if (panelBuf.length < n * NB) panelBuf = new Float64Array(n * NB);
  if (prodBuf.length < n * CHUNK) prodBuf = new Float64Array(n * CHUNK);
  const pb = panelBuf;
  for (let kb = 0; kb < n; kb += NB) {
    const m = n - kb;
    // the last panel takes the whole trailing block (any width, even or odd)
    const b = m <= NB + (NB >> 1) ? m : NB;
    gatherPanel(l, n, kb, m, b, pb);
    const info = panel(b, m, pb);
    scatterPanel(l, n, kb, info < 0 ? m : info + 1, b, pb);
    if (info >= 0) return kb + info;
    if (b === m) break;
    // A₂₂ −= L₂₁L₂₁ᵀ on the lower triangle, CHUNK rows at a time.
    const m2 = m - b;
    const l21 = pb.subarray(b * b, m * b);
    for (let r0 = 0; r0 < m2; r0 += CHUNK) {
      const rows2 = Math.min(CHUNK, m2 - r0);
      const cols = r0 + rows2;
      gemmDispatch(false, true, rows2, cols, b, l21.subarray(r0 * b), l21, prodBuf);
      subtractLower(l, n, kb + b, r0, rows2, cols, prodBuf);
    }
  }
  return -1;
}

/** pb (m×b) ← the panel's lower-trapezoidal part, rows kb.., columns kb..kb+b−1 of l. */
function gatherPanel(
  l: Float64Array,
  n: number,
  kb: number,
  m: number,
  b: number,
  pb: Float64Array,
): void {
  for (let r = 0; r < m; r++) {
    const src = (kb + r) * n + kb;
    const dst = r * b;
    const cols = Math.min(r + 1, b);
    for (let c = 0; c < cols; c++) pb[dst + c] = l[src + c];
  }
}

/** The first `rows` rows of the factored panel back into l. */
function scatterPanel(
  l: Float64Array,
  n: number,
  kb: number,
  rows: number,
  b: number,
  pb: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const dst = (kb + r) * n + kb;
    const src = r * b;
    const cols = Math.min(r + 1, b);
    for (let c = 0; c < cols; c++) l[dst + c] = pb[src + c];
  }
}

/** Rows r0..r0+rows−1 of the trailing block at (t0, t0): lower part −= the product rows. */
function subtractLower(
  l: Float64Array,
  n: number,
  t0: number,
  r0: number,
  rows: number,
  cols: number,
  prod: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const dst = (t0 + r0 + r) * n + t0;
    const src = r * cols;
    const last = r0 + r;
    for (let c = 0; c <= last; c++) l[dst + c] -= prod[src + c];
  }
}

/**
 * The unblocked kernel behind {@link choleskyLower}: writes the Cholesky factor of the lower
 * triangle of `a` (row-major n×n) into the lower triangle of `l`; never reads or writes the
 * strict upper triangle of `l`. Returns -1 on success, or the index k of the first non-positive
 * pivot, whose value a_kk − Σ l_kj² is left in l[k, k].
 */
export function choleskyKernel(a: Float64Array, l: Float64Array, n: number): number {
  if (l !== a) copyLower(n, a, l);
  if (rdiag.length < n) rdiag = new Float64Array(Math.max(n, 2 * rdiag.length));
  return choleskyPanel(n, n, n, l, 0, rdiag);
}

function copyLower(n: number, a: Float64Array, l: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const r = i * n;
    for (let j = 0; j <= i; j++) l[r + j] = a[r + j];
  }
}

/**
 * The row-oriented kernel, in place: factor the panel of width b of the m×b (m ≥ b)
 * lower-trapezoidal block of `l` starting at `off` with row stride `lda`: rows 0..b−1 become
 * the Cholesky factor of the leading b×b block, rows b..m−1 the solution X of X L₁₁ᵀ = A₂₁. The
 * strict upper triangle is never read or written; `rd` receives the reciprocals of the
 * diagonal, by which the columns are scaled (one division per column, as LAPACK's dpotf2).
 * When m > b, b must be even. Returns -1 or the first index whose pivot is not positive (its
 * value a_kk − Σ l_kj² left on the diagonal).
 *
 * Rows go two at a time against columns four at a time: the eight inner products of a 2×4
 * block share their loads. Each inner product runs in two lanes (even and odd k, added at the
 * end): the TypeScript twin of the WebAssembly SIMD kernel in assembly/cholesky.ts, which
 * rounds identically.
 */
export function choleskyPanel(
  b: number,
  m: number,
  lda: number,
  l: Float64Array,
  off: number,
  rd: Float64Array,
): number {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const o0 = off + i * lda;
    const o1 = o0 + lda;
    const inside = i < b;
    // Columns before the diagonal (rows of the block) or all b (rows below it): an even count
    // either way, so every inner product has even length.
    const jEnd = inside ? i : b;
    let j = 0;
    for (; j + 3 < jEnd; j += 4) tile4(o0, o1, l, off, lda, rd, j);
    if (j < jEnd) tile2(o0, o1, l, off, lda, rd, j);
    if (!inside) continue;
    let d0 = 0;
    let c10 = 0;
    let d1 = 0;
    let g0 = 0;
    let h10 = 0;
    let g1 = 0;
    for (let k = 0; k < i; k += 2) {
      const x0 = l[o0 + k];
      const x1 = l[o1 + k];
      const u0 = l[o0 + k + 1];
      const u1 = l[o1 + k + 1];
      d0 += x0 * x0;
      g0 += u0 * u0;
      c10 += x1 * x0;
      h10 += u1 * u0;
      d1 += x1 * x1;
      g1 += u1 * u1;
    }
    const p = l[o0 + i] - (d0 + g0);
    // `!(p > 0)` also catches NaN produced by overflow in the updates.
    if (!(p > 0)) {
      l[o0 + i] = p;
      return i;
    }
    const lii = Math.sqrt(p);
    l[o0 + i] = lii;
    const ri = 1 / lii;
    rd[i] = ri;
    const l10 = (l[o1 + i] - (c10 + h10)) * ri;
    l[o1 + i] = l10;
    const q = l[o1 + i + 1] - (d1 + g1) - l10 * l10;
    if (!(q > 0)) {
      l[o1 + i + 1] = q;
      return i + 1;
    }
    const l11 = Math.sqrt(q);
    l[o1 + i + 1] = l11;
    rd[i + 1] = 1 / l11;
  }
  if (i < m) {
    // one row left: the last of the block when b = m is odd, or the last below it
    const o0 = off + i * lda;
    const jEnd = Math.min(i, b);
    for (let j = 0; j < jEnd; j++) {
      const p0 = off + j * lda;
      let s0 = 0;
      let s1 = 0;
      let k = 0;
      for (; k + 1 < j; k += 2) {
        s0 += l[o0 + k] * l[p0 + k];
        s1 += l[o0 + k + 1] * l[p0 + k + 1];
      }
      let s = s0 + s1;
      if (k < j) s += l[o0 + k] * l[p0 + k];
      l[o0 + j] = (l[o0 + j] - s) * rd[j];
    }
    if (i < b) {
      let s0 = 0;
      let s1 = 0;
      let k = 0;
      for (; k + 1 < i; k += 2) {
        s0 += l[o0 + k] * l[o0 + k];
        s1 += l[o0 + k + 1] * l[o0 + k + 1];
      }
      let s = s0 + s1;
      if (k < i) s += l[o0 + k] * l[o0 + k];
      const p = l[o0 + i] - s;
      if (!(p > 0)) {
        l[o0 + i] = p;
        return i;
      }
      l[o0 + i] = Math.sqrt(p);
    }
  }
  return -1;
}

// Columns j..j+3 of the rows at o0, o1: eight inner products over k < j, then the 4×4 triangle.
function tile4(
  o0: number,
  o1: number,
  l: Float64Array,
  off: number,
  lda: number,
  rd: Float64Array,
  j: number,
): void {
  const p0 = off + j * lda;
  const p1 = p0 + lda;
  const p2 = p1 + lda;
  const p3 = p2 + lda;
  let e00 = 0;
  let e01 = 0;
  let e02 = 0;
  let e03 = 0;
  let e10 = 0;
  let e11 = 0;
  let e12 = 0;
  let e13 = 0;
  let f00 = 0;
  let f01 = 0;
  let f02 = 0;
  let f03 = 0;
  let f10 = 0;
  let f11 = 0;
  let f12 = 0;
  let f13 = 0;
  for (let k = 0; k < j; k += 2) {
    const x0 = l[o0 + k];
    const x1 = l[o1 + k];
    const u0 = l[o0 + k + 1];
    const u1 = l[o1 + k + 1];
    let y = l[p0 + k];
    let v = l[p0 + k + 1];
    e00 += x0 * y;
    f00 += u0 * v;
    e10 += x1 * y;
    f10 += u1 * v;
    y = l[p1 + k];
    v = l[p1 + k + 1];
    e01 += x0 * y;
    f01 += u0 * v;
    e11 += x1 * y;
    f11 += u1 * v;
    y = l[p2 + k];
    v = l[p2 + k + 1];
    e02 += x0 * y;
    f02 += u0 * v;
    e12 += x1 * y;
    f12 += u1 * v;
    y = l[p3 + k];
    v = l[p3 + k + 1];
    e03 += x0 * y;
    f03 += u0 * v;
    e13 += x1 * y;
    f13 += u1 * v;
  }
  const l10 = l[p1 + j];
  const l20 = l[p2 + j];
  const l21 = l[p2 + j + 1];
  const l30 = l[p3 + j];
  const l31 = l[p3 + j + 1];
  const l32 = l[p3 + j + 2];
  const r0 = rd[j];
  const r1 = rd[j + 1];
  const r2 = rd[j + 2];
  const r3 = rd[j + 3];
  const b0 = (l[o0 + j] - (e00 + f00)) * r0;
  const b1 = (l[o0 + j + 1] - (e01 + f01) - b0 * l10) * r1;
  const b2 = (l[o0 + j + 2] - (e02 + f02) - b0 * l20 - b1 * l21) * r2;
  const b3 = (l[o0 + j + 3] - (e03 + f03) - b0 * l30 - b1 * l31 - b2 * l32) * r3;
  const c0 = (l[o1 + j] - (e10 + f10)) * r0;
  const c1 = (l[o1 + j + 1] - (e11 + f11) - c0 * l10) * r1;
  const c2 = (l[o1 + j + 2] - (e12 + f12) - c0 * l20 - c1 * l21) * r2;
  const c3 = (l[o1 + j + 3] - (e13 + f13) - c0 * l30 - c1 * l31 - c2 * l32) * r3;
  l[o0 + j] = b0;
  l[o0 + j + 1] = b1;
  l[o0 + j + 2] = b2;
  l[o0 + j + 3] = b3;
  l[o1 + j] = c0;
  l[o1 + j + 1] = c1;
  l[o1 + j + 2] = c2;
  l[o1 + j + 3] = c3;
}

// Columns j, j+1 of the rows at o0, o1.
function tile2(
  o0: number,
  o1: number,
  l: Float64Array,
  off: number,
  lda: number,
  rd: Float64Array,
  j: number,
): void {
  const p0 = off + j * lda;
  const p1 = p0 + lda;
  let e00 = 0;
  let e01 = 0;
  let e10 = 0;
  let e11 = 0;
  let f00 = 0;
  let f01 = 0;
  let f10 = 0;
  let f11 = 0;
  for (let k = 0; k < j; k += 2) {
    const x0 = l[o0 + k];
    const x1 = l[o1 + k];
    const y0 = l[p0 + k];
    const y1 = l[p1 + k];
    const u0 = l[o0 + k + 1];
    const u1 = l[o1 + k + 1];
    const v0 = l[p0 + k + 1];
    const v1 = l[p1 + k + 1];
    e00 += x0 * y0;
    f00 += u0 * v0;
    e01 += x0 * y1;
    f01 += u0 * v1;
    e10 += x1 * y0;
    f10 += u1 * v0;
    e11 += x1 * y1;
    f11 += u1 * v1;
  }
  const l10 = l[p1 + j];
  const r0 = rd[j];
  const r1 = rd[j + 1];
  const b0 = (l[o0 + j] - (e00 + f00)) * r0;
  const c0 = (l[o1 + j] - (e10 + f10)) * r0;
  l[o0 + j] = b0;
  l[o1 + j] = c0;
  l[o0 + j + 1] = (l[o0 + j + 1] - (e01 + f01) - b0 * l10) * r1;
  l[o1 + j + 1] = (l[o1 + j + 1] - (e11 + f11) - c0 * l10) * r1;
}
