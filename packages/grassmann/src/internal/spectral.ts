// Scalar functions of the singular values of a tangent vector H, applied through the
// eigendecomposition of its k×k Gram matrix HᵀH = V Σ² Vᵀ (Higham, Functions of Matrices, 2008,
// §1.2): every formula below is a smooth function of Σ², so it never needs the left singular
// vectors U = HVΣ⁻¹ and stays exact for rank-deficient H (Σ with zeros).
import { eigh, gemmTransA, reconstruct } from '@rg/linalg/kernels';
import { scratch } from './scratch.js';

/** sin(s)/s, accurate for all s ≥ 0 (the series below 1e-4, where its next term is < 1e-18) */
export function sinc(s: number): number {
  return s < 1e-4 ? 1 - (s * s) / 6 : Math.sin(s) / s;
}

/**
 * The right singular vectors V (columns, k×k) and singular values σ (ascending) of n×k H.
 * Both live in scratch buffers: use them before the next call.
 */
export interface GramSpectrum {
  vectors: Float64Array;
  sigma: Float64Array;
}

/** σ and V of H from eigh(HᵀH); σ² has absolute error about ε‖H‖², enough for smooth f(σ²). */
export function gramSpectrum(n: number, k: number, h: Float64Array): GramSpectrum {
  const m = scratch('spectrum.gram', k * k);
  gemmTransA(k, k, n, h, h, m);
  const sigma = scratch('spectrum.sigma', k);
  const vectors = scratch('spectrum.vectors', k * k);
  eigh(k, m, sigma, { vectors, refine: false });
  for (let i = 0; i < k; i++) sigma[i] = Math.sqrt(Math.max(sigma[i], 0));
  return { vectors, sigma };
}

/** out = V diag(f(σ)) Vᵀ, k×k */
export function spectralFunction(
  k: number,
  spectrum: GramSpectrum,
  f: (s: number) => number,
  out: Float64Array,
): Float64Array {
  const w = scratch('spectrum.weights', k);
  for (let i = 0; i < k; i++) w[i] = f(spectrum.sigma[i]);
  return reconstruct(k, spectrum.vectors, w, out, scratch('spectrum.work', k * k));
}
