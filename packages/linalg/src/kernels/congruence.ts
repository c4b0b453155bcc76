// Congruence transform G·X·Gᵀ on raw arrays, the basic move of SPD geometry (whitening,
// bilinear maps); Bhatia, Positive Definite Matrices, 2007, §1.2.
import { gemmDispatch } from './backend.js';

/**
 * out = G·X·Gᵀ for G m×n and symmetric X n×n (row-major); out is m×m and exactly
 * symmetric: the second product computes the upper triangle only and mirrors it, which also
 * saves part of its cost. Two matrix products on the backend kernelInfo() reports.
 *
 * Aliasing: `out` and `work` must not overlap `g`, `x` or each other.
 *
 * @param work - scratch of at least m·n entries (allocated when omitted); holds G·X on return
 * @param out - m×m result (allocated when omitted); returned. A non-finite entry in `g` or
 *   `x` makes every entry NaN.
 * @example
 * import { congruence } from '@rg/linalg/kernels';
 * const g = Float64Array.of(1, 1, 0, 2); // [[1, 1], [0, 2]]
 * congruence(2, 2, g, Float64Array.of(1, 0, 0, 1)) // => [2, 2, 2, 4]
 */
export function congruence(
  m: number,
  n: number,
  g: Float64Array,
  x: Float64Array,
  out: Float64Array = new Float64Array(m * m),
  work: Float64Array = new Float64Array(m * n),
): Float64Array {
  if (
    !gemmDispatch(false, false, m, n, n, g, x, work) ||
    !gemmDispatch(false, true, m, m, n, work, g, out, true)
  ) {
    out.fill(Number.NaN, 0, m * m);
    return out;
  }
  for (let i = 1; i < m; i++) for (let j = 0; j < i; j++) out[i * m + j] = out[j * m + i];
  return out;
}
