// Sinkhorn on a worker pool of @rg/linalg (createPool): the rows of the Gibbs kernel K stay
// resident in the workers (each worker holds its row blocks, from the first pass to the last),
// and every iteration sends v out and gets u and per-block column sums Kᵀu back; this thread
// runs the one standard loop of @rg/ot (starting point, stopping rule, overflow switch).
import { checkPool, type Pool, poolArray, runPieces, withScratch } from '@rg/linalg';
import { WORK } from './pool-support.js';
import {
  finishSinkhorn,
  prepareSinkhorn,
  type SinkhornOptions,
  type SinkhornResult,
  solvePrepared,
} from './sinkhorn.js';
import { type StandardPass, type StandardStorage, standardLoop } from './sinkhorn-kernels.js';
import type { CostInput, Weights } from './problem.js';

/**
 * Size (n·m on the support of a and b) from which {@link sinkhornParallel} splits the
 * iterations over the pool: 2000², the size the issue names. One sweep of K costs about
 * 0.8 ns per entry on one thread (WebAssembly SIMD, x86-64), 3 ms at n = m = 2000, against one
 * round trip per worker and iteration (30–50 µs) and the sum of the block column sums
 * (16·m additions); the Gibbs kernel's n·m exponentials, the costliest pass of a short solve,
 * are split as well.
 *
 * @example
 * SINKHORN_PARALLEL_MIN // => 4000000
 */
export const SINKHORN_PARALLEL_MIN = 2000 * 2000;

/**
 * Row blocks of K: at least 16 (more only for pools of more than 16 threads), so that the
 * result does not depend on the pool's size up to 16 threads.
 */
const MIN_BLOCKS = 16;

let sessions = 0;

/** Options of {@link sinkhornParallel}: those of {@link sinkhorn} and a pool. */
export interface SinkhornParallelOptions extends SinkhornOptions {
  /** the pool (from `createPool` of @rg/linalg); without one the solve runs on this thread */
  pool?: Pool;
}

/**
 * {@link sinkhorn} with the `'standard'` iterations split over a worker pool by rows of the
 * Gibbs kernel. Each worker computes K = exp(−C/reg) on its row blocks once and keeps them (in
 * WebAssembly memory where the host has it); every iteration it receives v, runs the fused
 * sweep of the one-thread loop on each of its blocks — u_i = a_i/(Kv)_i on its rows, exactly as
 * one thread computes them — and returns its rows of u and one column sum Kᵀu per block. This
 * thread adds the block sums in block order and runs the loop of `sinkhorn`: same starting
 * point, same stopping rule and checks, same switch to the log domain (on this thread) when K
 * underflows or a scaling overflows, the same result fields.
 *
 * Not bitwise: Kᵀu is summed by blocks (16 of them, or one per thread beyond 16) instead of row
 * by row, so v, and through it everything after the first iteration, differs from `sinkhorn`'s
 * in the last bits (relative differences of order 16·ε per entry, growing no faster than the
 * iteration's own rounding); a check can then land on the other side of `tol` and the iteration
 * count differ by `checkEvery`. For a given problem the result is the same for every pool of
 * up to 16 threads. Methods other than `'standard'`, an `accelerator`, problems below
 * {@link SINKHORN_PARALLEL_MIN} (n·m on the support), one-thread pools and calls without a pool
 * run `sinkhorn` on this thread.
 *
 * @param a - source weights (n)
 * @param b - target weights (m, same mass)
 * @param costInput - n×m ground cost, a Matrix or nested rows
 * @param options - {@link sinkhorn}'s options (`onProgress` reports the same checks) and `pool`
 * @returns what {@link sinkhorn} returns; when the iterations ran on a pool with shared memory,
 * `plan.data` is a view on a SharedArrayBuffer, written in place by the workers (no copy)
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError | ConvergenceError} as {@link sinkhorn} (messages name sinkhornParallel), and InvalidArgumentError for a disposed pool
 * @throws {AbortError} when `signal` is aborted
 * @example
 * import { createPool, fromRows } from '@rg/linalg';
 * const pool = await createPool({ threads: 2 });
 * const r = await sinkhornParallel([0.5, 0.5], [0.5, 0.5], fromRows([[0, 1], [1, 0]]), { reg: 0.1, pool });
 * r.converged // => true
 * r.plan.data[0] + r.plan.data[1] // => ~0.5
 * await pool.dispose();
 */
