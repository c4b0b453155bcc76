// Work split over a worker pool: matrix products by row panels and batches of symmetric
// eigendecompositions and matrix functions by runs of consecutive matrices. Every piece is
// computed by the same kernel calls as on one thread, so the results are bitwise those of
// matmul / eigh / logmSym & co. Work below a measured size stays on the calling thread.
import { assertOperands, prepareProduct, throwNonFinite } from './check-product.js';
import type { EighOptions, EighResult } from './eigh.js';
import { InvalidArgumentError, ShapeError } from './errors.js';
import { kernelMode } from './kernels/backend.js';
import type { Matrix } from './matrix.js';
import type { Pool } from './pool.js';
import { checkPool, sharedArray, useScratch } from './pool-memory.js';
import { guardAllocation } from './allocation.js';
import type { NamedSymmetricFunction } from './symmetric-function-derivative.js';
import {
  type BatchTask,
  type GemmTask,
  runTask,
  type SymmetricFunctionName,
} from './pool-tasks.js';
import { checkOptions } from './validate-arguments.js';
import { assertMatrix, throwIfAborted } from './validate.js';

/** Progress of a pooled call: pieces finished out of the total. */
export interface PoolProgress {
  done: number;
  total: number;
}

/** Options every pooled call accepts. */
export interface PoolCallOptions {
  /** the pool to run on (from {@link createPool}); without one the call runs on this thread */
  pool?: Pool;
  /** stops handing out pieces; the call rejects with an AbortError */
  signal?: AbortSignal;
  /** called after each finished piece */
  onProgress?: (info: PoolProgress) => void;
}

/**
 * Multiply-adds (m·n·k) from which {@link matmulParallel} splits the product over the pool:
 * 256³ (the size the issue proposes). Below it a product takes under about 2 ms on one thread (1.8 ms at n = 256 on Node 20,
 * x86-64), where the fixed costs of a split weigh: an empty task's round trip measured 30–50 µs,
 * every worker packs all of B, and a sleeping worker needs a wake-up. On the 2-core machine the
 * pool was measured on (shared with other jobs at load average 20–26) no size gained: see
 * `bench/pool.bench.ts` for the run and the expected scaling.
 *
 * @example
 * MATMUL_PARALLEL_MIN // => 16777216
 */
export const MATMUL_PARALLEL_MIN = 256 ** 3;

/**
 * Total work (Σ n³ over the matrices) from which a batch is split over the pool: 2¹⁸, 0.5–2 ms
 * of eigendecompositions on one thread (n = 32 and n = 8, quiet machine), ten to fifty times an empty task's measured round trip
 * (30–50 µs); smaller batches run on the calling thread.
 *
 * @example
 * BATCH_PARALLEL_MIN // => 262144
 */
export const BATCH_PARALLEL_MIN = 2 ** 18;

/** Pieces per worker thread: more pieces balance uneven threads, fewer cost fewer messages. */
const PIECES_PER_THREAD = 4;

/**
 * Run the tasks: on the pool (through {@link runPieces}), or one after the other on this thread.
 */
async function runAll(
  fn: string,
  pool: Pool | undefined,
  tasks: Array<Parameters<typeof runTask>[0]>,
  options: PoolCallOptions,
): Promise<boolean> {
  const { signal, onProgress } = options;
  const total = tasks.length;
  let ok = true;
  if (pool === undefined) {
    for (let done = 0; done < total; ) {
      throwIfAborted(fn, signal);
      ok = runTask(tasks[done]).ok && ok;
      done++;
      onProgress?.({ done, total });
    }
    return ok;
  }
  await runPieces(
    fn,
    pool,
    total,
    async (i) => {
      ok = (await pool.run(tasks[i])).ok && ok;
    },
    { signal, onProgress },
  );
  return ok;
}

/**
 * Hand out `count` pieces of work to a pool: `piece(i)` for i = 0, 1, …, count − 1, in that
 * order, with at most `pool.threads` pieces in flight (so an abort stops the hand-out within one
 * piece per worker). Resolves when every piece has; rejects with the first piece's error, or with
 * an AbortError naming `fn` as soon as `signal` aborts; after either, no further piece starts
 * (pieces already running finish in their workers, and whatever they return is ignored by the
 * caller's `piece`). `onProgress` is called after each finished piece. The loop under every
 * pooled call (`matmulParallel`, `eighBatch`, domain packages' `…Parallel` functions), exported
 * for a package that splits its own work: `piece(i)` usually awaits `pool.call(...)`.
 *
 * @param fn - the public function, for the AbortError's message
 * @param pool - from {@link createPool}
 * @param count - number of pieces (a non-negative integer)
 * @param piece - starts piece i and resolves when it is done
 * @param options - `{ signal, onProgress }`
 * @throws {InvalidArgumentError} when `pool` is not a live pool or `count` is not a non-negative integer
 * @throws {AbortError} when `signal` is aborted
 * @example
 * const pool = await createPool({ threads: 2 });
 * const squares = new Float64Array(new SharedArrayBuffer(8 * 4));
 * await runPieces('squares', pool, 4, async (i) => {
 *   squares[i] = i * i; // a real piece would await pool.call(module, name, [i, squares])
 * });
 * squares // => [0, 1, 4, 9]
 * await pool.dispose();
 */
