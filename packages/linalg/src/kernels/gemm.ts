// General matrix products on raw row-major arrays (Goto & van de Geijn, "Anatomy of
// High-Performance Matrix Multiplication", TOMS 2008), on the backend kernelInfo() reports.
import { gemmDispatch } from './backend.js';

function finish(ok: boolean, len: number, out: Float64Array): boolean {
  // The backends leave `out` untouched on a non-finite operand; make that visible.
  if (!ok) out.fill(Number.NaN, 0, len);
  return ok;
}

/**
 * out = A·B for A m×k and B k×n (row-major); out is m×n. Runs on WebAssembly SIMD above
 * about 6×6×6 multiply-adds, in TypeScript below (see `kernelInfo` in the main entry).
 *
 * Aliasing: `a` and `b` may be the same array; `out` must not overlap either.
 *
 * @returns true; false when an entry of A or B is NaN or ±∞, in which case the first
 *   m·n entries of `out` are set to NaN
 * @example
 * import { gemm } from '@rg/linalg/kernels';
 * const out = new Float64Array(4);
 * gemm(2, 2, 2, Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), out); // => true
 * out // => [19, 22, 43, 50]
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): boolean {
  return finish(gemmDispatch(false, false, m, n, k, a, b, out), m * n, out);
}

/**
 * out = Aᵀ·B for A stored k×m and B k×n (row-major); out is m×n. The transpose is absorbed
 * by the packing, never formed.
 *
 * Aliasing: `a` and `b` may be the same array (out = AᵀA); `out` must not overlap either.
 *
 * @returns true; false (and `out` set to NaN) when an operand has a non-finite entry
 * @example
 * import { gemmTransA } from '@rg/linalg/kernels';
 * const a = Float64Array.of(1, 2, 3, 4); // 2×2
 * const out = new Float64Array(4);
 * gemmTransA(2, 2, 2, a, a, out);
 * out // => [10, 14, 14, 20]
 */
export function gemmTransA(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): boolean {
  return finish(gemmDispatch(true, false, m, n, k, a, b, out), m * n, out);
}

/**
 * out = A·Bᵀ for A stored m×k and B stored n×k (row-major); out is m×n: every entry is a
 * dot product of two contiguous rows.
 *
 * Aliasing: `a` and `b` may be the same array (out = AAᵀ); `out` must not overlap either.
 *
 * @returns true; false (and `out` set to NaN) when an operand has a non-finite entry
 * @example
 * import { gemmTransB } from '@rg/linalg/kernels';
 * const a = Float64Array.of(1, 2, 3, 4); // 2×2
 * const out = new Float64Array(4);
 * gemmTransB(2, 2, 2, a, a, out);
 * out // => [5, 11, 11, 25]
 */
export function gemmTransB(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): boolean {
  return finish(gemmDispatch(false, true, m, n, k, a, b, out), m * n, out);
}