export async function sinkhornParallel(
  a: Weights,
  b: Weights,
  costInput: CostInput,
  options: SinkhornParallelOptions,
): Promise<SinkhornResult> {
  const fn = 'sinkhornParallel';
  const s = prepareSinkhorn(fn, a, b, costInput, options);
  const asked = checkPool(fn, options.pool);
  const n = s.sub.a.length;
  const m = s.sub.b.length;
  if (
    asked === undefined ||
    asked.threads < 2 ||
    s.requested !== 'standard' ||
    s.accelerator !== undefined ||
    n * m < SINKHORN_PARALLEL_MIN ||
    n < asked.threads
  )
    return solvePrepared(s, options.strict);
  const pool = asked;
  const { sub, reg, f0, g0, ctl } = s;
  const threads = pool.threads;
  const blocks = Math.min(n, Math.max(MIN_BLOCKS, threads));
  const rowOf = (blk: number) => Math.floor((blk * n) / blocks);
  const blocksOf = (w: number) => [
    Math.floor((w * blocks) / threads),
    Math.floor(((w + 1) * blocks) / threads),
  ];
  const shared = pool.info.memory === 'shared';
  const id = ++sessions;
  const st: StandardStorage = {
    u: poolArray(pool, n),
    v: new Float64Array(m),
    acc: new Float64Array(m),
    plan: new Float64Array(0),
  };
  const partial = poolArray(pool, blocks * m);
  const rowsOf = (x: Float64Array, r0: number, r1: number, width: number) =>
    shared ? x.subarray(r0 * width, r1 * width) : x.slice(r0 * width, r1 * width);
  /** One call per worker, all at once; `done` takes each worker's answer. */
  const onEach = (
    name: string,
    args: (w: number) => unknown[],
    done?: (w: number, got: unknown) => void,
  ) =>
    runPieces(
      fn,
      pool,
      threads,
      async (w) => {
        const got = await pool.callOn(w, WORK, name, args(w));
        done?.(w, got);
      },
      { signal: ctl.signal },
    );
  /** acc = Σ_blocks Kᵀu in block order. */
  const sumBlocks = () => {
    const acc = st.acc;
    acc.fill(0);
    for (let blk = 0; blk < blocks; blk++) {
      const o = blk * m;
      for (let j = 0; j < m; j++) acc[j] += partial[o + j];
    }
  };
  const partialOf = (w: number) => {
    const [b0, b1] = blocksOf(w);
    return shared ? partial.subarray(b0 * m, b1 * m) : new Float64Array((b1 - b0) * m);
  };
  const pass: Record<StandardPass, () => Promise<number | undefined>> = {
    async gibbs() {
      let zeroAt = -1;
      // the cost goes to the workers once, in this pass: as views on the pool's staging array
      // (kept between calls: fresh memory costs a page fault per 4 KiB), or as copies of rows
      await withScratch(pool, [shared ? n * m : 0], async ([staged]) => {
        const cost = shared ? staged : sub.C;
        if (shared) cost.set(sub.C);
        await onEach(
          'sinkhornOpen',
          (w) => {
            const [b0, b1] = blocksOf(w);
            const rows = Array.from({ length: b1 - b0 }, (_, k) => [
              rowOf(b0 + k),
              rowOf(b0 + k + 1),
            ]);
            const r0 = rowOf(b0);
            const r1 = rowOf(b1);
            return [id, m, -1 / reg, rows, rowsOf(cost, r0, r1, m), sub.a.slice(r0, r1)];
          },
          (_, got) => {
            const z = got as number;
            if (z >= 0 && (zeroAt < 0 || z < zeroAt)) zeroAt = z;
          },
        );
      });
      return zeroAt;
    },
    async accumulate() {
      await onEach(
        'sinkhornAccumulate',
        (w) => [id, st.u, partialOf(w)],
        (w, got) => {
          if (!shared) partial.set(got as Float64Array, blocksOf(w)[0] * m);
        },
      );
      sumBlocks();
      return undefined;
    },
    async sweep() {
      await onEach(
        'sinkhornSweep',
        (w) => {
          const [r0, r1] = [rowOf(blocksOf(w)[0]), rowOf(blocksOf(w)[1])];
          const u = shared ? st.u.subarray(r0, r1) : new Float64Array(r1 - r0);
          return [id, st.v, u, partialOf(w)];
        },
        (w, got) => {
          if (shared) return;
          const [u, p] = got as [Float64Array, Float64Array];
          st.u.set(u, rowOf(blocksOf(w)[0]));
          partial.set(p, blocksOf(w)[0] * m);
        },
      );
      sumBlocks();
      return undefined;
    },
    async plan() {
      // shared pools: the workers write the plan in place and it is returned as is (a second
      // copy into fresh memory would cost as much as the Gibbs kernel: first touch of 8·n·m bytes)
      const target = poolArray(pool, n * m);
      await onEach(
        'sinkhornPlan',
        (w) => {
          const [r0, r1] = [rowOf(blocksOf(w)[0]), rowOf(blocksOf(w)[1])];
          return [
            id,
            st.u,
            st.v,
            shared ? target.subarray(r0 * m, r1 * m) : new Float64Array((r1 - r0) * m),
          ];
        },
        (w, got) => {
          if (!shared) target.set(got as Float64Array, rowOf(blocksOf(w)[0]) * m);
        },
      );
      st.plan = target;
      return undefined;
    },
  };
  const loop = standardLoop(sub.a, sub.b, sub.C, reg, f0, g0, ctl, st);
  let r = loop.next();
  try {
    while (!r.done) r = loop.next(await pass[r.value]());
  } finally {
    // free the workers' blocks (a worker that failed has nothing left to free)
    await Promise.allSettled(
      Array.from({ length: threads }, (_, w) => pool.callOn(w, WORK, 'sinkhornClose', [id])),
    );
  }
  return finishSinkhorn(s, r.value, undefined, options.strict);
}
