// The Q factor of a thin QR of a tall n×k matrix by CholeskyQR2 (Fukaya, Nakatsukasa, Yanagisawa
// & Yamamoto 2014, "CholeskyQR2: a simple and communication-avoiding algorithm for computing a
// tall-skinny QR factorization"), with Householder QR when the matrix is too ill-conditioned.
import { qr } from '@rg/linalg';
import { choleskyLower, gemmTransA, gemmTransB, triangularInverse } from '@rg/linalg/kernels';
import { scratch } from './scratch.js';

/**
 * One CholeskyQR pass: dst = src·L⁻ᵀ with LLᵀ = srcᵀsrc. Returns the largest |srcᵀsrc − I|
 * entry (how far src already was from orthonormal), or NaN when the Cholesky factorization
 * failed.
 */
function choleskyPass(
  n: number,
  k: number,
  src: Float64Array,
  dst: Float64Array,
  g: Float64Array,
  l: Float64Array,
  linv: Float64Array,
): number {
  gemmTransA(k, k, n, src, src, g);
  let deviation = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      deviation = Math.max(deviation, Math.abs(g[i * k + j] - (i === j ? 1 : 0)));
  if (choleskyLower(k, g, l) !== -1) return Number.NaN;
  triangularInverse(k, l, { lower: true }, linv);
  gemmTransB(n, k, k, src, linv, dst);
  return deviation;
}

/**
 * out = qf(A), the Q factor of the thin QR of the n×k row-major `a` (k ≤ n) whose R has a
 * positive diagonal (unique for full column rank): the orthonormal basis that Gram–Schmidt
 * would give. Two Cholesky passes on the k×k Gram matrix and two products on the gemm kernel;
 * the result is orthonormal to rounding when the second pass starts from a nearly orthonormal
 * matrix, which holds for condition numbers up to about 1e6 (the passes check it). Otherwise,
 * and for rank-deficient `a`, Householder QR (@rg/linalg's `qr`) with the signs fixed.
 *
 * Aliasing: `out` must not overlap `a`. Trusts its input (finite, k ≤ n).
 */
export function thinQ(
  n: number,
  k: number,
  a: Float64Array,
  out: Float64Array = new Float64Array(n * k),
): Float64Array {
  const g = scratch('qr.g', k * k);
  const l = scratch('qr.l', k * k);
  const linv = scratch('qr.linv', k * k);
  const q1 = scratch('qr.q1', n * k);
  const first = choleskyPass(n, k, a, q1, g, l, linv);
  // after one pass the deviation from orthonormality is about ε·κ(A)²: below 0.1 the second
  // pass starts from a well-conditioned matrix and ends orthonormal to a few ulp
  if (!Number.isNaN(first)) {
    const second = choleskyPass(n, k, q1, out, g, l, linv);
    if (second <= 0.1) return out;
  }
  out.set(qr({ rows: n, cols: k, data: a }, { positiveDiagonal: true }).q.data);
  return out;
}