export async function runPieces(
  fn: string,
  pool: Pool,
  count: number,
  piece: (index: number) => Promise<void>,
  options: Pick<PoolCallOptions, 'signal' | 'onProgress'> = {},
): Promise<void> {
  if (checkPool(fn, pool) === undefined)
    throw new InvalidArgumentError(`${fn}(): pool must come from createPool() (got undefined)`);
  if (!Number.isInteger(count) || count < 0)
    throw new InvalidArgumentError(
      `${fn}(): the number of pieces must be a non-negative integer (got ${count})`,
    );
  if (typeof piece !== 'function')
    throw new InvalidArgumentError(`${fn}(): piece must be a function`);
  const { signal, onProgress } = checkOptions(fn, 'options', options);
  throwIfAborted(fn, signal);
  let next = 0;
  let done = 0;
  // After an error or an abort no further piece is handed out.
  let stopped = false;
  const worker = async () => {
    while (next < count && !stopped) {
      throwIfAborted(fn, signal);
      await piece(next++);
      if (stopped) return;
      done++;
      onProgress?.({ done, total: count });
    }
  };
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      try {
        throwIfAborted(fn, signal);
      } catch (e) {
        reject(e);
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    await Promise.race([
      Promise.all(Array.from({ length: Math.min(pool.threads, count) }, worker)),
      aborted,
    ]);
  } finally {
    stopped = true;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The matrix product A·B, split over a worker pool by row panels of the result (row-major
 * storage makes them contiguous: each worker reads its rows of A and all of B and writes its
 * rows of C). Bitwise the same as {@link matmul}: each entry is computed by the same kernel with
 * the same order of additions. Products below {@link MATMUL_PARALLEL_MIN} multiply-adds, and
 * calls without a pool, run on this thread.
 *
 * @param a - m×k
 * @param b - k×n
 * @param options - `{ pool, out, signal, onProgress }`
 * @returns the m×n product (`out` when given)
 * @throws {ShapeError} when a.cols ≠ b.rows or `out` has the wrong shape or aliases an input
 * @throws {NonFiniteError} when an entry of a or b is NaN or infinite
 * @throws {AbortError} when `signal` is aborted
 * @example
 * const pool = await createPool({ threads: 2 });
 * const c = await matmulParallel(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]]), { pool });
 * c // => [[19, 22], [43, 50]]
 * await pool.dispose();
 */
export async function matmulParallel(
  a: Matrix,
  b: Matrix,
  optionsIn: PoolCallOptions & { out?: Matrix } = {},
): Promise<Matrix> {
  const fn = 'matmulParallel';
  const options = checkOptions(fn, 'options', optionsIn);
  assertOperands(fn, a, b);
  if (a.cols !== b.rows)
    throw new ShapeError(
      `${fn}(): a.cols must equal b.rows (a is ${a.rows}×${a.cols}, b is ${b.rows}×${b.cols})`,
    );
  const m = a.rows;
  const n = b.cols;
  const k = a.cols;
  let pool = checkPool(fn, options.pool);
  if (pool !== undefined && (pool.threads < 2 || m * n * k < MATMUL_PARALLEL_MIN || m < 16))
    pool = undefined;
  const shared = pool?.info.memory === 'shared';
  // Without `out`, a shared pool's workers write the result in place and it is returned as is.
  const inPlace = shared && options.out === undefined;
  if (inPlace) guardAllocation(fn, m * n);
  const c = inPlace
    ? { rows: m, cols: n, data: sharedArray(pool, m * n) }
    : prepareProduct(fn, a, b, m, n, options.out);
  const backend = kernelMode();
  // Operands and `out` outside shared memory go through the pool's staging arrays.
  const copyIn = (x: Float64Array) => shared && !(x.buffer instanceof SharedArrayBuffer);
  const staged = [a.data, b.data, c.data].filter(copyIn).map((x) => x.length);
  const ok = await useScratch(pool, staged, async (scratch) => {
    let next = 0;
    const stage = (x: Float64Array, input: boolean) => {
      if (!copyIn(x)) return x;
      const y = scratch[next++];
      if (input) y.set(x);
      return y;
    };
    const ad = stage(a.data, true);
    const bd = stage(b.data, true);
    const cd = stage(c.data, false);
    // Panels of whole 8-row blocks, so a panel edge never splits a register tile of the kernel.
    const pieces = pool === undefined ? 1 : Math.min(pool.threads * 2, Math.ceil(m / 8));
    const step = Math.ceil(m / pieces / 8) * 8;
    const tasks: GemmTask[] = [];
    for (let r0 = 0; r0 < m; r0 += step) {
      const rows = Math.min(step, m - r0);
      tasks.push({
        kind: 'gemm',
        m: rows,
        n,
        k,
        a: ad.subarray(r0 * k, (r0 + rows) * k),
        b: bd,
        c: cd.subarray(r0 * n, (r0 + rows) * n),
      });
    }
    const done = await runAll(
      fn,
      pool,
      tasks.map((t) => ({ ...t, backend })),
      options,
    );
    if (done && cd !== c.data) c.data.set(cd);
    return done;
  });
  if (!ok) throwNonFinite(fn, a, b);
  return c;
}

