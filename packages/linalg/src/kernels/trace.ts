// Trace of a square matrix on a raw array (Horn & Johnson, Matrix Analysis, 2nd ed., §1.2).

/**
 * Σ_i a_ii of the n×n row-major `a`.
 *
 * @example
 * import { trace } from '@rg/linalg/kernels';
 * trace(2, Float64Array.of(1, 2, 3, 4)) // => 5
 */
export function trace(n: number, a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i * n + i];
  return s;
}
