// Benchmarks for @rg/surface: gridFeatures (five separable order-4 stencil passes and the
// per-node 2×2 algebra) against a vectorized NumPy implementation of the same stencils and
// formulas (bench/surface_peer.py), on the same wing grids, measured in the same run. NumPy
// runs single-threaded (OPENBLAS_NUM_THREADS=1; the peer uses no BLAS anyway). Both time the
// features from the points only: our stencil tables are built inside gridFeatures, NumPy's
// outside its timed region; loading the points into NumPy is not timed either.
//
// Results of a run are pasted here when they change (see the table printed below).
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
}
rmSync(dir, { recursive: true, force: true });
if (!hasNumpy) console.log('NumPy not found at /usr/bin/python3: peer columns are empty');
report('@rg/surface', rows);