/** Options of {@link eighBatch}: those of {@link eigh} and of every pooled call. */
export type EighBatchOptions = PoolCallOptions &
  Pick<EighOptions, 'vectors' | 'refine' | 'method' | 'symmetryTolerance'>;

/** The symmetric matrix functions {@link symmetricFunctionBatch} applies. */
export type BatchSymmetricFunction = NamedSymmetricFunction | { power: number };

interface Layout {
  sizes: number[];
  offsets: number[];
  entries: number;
  work: number;
}

function layout(fn: string, matrices: Matrix[]): Layout {
  if (!Array.isArray(matrices))
    throw new InvalidArgumentError(`${fn}(): matrices must be an array of matrices`);
  const sizes: number[] = [];
  const offsets: number[] = [];
  let entries = 0;
  let work = 0;
  for (let i = 0; i < matrices.length; i++) {
    const x = matrices[i];
    assertMatrix(fn, `matrices[${i}]`, x);
    if (x.rows !== x.cols)
      throw new ShapeError(`${fn}(): matrices[${i}] must be square (is ${x.rows}×${x.cols})`);
    sizes.push(x.rows);
    offsets.push(entries);
    entries += x.rows * x.rows;
    work += x.rows ** 3;
  }
  return { sizes, offsets, entries, work };
}

/** Consecutive runs of matrices with about equal work (Σ n³), `pieces` of them at most. */
function runs(sizes: number[], pieces: number): Array<[number, number]> {
  let total = 0;
  for (const n of sizes) total += n ** 3;
  const target = total / pieces;
  const out: Array<[number, number]> = [];
  let start = 0;
  let acc = 0;
  for (let i = 0; i < sizes.length; i++) {
    acc += sizes[i] ** 3;
    if (acc >= target || i === sizes.length - 1) {
      out.push([start, i + 1]);
      start = i + 1;
      acc = 0;
    }
  }
  return out;
}

async function batch(
  fn: string,
  kind: 'eigh' | 'symfun',
  matrices: Matrix[],
  options: EighBatchOptions,
  f: SymmetricFunctionName,
  power: number,
): Promise<{ lay: Layout; values: Float64Array; output: Float64Array; valueOffsets: number[] }> {
  const lay = layout(fn, matrices);
  let pool = checkPool(fn, options.pool);
  if (pool !== undefined && (pool.threads < 2 || lay.work < BATCH_PARALLEL_MIN)) pool = undefined;
  const vectors = kind === 'symfun' || (options.vectors ?? true);
  return useScratch(pool, [lay.entries], async ([input]) => {
    for (let i = 0; i < matrices.length; i++) input.set(matrices[i].data, lay.offsets[i]);
    const valueOffsets: number[] = [];
    let nValues = 0;
    for (const n of lay.sizes) {
      valueOffsets.push(nValues);
      nValues += n;
    }
    const values = sharedArray(pool, kind === 'eigh' ? nValues : 0);
    const output = sharedArray(pool, vectors ? lay.entries : 0);
    const backend = kernelMode();
    const pieces = pool === undefined ? 1 : pool.threads * PIECES_PER_THREAD;
    const tasks: Array<Parameters<typeof runTask>[0]> = runs(lay.sizes, pieces).map(([i0, i1]) => {
      const e0 = lay.offsets[i0];
      const e1 = i1 < lay.sizes.length ? lay.offsets[i1] : lay.entries;
      const v0 = valueOffsets[i0];
      const v1 = i1 < lay.sizes.length ? valueOffsets[i1] : nValues;
      const task: BatchTask = {
        kind,
        fn,
        first: i0,
        sizes: lay.sizes.slice(i0, i1),
        input: input.subarray(e0, e1),
        values: kind === 'eigh' ? values.subarray(v0, v1) : values,
        output: vectors ? output.subarray(e0, e1) : output,
        vectors,
        refine: options.refine ?? 'auto',
        method: options.method ?? 'auto',
        symmetryTolerance: options.symmetryTolerance,
        f,
        power,
      };
      return { ...task, backend };
    });
    if (matrices.length > 0) await runAll(fn, pool, tasks, options);
    return { lay, values, output, valueOffsets };
  });
}

