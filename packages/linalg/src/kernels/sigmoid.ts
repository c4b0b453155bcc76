// The logistic function and its logarithmic relatives in overflow-free, cancellation-free
// forms (Mächler, "Accurately computing log(1 − exp(−|a|))", Rmpfr vignette, 2012, §3).

/**
 * σ(x) = 1/(1 + e^{−x}), evaluated on the branch where the exponential cannot overflow:
 * 1/(1 + e^{−x}) for x ≥ 0 and e^x/(1 + e^x) for x < 0, so σ(−800) is 0 rather than NaN
 * and small values keep their relative accuracy.
 *
 * @example
 * import { sigmoid } from '@rg/linalg/kernels';
 * sigmoid(0) // => 0.5
 * sigmoid(-800) // => 0
 * sigmoid(-30) // => ~9.35762e-14
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * softplus(x) = log(1 + e^x), as x + log1p(e^{−x}) for x > 0 (no overflow for large x) and
 * log1p(e^x) otherwise (no cancellation for very negative x). Its derivative is
 * {@link sigmoid}.
 *
 * @example
 * import { softplus } from '@rg/linalg/kernels';
 * softplus(0) // => ~0.693147
 * softplus(1000) // => 1000
 * softplus(-40) // => ~4.24835e-18
 */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * log σ(x) = −softplus(−x): the log-likelihood of a logistic model, finite for every finite x
 * (log σ(−1000) = −1000, where log(sigmoid(−1000)) would be −∞).
 *
 * @example
 * import { logSigmoid } from '@rg/linalg/kernels';
 * logSigmoid(0) // => ~-0.693147
 * logSigmoid(-1000) // => -1000
 */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}
