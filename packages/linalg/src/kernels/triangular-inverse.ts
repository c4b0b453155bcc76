// Inverse of a triangular matrix by substitution against the identity, column by column
// (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §14.2, "method 1").

/**
 * out = T⁻¹ for the triangular n×n row-major `t` (lower or upper, only that triangle is
 * read); the inverse has the same triangle and the other strict triangle of `out` is zeroed.
 * A zero diagonal entry is not checked: it produces ±∞ or NaN.
 *
 * Aliasing: `out` must not overlap `t`.
 *
 * @param options - `{ lower }`: which triangle of `t` holds the matrix
 * @param out - n×n result (allocated when omitted); returned
 * @example
 * import { triangularInverse } from '@rg/linalg/kernels';
 * triangularInverse(2, Float64Array.of(2, 0, 1, 4), { lower: true }) // => [0.5, 0, -0.125, 0.25]
 * triangularInverse(2, Float64Array.of(2, 1, 0, 4), { lower: false }) // => [0.5, -0.125, 0, 0.25]
 */
export function triangularInverse(
  n: number,
  t: Float64Array,
  options: { lower: boolean },
  out: Float64Array = new Float64Array(n * n),
): Float64Array {
  if (options.lower) {
    for (let j = 0; j < n; j++) {
      out.fill(0, j * n + j + 1, (j + 1) * n);
      out[j * n + j] = 1 / t[j * n + j];
      for (let i = j + 1; i < n; i++) {
        const io = i * n;
        let s = 0;
        for (let k = j; k < i; k++) s -= t[io + k] * out[k * n + j];
        out[io + j] = s / t[io + i];
      }
    }
    return out;
  }
  for (let j = n - 1; j >= 0; j--) {
    out.fill(0, j * n, j * n + j);
    out[j * n + j] = 1 / t[j * n + j];
    for (let i = j - 1; i >= 0; i--) {
      const io = i * n;
      let s = 0;
      for (let k = i + 1; k <= j; k++) s -= t[io + k] * out[k * n + j];
      out[io + j] = s / t[io + i];
    }
  }
  return out;
}
