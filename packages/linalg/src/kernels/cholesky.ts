// Cholesky factorization on raw arrays: row-oriented Cholesky–Banachiewicz for small n, the
// right-looking blocked form (LAPACK dpotrf) above (Golub & Van Loan, Matrix Computations,
// 4th ed., Alg. 4.2.2 and §4.2.9).
import { gemmDispatch } from './backend.js';

/**
 * Lower Cholesky factor L (A = L·Lᵀ) of the symmetric n×n row-major `a`, of which only the
 * lower triangle is read. L is written into the lower triangle of `l` (diagonal included); the
 * strict upper triangle of `l` is never touched, as in LAPACK's dpotrf: pass a zeroed buffer
 * (a fresh Float64Array) to get L as a full matrix.
 *
 * The pivot rule (one rule, shared by `cholesky()` and every SPD check built on this kernel):
 * pivot k is p_k = a_kk − Σ_{j<k} l_kj², computed in this kernel's fixed operation order,
 * and it is accepted exactly when p_k > 0 — the rule of LAPACK's dpotrf. Zero, negative and
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
  return n < BLOCKED_MIN ? choleskyKernel(a, l, n) : choleskyBlocked(a, l, n);
}

/** From this size on the blocked form wins (measured crossover, see bench/dense.bench.ts). */
const BLOCKED_MIN = 256;
/** Block width of the blocked factorization. */
const NB = 32;
/** Rows of the trailing update per gemm call. */
const CHUNK = 64;
let panel = new Float64Array(0);
let prod = new Float64Array(0);
const diagA = new Float64Array(NB * NB);
const diagL = new Float64Array(NB * NB);

/**
 * Right-looking blocked Cholesky (LAPACK dpotrf): factor a diagonal block with the kernel
 * below, solve the block column under it (L₂₁ = A₂₁L₁₁⁻ᵀ, row by row), and apply the trailing
 * update A₂₂ −= L₂₁L₂₁ᵀ as matrix products on the shared gemm kernel (WebAssembly SIMD where
 * available), which carries nearly all of the n³/3 flops. Same contract as {@link choleskyKernel}.
 */
export function choleskyBlocked(a: Float64Array, l: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) l.set(a.subarray(i * n, i * n + i + 1), i * n);
  if (panel.length < n * NB) panel = new Float64Array(n * NB);
  if (prod.length < n * CHUNK) prod = new Float64Array(n * CHUNK);
  for (let kb = 0; kb < n; kb += NB) {
    const b = Math.min(NB, n - kb);
    const ke = kb + b;
    diagA.fill(0);
    diagL.fill(0);
    for (let r = 0; r < b; r++)
      for (let c = 0; c <= r; c++) diagA[r * b + c] = l[(kb + r) * n + kb + c];
    const info = choleskyKernel(diagA, diagL, b);
    for (let r = 0; r < b; r++)
      for (let c = 0; c <= r; c++) l[(kb + r) * n + kb + c] = diagL[r * b + c];
    if (info >= 0) return kb + info;
    const n2 = n - ke;
    if (n2 === 0) break;
    // L₂₁: each row x solves L₁₁ xᵀ = a (forward substitution against rows of L₁₁).
    for (let i = ke; i < n; i++) {
      const oi = i * n + kb;
      for (let j = 0; j < b; j++) {
        const oj = j * b;
        let s = l[oi + j];
        for (let k = 0; k < j; k++) s -= l[oi + k] * diagL[oj + k];
        const v = s / diagL[oj + j];
        l[oi + j] = v;
        panel[(i - ke) * b + j] = v;
      }
    }
    for (let i0 = ke; i0 < n; i0 += CHUNK) {
      const m2 = Math.min(CHUNK, n - i0);
      const cols = i0 + m2 - ke;
      const rows = panel.subarray((i0 - ke) * b);
      if ((gemmDispatch(false, true, m2, cols, b, rows, panel, prod) as unknown) === false)
        for (let r = 0; r < m2; r++)
          for (let c = 0; c < cols; c++) {
            let s = 0;
            for (let k = 0; k < b; k++) s += rows[r * b + k] * panel[c * b + k];
            prod[r * cols + c] = s;
          }
      for (let r = 0; r < m2; r++) {
        const oi = (i0 + r) * n + ke;
        const op = r * cols;
        const last = i0 - ke + r;
        for (let c = 0; c <= last; c++) l[oi + c] -= prod[op + c];
      }
    }
  }
  return -1;
}

