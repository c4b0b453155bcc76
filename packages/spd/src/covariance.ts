// Covariance estimators for one trial: sample covariance, Ledoit & Wolf (2004, J. Multivariate
// Anal. 88) as in scikit-learn's ledoit_wolf, and OAS (Chen, Wiesel, Eldar & Hero 2010, IEEE
// Trans. Signal Process. 58) in scikit-learn's variant of the published formula.
import {
  assertFinite,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
} from '@rg/linalg';

/** A covariance estimator name, or a fixed shrinkage towards (tr S / C)·I. */
export type CovarianceEstimator = 'scm' | 'cov' | 'lwf' | 'oas' | { shrinkage: number };

/** Options of {@link covariance}. */
export interface CovarianceOptions {
  /**
   * 'scm' (centred, divides by N; default), 'cov' (centred, divides by N − 1), 'lwf'
   * (Ledoit–Wolf), 'oas' (oracle approximating shrinkage) or `{ shrinkage: α }` giving
   * (1 − α)·S + α·(tr S / C)·I with S the 'scm' estimate
   */
  estimator?: CovarianceEstimator;
  /** skip the mean removal (the data are known to have zero mean); default false */
  assumeCentered?: boolean;
}

/** Sample covariance S = XcXcᵀ / N (N samples, rows are channels) and the centred data. */
function scatter(x: Matrix, centred: boolean): { s: Float64Array; xc: Float64Array } {
  const c = x.rows;
  const n = x.cols;
  const xc = Float64Array.from(x.data);
  if (centred)
    for (let i = 0; i < c; i++) {
      let m = 0;
      for (let t = 0; t < n; t++) m += xc[i * n + t];
      m /= n;
      for (let t = 0; t < n; t++) xc[i * n + t] -= m;
    }
  const s = new Float64Array(c * c);
  for (let i = 0; i < c; i++)
    for (let j = 0; j <= i; j++) {
      let v = 0;
      const io = i * n;
      const jo = j * n;
      for (let t = 0; t < n; t++) v += xc[io + t] * xc[jo + t];
      v /= n;
      s[i * c + j] = v;
      s[j * c + i] = v;
    }
  return { s, xc };
}

function shrink(s: Float64Array, c: number, alpha: number): Float64Array {
  let mu = 0;
  for (let i = 0; i < c; i++) mu += s[i * c + i];
  mu /= c;
  const out = new Float64Array(c * c);
  for (let k = 0; k < c * c; k++) out[k] = (1 - alpha) * s[k];
  for (let i = 0; i < c; i++) out[i * c + i] += alpha * mu;
  return out;
}

/** scikit-learn's ledoit_wolf_shrinkage (X: N samples × C features, already centred). */
function ledoitWolfShrinkage(xc: Float64Array, s: Float64Array, c: number, n: number): number {
  let mu = 0;
  for (let i = 0; i < c; i++) mu += s[i * c + i];
  mu /= c;
  // beta_ = Σ_ij (X²ᵀX²)_ij = Σ_t Σ_t' (Σ_i x_it² ... ) computed as Σ_{i,j} Σ_t x_it² x_jt²
  let beta_ = 0;
  const sq = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let a = 0;
    for (let i = 0; i < c; i++) a += xc[i * n + t] ** 2;
    sq[t] = a;
  }
  for (let t = 0; t < n; t++) beta_ += sq[t] * sq[t];
  let delta_ = 0;
  for (let k = 0; k < c * c; k++) delta_ += (s[k] * n) ** 2;
  delta_ /= n * n;
  const trace = mu * c;
  let beta = (1 / (c * n)) * (beta_ / n - delta_);
  let delta = delta_ - 2 * mu * trace + c * mu * mu;
  delta /= c;
  beta = Math.min(beta, delta);
  return beta === 0 ? 0 : beta / delta;
}

/** scikit-learn's oas: ρ = min(1, (ᾱ + μ²) / ((N + 1)(ᾱ − μ²/C))) with ᾱ = mean(S²), μ = tr S / C. */
function oasShrinkage(s: Float64Array, c: number, n: number): number {
  let mu = 0;
  for (let i = 0; i < c; i++) mu += s[i * c + i];
  mu /= c;
  let alpha = 0;
  for (let k = 0; k < c * c; k++) alpha += s[k] * s[k];
  alpha /= c * c;
  const num = alpha + mu * mu;
  const den = (n + 1) * (alpha - (mu * mu) / c);
  return den === 0 ? 1 : Math.min(num / den, 1);
}

