// Fréchet means with the per-point work on a worker pool of @rg/linalg (createPool): the
// affine-invariant Karcher flow and the Bures–Wasserstein fixed point measure their gradient as
// a weighted sum of one matrix function per point; the workers compute those terms, the calling
// thread sums them in index order and takes the step, with the very rule and code of frechetMean.
import {
  checkOptions,
  type Matrix,
  type Pool,
  type PoolCallOptions,
  withScratch,
} from '@rg/linalg';
import { dot } from '@rg/linalg/kernels';
import {
  checkMeanOptions,
  type FrechetMeanOptions,
  type FrechetMeanResult,
  meanOfValidPoints,
  meanResult,
} from './frechet-mean.js';
import { packPoints, mapPoints, poolFor } from './internal/pool-points.js';
import { assertPoints, normalizedWeights, toMatrices } from './internal/points.js';
import { addWeighted, sq } from './internal/sq.js';
import { affineInvariant, karcherStep, karcherWhitener } from './metrics/affine-invariant.js';
import { buresWasserstein, bwHalves, bwMeasure, bwStep } from './metrics/bures-wasserstein.js';
import { bwFixedPointAsync } from './metrics/bw-fixed-point.js';
import { arithmeticMean } from './metrics/define-metric.js';
import { karcherFlowAsync } from './metrics/karcher-flow.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link frechetMeanParallel}: those of {@link frechetMean} and a pool. */
export interface FrechetMeanParallelOptions extends FrechetMeanOptions {
  /** the pool (from `createPool` of @rg/linalg); without one the mean runs on this thread */
  pool?: Pool;
}

/**
 * {@link frechetMean} with the per-point work of each iteration on a worker pool. For the
 * affine-invariant metric each Karcher step needs log(W Xᵢ Wᵀ) for every point (W whitens the
 * iterate), for Bures–Wasserstein each fixed-point step (G^½XᵢG^½)^½: the points are split into
 * one run per worker, the workers compute these terms with frechetMean's own functions, and this
 * thread sums them in index order, measures and steps under the same rule. The result — mean,
 * iterations, gradient norm, progress reports — is therefore bitwise that of `frechetMean` with
 * the same arguments. Other metrics (closed forms through a chart, whose one pass costs one
 * matrix function per point; pullbacks; metrics from `defineMetric`), problems whose work per
 * iteration (points·n³) is below @rg/linalg's `BATCH_PARALLEL_MIN`, one-thread pools and calls
 * without a pool run `frechetMean` on this thread. Each iteration costs one round trip per
 * worker (tens of µs) and, with a pool without shared memory, a copy of the terms.
 *
 * @param points - SPD matrices of the same size, each a Matrix or nested rows
 * @param metric - the metric, or its name (see {@link resolveMetric})
 * @param options - {@link frechetMean}'s options (`onProgress` gets the same per-iteration reports) and `pool`
 * @returns `{ mean, iterations, converged, gradientNorm, residual }`, as frechetMean
 * @throws {NotPositiveDefiniteError | ShapeError | InvalidArgumentError} as frechetMean, and InvalidArgumentError for a disposed pool
 * @throws {AbortError} when `signal` is aborted (checked before each iteration and each piece)
 * @throws {ConvergenceError} only with `strict: true`
 * @example
 * import { createPool, fromRows, identity } from '@rg/linalg';
 * const pool = await createPool({ threads: 2 });
 * const r = await frechetMeanParallel([identity(2), fromRows([[4, 0], [0, 4]])], 'riemann', { pool });
 * r.mean // => ~[[2, 0], [0, 2]]
 * await pool.dispose();
 */
export async function frechetMeanParallel(
  points: readonly (Matrix | readonly (readonly number[])[])[],
  metric: SPDMetric | MetricName,
  options: FrechetMeanParallelOptions = {},
): Promise<FrechetMeanResult> {
  const fn = 'frechetMeanParallel';
  checkOptions(fn, 'options', options);
  const m = resolveMetric(fn, metric);
  const pts = toMatrices(fn, 'points', points);
  const n = assertPoints(fn, 'points', pts);
  const w = normalizedWeights(fn, pts.length, options.weights);
  return meanOnPool(fn, m, pts, n, w, options, options.pool);
}

/**
 * The mean of points already validated by the caller (`fn`, e.g. 'MDM.fitParallel') on `pool`
 * where it pays, else {@link meanOfValidPoints} on this thread.
 */
export async function meanOnPool(
  fn: string,
  m: SPDMetric,
  points: readonly Matrix[],
  n: number,
  w: Float64Array,
  options: Omit<FrechetMeanOptions, 'weights'>,
  poolIn: Pool | undefined,
): Promise<FrechetMeanResult> {
  const pool = poolFor(fn, poolIn, points.length * n ** 3);
  if (pool === undefined || (m !== affineInvariant && m !== buresWasserstein))
    return meanOfValidPoints(fn, m, points, n, w, options);
  const { tol, maxIter } = checkMeanOptions(fn, n, options);
  const nn = n * n;
  const count = points.length;
  // the packed points and the per-point terms live in the pool's staging memory
  return withScratch(pool, [count * nn, count * nn], async ([all, terms]) => {
    const packed = packPoints(pool, points, n, pool.threads, all);
    const call: PoolCallOptions = { signal: options.signal };
    /** Σ wᵢ termᵢ, one point at a time in index order (as the one-thread loop adds them). */
    const weightedSum = () => {
      const s = new Float64Array(nn);
      for (let i = 0; i < count; i++) addWeighted(s, w[i], terms.subarray(i * nn, (i + 1) * nn));
      return s;
    };
    const init = options.init
      ? Float64Array.from(options.init.data)
      : arithmeticMean(points, w).data;
    const control = { tol, maxIter, signal: options.signal, onProgress: options.onProgress, fn };
    if (m === affineInvariant) {
      const r = await karcherFlowAsync(
        {
          async gradient(c: Float64Array) {
            const { l, wInv } = karcherWhitener(n, c, fn);
            await mapPoints(fn, pool, packed, 'airmWhitenedLogs', [wInv], nn, terms, call);
            const j = weightedSum();
            return { norm: Math.sqrt(dot(nn, j, j)), state: { l, j } };
          },
          step: (_c, s, nu) => karcherStep(n, s, nu),
        },
        init,
        control,
      );
      return meanResult(fn, { ...r, mean: sq(n, r.mean) }, tol, options.strict);
    }
    let s: Float64Array = new Float64Array(nn);
    let invHalf: Float64Array = new Float64Array(nn);
    const r = await bwFixedPointAsync(
      {
        async gradient(g: Float64Array) {
          const h = bwHalves(n, g);
          invHalf = h.invHalf;
          await mapPoints(fn, pool, packed, 'bwRoots', [h.half], nn, terms, call);
          s = weightedSum();
          return bwMeasure(n, s, h);
        },
        step: () => bwStep(n, s, invHalf),
      },
      init,
      control,
    );
    return meanResult(fn, { ...r, mean: sq(n, r.mean) }, tol, options.strict);
  });
}