/**
 * Symmetric eigendecompositions of many matrices, split over a worker pool by runs of
 * consecutive matrices of about equal work. Each result is bitwise that of {@link eigh} with
 * the same options (the workers run the same code). The arrays of the results are views on
 * one buffer per call (shared memory when the pool has it). Batches below
 * {@link BATCH_PARALLEL_MIN} (Σ n³), and calls without a pool, run on this thread.
 *
 * @param matrices - symmetric square matrices (sizes may differ)
 * @param options - {@link eigh}'s `vectors`, `refine`, `method`, `symmetryTolerance`, and `{ pool, signal, onProgress }`
 * @returns one `{ values, vectors }` per matrix, in order
 * @throws {ShapeError} when a matrix is not square
 * @throws {NotSymmetricError} or {NonFiniteError} from the matrix at fault, its index in the message
 * @throws {AbortError} when `signal` is aborted
 * @example
 * const pool = await createPool({ threads: 2 });
 * const [r] = await eighBatch([fromRows([[2, 1], [1, 2]])], { pool });
 * r.values // => [1, 3]
 * await pool.dispose();
 */
export async function eighBatch(
  matrices: Matrix[],
  optionsIn: EighBatchOptions = {},
): Promise<EighResult[]> {
  const fn = 'eighBatch';
  const options = checkOptions(fn, 'options', optionsIn);
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'jacobi' && method !== 'ql' && method !== 'dc')
    throw new InvalidArgumentError(
      `${fn}(): method must be 'auto', 'jacobi', 'ql' or 'dc' (got ${String(method)})`,
    );
  const refine = options.refine ?? 'auto';
  if (refine !== true && refine !== false && refine !== 'auto')
    throw new InvalidArgumentError(
      `${fn}(): refine must be true, false or 'auto' (got ${String(refine)})`,
    );
  const wantVectors = options.vectors ?? true;
  const { lay, values, output, valueOffsets } = await batch(
    fn,
    'eigh',
    matrices,
    options,
    'log',
    0,
  );
  return lay.sizes.map((n, i) => ({
    values: values.subarray(valueOffsets[i], valueOffsets[i] + n),
    vectors: wantVectors
      ? { rows: n, cols: n, data: output.subarray(lay.offsets[i], lay.offsets[i] + n * n) }
      : { rows: 0, cols: 0, data: new Float64Array(0) },
  }));
}

/**
 * A symmetric matrix function of many matrices — `'log'` ({@link logmSym}), `'sqrt'`
 * ({@link sqrtmSym}), `'invSqrt'` ({@link invSqrtmSym}), `'exp'` ({@link expmSym}) or
 * `{ power: p }` ({@link powmSym}) — split over a worker pool like {@link eighBatch}; each
 * result is bitwise that of the single-matrix function. Results are views on one buffer.
 *
 * @param matrices - symmetric square matrices (positive definite for log, sqrt, invSqrt and non-integer powers)
 * @param f - the function
 * @param options - `{ pool, signal, onProgress }` and the single-matrix functions' `refine`
 * @returns f(A) for each matrix, in order
 * @throws {NotPositiveDefiniteError} (and the other errors of the single-matrix function) from the matrix at fault, its index in the message
 * @throws {AbortError} when `signal` is aborted
 * @example
 * const pool = await createPool({ threads: 2 });
 * const [s] = await symmetricFunctionBatch([fromRows([[4, 0], [0, 9]])], 'sqrt', { pool });
 * s // => [[2, 0], [0, 3]]
 * await pool.dispose();
 */
export async function symmetricFunctionBatch(
  matrices: Matrix[],
  f: BatchSymmetricFunction,
  optionsIn: PoolCallOptions & { refine?: boolean | 'auto' } = {},
): Promise<Matrix[]> {
  const fn = 'symmetricFunctionBatch';
  const options = checkOptions(fn, 'options', optionsIn);
  let name: SymmetricFunctionName;
  let power = 0;
  if (f === 'log' || f === 'sqrt' || f === 'invSqrt' || f === 'exp') name = f;
  else if (f !== null && typeof f === 'object' && Number.isFinite(f.power)) {
    name = 'power';
    power = f.power;
  } else
    throw new InvalidArgumentError(
      `${fn}(): f must be 'log', 'sqrt', 'invSqrt', 'exp' or { power: finite number } (got ${JSON.stringify(f)})`,
    );
  const { lay, output } = await batch(fn, 'symfun', matrices, options, name, power);
  return lay.sizes.map((n, i) => ({
    rows: n,
    cols: n,
    data: output.subarray(lay.offsets[i], lay.offsets[i] + n * n),
  }));
}
