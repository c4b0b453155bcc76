// Building square matrices from raw row-major data without copying.
import type { Matrix } from '@rg/linalg';

export function sq(n: number, data: Float64Array): Matrix {
  return { rows: n, cols: n, data };
}

/**
 * y += w·x, entry by entry: the weighted sums of per-point terms in the means, always taken one
 * point at a time in index order (so a sum of terms computed on a worker pool is bitwise the
 * one-thread sum).
 */
export function addWeighted(y: Float64Array, w: number, x: Float64Array): void {
  for (let k = 0; k < y.length; k++) y[k] += w * x[k];
}
