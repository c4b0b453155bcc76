// A module that pool tests call in the workers through pool.call(): code of "another package"
// that the pool does not know, working on shared memory through the public API.
import { threadId } from 'node:worker_threads';
import { frobeniusNorm, logmSym, NotPositiveDefiniteError } from '../src/index.js';

/** out[i] = ‖log A_i‖_F for the n×n matrices i0 ≤ i < i1 stored one after the other in `data`. */
export function logNorms(
  n: number,
  data: Float64Array,
  out: Float64Array,
  i0: number,
  i1: number,
): number {
  for (let i = i0; i < i1; i++) {
    const a = { rows: n, cols: n, data: data.subarray(i * n * n, (i + 1) * n * n) };
    out[i] = frobeniusNorm(logmSym(a));
  }
  return threadId;
}

/** Throws a typed error with details, as domain code does. */
export function refuse(): never {
  throw new NotPositiveDefiniteError('refuse(): x must be positive definite', {
    minEigenvalue: -2,
  });
}

/** Resolves after `ms` milliseconds with the worker's thread id. */
export async function later(ms: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return threadId;
}

const kept: number[] = [];

/** Keeps `x` in this worker (module state shared by the calls it runs); returns what it holds. */
export function keep(x: number): { thread: number; kept: number[] } {
  kept.push(x);
  return { thread: threadId, kept: kept.slice() };
}
