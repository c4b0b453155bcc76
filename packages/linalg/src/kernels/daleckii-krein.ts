// The Daleckii–Krein formula Df(A)[E] = V (F ∘ (Vᵀ E V)) Vᵀ for the Fréchet derivative of a
// symmetric matrix function, F the Loewner matrix of first divided differences (Daleckii &
// Krein 1965; Higham, Functions of Matrices, 2008, Theorem 3.11; Bhatia, Matrix Analysis, §V.3).
import type { DividedDifference } from './divided-differences.js';
import { fromEigenbasis, toEigenbasis } from './eigenbasis.js';

/**
 * The Loewner matrix out_ij = dd(λ_i, λ_j) of a divided difference over the eigenvalues
 * `values` (length n): n(n+1)/2 evaluations, mirrored, so it is exactly symmetric.
 *
 * @param dd - a first divided difference, e.g. `dividedDifferenceLog`
 * @param out - n×n result (allocated when omitted); returned
 * @example
 * import { dividedDifferenceSqrt, loewnerMatrix } from '@rg/linalg/kernels';
 * loewnerMatrix(2, Float64Array.of(1, 4), dividedDifferenceSqrt) // => ~[0.5, 0.333333, 0.333333, 0.25]
 */
export function loewnerMatrix(
  n: number,
  values: ArrayLike<number>,
  dd: DividedDifference,
  out: Float64Array = new Float64Array(n * n),
): Float64Array {
  for (let i = 0; i < n; i++) {
    const li = values[i];
    for (let j = 0; j <= i; j++) {
      const g = dd(li, values[j]);
      out[i * n + j] = g;
      out[j * n + i] = g;
    }
  }
  return out;
}

/**
 * out = V (W ∘ (Vᵀ E V)) Vᵀ for V n×n (row-major, the eigenvectors of A as columns), an n×n
 * weight matrix W and a direction E: with W the Loewner matrix of f over A's eigenvalues
 * ({@link loewnerMatrix}) this is the Fréchet derivative Df(A)[E]. Other weights give the
 * other Schur-product operators of the eigenbasis, e.g. W_ij = 1/(λ_i + λ_j) solves the
 * Lyapunov equation A L + L A = E. With `symmetric` (the default) E is taken as symmetric and
 * the result is exactly symmetric; `{ symmetric: false }` computes every entry.
 *
 * Aliasing: `out` and `work` must not overlap `v`, `w`, `e` or each other.
 *
 * @param work - scratch of 2n² entries (allocated when omitted)
 * @param out - n×n result (allocated when omitted); returned
 * @example
 * import { daleckiiKrein, dividedDifferenceSqrt, loewnerMatrix } from '@rg/linalg/kernels';
 * const v = Float64Array.of(1, 0, 0, 1); // A = diag(1, 4) is already diagonal
 * const w = loewnerMatrix(2, Float64Array.of(1, 4), dividedDifferenceSqrt);
 * daleckiiKrein(2, v, w, Float64Array.of(1, 1, 1, 1)) // => ~[0.5, 0.333333, 0.333333, 0.25]
 */
export function daleckiiKrein(
  n: number,
  v: Float64Array,
  w: Float64Array,
  e: Float64Array,
  options: { symmetric?: boolean } = {},
  out: Float64Array = new Float64Array(n * n),
  work: Float64Array = new Float64Array(2 * n * n),
): Float64Array {
  const nn = n * n;
  const tmp = work.subarray(0, nn);
  const m = work.subarray(nn, 2 * nn);
  toEigenbasis(n, v, e, m, tmp);
  for (let i = 0; i < nn; i++) m[i] *= w[i];
  return fromEigenbasis(n, v, m, options, out, tmp);
}

/**
 * Df(A)[E] for A = V diag(values) Vᵀ and the divided difference `dd` of f: the Loewner matrix
 * ({@link loewnerMatrix}) followed by {@link daleckiiKrein}, in one call. With `symmetric` (the
 * default) E is taken as symmetric and the result is exactly symmetric.
 *
 * Aliasing: `out` and `work` must not overlap the inputs or each other.
 *
 * @param work - scratch of 3n² entries (allocated when omitted)
 * @param out - n×n result (allocated when omitted); returned
 * @example
 * import { dividedDifferenceLog, frechetDerivative } from '@rg/linalg/kernels';
 * // at A = diag(1, e), D log(A)[E] scales the off-diagonal of E by log[1, e] = 1/(e − 1)
 * const v = Float64Array.of(1, 0, 0, 1);
 * frechetDerivative(2, Float64Array.of(1, Math.E), v, dividedDifferenceLog, Float64Array.of(0, 1, 1, 0)) // => ~[0, 0.581977, 0.581977, 0]
 */
export function frechetDerivative(
  n: number,
  values: ArrayLike<number>,
  v: Float64Array,
  dd: DividedDifference,
  e: Float64Array,
  options: { symmetric?: boolean } = {},
  out: Float64Array = new Float64Array(n * n),
  work: Float64Array = new Float64Array(3 * n * n),
): Float64Array {
  const nn = n * n;
  const w = loewnerMatrix(n, values, dd, work.subarray(2 * nn, 3 * nn));
  return daleckiiKrein(n, v, w, e, options, out, work.subarray(0, 2 * nn));
}
