// Euclidean norm with scaling against overflow and underflow (Blue 1978; LAPACK dnrm2).
import { assertFiniteArray } from './validate.js';

/**
 * The Euclidean norm ‖x‖₂, computed without overflow or underflow for entries near
 * the ends of the float64 range (scaled by the largest magnitude).
 *
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * norm2(vector([3, 4])) // => 5
 * norm2(vector([3e200, 4e200])) // => ~5.000e200
 */
export function norm2(x: Float64Array): number {
  assertFiniteArray('norm2', 'x', x);
  return norm2Kernel(x, 0, x.length);
}

/** Unvalidated kernel: ‖x[o .. o+len)‖₂ with one scaling pass only when needed. */
export function norm2Kernel(x: Float64Array, o: number, len: number): number {
  let s = 0;
  let maxAbs = 0;
  for (let i = 0; i < len; i++) {
    const v = x[o + i];
    s += v * v;
    const a = v < 0 ? -v : v;
    if (a > maxAbs) maxAbs = a;
  }
  // The plain sum is exact enough unless it overflowed or lost the small entries to underflow.
  if (s < Number.POSITIVE_INFINITY && s > 1e-280) return Math.sqrt(s);
  if (maxAbs === 0) return 0;
  const inv = 1 / maxAbs;
  s = 0;
  for (let i = 0; i < len; i++) {
    const v = x[o + i] * inv;
    s += v * v;
  }
  return maxAbs * Math.sqrt(s);
}
