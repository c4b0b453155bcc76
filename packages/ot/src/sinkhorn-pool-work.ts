// Worker side of sinkhornParallel and costMatrixParallel, loaded by @rg/linalg's pool workers
// through pool.call / pool.callOn. A Sinkhorn session keeps this worker's row blocks of the Gibbs
// kernel K resident in the worker (each block in its own fused sweep: WebAssembly SIMD memory
// where the host has it) from `sinkhornOpen` to `sinkhornClose`; each call then moves only
// vectors. Every pass runs the code of the one-thread loop on its rows. Functions return their
// outputs when these are copies (a pool without shared memory sends them back) and null when
// they are shared memory the caller sees. Inputs were validated on the calling side.
import { type CostMetricName, costRows } from './cost-matrix.js';
import { accumulateRows, gibbsInto, planRows } from './sinkhorn-kernels.js';
import { createSinkhornSweep, type SinkhornSweep } from './sinkhorn-sweep.js';

interface Block {
  /** first row of the block in the problem */
  i0: number;
  sweep: SinkhornSweep;
}

interface Session {
  m: number;
  /** first row of this worker's first block */
  r0: number;
  blocks: Block[];
}

const sessions = new Map<number, Session>();

function reply<T>(out: Float64Array, value: T): T | null {
  return out.buffer instanceof SharedArrayBuffer ? null : value;
}

function session(id: number): Session {
  const s = sessions.get(id);
  if (s === undefined) throw new Error(`sinkhornParallel: no session ${id} in this worker`);
  return s;
}

/**
 * Start session `id` with the row blocks `[i0, i1)` of `rows`: K = exp(C·inv) on each block
 * (C holds this worker's rows, from rows[0][0]) and the blocks' entries of a. Returns the index
 * (in the whole n×m kernel) of the first entry that underflowed to 0, or −1. @internal
 */
export function sinkhornOpen(
  id: number,
  m: number,
  inv: number,
  rows: Array<[number, number]>,
  C: Float64Array,
  a: Float64Array,
): number {
  const r0 = rows[0][0];
  const blocks: Block[] = [];
  let zeroAt = -1;
  for (const [i0, i1] of rows) {
    const sweep = createSinkhornSweep(i1 - i0, m);
    const z = gibbsInto(C.subarray((i0 - r0) * m, (i1 - r0) * m), inv, sweep.K);
    if (z >= 0 && zeroAt < 0) zeroAt = i0 * m + z;
    sweep.a.set(a.subarray(i0 - r0, i1 - r0));
    blocks.push({ i0, sweep });
  }
  sessions.set(id, { m, r0, blocks });
  return zeroAt;
}

/** One Kᵀu per block (`partial` holds this worker's blocks' m-vectors in order), u the whole u. @internal */
export function sinkhornAccumulate(
  id: number,
  u: Float64Array,
  partial: Float64Array,
): Float64Array | null {
  const { m, blocks } = session(id);
  blocks.forEach(({ i0, sweep }, b) => {
    const acc = partial.subarray(b * m, (b + 1) * m);
    acc.fill(0);
    accumulateRows(sweep.K, u.subarray(i0, i0 + sweep.a.length), acc, m);
  });
  return reply(partial, partial);
}

/**
 * The fused sweep on each block for the given v: u = a / Kv on the worker's rows (into `u`,
 * from its first row) and each block's Kᵀu (into `partial`). @internal
 */
export function sinkhornSweep(
  id: number,
  v: Float64Array,
  u: Float64Array,
  partial: Float64Array,
): [Float64Array, Float64Array] | null {
  const { m, r0, blocks } = session(id);
  blocks.forEach(({ i0, sweep }, b) => {
    sweep.v.set(v);
    sweep.acc.fill(0);
    sweep.run();
    u.set(sweep.u, i0 - r0);
    partial.set(sweep.acc, b * m);
  });
  return reply(u, [u, partial]);
}

/** plan = diag(u) K diag(v) on the worker's rows (into `plan`, from its first row). @internal */
export function sinkhornPlan(
  id: number,
  u: Float64Array,
  v: Float64Array,
  plan: Float64Array,
): Float64Array | null {
  const { m, r0, blocks } = session(id);
  for (const { i0, sweep } of blocks) {
    const rows = sweep.a.length;
    planRows(
      sweep.K,
      u.subarray(i0, i0 + rows),
      v,
      plan.subarray((i0 - r0) * m, (i0 - r0 + rows) * m),
      m,
    );
  }
  return reply(plan, plan);
}

/** End session `id` (its blocks are freed). @internal */
export function sinkhornClose(id: number): void {
  sessions.delete(id);
}

/** The cost matrix between the points x (rows×d) and y (m×d), into `out` (rows×m). @internal */
export function costMatrixRows(
  x: Float64Array,
  y: Float64Array,
  d: number,
  m: number,
  metric: CostMetricName,
  rows: number,
  out: Float64Array,
): Float64Array | null {
  costRows(x, y, d, m, metric, 0, rows, out);
  return reply(out, out);
}
