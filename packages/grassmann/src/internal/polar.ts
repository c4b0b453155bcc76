// The orthogonal polar factor A (AᵀA)^{-1/2} of a tall full-rank matrix (Higham, Functions of
// Matrices, 2008, §8.1): the closest matrix with orthonormal columns, and the polar retraction.
import { eigh, gemm, gemmTransA, reconstruct } from '@rg/linalg/kernels';

/**
 * out = A (AᵀA)^{-1/2} for the n×k `a` of full column rank, through eigh of the k×k Gram
 * matrix: orthonormal to about ε·κ(A)², exact for the retraction Y + V with YᵀV = 0, whose
 * Gram matrix I + VᵀV has all eigenvalues ≥ 1. Aliasing: `out` must not overlap `a`.
 */
export function polarFactor(
  n: number,
  k: number,
  a: Float64Array,
  out: Float64Array = new Float64Array(n * k),
): Float64Array {
  const g = new Float64Array(k * k);
  gemmTransA(k, k, n, a, a, g);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  eigh(k, g, values, { vectors, refine: false });
  const invSqrt = reconstruct(
    k,
    vectors,
    Array.from(values, (x) => 1 / Math.sqrt(x)),
  );
  gemm(n, k, k, a, invSqrt, out);
  return out;
}
