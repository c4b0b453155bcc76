// Calling side of the per-point work that @rg/spd runs on a worker pool of @rg/linalg
// (createPool): points packed into runs of consecutive matrices, each run handed to a worker
// through pool.call with the exported function of ./pool-work.ts that does the per-point work
// with the same code as the one-thread path. Validation happens before, on the calling thread.
import {
  BATCH_PARALLEL_MIN,
  checkPool,
  type Matrix,
  type Pool,
  type PoolCallOptions,
  runPieces,
} from '@rg/linalg';
import { type MetricName, resolveMetric } from '../metrics/resolve-metric.js';
import type { SPDMetric } from '../metrics/spd-metric.js';

/** The worker module (TypeScript when running from source). */
const WORK = new URL(
  import.meta.url.endsWith('.ts') ? './pool-work.ts' : './pool-work.js',
  import.meta.url,
);

/** Points packed for a pool: runs of consecutive points, each run's matrices in one array. */
export interface PooledPoints {
  n: number;
  count: number;
  /** [first, end) of each run */
  runs: Array<[number, number]>;
  /** each run's matrices one after the other: views on one SharedArrayBuffer, or copies */
  data: Float64Array[];
}

/**
 * The pool to use for `work` (Σ n³ of the per-point matrix work) or undefined for the calling
 * thread: no pool, a one-thread pool, or work below @rg/linalg's `BATCH_PARALLEL_MIN` (measured
 * for batches of eigendecompositions, which is what each point costs here). A pool that is not
 * one or that was disposed is an InvalidArgumentError.
 */
export function poolFor(fn: string, pool: Pool | undefined, work: number): Pool | undefined {
  const checked = checkPool(fn, pool);
  if (checked === undefined) return undefined;
  return checked.threads < 2 || work < BATCH_PARALLEL_MIN ? undefined : checked;
}

/**
 * The name under which a worker finds `metric` again (`resolveMetric(name)` returns the same
 * object), or undefined for metrics built with `defineMetric`/`pullback` or with a parameter.
 */
export function workerMetricName(metric: SPDMetric): string | undefined {
  try {
    return resolveMetric('pool', metric.name as MetricName) === metric ? metric.name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pack validated n×n points into `pieces` runs of about equal length, in `all` (count·n²
 * entries: a staging array of the pool, from `withScratch`, so that repeated calls do not touch
 * fresh memory).
 */
export function packPoints(
  pool: Pool,
  xs: readonly Matrix[],
  n: number,
  pieces: number,
  all: Float64Array,
): PooledPoints {
  const nn = n * n;
  const count = xs.length;
  for (let i = 0; i < count; i++) all.set(xs[i].data, i * nn);
  const runs: Array<[number, number]> = [];
  const k = Math.max(1, Math.min(pieces, count));
  for (let r = 0; r < k; r++) {
    const i0 = Math.floor((r * count) / k);
    const i1 = Math.floor(((r + 1) * count) / k);
    if (i1 > i0) runs.push([i0, i1]);
  }
  const shared = pool.info.memory === 'shared';
  const data = runs.map(([i0, i1]) =>
    shared ? all.subarray(i0 * nn, i1 * nn) : all.slice(i0 * nn, i1 * nn),
  );
  return { n, count, runs, data };
}

/**
 * Run the worker function `name` of ./pool-work.ts on every run of `pts`:
 * `name(...args, n, runPoints, runLength, runOut)`, where `out` holds `width` numbers per point
 * and `runOut` is its part for the run (a shared view, or a copy the worker returns). Pieces go
 * out through @rg/linalg's runPieces: at most one per worker at a time, abort and progress as
 * every pooled call.
 */
export async function mapPoints(
  fn: string,
  pool: Pool,
  pts: PooledPoints,
  name: string,
  args: unknown[],
  width: number,
  out: Float64Array,
  options: PoolCallOptions = {},
): Promise<void> {
  const shared = out.buffer instanceof SharedArrayBuffer;
  await runPieces(
    fn,
    pool,
    pts.runs.length,
    async (r) => {
      const [i0, i1] = pts.runs[r];
      const part = shared
        ? out.subarray(i0 * width, i1 * width)
        : new Float64Array((i1 - i0) * width);
      const got = await pool.call(WORK, name, [...args, pts.n, pts.data[r], i1 - i0, part]);
      if (!shared) out.set(got as Float64Array, i0 * width);
    },
    { signal: options.signal, onProgress: options.onProgress },
  );
}
