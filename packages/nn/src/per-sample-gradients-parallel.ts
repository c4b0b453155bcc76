// Per-sample gradients on a worker pool of @rg/linalg (createPool): runs of consecutive samples,
// each worker rebuilding the model from its JSON and computing its samples' gradients with the
// code of perSampleGradients, so the rows are bitwise those of one batched pass.
import {
  checkOptions,
  checkPool,
  type Matrix,
  type Pool,
  type PoolCallOptions,
  poolArray,
  runPieces,
  throwIfAborted,
} from '@rg/linalg';
import { fromJSON } from './from-json.js';
import type { LossName } from './internal/loss-kernels.js';
import type { Targets } from './internal/targets.js';
import type { Layer, LayerSpec, ModelJSON } from './layer.js';
import { buildModelObjective } from './model-objective.js';
import type { PerSampleGradientsOptions } from './per-sample-gradients.js';

/** The worker module (TypeScript when running from source). */
const WORK = new URL(
  import.meta.url.endsWith('.ts') ? './internal/pool-work.ts' : './internal/pool-work.js',
  import.meta.url,
);

/**
 * Work (samples × parameters) from which {@link perSampleGradientsParallel} splits the samples
 * over the pool: 2²⁰, a few ms of forward and backward passes on one thread, where a piece's
 * round trip (30–50 µs) and rebuilding the model in the worker (O(parameters)) are small.
 *
 * @example
 * PER_SAMPLE_PARALLEL_MIN // => 1048576
 */
export const PER_SAMPLE_PARALLEL_MIN = 2 ** 20;

/** Options of {@link perSampleGradientsParallel}. */
export interface PerSampleGradientsParallelOptions
  extends PerSampleGradientsOptions,
    PoolCallOptions {}

function hasDropout(spec: LayerSpec): boolean {
  return spec.kind === 'dropout' || (spec.layers ?? []).some(hasDropout);
}

/**
 * {@link perSampleGradients} on a worker pool: the samples are split into runs, each worker
 * rebuilds the model from `model.toJSON()` (bitwise the same parameters) and computes the rows
 * of its samples by the same batched pass, so the matrix is bitwise `perSampleGradients`'s
 * (every layer here computes a sample's rows independently of the other samples). Runs on this
 * thread instead when targets are ignored (`ignoreIndex` in the targets: the rows' scale n/m
 * depends on the whole batch), when the model has a dropout layer or cannot be rebuilt by
 * `fromJSON` (a custom layer), below {@link PER_SAMPLE_PARALLEL_MIN}, on a one-thread pool or
 * without a pool.
 *
 * @param model - any layer or model
 * @param x - inputs (see {@link ModelData})
 * @param y - targets (see {@link ModelData})
 * @param loss - 'mse' (default), 'softmaxCrossEntropy' or 'logistic'
 * @param options - `{ tokens, keyPaddingMask, ignoreIndex }` and `{ pool, signal, onProgress }`
 * @returns samples × dim, as perSampleGradients; from a pool with shared memory its `data` is a
 * view on a SharedArrayBuffer, written in place by the workers (no copy)
 * @throws {ShapeError} when x or y does not fit the model
 * @throws {InvalidArgumentError} for a disposed pool
 * @throws {AbortError} when `signal` is aborted
 * @example
 * import { createPool, fromRows } from '@rg/linalg';
 * const pool = await createPool({ threads: 2 });
 * const model = dense({ inputs: 1, outputs: 1 });
 * model.params.set([2, 0]);
 * await perSampleGradientsParallel(model, fromRows([[1], [3]]), fromRows([[0], [0]]), 'mse', { pool }) // => [[2, 2], [18, 6]]
 * await pool.dispose();
 */
export async function perSampleGradientsParallel(
  model: Layer,
  x: Matrix,
  y: Targets,
  loss: LossName = 'mse',
  optionsIn: PerSampleGradientsParallelOptions = {},
): Promise<Matrix> {
  const fn = 'perSampleGradientsParallel';
  const options = checkOptions(fn, 'options', optionsIn);
  const { signal, onProgress } = options;
  const asked = checkPool(fn, options.pool);
  const f = buildModelObjective(
    fn,
    model,
    { x, y, tokens: options.tokens, keyPaddingMask: options.keyPaddingMask },
    loss,
    { ignoreIndex: options.ignoreIndex },
  );
  const n = f.samples;
  const dim = model.dim;
  const rowsPerSample = f.counted / n;
  let json: ModelJSON | undefined;
  if (asked !== undefined && asked.threads >= 2 && n >= 2 && n * dim >= PER_SAMPLE_PARALLEL_MIN)
    try {
      json = model.toJSON();
      if (hasDropout(json.layer) || fromJSON(json).dim !== dim) json = undefined;
    } catch {
      json = undefined;
    }
  const tokens = options.tokens ?? 1;
  const pool: Pool | undefined =
    json !== undefined && rowsPerSample === tokens ? (asked as Pool) : undefined;
  if (pool === undefined || json === undefined) {
    throwIfAborted(fn, signal);
    const g = f.perSampleGradients(model.params);
    onProgress?.({ done: 1, total: 1 });
    return g;
  }
  const shared = pool.info.memory === 'shared';
  const out = poolArray(pool, n * dim);
  const pieces = Math.min(n, pool.threads * 4);
  const model0 = json;
  await runPieces(
    fn,
    pool,
    pieces,
    async (p) => {
      const s0 = Math.floor((p * n) / pieces);
      const s1 = Math.floor(((p + 1) * n) / pieces);
      const data = f.subset(Array.from({ length: s1 - s0 }, (_, i) => s0 + i)).data;
      const rows = shared ? out.subarray(s0 * dim, s1 * dim) : new Float64Array((s1 - s0) * dim);
      const got = await pool.call(WORK, 'perSampleGradientRows', [model0, data, loss, rows]);
      if (!shared) out.set(got as Float64Array, s0 * dim);
    },
    { signal, onProgress },
  );
  return { rows: n, cols: dim, data: out };
}
