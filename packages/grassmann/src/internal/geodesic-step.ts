// One geodesic step from S along the horizontal part of a Euclidean direction B,
// Exp_S(α(I − SSᵀ)B) (Edelman, Arias & Smith 1998, Theorem 2.3), in the fused form the GCR
// optimizer needs (Wang, Li & Zhang 2023, Algorithm 1): the horizontal vector is never formed.
import { eigh, gemm, gemmTransA, reconstruct } from '@rg/linalg/kernels';
import { scratch } from './scratch.js';
import { sinc } from './spectral.js';

/**
 * out = Exp_S(αΔ) with Δ = B − S(SᵀB), for S n×k orthonormal and any n×k B. With
 * M = SᵀB and the Gram matrix ΔᵀΔ = BᵀB − MᵀM = VΣ²Vᵀ (from one product of [S B] with B),
 * C = V cos(|α|Σ) Vᵀ and N = α V sinc(|α|Σ) Vᵀ, the end point S C + Δ N is written as
 * [S B]·[C − M N; N]: two products over the n×2k pair [S B] instead of five over n×k
 * matrices. The rounding of ΔᵀΔ is relative to ‖B‖ rather than ‖Δ‖, which moves the smooth
 * cos and sinc by only O(ε α²‖B‖²). Aliasing: `out` must not overlap `s` or `b`.
 */
export function geodesicStepInto(
  n: number,
  k: number,
  s: Float64Array,
  b: Float64Array,
  alpha: number,
  out: Float64Array,
): Float64Array {
  const w = 2 * k;
  const sb = scratch('step.sb', n * w);
  for (let i = 0; i < n; i++) {
    sb.set(s.subarray(i * k, (i + 1) * k), i * w);
    sb.set(b.subarray(i * k, (i + 1) * k), i * w + k);
  }
  // [SᵀB; BᵀB] (2k×k)
  const g = scratch('step.g', w * k);
  gemmTransA(w, k, n, sb, b, g);
  const m = g.subarray(0, k * k);
  const gram = scratch('step.gram', k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let mm = 0;
      for (let l = 0; l < k; l++) mm += m[l * k + i] * m[l * k + j];
      gram[i * k + j] = g[(k + i) * k + j] - mm;
    }
  const values = scratch('step.values', k);
  const vectors = scratch('step.vectors', k * k);
  eigh(k, gram, values, { vectors, refine: false });
  const scale = Math.abs(alpha);
  const cos = scratch('step.cos', k);
  const sn = scratch('step.sinc', k);
  for (let i = 0; i < k; i++) {
    const sigma = scale * Math.sqrt(Math.max(values[i], 0));
    cos[i] = Math.cos(sigma);
    sn[i] = alpha * sinc(sigma);
  }
  const c = reconstruct(k, vectors, cos, scratch('step.c', k * k), scratch('step.work', k * k));
  const nn = reconstruct(k, vectors, sn, scratch('step.n', k * k), scratch('step.work', k * k));
  // [C − M N; N]
  const coef = scratch('step.coef', w * k);
  gemm(k, k, k, m, nn, coef);
  for (let i = 0; i < k * k; i++) coef[i] = c[i] - coef[i];
  coef.set(nn, k * k);
  gemm(n, k, w, sb, coef, out);
  return out;
}
