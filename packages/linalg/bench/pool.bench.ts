// The worker pool: the same call on one thread (no pool) and on pools of 2 and of all
// available threads, alternating so that every variant sees the same machine load; each
// figure is the fastest of its runs. "1 thread/ours" is the speed-up of the 2-thread pool.
// Also measured: starting a pool (workers loaded and ready) and the round trip of an empty task.
// `npx tsx bench/index.ts pool` to reproduce.
//
// Expected scaling on an idle machine with p cores: close to p× for batches (independent pieces,
// one message per piece of about Σn³/(4p) work) and for matmul from n ≈ 512 (each worker packs
// all of B: an extra k·n per panel against 2·k·n·m/p flops), less at n = 256, where a 1–2 ms
// product meets wake-up and message costs of tens of µs per piece. 'copy' pools add one copy of
// each piece's inputs and outputs per task (matmul: all of B per panel).
//
// Quiet machine (2026-12-05 12:44 UTC, load average below 2, nothing else running), after
// matmulParallel staged its operands in memory the pool keeps and returned the workers' product
// in place (first touch of fresh pages costs 11–30 µs per 4 KiB on this VM); three runs:
//   benchmark                        ours ms  1 thread ms  1 thread/ours  2 threads copy ms
//   @rg/linalg:pool:start:2-threads  346      —            —              —      (empty task round trip 29 µs)
//   @rg/linalg:pool:matmul:n=256     1.18     1.43         1.21x          4.43   (runs: 1.21x, 1.10x, 1.02x)
//   @rg/linalg:pool:matmul:n=512     6.80     11.00        1.62x          9.81   (1.62x, 1.62x, 1.31x)
//   @rg/linalg:pool:matmul:n=1024    50.77    85.44        1.68x          119    (1.68x, 1.66x, 1.69x)
//   @rg/linalg:pool:eigh:10000x8x8   29.24    54.53        1.86x          29.53  (1.86x, 1.46x, 1.60x)
//   @rg/linalg:pool:eigh:1000x32x32  42.68    56.33        1.32x          36.38  (1.32x, 1.64x, 1.41x)
//   @rg/linalg:pool:logm:400x16x16   4.68     6.94         1.48x          5.09   (1.48x, 1.54x, 1.54x)
// The ceiling here is below 2×: two copies of a plain arithmetic loop in two workers run
// 1.70–1.79× faster than one after the other on this VM. Before the staging (same quiet
// machine, 11:55 UTC) matmul n = 1024 was 1.41× (fresh shared copies of A, B and C each call).
//
// One run (2026-12-04 20:51 UTC, Node 20.20) on the 2-core machine while other jobs kept it at
// load average 24–26, i.e. about a twelfth of a core per runnable thread: the pool lost
// everywhere except the 8×8 batch. This measures the scheduler, not the pool; the goal
// (≥ 1.7× from 2 threads) is not shown by it.
//   benchmark                        ours ms  1 thread ms  1 thread/ours  2 threads copy ms  note
//   @rg/linalg:pool:start:2-threads  2663     —            —              —                  workers loaded and ready; empty task round trip 47 µs
//   @rg/linalg:pool:matmul:n=256     9.26     1.81         0.20x          13.16
//   @rg/linalg:pool:matmul:n=512     78.80    34.69        0.44x          186
//   @rg/linalg:pool:matmul:n=1024    564      488          0.86x          1612
//   @rg/linalg:pool:eigh:10000x8x8   171      189          1.11x          212
//   @rg/linalg:pool:eigh:1000x32x32  406      402          0.99x          500
//   @rg/linalg:pool:logm:400x16x16   75.26    8.78         0.12x          62.03
//   (the 2.7 s start is mostly the TypeScript loader: from source each worker compiles the
//   package with tsx; from dist/ a worker loads plain JavaScript.)
import { alternate, type BenchRow } from '@rg/bench';
import {
  availableThreads,
  createPool,
  eigh,
  eighBatch,
  logmSym,
  type Matrix,
  matmul,
  matmulParallel,
  type Pool,
  randomSPD,
  rng,
  symmetricFunctionBatch,
} from '../src/index.js';

const r = rng(2025);
const gaussian = (m: number, n: number): Matrix => ({
  rows: m,
  cols: n,
  data: Float64Array.from({ length: m * n }, () => r.normal()),
});
const symmetric = (n: number): Matrix => {
  const a = gaussian(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[j * n + i] = a.data[i * n + j];
  return a;
};

/** Fastest of `runs` alternating calls of each variant (after one warm-up call each). */
async function race(
  variants: Array<() => unknown | Promise<unknown>>,
  runs: number,
): Promise<number[]> {
  return (await alternate(variants, runs)).map((t) => t.min);
}

export default async function (): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const all = availableThreads();
  const t0 = performance.now();
  const two = await createPool({ threads: 2 });
  const spawn = performance.now() - t0;
  const many: Pool = all > 2 ? await createPool({ threads: all }) : two;
  const copy = await createPool({ threads: 2, memory: 'copy' });
  const empty = new Float64Array(new SharedArrayBuffer(8));
  const [roundTrip] = await race(
    [
      () =>
        two.run({ kind: 'gemm', m: 1, n: 1, k: 1, a: empty, b: empty, c: empty, backend: 'auto' }),
    ],
    200,
  );
  rows.push({
    name: '@rg/linalg:pool:start:2-threads',
    ours: spawn,
    note: `workers loaded and ready; empty task round trip ${(roundTrip * 1000).toFixed(0)} µs`,
  });

  const add = (name: string, times: number[], note: string) => {
    const [one, pooled, allThreads, copied] = times;
    rows.push({
      name,
      ours: pooled,
      peers: {
        '1 thread': one,
        ...(all > 2 ? { [`${all} threads`]: allThreads } : {}),
        ...(copied !== undefined ? { '2 threads copy': copied } : {}),
      },
      note,
    });
  };

  for (const n of [256, 512, 1024]) {
    const a = gaussian(n, n);
    const b = gaussian(n, n);
    const runs = n >= 1024 ? 3 : 8;
    const times = await race(
      [
        () => matmul(a, b),
        () => matmulParallel(a, b, { pool: two }),
        () => matmulParallel(a, b, { pool: many }),
        () => matmulParallel(a, b, { pool: copy }),
      ],
      runs,
    );
    add(`@rg/linalg:pool:matmul:n=${n}`, times, `ours = 2 threads, row panels; ${runs} runs`);
  }

  for (const [count, n] of [
    [10000, 8],
    [1000, 32],
  ] as const) {
    const ms = Array.from({ length: count }, () => symmetric(n));
    const times = await race(
      [
        () => ms.map((x) => eigh(x)),
        () => eighBatch(ms, { pool: two }),
        () => eighBatch(ms, { pool: many }),
        () => eighBatch(ms, { pool: copy }),
      ],
      5,
    );
    add(`@rg/linalg:pool:eigh:${count}x${n}x${n}`, times, 'ours = eighBatch on 2 threads');
  }

  const spd = Array.from({ length: 400 }, () => randomSPD(16, r, { condition: 1e3 }));
  const times = await race(
    [
      () => spd.map((x) => logmSym(x)),
      () => symmetricFunctionBatch(spd, 'log', { pool: two }),
      () => symmetricFunctionBatch(spd, 'log', { pool: many }),
      () => symmetricFunctionBatch(spd, 'log', { pool: copy }),
    ],
    5,
  );
  add('@rg/linalg:pool:logm:400x16x16', times, 'ours = symmetricFunctionBatch on 2 threads');

  await two.dispose();
  await many.dispose();
  await copy.dispose();
  return rows;
}