/**
 * The unblocked kernel behind {@link choleskyLower}: writes the Cholesky factor of the lower
 * triangle of `a` (row-major n×n) into the lower triangle of `l`; never reads or writes the
 * strict upper triangle of `l`. Returns -1 on success, or the index k of the first non-positive
 * pivot, whose value a_kk − Σ l_kj² is left in l[k, k].
 *
 * Rows are produced two at a time and columns two at a time: each 2×2 block of L needs four
 * inner products over the same row prefixes, so every loaded entry feeds two multiply-adds
 * (half the memory traffic of the one-entry-at-a-time loop, and four independent chains).
 */
export function choleskyKernel(a: Float64Array, l: Float64Array, n: number): number {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o0 = i * n;
    const o1 = o0 + n;
    let j = 0;
    for (; j + 1 < i; j += 2) {
      const p0 = j * n;
      const p1 = p0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let k = 0; k < j; k++) {
        const x0 = l[o0 + k];
        const x1 = l[o1 + k];
        const y0 = l[p0 + k];
        const y1 = l[p1 + k];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      const ljj = l[p0 + j];
      const lj1j = l[p1 + j];
      const lj1j1 = l[p1 + j + 1];
      const a0 = (a[o0 + j] - s00) / ljj;
      const a1 = (a[o1 + j] - s10) / ljj;
      l[o0 + j] = a0;
      l[o1 + j] = a1;
      l[o0 + j + 1] = (a[o0 + j + 1] - s01 - a0 * lj1j) / lj1j1;
      l[o1 + j + 1] = (a[o1 + j + 1] - s11 - a1 * lj1j) / lj1j1;
    }
    if (j < i) {
      // one column left before the diagonal block (i odd)
      const p0 = j * n;
      let s0 = 0;
      let s1 = 0;
      for (let k = 0; k < j; k++) {
        const y = l[p0 + k];
        s0 += l[o0 + k] * y;
        s1 += l[o1 + k] * y;
      }
      const ljj = l[p0 + j];
      l[o0 + j] = (a[o0 + j] - s0) / ljj;
      l[o1 + j] = (a[o1 + j] - s1) / ljj;
    }
    // 2×2 diagonal block
    let d0 = 0;
    let c10 = 0;
    let d1 = 0;
    for (let k = 0; k < i; k++) {
      const x0 = l[o0 + k];
      const x1 = l[o1 + k];
      d0 += x0 * x0;
      c10 += x1 * x0;
      d1 += x1 * x1;
    }
    const p = a[o0 + i] - d0;
    // `!(p > 0)` also catches NaN produced by overflow in the updates.
    if (!(p > 0)) {
      l[o0 + i] = p;
      return i;
    }
    const lii = Math.sqrt(p);
    l[o0 + i] = lii;
    const l10 = (a[o1 + i] - c10) / lii;
    l[o1 + i] = l10;
    const q = a[o1 + i + 1] - d1 - l10 * l10;
    if (!(q > 0)) {
      l[o1 + i + 1] = q;
      return i + 1;
    }
    l[o1 + i + 1] = Math.sqrt(q);
  }
  if (i < n) {
    // last row when n is odd
    const o0 = i * n;
    for (let j = 0; j < i; j++) {
      const p0 = j * n;
      let s = 0;
      for (let k = 0; k < j; k++) s += l[o0 + k] * l[p0 + k];
      l[o0 + j] = (a[o0 + j] - s) / l[p0 + j];
    }
    let d = 0;
    for (let k = 0; k < i; k++) d += l[o0 + k] * l[o0 + k];
    const p = a[o0 + i] - d;
    if (!(p > 0)) {
      l[o0 + i] = p;
      return i;
    }
    l[o0 + i] = Math.sqrt(p);
  }
  return -1;
}
