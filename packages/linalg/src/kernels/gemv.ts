// Matrix–vector products on raw row-major arrays (Golub & Van Loan, Matrix Computations, 4th
// ed., §1.1): WebAssembly SIMD (assembly/level2.ts) with the operands copied in, or the
// TypeScript twins below, which round identically.
import { preferWasm } from './backend.js';
import { WASM_BASE, wasmHeap, wasmModule } from '../wasm/loader.js';

/**
 * Entries m·n from which the products run on WebAssembly under 'auto': below it the copy into
 * wasm memory costs more than the SIMD loop saves (measured, Node 20 x86-64: 8×8 TypeScript
 * 0.10 µs vs 0.19 µs; 16×16 0.30 µs vs 0.33 µs; 24×24 0.62 µs vs 0.50 µs).
 */
export const GEMV_WASM_MIN = 400;

/**
 * out = A x for the row-major m×n `a` (x has n entries, out m). Four rows per pass on both
 * backends (each pair of x is loaded once for four rows); WebAssembly SIMD from
 * {@link GEMV_WASM_MIN} entries (see `kernelInfo` in the main entry).
 *
 * Aliasing: `out` must not overlap `a` or `x`.
 *
 * @returns true; false when an entry of `a` or `x` is NaN or ±∞, in which case `out` is filled
 *   with NaN
 * @example
 * import { gemv } from '@rg/linalg/kernels';
 * const out = new Float64Array(2);
 * gemv(2, 2, Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1), out); // => true
 * out // => [3, 7]
 */
export function gemv(
  m: number,
  n: number,
  a: Float64Array,
  x: Float64Array,
  out: Float64Array,
): boolean {
  return product(false, m, n, a, x, out);
}

/**
 * out = Aᵀ x for the row-major m×n `a` (x has m entries, out n), without forming Aᵀ: A is read
 * row by row, two rows per pass.
 *
 * Aliasing: `out` must not overlap `a` or `x`.
 *
 * @returns true; false (and `out` set to NaN) when an entry of `a` or `x` is not finite
 * @example
 * import { gemvTransA } from '@rg/linalg/kernels';
 * const out = new Float64Array(2);
 * gemvTransA(2, 2, Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1), out); // => true
 * out // => [4, 6]
 */
export function gemvTransA(
  m: number,
  n: number,
  a: Float64Array,
  x: Float64Array,
  out: Float64Array,
): boolean {
  return product(true, m, n, a, x, out);
}

/**
 * out = op(A) x after checking both operands finite: false (out untouched) when one is not.
 * The main entry's `matvec` and `matvecTransA` are this plus their errors: on WebAssembly the
 * check runs on the copy the product needs anyway.
 */
export function gemvChecked(
  trans: boolean,
  m: number,
  n: number,
  a: Float64Array,
  x: Float64Array,
  out: Float64Array,
): boolean {
  if (preferWasm(m * n, GEMV_WASM_MIN)) {
    const ok = wasmProduct(trans, m, n, a, x, out);
    if (ok !== null) return ok;
  }
  if (!inputsFinite(m * n, a, trans ? m : n, x)) return false;
  if (trans) gemvTransTs(m, n, a, x, out);
  else gemvTs(m, n, a, x, out);
  return true;
}

function product(
  trans: boolean,
  m: number,
  n: number,
  a: Float64Array,
  x: Float64Array,
  out: Float64Array,
): boolean {
  const lenX = trans ? m : n;
  const lenY = trans ? n : m;
  if (preferWasm(m * n, GEMV_WASM_MIN)) {
    const ok = wasmProduct(trans, m, n, a, x, out);
    if (ok !== null) {
      if (!ok) out.fill(Number.NaN, 0, lenY);
      return ok;
    }
  }
  if (trans) gemvTransTs(m, n, a, x, out);
  else gemvTs(m, n, a, x, out);
  // A non-finite input always leaves a non-finite output (x·∞, ∞ − ∞ and 0·∞ are not finite)
  // but overflow can too: scan the inputs only then.
  let s = 0;
  for (let i = 0; i < lenY; i++) s += out[i] * 0;
  if (s === 0 || inputsFinite(m * n, a, lenX, x)) return true;
  out.fill(Number.NaN, 0, lenY);
  return false;
}

