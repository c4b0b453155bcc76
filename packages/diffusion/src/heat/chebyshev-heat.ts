// Chebyshev expansion of the heat kernel e^{−tλ} on a spectrum [0, λmax] (Hammond,
// Vandergheynst & Gribonval, "Wavelets on graphs via spectral graph theory", ACHA 30, 2011,
// §6; the coefficients are Bessel functions: e^{−a x} = I_0(a) + 2 Σ_k (−1)^k I_k(a) T_k(x)).
import { checkInRange, checkInteger, checkOptions, checkPositive } from '@rg/linalg';
import { scaledBesselKernel } from './bessel.js';

/** Largest Chebyshev order chosen automatically. */
export const MAX_CHEBYSHEV_ORDER = 20000;

/** Chebyshev coefficients of e^{−tλ} on [0, λmax] with their truncation bound. */
export interface HeatChebyshevCoefficients {
  /** c_0..c_K of Σ c_k T_k((2λ − λmax)/λmax) */
  coefficients: Float64Array;
  /** max over λ ∈ [0, λmax] of |e^{−tλ} − Σ c_k T_k| ≤ 2 Σ_{k>K} e^{−a} I_k(a), a = tλmax/2 */
  errorBound: number;
}

/**
 * The Chebyshev coefficients c_k = (2 − δ_k0)(−1)^k e^{−a} I_k(a), a = tλmax/2, of the heat
 * kernel e^{−tλ} on [0, λmax], and the bound 2 Σ_{k>K} e^{−a} I_k(a) on the uniform truncation
 * error (|T_k| ≤ 1 on [−1, 1]). With `order` omitted, the smallest K whose bound is ≤ `tol`.
 * For k ≪ a, e^{−a} I_k(a) ≈ e^{−k²/2a}/√(2πa), and beyond k ≈ a it falls super-exponentially,
 * so K ≈ √(2a ln(1/tol)) suffices at large a (K = 88 for a = 181 and tol = 1e-10), and about
 * 15–30 terms at a ≤ 10.
 *
 * @param t - diffusion time ≥ 0
 * @param lambdaMax - upper end of the spectrum (> 0)
 * @param options - `order` (fixed K) or `tol` (default 1e-10)
 * @returns `{ coefficients, errorBound }`
 * @throws {InvalidArgumentError} on bad arguments
 * @example
 * const c = heatChebyshevCoefficients(1, 2, { order: 20 });
 * c.coefficients.reduce((s, ck, k) => s + ck * (-1) ** k, 0) // => ~1
 * c.errorBound < 1e-20 // => true
 */
export function heatChebyshevCoefficients(
  t: number,
  lambdaMax: number,
  options: { order?: number; tol?: number } = {},
): HeatChebyshevCoefficients {
  const fn = 'heatChebyshevCoefficients';
  checkOptions(fn, 'options', options);
  checkPositive(fn, 't', t, true);
  checkPositive(fn, 'lambdaMax', lambdaMax);
  if (options.order !== undefined) checkInteger(fn, 'order', options.order, 0);
  const tol = options.tol ?? 1e-10;
  checkInRange(fn, 'tol', tol, 0, Number.POSITIVE_INFINITY, true);
  return heatChebyshevKernel(t * lambdaMax * 0.5, options.order, tol);
}

/** Unchecked: coefficients for a = tλmax/2, fixed order or the smallest meeting tol. */
export function heatChebyshevKernel(
  a: number,
  order: number | undefined,
  tol: number,
): HeatChebyshevCoefficients {
  let K = order;
  if (K === undefined) {
    // the bound is monotone in K: compute once far out, then take the first K under tol
    const far = Math.min(MAX_CHEBYSHEV_ORDER, Math.ceil(a + 12 * Math.sqrt(a) + 40));
    const { values, tail } = scaledBesselKernel(far, a);
    let rest = tail;
    K = far;
    for (let k = far; k >= 0; k--) {
      if (2 * rest > tol) break;
      K = k;
      rest += values[k];
    }
  }
  const { values, tail } = scaledBesselKernel(K, a);
  const coefficients = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) coefficients[k] = (k === 0 ? 1 : 2) * (k % 2 ? -1 : 1) * values[k];
  return { coefficients, errorBound: 2 * tail };
}
