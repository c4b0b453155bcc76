// What @rg/ot's pooled functions share: the worker module's address, the pool check and the
// arrays the workers can write (shared memory in 'shared' pools).
import { InvalidArgumentError, type Pool } from '@rg/linalg';

/** The worker module (TypeScript when running from source). */
export const WORK = new URL(
  import.meta.url.endsWith('.ts') ? './sinkhorn-pool-work.ts' : './sinkhorn-pool-work.js',
  import.meta.url,
);

/** The pool, checked: undefined stays undefined; not a pool, or a disposed one, throws. */
export function checkPool(fn: string, pool: Pool | undefined): Pool | undefined {
  if (pool === undefined) return undefined;
  if (
    pool === null ||
    typeof pool !== 'object' ||
    typeof pool.call !== 'function' ||
    typeof pool.callOn !== 'function'
  )
    throw new InvalidArgumentError(
      `${fn}(): pool must come from createPool() of @rg/linalg (got ${String(pool)})`,
    );
  if (pool.disposed) throw new InvalidArgumentError(`${fn}(): pool has been disposed`);
  return pool;
}

/** A Float64Array of `length` the workers can see: shared memory in 'shared' pools. */
export function poolArray(pool: Pool, length: number): Float64Array {
  return pool.info.memory === 'shared'
    ? new Float64Array(new SharedArrayBuffer(8 * length))
    : new Float64Array(length);
}
