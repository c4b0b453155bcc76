// The ground cost on a worker pool of @rg/linalg (createPool): row blocks of the cost matrix,
// each computed in a worker by costMatrix's own loop, so the matrix is bitwise costMatrix's.
import {
  checkOptions,
  checkPool,
  type Matrix,
  type PoolCallOptions,
  poolArray,
  runPieces,
} from '@rg/linalg';
import { type CostMetric, costMatrix, type Points, prepareCost } from './cost-matrix.js';
import { WORK } from './pool-support.js';

/**
 * Work (n·m·d, one subtraction and one multiply-add each) from which {@link costMatrixParallel}
 * splits the rows over the pool: 2²², about 4 ms of one thread (x86-64, Node 20), where a
 * piece's round trip (30–50 µs measured by @rg/linalg's pool bench) and the copy of the
 * points to each worker are a few per cent.
 *
 * @example
 * COST_MATRIX_PARALLEL_MIN // => 4194304
 */
export const COST_MATRIX_PARALLEL_MIN = 2 ** 22;

/**
 * {@link costMatrix} on a worker pool: rows of C split into blocks, each computed by a worker
 * with costMatrix's loop, so the matrix is bitwise `costMatrix(x, y, metric)`. A metric given
 * as a function (which cannot be sent to a worker), work n·m·d below
 * {@link COST_MATRIX_PARALLEL_MIN}, one-thread pools and calls without a pool run on this
 * thread.
 *
 * @param x - n points (a Matrix with one point per row, or nested arrays)
 * @param y - m points of the same dimension
 * @param metric - `'sqeuclidean'` (default), `'euclidean'`, `'cityblock'` or a function of two points
 * @param options - `{ pool, signal, onProgress }`
 * @returns the n×m cost matrix; from a pool with shared memory (`pool.info.memory === 'shared'`)
 * its `data` is a view on a SharedArrayBuffer, written in place by the workers (no copy)
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} as costMatrix, and InvalidArgumentError for a disposed pool
 * @throws {AbortError} when `signal` is aborted
 * @example
 * import { createPool } from '@rg/linalg';
 * const pool = await createPool({ threads: 2 });
 * await costMatrixParallel([[0, 0], [1, 0]], [[0, 1]], 'sqeuclidean', { pool }) // => [[1], [2]]
 * await pool.dispose();
 */
export async function costMatrixParallel(
  x: Points,
  y: Points,
  metric: CostMetric = 'sqeuclidean',
  options: PoolCallOptions = {},
): Promise<Matrix> {
  const fn = 'costMatrixParallel';
  const { pool: poolIn, signal, onProgress } = checkOptions(fn, 'options', options);
  const poolAsked = checkPool(fn, poolIn);
  const { X, Y, n, m, d, out } = prepareCost(fn, x, y, metric);
  const pool =
    poolAsked !== undefined &&
    poolAsked.threads >= 2 &&
    typeof metric !== 'function' &&
    n * m * d >= COST_MATRIX_PARALLEL_MIN &&
    n >= 2
      ? poolAsked
      : undefined;
  if (pool === undefined || typeof metric === 'function') {
    const c = costMatrix(x, y, metric);
    onProgress?.({ done: 1, total: 1 });
    return c;
  }
  const shared = pool.info.memory === 'shared';
  const target = shared ? poolArray(pool, n * m) : out;
  const xs = shared ? poolArray(pool, X.length) : X;
  const ys = shared ? poolArray(pool, Y.length) : Y;
  if (shared) {
    xs.set(X);
    ys.set(Y);
  }
  const pieces = Math.min(n, pool.threads * 4);
  await runPieces(
    fn,
    pool,
    pieces,
    async (b) => {
      const i0 = Math.floor((b * n) / pieces);
      const i1 = Math.floor(((b + 1) * n) / pieces);
      const rows = shared ? target.subarray(i0 * m, i1 * m) : new Float64Array((i1 - i0) * m);
      const xRows = shared ? xs.subarray(i0 * d, i1 * d) : X.slice(i0 * d, i1 * d);
      const got = await pool.call(WORK, 'costMatrixRows', [xRows, ys, d, m, metric, i1 - i0, rows]);
      if (!shared) out.set(got as Float64Array, i0 * m);
    },
    { signal, onProgress },
  );
  // shared pools: the workers wrote the result in place (no copy into fresh memory, which costs
  // as much as computing the matrix: first touch of 8·n·m bytes)
  return { rows: n, cols: m, data: shared ? target : out };
}
