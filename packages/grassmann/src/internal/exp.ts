// The Grassmann exponential map Exp_Y(H) = Y V cos(Σ) Vᵀ + U sin(Σ) Vᵀ for the thin SVD
// H = U Σ Vᵀ (Edelman, Arias & Smith 1998, Theorem 2.3), written as Y cos(Σ̂) + H sinc(Σ̂) with
// Σ̂ = (HᵀH)^{1/2}, which needs no left singular vectors.
import { gemm } from '@rg/linalg/kernels';
import { scratch } from './scratch.js';
import { gramSpectrum, sinc, spectralFunction } from './spectral.js';

/**
 * out = Exp_Y(H) for Y n×k orthonormal and H horizontal at Y (YᵀH = 0): Y V cos Σ Vᵀ +
 * H V sinc Σ Vᵀ, an orthonormal basis of the end point (Y's basis carried along the geodesic).
 * Aliasing: `out` must not overlap `y` or `h`.
 */
export function expInto(
  n: number,
  k: number,
  y: Float64Array,
  h: Float64Array,
  out: Float64Array = new Float64Array(n * k),
): Float64Array {
  const spectrum = gramSpectrum(n, k, h);
  const c = spectralFunction(k, spectrum, Math.cos, scratch('exp.cos', k * k));
  const s = spectralFunction(k, spectrum, sinc, scratch('exp.sinc', k * k));
  const hs = scratch('exp.hs', n * k);
  gemm(n, k, k, y, c, out);
  gemm(n, k, k, h, s, hs);
  for (let i = 0; i < n * k; i++) out[i] += hs[i];
  return out;
}