/**
 * Spatial covariance of one trial `x` (channels × samples). 'lwf' reproduces scikit-learn's
 * `ledoit_wolf` (shrinkage towards (tr S / C)·I with the Ledoit–Wolf 2004 estimate of the
 * optimal intensity); 'oas' reproduces scikit-learn's `oas`, which follows the formula of Chen
 * et al.'s reference implementation: ρ = min(1, (mean(S²) + μ²) / ((N + 1)(mean(S²) − μ²/C)))
 * rather than eq. (23) of the paper. The shrinkage estimators stay positive definite when
 * samples ≤ channels; 'scm' and 'cov' then fail with a NotPositiveDefiniteError.
 *
 * @param x - one trial, channels × samples, finite
 * @returns the C×C covariance
 * @throws {ShapeError | NonFiniteError} for malformed or non-finite x
 * @throws {NotPositiveDefiniteError} for 'scm'/'cov' with too few samples for the channel count
 * @throws {InvalidArgumentError} for an unknown estimator or a shrinkage outside [0, 1]
 * @example
 * import { fromRows } from '@rg/linalg';
 * covariance(fromRows([[1, -1, 1, -1], [2, 0, -2, 0]])) // => [[1, 0], [0, 2]]
 * @example
 * import { fromRows } from '@rg/linalg';
 * covariance(fromRows([[1, -1, 1, -1], [2, 0, -2, 0]]), { estimator: { shrinkage: 0.5 } }) // => [[1.25, 0], [0, 1.75]]
 */
export function covariance(x: Matrix, options: CovarianceOptions = {}): Matrix {
  return covarianceAs('covariance', x, options);
}

/** {@link covariance} with errors naming the public function `fn` that called it. */
export function covarianceAs(fn: string, x: Matrix, options: CovarianceOptions = {}): Matrix {
  checkOptions(fn, 'options', options);
  assertFinite(fn, 'x', x);
  const estimator = options.estimator ?? 'scm';
  const centred = !options.assumeCentered;
  const c = x.rows;
  const n = x.cols;
  if (c === 0 || n === 0)
    throw new InvalidArgumentError(`${fn}(): x must have channels and samples (is ${c}×${n})`);
  const isName = typeof estimator === 'string';
  if (isName && !['scm', 'cov', 'lwf', 'oas'].includes(estimator))
    throw new InvalidArgumentError(
      `${fn}(): unknown estimator '${estimator}' (use 'scm', 'cov', 'lwf', 'oas' or { shrinkage })`,
    );
  if (
    !isName &&
    !(
      typeof estimator?.shrinkage === 'number' &&
      estimator.shrinkage >= 0 &&
      estimator.shrinkage <= 1
    )
  )
    throw new InvalidArgumentError(`${fn}(): estimator.shrinkage must be a number in [0, 1]`);
  const rank = centred ? n - 1 : n;
  if ((estimator === 'scm' || estimator === 'cov') && rank < c)
    throw new NotPositiveDefiniteError(
      `${fn}(): x has ${n} samples for ${c} channels, so the '${estimator}' estimate is singular (rank ≤ ${rank}); use estimator 'lwf', 'oas' or { shrinkage }`,
    );
  if (estimator === 'cov' && n < 2)
    throw new InvalidArgumentError(`${fn}(): estimator cov needs at least 2 samples`);
  const { s, xc } = scatter(x, centred);
  let out: Float64Array;
  if (estimator === 'scm') out = s;
  else if (estimator === 'cov') out = s.map((v) => (v * n) / (n - 1));
  else if (estimator === 'lwf') out = c === 1 ? s : shrink(s, c, ledoitWolfShrinkage(xc, s, c, n));
  else if (estimator === 'oas') out = c === 1 ? s : shrink(s, c, oasShrinkage(s, c, n));
  else out = shrink(s, c, estimator.shrinkage);
  return { rows: c, cols: c, data: out };
}
