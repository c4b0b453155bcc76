// Geometric median on a Riemannian manifold by the Weiszfeld iteration (Fletcher, Venkatasubramanian
// & Joshi 2009, "The geometric median on Riemannian manifolds with application to robust atlas
// estimation", NeuroImage 45(1)).
import {
  ConvergenceError,
  InvalidArgumentError,
  type Matrix,
  type ProgressInfo,
  ShapeError,
  throwIfAborted,
  checkOptions,
} from '@rg/linalg';
import { assertPoints, normalizedWeights, toMatrices } from './internal/points.js';
import { sq } from './internal/sq.js';
import { spdCholesky } from './internal/validate.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link geometricMedian}. */
export interface GeometricMedianOptions {
  weights?: ArrayLike<number>;
  /** stop when the Riemannian length of the Weiszfeld step is ≤ tol (default 1e-8) */
  tol?: number;
  /** default 100 */
  maxIter?: number;
  /** starting point (default: the Fréchet mean under `metric`) */
  init?: Matrix;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
  strict?: boolean;
}

/** Result of {@link geometricMedian}. */
export interface GeometricMedianResult {
  median: Matrix;
  iterations: number;
  converged: boolean;
  /** Riemannian norm of the last Weiszfeld step */
  residual: number;
  /** Σ w_i d(median, X_i), the objective */
  objective: number;
}

/**
 * Weighted geometric median argmin_G Σ w_i d(G, X_i), robust to outliers (breakdown point ½):
 * Weiszfeld steps G ← Exp_G(Σ (w_i/d_i) Log_G X_i / Σ (w_i/d_i)), skipping points that
 * coincide with G.
 *
 * @param points - SPD matrices of the same size, each a Matrix or nested rows
 * @param metric - the metric, or its name (see {@link resolveMetric})
 * @returns `{ median, iterations, converged, residual, objective }`
 * @throws {NotPositiveDefiniteError | ShapeError | InvalidArgumentError | AbortError}
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const pts = [identity(2), identity(2), fromRows([[100, 0], [0, 100]])];
 * geometricMedian(pts, affineInvariant).median // => ~[[1, 0], [0, 1]]
 */
export function geometricMedian(
  points: readonly (Matrix | readonly (readonly number[])[])[],
  metric: SPDMetric | MetricName,
  options: GeometricMedianOptions = {},
): GeometricMedianResult {
  checkOptions('geometricMedian', 'options', options);
  const m = resolveMetric('geometricMedian', metric);
  const core = m.unchecked;
  const pts = toMatrices('geometricMedian', 'points', points);
  const n = assertPoints('geometricMedian', 'points', pts);
  const w = normalizedWeights('geometricMedian', pts.length, options.weights);
  const tol = options.tol ?? 1e-8;
  const maxIter = options.maxIter ?? 100;
  if (!(tol >= 0) || !Number.isInteger(maxIter) || maxIter < 0)
    throw new InvalidArgumentError(
      'geometricMedian(): tol must be ≥ 0 and maxIter a non-negative integer',
    );
  if (options.init !== undefined) {
    spdCholesky('geometricMedian', 'init', options.init);
    if (options.init.rows !== n)
      throw new ShapeError(
        `geometricMedian(): init must be ${n}×${n} (is ${options.init.rows}×${options.init.cols})`,
      );
  }
  // the points are validated: start from the metric's own mean algorithm directly
  let g =
    options.init ??
    core.mean(pts, w, { maxIter: 20, tol: 1e-6, signal: options.signal, fn: 'geometricMedian' })
      .mean;
  let residual = Number.POSITIVE_INFINITY;
  let it = 0;
  let converged = false;
  for (; it < maxIter; it++) {
    throwIfAborted('geometricMedian', options.signal);
    const step = new Float64Array(n * n);
    let wsum = 0;
    for (let i = 0; i < pts.length; i++) {
      const l = core.log(g, pts[i]);
      const d = core.norm(g, l);
      // a point at the current iterate contributes no direction (Weiszfeld's singularity)
      if (d <= 1e-14) continue;
      const c = w[i] / d;
      wsum += c;
      for (let k = 0; k < n * n; k++) step[k] += c * l.data[k];
    }
    if (wsum === 0) {
      residual = 0;
      converged = true;
      break;
    }
    for (let k = 0; k < n * n; k++) step[k] /= wsum;
    const v = sq(n, step);
    residual = core.norm(g, v);
    options.onProgress?.({ iteration: it, residual });
    g = core.exp(g, v);
    if (residual <= tol) {
      converged = true;
      it++;
      break;
    }
  }
  if (!converged && options.strict)
    throw new ConvergenceError(
      `geometricMedian(): no convergence after ${it} iterations (step ${residual.toExponential(2)})`,
      {
        iterations: it,
        residual,
      },
    );
  const median = g;
  const from = core.squaredDistanceFrom(median);
  const objective = pts.reduce((a, x, i) => a + w[i] * Math.sqrt(from(x)), 0);
  return { median, iterations: it, converged, residual, objective };
}
