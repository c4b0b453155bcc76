// The per-point work of @rg/spd on a worker pool of @rg/linalg (createPool): each case at one
// thread (the plain function), on 2 threads and on all available threads, called in alternation
// so that every variant sees the same machine load; each figure is the fastest of its runs.
// "1 thread/ours" is the speed-up of 2 threads; the note gives all threads' time and speed-up,
// the spread of the runs and the CPU time of the pooled calls (all threads of the process)
// against one thread's: near 1 means little overhead, which holds even on a loaded machine.
// Alone (under 3 minutes): `npx tsx bench/pool.ts` in packages/spd; `npm run bench` includes it.
//
// Expected on an idle machine with p cores: close to p× for pairwise distances, predict and
// transform (independent runs of points, one message per run); the Fréchet mean pays one round
// trip per worker and iteration and sums the per-point terms on the calling thread (points·n²
// additions against points·n³ of eigendecompositions in the workers), a few per cent at 16×16.
// Quiet machine (2026-12-05 12:44 UTC, load below 2, nothing else running), two runs of `npm run
// bench` (2 threads vs 1 thread, fastest of 3–5 alternating calls each):
//   @rg/spd:pool:pairwiseDistances:airm:400x16      647 ms vs 1095 ms  1.69x  (run 2: 1.79x)
//   @rg/spd:pool:frechetMean:airm:400x16            46.5 vs 75.4       1.62x  (1.52x)
//   @rg/spd:pool:MDM.predict:airm:400x16x4-classes  12.5 vs 20.6       1.65x  (1.61x)
//   @rg/spd:pool:TangentSpace.transform:2000x16     49.8 vs 43.5       0.87x  (0.87x)
// The machine's ceiling is 1.70–1.79× (two plain arithmetic loops in two workers). The tangent
// map does one congruence and one log of a 16×16 per point: too little to pay for sending it.
import { alternate, type BenchRow, report } from '@rg/bench';
import { availableThreads, createPool, type Pool } from '@rg/linalg';
import {
  affineInvariant,
  frechetMean,
  frechetMeanParallel,
  MDM,
  pairwiseDistances,
  pairwiseDistancesParallel,
  TangentSpace,
} from '../src/index.js';
import { randomSPD } from '../test/helpers.js';

export default async function poolRows(): Promise<BenchRow[]> {
  const all = availableThreads();
  const two = await createPool({ threads: 2 });
  const many: Pool | undefined = all > 2 ? await createPool({ threads: all }) : undefined;
  const rows: BenchRow[] = [];
  const time = async (
    name: string,
    one: () => unknown,
    pooled: (pool: Pool) => Promise<unknown>,
    runs: number,
  ) => {
    const variants = [one, () => pooled(two), ...(many ? [() => pooled(many)] : [])];
    // three warm-up calls: each worker thread warms up its own JIT (measured: its first pieces
    // run several times slower than later ones)
    const t = await alternate(variants, runs, 3);
    const spread = t.map((x) => `${((x.median / x.min - 1) * 100).toFixed(0)}%`).join('/');
    const cpu = t
      .slice(1)
      .map((x) => ((x.cpu ?? Number.NaN) / (t[0].cpu ?? Number.NaN)).toFixed(2))
      .join('/');
    rows.push({
      name,
      ours: t[1].min,
      peers: { '1 thread': t[0].min },
      note: `${many ? `${all} threads ${t[2].min.toFixed(1)} ms = ${(t[0].min / t[2].min).toFixed(2)}x; ` : ''}fastest of ${runs}; median above fastest ${spread}; CPU time pooled/1 thread ${cpu}`,
    });
  };
  const xs = Array.from({ length: 400 }, (_, i) => randomSPD(16, 7000 + i, 100));
  await time(
    '@rg/spd:pool:pairwiseDistances:airm:400x16',
    () => pairwiseDistances(xs, undefined, affineInvariant),
    (pool) => pairwiseDistancesParallel(xs, undefined, affineInvariant, { pool }),
    3,
  );
  await time(
    '@rg/spd:pool:frechetMean:airm:400x16',
    () => frechetMean(xs, affineInvariant),
    (pool) => frechetMeanParallel(xs, affineInvariant, { pool }),
    5,
  );
  const labels = xs.map((_, i) => i % 4);
  const mdm = new MDM().fit(xs, labels);
  await time(
    '@rg/spd:pool:MDM.predict:airm:400x16x4-classes',
    () => mdm.predict(xs),
    (pool) => mdm.predictParallel(xs, { pool }),
    5,
  );
  const ys = Array.from({ length: 2000 }, (_, i) => randomSPD(16, 9000 + i, 100));
  const ts = new TangentSpace().fit(xs);
  await time(
    '@rg/spd:pool:TangentSpace.transform:2000x16',
    () => ts.transform(ys),
    (pool) => ts.transformParallel(ys, { pool }),
    5,
  );
  await two.dispose();
  await many?.dispose();
  return rows;
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href)
  report('@rg/spd on a worker pool (ours = 2 threads)', await poolRows());
