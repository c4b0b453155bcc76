// Benchmarks for @rg/surface: gridFeatures (five separable order-4 stencil passes and the
// per-node 2×2 algebra) against a vectorized NumPy implementation of the same stencils and
// formulas (bench/surface_peer.py), on the same wing grids, measured in the same run. NumPy
// runs single-threaded (OPENBLAS_NUM_THREADS=1; the peer uses no BLAS anyway). Both time the
// features from the points only: our stencil tables are built inside gridFeatures, NumPy's
// outside its timed region; loading the points into NumPy is not timed either.
//
// One run, 2026-12-04 17:02 UTC (`npx tsx bench/index.ts`), on a 2-core machine shared with other
// jobs (load average 5). Fresh 512² results need ≈ 70 MB of new memory per call, whose page
// faults cost 20–600 ms here from one call to the next: four runs of that row gave 1.2x–3.9x,
// while the `+out` row (the same work into reused arrays) stays near 50 ms.
//
// benchmark                             ours ms  NumPy ms  NumPy/ours  note
// ------------------------------------  -------  --------  ----------  ----------------------------------------------------
// @rg/surface:gridFeatures:64x64        0.9243   3.58      3.88x       max rel diff of K, H vs NumPy (off the crease) 2.8e-13
// @rg/surface:gridFeatures+out:64x64    0.8831   3.58      4.06x       writing into a previous result (options.out)
// @rg/surface:gridFeatures:256x256      16.61    78.66     4.74x       max rel diff 4.8e-11
// @rg/surface:gridFeatures+out:256x256  12.96    78.66     6.07x
// @rg/surface:gridFeatures:512x512      146      276       1.89x       max rel diff 7.1e-10
// @rg/surface:gridFeatures+out:512x512  52.61    276       5.24x
//
// The K, H differences grow like the rounding of second differences, ε/h² (h = 1/511 along
// the span at 512²). Goal (faster than NumPy on 512²): met.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, PYTHON, pythonHas, report } from '@rg/bench';
import { execFileSync } from 'node:child_process';
import { gridFeatures, sampleGrid, wingSurface } from '../src/index.js';

const peer = new URL('./surface_peer.py', import.meta.url).pathname;
const hasNumpy = pythonHas('numpy');
const dir = mkdtempSync(join(tmpdir(), 'rg-surface-bench-'));
const rows: Parameters<typeof report>[1] = [];
const wing = wingSurface();

for (const n of [64, 256, 512]) {
  const grid = sampleGrid(wing, {
    nu: n,
    nv: n,
    uRange: [0, 2 * Math.PI],
    vRange: [0, 1],
    periodicU: true,
  });
  let f = gridFeatures(grid);
  const t = measure(
    () => {
      f = gridFeatures(grid);
    },
    { minRuns: 5, minTime: 1000 },
  );
  const name = `@rg/surface:gridFeatures:${n}x${n}`;
  const row: (typeof rows)[number] = {
    name,
    ours: t.median,
    note: `order 4, wing grid periodic in u`,
  };
  if (hasNumpy) {
    const path = join(dir, `points-${n}.bin`);
    writeFileSync(path, grid.points);
    const out = JSON.parse(
      execFileSync(PYTHON, [peer], {
        input: JSON.stringify({
          path,
          nu: n,
          nv: n,
          periodicU: true,
          periodicV: false,
          du: grid.du,
          dv: grid.dv,
          order: 4,
          repeat: 5,
        }),
        env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
        maxBuffer: 1 << 28,
        encoding: 'utf8',
      }),
    ) as { ms: number; K: number[]; H: number[] };
    // the peer returns K and H at every 997th node: a cross-check of the two implementations,
    // off the trailing-edge crease (rows i < 3 or > n − 3), where the near-singular metric
    // amplifies the rounding of either side
    let diff = 0;
    out.K.forEach((k, i) => {
      const j = i * 997;
      const row = Math.floor(j / n);
      if (row < 3 || row > n - 3) return;
      diff = Math.max(
        diff,
        Math.abs(k - f.gaussianCurvature[j]) / (1 + Math.abs(k)),
        Math.abs(out.H[i] - f.meanCurvature[j]) / (1 + Math.abs(out.H[i])),
      );
    });
    row.peers = { NumPy: out.ms };
    row.note = `${row.note}; max rel diff of K, H vs NumPy (off the crease) ${diff.toExponential(1)}`;
  }
  rows.push(row);
  // steady state: the same call writing into the previous result ({ out }), which spares the
  // ≈ 33·8 bytes per node of fresh memory whose page faults dominate the 512² row above on this
  // machine; NumPy's time is the same measurement (it allocates on every call)
  const out = f;
  const tr = measure(() => gridFeatures(grid, { out }), { minRuns: 5, minTime: 1000 });
  rows.push({
    name: `@rg/surface:gridFeatures+out:${n}x${n}`,
    ours: tr.median,
    peers: row.peers,
    note: 'writing into a previous result (options.out)',
  });
}
rmSync(dir, { recursive: true, force: true });
if (!hasNumpy) console.log('NumPy not found at /usr/bin/python3: peer columns are empty');
report('@rg/surface', rows);
