// Symmetric part of a square matrix, in place (Higham, Accuracy and Stability, §10.1).

/**
 * Overwrite the n×n row-major `a` with (A + Aᵀ)/2: each off-diagonal pair gets the mean of
 * its two entries, so the result is exactly symmetric. Returns `a`.
 *
 * @example
 * import { symmetrizeInPlace } from '@rg/linalg/kernels';
 * symmetrizeInPlace(2, Float64Array.of(1, 2, 4, 3)) // => [1, 3, 3, 3]
 */
export function symmetrizeInPlace(n: number, a: Float64Array): Float64Array {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  return a;
}