/**
 * The product in wasm memory; false (out untouched) when an operand is not finite, null when
 * the module is unavailable. A non-finite operand always leaves a non-finite entry in the
 * result (x·∞, ∞ − ∞ and 0·∞ are not finite), so the operands are scanned only then (an
 * overflow also gives one, and is returned as computed).
 */
function wasmProduct(
  trans: boolean,
  m: number,
  n: number,
  a: Float64Array,
  x: Float64Array,
  out: Float64Array,
): boolean | null {
  const l2 = wasmModule('level2');
  if (!l2) return null;
  const lenA = m * n;
  const lenX = trans ? m : n;
  const lenY = trans ? n : m;
  // Arrays start on 16-byte boundaries (aligned SIMD loads for even n).
  const a0 = WASM_BASE >> 3;
  const x0 = a0 + lenA + (lenA & 1);
  const y0 = x0 + lenX + (lenX & 1);
  const heap = wasmHeap(8 * (y0 + lenY));
  if (!heap) return null;
  heap.set(a.subarray(0, lenA), a0);
  heap.set(x.subarray(0, lenX), x0);
  if (trans) l2.gemvT(m, n, a0 * 8, x0 * 8, y0 * 8);
  else l2.gemv(m, n, a0 * 8, x0 * 8, y0 * 8);
  let s = 0;
  for (let i = y0; i < y0 + lenY; i++) s += heap[i] * 0;
  if (s !== 0 && !inputsFinite(lenA, a, lenX, x)) return false;
  out.set(heap.subarray(y0, y0 + lenY));
  return true;
}

function inputsFinite(lenA: number, a: Float64Array, lenX: number, x: Float64Array): boolean {
  let p = 0;
  for (let i = 0; i < lenA; i++) p += a[i] * 0;
  for (let i = 0; i < lenX; i++) p += x[i] * 0;
  return p === 0;
}

/** TypeScript twin of assembly/level2.ts gemv: four rows per pass, sums in two lanes. */
export function gemvTs(
  m: number,
  n: number,
  a: Float64Array,
  x: Float64Array,
  y: Float64Array,
): void {
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const o0 = i * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    let k = 0;
    for (; k + 1 < n; k += 2) {
      const x0 = x[k];
      const x1 = x[k + 1];
      s0 += a[o0 + k] * x0;
      t0 += a[o0 + k + 1] * x1;
      s1 += a[o1 + k] * x0;
      t1 += a[o1 + k + 1] * x1;
      s2 += a[o2 + k] * x0;
      t2 += a[o2 + k + 1] * x1;
      s3 += a[o3 + k] * x0;
      t3 += a[o3 + k + 1] * x1;
    }
    let r0 = s0 + t0;
    let r1 = s1 + t1;
    let r2 = s2 + t2;
    let r3 = s3 + t3;
    if (k < n) {
      const xk = x[k];
      r0 += a[o0 + k] * xk;
      r1 += a[o1 + k] * xk;
      r2 += a[o2 + k] * xk;
      r3 += a[o3 + k] * xk;
    }
    y[i] = r0;
    y[i + 1] = r1;
    y[i + 2] = r2;
    y[i + 3] = r3;
  }
  for (; i < m; i++) {
    const o0 = i * n;
    let s0 = 0;
    let t0 = 0;
    let k = 0;
    for (; k + 1 < n; k += 2) {
      s0 += a[o0 + k] * x[k];
      t0 += a[o0 + k + 1] * x[k + 1];
    }
    let r0 = s0 + t0;
    if (k < n) r0 += a[o0 + k] * x[k];
    y[i] = r0;
  }
}

/** TypeScript twin of assembly/level2.ts gemvT: rows in pairs, y_j += (x_i a_ij + x_{i+1} a_{i+1,j}). */
export function gemvTransTs(
  m: number,
  n: number,
  a: Float64Array,
  x: Float64Array,
  y: Float64Array,
): void {
  y.fill(0, 0, n);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const o0 = i * n;
    const o1 = o0 + n;
    const x0 = x[i];
    const x1 = x[i + 1];
    for (let j = 0; j < n; j++) y[j] += x0 * a[o0 + j] + x1 * a[o1 + j];
  }
  if (i < m) {
    const o0 = i * n;
    const x0 = x[i];
    for (let j = 0; j < n; j++) y[j] += x0 * a[o0 + j];
  }
}
