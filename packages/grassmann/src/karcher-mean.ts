// The Karcher (Fréchet, Riemannian center of mass) mean on the Grassmann manifold by Riemannian
// gradient descent with unit steps, X ← Exp_X(Σ wᵢ Log_X(Yᵢ)) (Karcher 1977; Absil, Mahony &
// Sepulchre 2004, "Riemannian geometry of Grassmann manifolds", §4; Begelfor & Werman 2006).
import {
  type IterativeOptions,
  type IterativeResult,
  checkFunction,
  checkInteger,
  checkOptions,
  checkPositive,
  ConvergenceError,
  type Matrix,
  throwIfAborted,
} from '@rg/linalg';
import { align, logFromAlignment } from './internal/alignment.js';
import { expInto } from './internal/exp.js';
import { assertPoints, normalizedWeights } from './internal/points.js';
import { thinQ } from './internal/thin-qr.js';
import { assertPoint } from './internal/validate.js';
import { projectionMeanKernel } from './projection-mean.js';

/**
 * Options of {@link karcherMean}: the shared iterative options (`tol`, the bound on the
 * Riemannian gradient norm ‖Σ wᵢ Log_X(Yᵢ)‖, default 1e-10; `maxIter`, default 100; `signal`,
 * checked before every iteration; `onProgress`, called after every iteration with the iteration
 * number and the gradient norm as `residual`; `strict`, throw a ConvergenceError instead of
 * returning converged: false) plus the weights and the starting basis.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const options: KarcherMeanOptions = { tol: 1e-12, maxIter: 50, weights: [1, 3] };
 * const r = karcherMean([fromRows([[1], [0]]), fromRows([[0], [1]])], options);
 * Math.atan2(Math.abs(r.mean.data[1]), Math.abs(r.mean.data[0])) // => ~1.178097
 */
export interface KarcherMeanOptions extends IterativeOptions {
  /** non-negative weights, one per point (normalized to sum 1; default uniform) */
  weights?: ArrayLike<number>;
  /** starting basis (default: the {@link projectionMean}) */
  init?: Matrix;
}

/**
 * Result of {@link karcherMean}: the shared iterative fields (`iterations`, `converged`,
 * `residual` = the final gradient norm) plus the mean and `gradientNorm` (= `residual`).
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const r: KarcherMeanResult = karcherMean([fromRows([[1], [0]]), fromRows([[1], [0]])]);
 * [r.iterations, r.converged, r.residual] // => [0, true, 0]
 */
export interface KarcherMeanResult extends IterativeResult {
  /** an n×k orthonormal basis of the mean subspace */
  mean: Matrix;
  /** ‖Σ wᵢ Log_X(Yᵢ)‖ at `mean`: the norm of the Riemannian gradient of ½Σ wᵢ d²(X, Yᵢ) */
  gradientNorm: number;
}

/**
 * The weighted Karcher mean of subspaces: the minimizer of ½ Σ wᵢ d²(X, Yᵢ) for the geodesic
 * distance d, found by Riemannian gradient descent with unit steps from the projection mean,
 * X ← Exp_X(Σ wᵢ Log_X(Yᵢ)). The mean is unique and the iteration converges (linearly) when the
 * points lie in a geodesic ball of radius below π/4 (Afsari 2011); otherwise the result is a
 * critical point near the projection mean. Depends only on the subspaces.
 *
 * @param points - n×k orthonormal bases, all the same size
 * @param options - weights, tol (1e-10), maxIter (100), init, signal, onProgress, strict
 * @returns the mean with iterations, converged and the final gradient norm (`residual`)
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on bad points, weights, init or
 *   options
 * @throws {ConvergenceError} with `strict` when maxIter iterations do not reach tol
 * @throws {AbortError} when `signal` is aborted
 * @example
 * import { fromRows } from '@rg/linalg';
 * // three lines in the plane at 0°, 20° and 70°: the mean line is at 30°, the mean angle
 * const line = (deg) => fromRows([[Math.cos((deg * Math.PI) / 180)], [Math.sin((deg * Math.PI) / 180)]]);
 * const { mean, converged } = karcherMean([line(0), line(20), line(70)]);
 * converged // => true
 * const degrees = (Math.atan2(mean.data[1], mean.data[0]) * 180) / Math.PI;
 * degrees // => ~30.0000000
 */
export function karcherMean(
  points: readonly Matrix[],
  options: KarcherMeanOptions = {},
): KarcherMeanResult {
  const fn = 'karcherMean';
  const { n, k } = assertPoints(fn, points);
  const o = checkOptions(fn, 'options', options);
  const w = normalizedWeights(fn, o.weights, points.length);
  const tol = checkPositive(fn, 'tol', o.tol ?? 1e-10, true);
  const maxIter = checkInteger(fn, 'maxIter', o.maxIter ?? 100, 1);
  const onProgress =
    o.onProgress === undefined
      ? undefined
      : checkFunction<NonNullable<IterativeOptions['onProgress']>>(
          fn,
          'onProgress',
          o.onProgress,
          '({ iteration, residual })',
        );
  const { signal, strict = false } = o;
  let x: Float64Array;
  if (o.init !== undefined) {
    assertPoint(fn, 'init', o.init, n, k);
    x = o.init.data.slice();
  } else x = projectionMeanKernel(n, k, points, w);
  const len = n * k;
  const grad = new Float64Array(len);
  const log = new Float64Array(len);
  let residual = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  for (;;) {
    throwIfAborted(fn, signal);
    grad.fill(0);
    for (let i = 0; i < points.length; i++) {
      logFromAlignment(n, k, align(n, k, x, points[i].data), log);
      for (let j = 0; j < len; j++) grad[j] += w[i] * log[j];
    }
    let s = 0;
    for (let j = 0; j < len; j++) s += grad[j] * grad[j];
    residual = Math.sqrt(s);
    if (iterations > 0) onProgress?.({ iteration: iterations, residual });
    if (residual <= tol) {
      converged = true;
      break;
    }
    if (iterations === maxIter) break;
    // each step's basis is orthonormal to rounding; re-orthonormalizing keeps that from
    // accumulating over many steps
    x = thinQ(n, k, expInto(n, k, x, grad));
    iterations++;
  }
  if (!converged && strict)
    throw new ConvergenceError(
      `${fn}(): the gradient norm ${residual.toExponential(2)} is above tol = ${tol} after ${iterations} iterations`,
      { iterations, residual },
    );
  return {
    mean: { rows: n, cols: k, data: x },
    iterations,
    converged,
    gradientNorm: residual,
    residual,
  };
}
