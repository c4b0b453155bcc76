// Parallel transport along a Grassmann geodesic (Edelman, Arias & Smith 1998, eq. 2.68):
// τΔ = (−Y V sin Σ Uᵀ + U cos Σ Uᵀ + I − UUᵀ) Δ for H = U Σ Vᵀ, written with U = HVΣ⁻¹ as
// Δ − Y sinc(Σ̂) HᵀΔ + H g(Σ̂) HᵀΔ, g(σ) = (cos σ − 1)/σ² = −½ sinc²(σ/2).
import { gemm, gemmTransA } from '@rg/linalg/kernels';
import { scratch } from './scratch.js';
import { gramSpectrum, sinc, spectralFunction } from './spectral.js';

/**
 * out = the parallel transport of Δ (horizontal at Y) along t ↦ Exp_Y(tH), from t = 0 to t = 1:
 * horizontal at the basis Exp_Y(H) that {@link expInto} returns. Aliasing: `out` must not
 * overlap the inputs.
 */
export function parallelTransportInto(
  n: number,
  k: number,
  y: Float64Array,
  h: Float64Array,
  delta: Float64Array,
  out: Float64Array = new Float64Array(n * k),
): Float64Array {
  const spectrum = gramSpectrum(n, k, h);
  const a = scratch('transport.a', k * k);
  gemmTransA(k, k, n, h, delta, a);
  const f1 = spectralFunction(k, spectrum, sinc, scratch('transport.f1', k * k));
  const f2 = spectralFunction(
    k,
    spectrum,
    (s) => {
      const c = sinc(s / 2);
      return -0.5 * c * c;
    },
    scratch('transport.f2', k * k),
  );
  const b1 = scratch('transport.b1', k * k);
  const b2 = scratch('transport.b2', k * k);
  gemm(k, k, k, f1, a, b1);
  gemm(k, k, k, f2, a, b2);
  const yb = scratch('transport.yb', n * k);
  gemm(n, k, k, y, b1, yb);
  gemm(n, k, k, h, b2, out);
  for (let i = 0; i < n * k; i++) out[i] += delta[i] - yb[i];
  return out;
}
