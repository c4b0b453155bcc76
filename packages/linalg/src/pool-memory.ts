// Memory the workers of a pool can see: arrays for results (fresh, on a SharedArrayBuffer in
// 'shared' pools) and staging arrays for inputs that a pooled call copies into shared memory,
// which the pool keeps between calls. Keeping them matters more than it seems: the first touch
// of fresh memory costs a page fault per 4 KiB, measured at 11–30 µs per page on the 2-core
// development VM (8 MiB: 23 ms fresh against 0.3 ms refilled), as much as the whole product of
// two 1024² matrices on one of two threads.
import { checkFunction, checkInteger, describeValue } from './validate-arguments.js';
import { InvalidArgumentError } from './errors.js';
import type { Pool } from './pool.js';

/**
 * The `pool` option of a pooled function, checked: undefined stays undefined (run on this
 * thread); anything that is not a pool from {@link createPool}, or a disposed pool, is an
 * InvalidArgumentError naming `fn`.
 *
 * @param fn - the public function's name, for the message
 * @param pool - the option's value
 * @returns the pool, or undefined
 * @throws {InvalidArgumentError} for a value that is not a pool, or a disposed pool
 * @example
 * checkPool('sinkhornParallel', undefined) // => undefined
 * checkPool('sinkhornParallel', {}) // => throws InvalidArgumentError
 */
export function checkPool(fn: string, pool: Pool | undefined): Pool | undefined {
  if (pool === undefined) return undefined;
  if (
    pool === null ||
    typeof pool !== 'object' ||
    typeof pool.run !== 'function' ||
    typeof pool.call !== 'function' ||
    typeof pool.callOn !== 'function' ||
    typeof pool.info !== 'object' ||
    pool.info === null
  )
    throw new InvalidArgumentError(
      `${fn}(): pool must come from createPool() of @rg/linalg (got ${describeValue(pool)})`,
    );
  if (pool.disposed) throw new InvalidArgumentError(`${fn}(): pool has been disposed`);
  return pool;
}

/**
 * A Float64Array of `length` entries that the pool's workers can write: on a SharedArrayBuffer
 * when the pool shares memory (`pool.info.memory === 'shared'`), an ordinary array otherwise
 * (and without a pool). Use it for results the workers write in place and the caller returns.
 *
 * @param pool - the pool (from {@link createPool}), or undefined
 * @param length - number of entries (a non-negative integer)
 * @returns a zero-filled Float64Array of `length`
 * @throws {InvalidArgumentError} when `length` is not a non-negative integer
 * @example
 * import { createPool } from '@rg/linalg';
 * const pool = await createPool({ threads: 2 });
 * const out = poolArray(pool, 3);
 * out.length // => 3
 * out.buffer instanceof SharedArrayBuffer // => true
 * await pool.dispose();
 */
export function poolArray(pool: Pool | undefined, length: number): Float64Array {
  checkPool('poolArray', pool);
  checkInteger('poolArray', 'length', length, 0);
  return sharedArray(pool, length);
}

/** {@link poolArray} without the check (callers inside the library pass computed sizes). */
export function sharedArray(pool: Pool | undefined, length: number): Float64Array {
  return pool !== undefined && pool.info.memory === 'shared'
    ? new Float64Array(new SharedArrayBuffer(8 * length))
    : new Float64Array(length);
}

/** Staging arrays returned to a pool, reused by later calls (at most {@link KEEP} per pool). */
const staging = new WeakMap<Pool, Float64Array[]>();
const KEEP = 4;

/**
 * Runs `body` with staging arrays of the given lengths that the pool's workers can read and
 * write, for inputs a pooled call copies into shared memory (or partial results it combines
 * before returning). In a pool that shares memory the arrays are views on SharedArrayBuffers
 * that the pool keeps between calls (the largest four, released by `dispose()` or with the
 * pool), so repeated calls do not pay the first touch of fresh memory again; concurrent calls
 * get different arrays. Without a pool or in a copying pool they are ordinary fresh arrays.
 * Their contents at the start are unspecified, and they must not be kept after `body` settles.
 *
 * @param pool - the pool (from {@link createPool}), or undefined
 * @param lengths - the arrays' lengths (non-negative integers)
 * @param body - the work; receives the arrays in the order of `lengths`
 * @returns what `body` returns
 * @throws {InvalidArgumentError} for a bad length or a `body` that is not a function; what `body` throws
 * @example
 * import { createPool } from '@rg/linalg';
 * const pool = await createPool({ threads: 2 });
 * const sum = await withScratch(pool, [3], async ([x]) => {
 *   x.set([1, 2, 3]);
 *   return x[0] + x[1] + x[2];
 * });
 * sum // => 6
 * await pool.dispose();
 */
export async function withScratch<T>(
  pool: Pool | undefined,
  lengths: readonly number[],
  body: (arrays: Float64Array[]) => Promise<T> | T,
): Promise<T> {
  const fn = 'withScratch';
  checkPool(fn, pool);
  if (!Array.isArray(lengths))
    throw new InvalidArgumentError(`${fn}(): lengths must be an array of integers`);
  for (let i = 0; i < lengths.length; i++) checkInteger(fn, `lengths[${i}]`, lengths[i], 0);
  checkFunction(fn, 'body', body);
  return useScratch(pool, lengths, body);
}

/** {@link withScratch} without the checks. */
export async function useScratch<T>(
  pool: Pool | undefined,
  lengths: readonly number[],
  body: (arrays: Float64Array[]) => Promise<T> | T,
): Promise<T> {
  if (pool === undefined || pool.info.memory !== 'shared' || pool.disposed)
    return body(lengths.map((len) => new Float64Array(len)));
  let free = staging.get(pool);
  if (free === undefined) {
    free = [];
    staging.set(pool, free);
  }
  const taken: Float64Array[] = [];
  const views = lengths.map((len) => {
    // the smallest kept array that is large enough, else a new one
    let best = -1;
    for (let i = 0; i < free.length; i++)
      if (free[i].length >= len && (best < 0 || free[i].length < free[best].length)) best = i;
    const array =
      best >= 0 ? free.splice(best, 1)[0] : new Float64Array(new SharedArrayBuffer(8 * len));
    taken.push(array);
    return array.subarray(0, len);
  });
  try {
    return await body(views);
  } finally {
    if (!pool.disposed) {
      free.push(...taken);
      free.sort((x, y) => y.length - x.length);
      free.length = Math.min(free.length, KEEP);
    }
  }
}

/** Forget a pool's staging arrays (called by dispose()). */
export function releaseScratch(pool: Pool): void {
  staging.delete(pool);
}
