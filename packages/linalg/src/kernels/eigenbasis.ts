// Moving matrices into and out of an eigenbasis A = V Λ Vᵀ: the spectral calculus of
// symmetric matrices (Higham, Functions of Matrices, 2008, §1.2), as matrix products on the
// backend kernelInfo() reports.
import { gemmDispatch } from './backend.js';

/**
 * Below this order the products run as plain loops: a call into the product dispatcher
 * (finiteness scan, clearing, packing decision) costs more than the n³ multiply-adds of a
 * 2×2 … 6×6 matrix (logmSym at n = 2 went from 0.29 to 0.35 µs through it).
 */
const SMALL_N = 6;

/** out = op(A)·op(B) for small n×n operands, by plain loops (NaN propagates entrywise). */
function smallProduct(
  n: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  transA: boolean,
  transB: boolean,
): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++)
        s += (transA ? a[k * n + i] : a[i * n + k]) * (transB ? b[j * n + k] : b[k * n + j]);
      out[i * n + j] = s;
    }
}

/** Copy the upper triangle of the n×n `m` onto its lower triangle. */
function mirrorUpper(n: number, m: Float64Array): void {
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) m[i * n + j] = m[j * n + i];
}

/**
 * out = V·diag(w)·Vᵀ for V n×n (row-major, the eigenvectors as columns) and weights w
 * (length n): f(A) when w = f(λ). Exactly symmetric (upper triangle computed, mirrored).
 *
 * Aliasing: `out` and `work` must not overlap `v`, `w` or each other.
 *
 * @param work - scratch of n² entries (allocated when omitted)
 * @param out - n×n result (allocated when omitted); returned. A non-finite weight or entry
 *   of V makes the result NaN (every entry above 6×6, the entries it reaches below).
 * @example
 * import { reconstruct } from '@rg/linalg/kernels';
 * const s = Math.SQRT1_2;
 * reconstruct(2, Float64Array.of(s, -s, s, s), Float64Array.of(1, 3)) // => ~[2, -1, -1, 2]
 */
export function reconstruct(
  n: number,
  v: Float64Array,
  w: ArrayLike<number>,
  out: Float64Array = new Float64Array(n * n),
  work: Float64Array = new Float64Array(n * n),
): Float64Array {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < n; k++) work[ri + k] = v[ri + k] * w[k];
  }
  if (n <= SMALL_N) {
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += work[i * n + k] * v[j * n + k];
        out[i * n + j] = s;
      }
  } else if (!gemmDispatch(false, true, n, n, n, work, v, out, true)) {
    out.fill(Number.NaN, 0, n * n);
    return out;
  }
  mirrorUpper(n, out);
  return out;
}

/**
 * out = Vᵀ·X·V for V n×n (row-major, the eigenvectors as columns) and any n×n X: X in the
 * eigenbasis. Not symmetrized (for symmetric X it is symmetric up to rounding).
 *
 * Aliasing: `out` and `work` must not overlap `v`, `x` or each other.
 *
 * @param work - scratch of n² entries (allocated when omitted); holds X·V on return
 * @param out - n×n result (allocated when omitted); returned
 * @example
 * import { toEigenbasis } from '@rg/linalg/kernels';
 * const v = Float64Array.of(0, 1, 1, 0); // swaps the coordinates
 * toEigenbasis(2, v, Float64Array.of(1, 2, 3, 4)) // => [4, 3, 2, 1]
 */
export function toEigenbasis(
  n: number,
  v: Float64Array,
  x: Float64Array,
  out: Float64Array = new Float64Array(n * n),
  work: Float64Array = new Float64Array(n * n),
): Float64Array {
  if (n <= SMALL_N) {
    smallProduct(n, x, v, work, false, false);
    smallProduct(n, v, work, out, true, false);
  } else if (
    !gemmDispatch(false, false, n, n, n, x, v, work) ||
    !gemmDispatch(true, false, n, n, n, v, work, out)
  )
    out.fill(Number.NaN, 0, n * n);
  return out;
}

/**
 * out = V·Y·Vᵀ for V n×n (row-major, the eigenvectors as columns) and n×n Y: back from the
 * eigenbasis. With `symmetric` (the default) Y is taken as symmetric and the result is made
 * exactly symmetric (upper triangle computed, mirrored); `{ symmetric: false }` computes
 * every entry.
 *
 * Aliasing: `out` and `work` must not overlap `v`, `y` or each other.
 *
 * @param work - scratch of n² entries (allocated when omitted); holds V·Y on return
 * @param out - n×n result (allocated when omitted); returned
 * @example
 * import { fromEigenbasis } from '@rg/linalg/kernels';
 * const v = Float64Array.of(0, 1, 1, 0);
 * fromEigenbasis(2, v, Float64Array.of(1, 2, 2, 4)) // => [4, 2, 2, 1]
 * fromEigenbasis(2, v, Float64Array.of(1, 2, 3, 4), { symmetric: false }) // => [4, 3, 2, 1]
 */
export function fromEigenbasis(
  n: number,
  v: Float64Array,
  y: Float64Array,
  options: { symmetric?: boolean } = {},
  out: Float64Array = new Float64Array(n * n),
  work: Float64Array = new Float64Array(n * n),
): Float64Array {
  const symmetric = options.symmetric !== false;
  if (n <= SMALL_N) {
    smallProduct(n, v, y, work, false, false);
    smallProduct(n, work, v, out, false, true);
  } else if (
    !gemmDispatch(false, false, n, n, n, v, y, work) ||
    !gemmDispatch(false, true, n, n, n, work, v, out, symmetric)
  ) {
    out.fill(Number.NaN, 0, n * n);
    return out;
  }
  if (symmetric) mirrorUpper(n, out);
  return out;
}
