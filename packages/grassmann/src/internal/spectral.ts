// Scalar functions of the singular values of a tangent vector H, applied through the
// eigendecomposition of its k×k Gram matrix HᵀH = V Σ² Vᵀ (Higham, Functions of Matrices, 2008,
// §1.2): every formula below is a smooth function of Σ², so it never needs the left singular
// vectors U = HVΣ⁻¹ and stays exact for rank-deficient H (Σ with zeros).
import { eigh, gemmTransA, reconstruct } from '@rg/linalg/kernels';

/** sin(s)/s, accurate for all s ≥ 0 (the series below 1e-4, where its next term is < 1e-18) */
export function sinc(s: number): number {
  return s < 1e-4 ? 1 - (s * s) / 6 : Math.sin(s) / s;
}

/** The right singular vectors V (columns, k×k) and singular values σ (ascending) of n×k H. */
export interface GramSpectrum {
  vectors: Float64Array;
  sigma: Float64Array;
}

/** σ and V of H from eigh(HᵀH); σ² has absolute error about ε‖H‖², enough for smooth f(σ²). */
export function gramSpectrum(n: number, k: number, h: Float64Array): GramSpectrum {
  const m = new Float64Array(k * k);
  gemmTransA(k, k, n, h, h, m);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  eigh(k, m, values, { vectors, refine: false });
  const sigma = values.map((x) => Math.sqrt(Math.max(x, 0)));
  return { vectors, sigma };
}

/** V diag(f(σ)) Vᵀ, k×k */
export function spectralFunction(
  k: number,
  spectrum: GramSpectrum,
  f: (s: number) => number,
): Float64Array {
  return reconstruct(k, spectrum.vectors, Array.from(spectrum.sigma, f));
}
