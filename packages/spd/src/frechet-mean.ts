// Fréchet (Karcher) means on SPD matrices: validation once, then the metric's own mean algorithm
// (Pennec 2006; Manifolds.jl's per-manifold default mean method): pyRiemann's Karcher flow for
// AIRM, the Álvarez-Esteban et al. (2016) fixed point for BW, closed forms through a chart for
// the pullbacks of a flat metric (Euclidean, log-Euclidean, log-Cholesky, power-Euclidean).
import {
  checkOptions,
  ConvergenceError,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  throwIfAborted,
} from '@rg/linalg';
import { assertPoints, normalizedWeights, toMatrices } from './internal/points.js';
import { spdCholesky } from './internal/validate.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { MetricMeanResult, SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link frechetMean} (`tol` default 1e-8 and `maxIter` default 50, pyRiemann's). */
export interface FrechetMeanOptions extends IterativeOptions {
  /** non-negative weights, one per point (normalized to sum 1; default uniform) */
  weights?: ArrayLike<number>;
  /** starting point (default: the weighted arithmetic mean) */
  init?: Matrix;
}

/** Result of {@link frechetMean}; `residual` is `gradientNorm` (the IterativeResult field). */
export interface FrechetMeanResult extends IterativeResult {
  mean: Matrix;
  /** Riemannian norm of the gradient of ½Σ w_i d²(·, X_i) at `mean` */
  gradientNorm: number;
}

/**
 * Weighted Fréchet mean argmin_G Σ w_i d²(G, X_i) under `metric`, computed by the metric's own
 * mean algorithm after validating the points once. Euclidean, log-Euclidean, log-Cholesky and
 * power-Euclidean means are closed forms through their chart (iterations 0); the
 * affine-invariant mean is pyRiemann's Karcher flow (step ν starts at 1, ×0.95 while the step
 * length decreases — down to ½, a floor only halvings lower — ×0.5 otherwise; stops when
 * ‖gradient‖ ≤ tol or ν ≤ tol), the same rule batch normalization runs; Bures–Wasserstein
 * uses the fixed-point iteration G ← G^{-½}[Σ w (G^½X_iG^½)^½]²G^{-½} started from the
 * arithmetic mean; a pullback metric (GBW, power deformations) maps the points through its chart
 * and runs its base's algorithm; a metric without an algorithm gets Riemannian gradient descent
 * with unit step. The returned `gradientNorm` is measured at the returned mean. For point sets
 * with condition numbers near 1e10 the achievable gradient norm is limited by float64
 * (measured: about 5e-7 for AIRM, 4×4, κ = 1e10); the result then says `converged: false`
 * unless `tol` is raised accordingly.
 *
 * @param points - SPD matrices of the same size, each a Matrix or nested rows
 * @param metric - the metric, or its name ('affine-invariant', 'riemann', 'log-euclidean', … see {@link resolveMetric})
 * @returns `{ mean, iterations, converged, gradientNorm, residual }`
 * @throws {NotPositiveDefiniteError | ShapeError | InvalidArgumentError | AbortError}
 * @throws {ConvergenceError} only with `strict: true`
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const { mean } = frechetMean([identity(2), fromRows([[4, 0], [0, 4]])], affineInvariant);
 * mean // => ~[[2, 0], [0, 2]]
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * frechetMean([identity(2), fromRows([[9, 0], [0, 1]])], buresWasserstein).mean // => ~[[4, 0], [0, 1]]
 * frechetMean([identity(2), fromRows([[9, 0], [0, 1]])], 'riemann').mean // => ~[[3, 0], [0, 1]]
 * frechetMean([[[1, 0], [0, 1]], [[9, 0], [0, 1]]], 'riemann').mean // => ~[[3, 0], [0, 1]]
 */
export function frechetMean(
  points: readonly (Matrix | readonly (readonly number[])[])[],
  metric: SPDMetric | MetricName,
  options: FrechetMeanOptions = {},
): FrechetMeanResult {
  const fn = 'frechetMean';
  checkOptions(fn, 'options', options);
  const m = resolveMetric(fn, metric);
  const pts = toMatrices(fn, 'points', points);
  const n = assertPoints(fn, 'points', pts);
  const w = normalizedWeights(fn, pts.length, options.weights);
  return meanOfValidPoints(fn, m, pts, n, w, options);
}

/**
 * The mean of points already validated by the caller (`fn`, e.g. 'MDM.fit'): checks the
 * options, runs the metric's unchecked mean algorithm and applies `strict`.
 */
export function meanOfValidPoints(
  fn: string,
  m: SPDMetric,
  points: readonly Matrix[],
  n: number,
  w: Float64Array,
  options: Omit<FrechetMeanOptions, 'weights'>,
): FrechetMeanResult {
  const { tol, maxIter } = checkMeanOptions(fn, n, options);
  const r = m.unchecked.mean(points, w, {
    tol,
    maxIter,
    init: options.init,
    signal: options.signal,
    onProgress: options.onProgress,
    fn,
  });
  return meanResult(fn, r, tol, options.strict);
}

/**
 * Check a mean's `tol`, `maxIter` and `init` (n×n SPD) and the signal (closed-form means never
 * poll it, so an aborted one must stop here); returns tol and maxIter with their defaults.
 */
export function checkMeanOptions(
  fn: string,
  n: number,
  options: Omit<FrechetMeanOptions, 'weights'>,
): { tol: number; maxIter: number } {
  const tol = options.tol ?? 1e-8;
  const maxIter = options.maxIter ?? 50;
  if (!(tol >= 0)) throw new InvalidArgumentError(`${fn}(): tol must be ≥ 0 (got ${tol})`);
  if (!Number.isInteger(maxIter) || maxIter < 0)
    throw new InvalidArgumentError(
      `${fn}(): maxIter must be a non-negative integer (got ${maxIter})`,
    );
  if (options.init !== undefined) {
    spdCholesky(fn, 'init', options.init);
    if (options.init.rows !== n) throw new InvalidArgumentError(`${fn}(): init must be ${n}×${n}`);
  }
  throwIfAborted(fn, options.signal);
  return { tol, maxIter };
}

/** The public result of a metric's mean algorithm, applying `strict`. */
export function meanResult(
  fn: string,
  r: MetricMeanResult,
  tol: number,
  strict: boolean | undefined,
): FrechetMeanResult {
  if (!r.converged && strict)
    throw new ConvergenceError(
      `${fn}(): no convergence after ${r.iterations} iterations (gradient norm ${r.gradientNorm.toExponential(2)} > tol ${tol})`,
      { iterations: r.iterations, residual: r.gradientNorm },
    );
  return {
    mean: r.mean,
    iterations: r.iterations,
    converged: r.converged,
    gradientNorm: r.gradientNorm,
    residual: r.gradientNorm,
  };
}
