// Pairwise geodesic distances on a worker pool of @rg/linalg (createPool): rows of the distance
// matrix in pieces of about equal work, each computed in a worker by the same code as
// pairwiseDistances, so the matrix is bitwise the one-thread matrix.
import {
  assertMatrix,
  BATCH_PARALLEL_MIN,
  InvalidArgumentError,
  type Matrix,
  type Pool,
  type PoolCallOptions,
  runPieces,
  ShapeError,
  throwIfAborted,
} from '@rg/linalg';
import { spdCholesky } from './internal/validate.js';
import { pairwiseDistancesAs } from './pairwise-distances.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link pairwiseDistancesParallel}. */
export interface PairwiseDistancesParallelOptions extends PoolCallOptions {
  /** return squared distances (default false) */
  squared?: boolean;
}

const FN = 'pairwiseDistancesParallel';

// The worker module next to this file (TypeScript when running from source).
const ROWS = new URL(
  import.meta.url.endsWith('.ts') ? './internal/pairwise-rows.ts' : './internal/pairwise-rows.js',
  import.meta.url,
);

function pack(pool: Pool, name: string, xs: readonly Matrix[], n: number): Float64Array {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new InvalidArgumentError(`${FN}(): ${name} must be a non-empty array of SPD matrices`);
  const nn = n * n;
  const data =
    pool.info.memory === 'shared'
      ? new Float64Array(new SharedArrayBuffer(8 * nn * xs.length))
      : new Float64Array(nn * xs.length);
  xs.forEach((x, i) => {
    assertMatrix(FN, `${name}[${i}]`, x);
    if (x.rows !== n)
      throw new ShapeError(`${FN}(): ${name}[${i}] is ${x.rows}×${x.cols}, expected ${n}×${n}`);
    spdCholesky(FN, `${name}[${i}]`, x);
    data.set(x.data, i * nn);
  });
  return data;
}

/**
 * {@link pairwiseDistances} on a worker pool: D[i][j] = d(xs[i], ys[j]), rows split over the
 * pool's workers, bitwise the same matrix as `pairwiseDistances(xs, ys, metric)`. Metrics
 * without a flat chart (affine-invariant, Bures–Wasserstein) are split; flat-chart metrics
 * (log-Euclidean, log-Cholesky, Euclidean: one chart per point, then cheap Frobenius
 * distances), small problems (pairs·n³ below linalg's `BATCH_PARALLEL_MIN`) and calls without a
 * pool run `pairwiseDistances` on this thread. The metric must be one that
 * {@link resolveMetric} finds by name (the workers resolve it again); a metric built with
 * `defineMetric` or `pullback` runs on this thread.
 *
 * @param xs - SPD matrices, all n×n
 * @param ys - SPD matrices, all n×n (default: xs; then only one triangle is computed)
 * @param metric - the metric or its name
 * @param options - `{ pool, squared, signal, onProgress }`
 * @returns an xs.length × ys.length Matrix; from a pool with shared memory its `data` is a view
 * on a SharedArrayBuffer, written in place by the workers (no copy)
 * @throws {NotPositiveDefiniteError | ShapeError | InvalidArgumentError} as pairwiseDistances
 * @throws {AbortError} when `signal` is aborted
 * @example
 * import { createPool, fromRows, identity } from '@rg/linalg';
 * const pool = await createPool({ threads: 2 });
 * const d = await pairwiseDistancesParallel([identity(2), fromRows([[2, 0], [0, 2]])], undefined, 'riemann', { pool });
 * d // => ~[[0, 0.980258], [0.980258, 0]]
 * await pool.dispose();
 */
export async function pairwiseDistancesParallel(
  xs: readonly Matrix[],
  ys: readonly Matrix[] | undefined,
  metric: SPDMetric | MetricName,
  options: PairwiseDistancesParallelOptions = {},
): Promise<Matrix> {
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${FN}(): options must be an options object or undefined`);
  const resolved = resolveMetric(FN, metric);
  const { pool, signal, onProgress } = options;
  const squared = options.squared ?? false;
  const same = ys === undefined || ys === xs;
  const n = xs?.[0]?.rows ?? 0;
  const m = Array.isArray(xs) ? xs.length : 0;
  const k = same ? m : Array.isArray(ys) ? ys.length : 0;
  const pairs = same ? (m * (m - 1)) / 2 : m * k;
  let named: string | undefined;
  try {
    named = resolveMetric(FN, resolved.name as MetricName) === resolved ? resolved.name : undefined;
  } catch {
    named = undefined;
  }
  if (
    pool === undefined ||
    pool.threads < 2 ||
    resolved.unchecked.flatChart !== undefined ||
    named === undefined ||
    pairs * n ** 3 < BATCH_PARALLEL_MIN
  ) {
    throwIfAborted(FN, signal);
    const d = pairwiseDistancesAs(FN, xs, ys, resolved, { squared });
    onProgress?.({ done: 1, total: 1 });
    return d;
  }
  if (pool.disposed) throw new InvalidArgumentError(`${FN}(): pool has been disposed`);
  const dx = pack(pool, 'xs', xs, n);
  const dy = same ? null : pack(pool, 'ys', ys as readonly Matrix[], n);
  const shared = pool.info.memory === 'shared';
  const out = shared ? new Float64Array(new SharedArrayBuffer(8 * m * k)) : new Float64Array(m * k);

  // Rows in pieces of about equal numbers of pairs (row i of the triangle has k − i − 1).
  const pieces: Array<[number, number]> = [];
  const target = pairs / (pool.threads * 4);
  for (let i = 0, start = 0, acc = 0; i < m; i++) {
    acc += same ? k - i - 1 : k;
    if (acc >= target || i === m - 1) {
      pieces.push([start, i + 1]);
      start = i + 1;
      acc = 0;
    }
  }
  await runPieces(
    FN,
    pool,
    pieces.length,
    async (p) => {
      const [i0, i1] = pieces[p];
      const piece = shared ? out : new Float64Array(m * k);
      const args = [n, k, dx, dy, named, squared, i0, i1, piece];
      const r = (await pool.call(ROWS, 'pairwiseRows', args)) as Float64Array;
      if (!shared)
        for (let i = i0; i < i1; i++)
          for (let j = same ? i + 1 : 0; j < k; j++) {
            out[i * k + j] = r[i * k + j];
            if (same) out[j * k + i] = r[j * k + i];
          }
    },
    { signal, onProgress },
  );
  return { rows: m, cols: k, data: out };
}
