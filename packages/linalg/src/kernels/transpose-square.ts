// Transpose of a square matrix on raw arrays (Golub & Van Loan, Matrix Computations, 4th ed., §1.5).

/**
 * out = Aᵀ for the n×n row-major `a`. With `out === a` the transpose is done in place (pairs
 * are swapped); any other overlap of `out` and `a` is not allowed.
 *
 * @param out - n×n result (allocated when omitted); returned
 * @example
 * import { transposeSquare } from '@rg/linalg/kernels';
 * transposeSquare(2, Float64Array.of(1, 2, 3, 4)) // => [1, 3, 2, 4]
 */
export function transposeSquare(
  n: number,
  a: Float64Array,
  out: Float64Array = new Float64Array(n * n),
): Float64Array {
  if (out === a) {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) {
        const t = a[i * n + j];
        a[i * n + j] = a[j * n + i];
        a[j * n + i] = t;
      }
    return a;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = a[i * n + j];
  return out;
}
