// Benchmarks for @rg/ot: our time and the ratio against POT (python3-pot 0.8.2, NumPy
// BLAS) measured in the same run on the same inputs (bench/ot_peer.py).
//
// One run, 2026-12-04 16:30 UTC (`npx tsx bench/index.ts`), on a 2-core machine shared with other
// jobs (POT's own times moved 2x between runs that hour: read the ratios, not the milliseconds):
//
// benchmark                                ours ms  POT ms  POT/ours  float64 CPU ms  float64 CPU/ours  note
// ---------------------------------------  -------  ------  --------  --------------  ----------------  -----------------------------------------------------------------
// @rg/ot:sinkhorn:n=1000:iters=200         165      80.31   0.49x     —               —                 standard, reg 0.05
// @rg/ot:emd:n=500                         28.64    14.48   0.51x     —               —                 8011 pivots
// @rg/ot:sns:n=500:reg=1/1200              498      18244   36.65x    —               —                 SNS 20+6 it, err 4.4e-10; POT log 1999 it, err 5.4e-7
// @rg/ot:sinkhorn:n=64:iters=50            0.3855   1.44    3.74x     —               —                 float64 loop (peer of the device rows)
// @rg/ot:sinkhorn+webasm:n=64:iters=50     1.06     —       —         0.3855          0.36x             float32 device loop, plan formed in float64
// @rg/ot:sinkhorn+cpu:n=64:iters=50        1.13     —       —         0.3855          0.34x             float32 device loop, plan formed in float64
// @rg/ot:sinkhorn:n=256:iters=50           4.55     4.52    0.99x     —               —                 float64 loop (peer of the device rows)
// @rg/ot:sinkhorn+webasm:n=256:iters=50    12.08    —       —         4.55            0.38x             float32 device loop, plan formed in float64
// @rg/ot:sinkhorn+cpu:n=256:iters=50       23.33    —       —         4.55            0.19x             float32 device loop, plan formed in float64
// @rg/ot:sinkhorn:n=1024:iters=50          104      60.11   0.58x     —               —                 float64 loop (peer of the device rows)
// @rg/ot:sinkhorn+webasm:n=1024:iters=50   237      —       —         104             0.44x             float32 device loop, plan formed in float64
// @rg/ot:sinkhorn+cpu:n=1024:iters=50      396      —       —         104             0.26x             float32 device loop, plan formed in float64
// @rg/ot:sinkhorn:n=4096:iters=100         2649     3680    1.39x     —               —                 float64 CPU (WebAssembly SIMD sweep)
// @rg/ot:sinkhorn+webasm:n=4096:iters=100  8468     —       —         2649            0.31x             float32; first call 10484 ms (compiles); max rel plan diff 7.3e-6
// device Sinkhorn crossover work sizes n·m·maxIter: {"webasm":null,"cpu":null} (null: never)
//
// The device loop does not pay off on this CPU-only machine: gpu.js's webasm Sinkhorn runs at
// 0.31–0.44x the speed of our float64 WebAssembly SIMD loop from n = 64 to 4096 (gpu.js cpu mode
// 0.19–0.34x), 7e-6 relative from its plan. So @rg/gpu's defaultThresholds.sinkhorn is Infinity
// and `auto` keeps sinkhorn() on the float64 loop. headlessgl was not measured (no X display in
// this run; under xvfb-run it would be Mesa's llvmpipe, a software rasterizer).
//
// Goals: sinkhorn ≤ 1.5x POT (met at n = 256 and 4096, 0.99x and 1.39x; missed in this run at
// n = 1000 and 1024, 0.49x and 0.58x, where POT ran 2x faster than in the runs before it on the
// same machine; our loop itself is unchanged: same-process A/B against the previous commit's
// hand-assembled sweep, 131 vs 131 ms at n = 1000, identical plans bit for bit), emd ≤ 3x (met: 2x),
// SNS faster end to end than POT's log-domain Sinkhorn to 1e-9 (met; POT is capped at
// 2000 iterations and still at 5.4e-7, so the ratio is a lower bound). Under heavier
// load (average ≈ 20) the same script gave emd ratios from 0.09x to 0.49x: the emd row
// is a 5-run median of short tasks and the noisiest.
//
// Before/after the architecture refactor (issue #12), 2026-12-05 12:51–13:17 UTC: before =
// 3f6b3fd (the last commit before the series), after = c54fd84 (main). The before tree ran this
// file minus the worker-pool rows (sinkhornParallel/costMatrixParallel did not exist); three
// full runs per side, alternating before, after, before, ... Load average 3.0–8.7 on 2 cores (a
// mutation job and other benches ran): table = best run per row, then the range over the runs.
//   row                               before ms  after ms  after/before  before runs (3)  after runs (3)
//   sinkhorn:n=1000:iters=200         188        181       0.96x         188–403          181–251
//   emd:n=500                         51.2       42.5      0.83x         51.2–88          42.5–50.1
//   sns:n=500:reg=1/1200              791        805       1.02x         791–3145         805–1064
//   sinkhorn:n=64:iters=50            0.391      0.402     1.03x         0.391–1.27       0.402–0.576
//   sinkhorn+webasm:n=64:iters=50     1.13       1.17      1.04x         1.13–13.4        1.17–4.41
//   sinkhorn+cpu:n=64:iters=50        1.15       1.14      0.99x         1.15–6.12        1.14–1.78
//   sinkhorn:n=256:iters=50           4.14       4.71      1.14x         4.14–17.9        4.71–8.38
//   sinkhorn+webasm:n=256:iters=50    12.6       15.0      1.19x         12.6–33.6        15.0–23.6
//   sinkhorn+cpu:n=256:iters=50       22.7       23.2      1.02x         22.7–49.1        23.2–42.3
//   sinkhorn:n=1024:iters=50          118        116       0.98x         118–159          116–195
//   sinkhorn+webasm:n=1024:iters=50   234        292       1.25x         234–495          292–399
//   sinkhorn+cpu:n=1024:iters=50      399        536       1.34x         399–857          536–648
//   sinkhorn:n=4096:iters=100         2806       3296      1.17x         2806–5020        3296–4248
//   sinkhorn+webasm:n=4096:iters=100  11437      12322     1.08x         11437–17831      12322–16198
//   Only after: pool:costMatrix:n=4000:d=8 (2 threads 573–1356 ms) and
//   pool:sinkhorn:n=4000:iters=100 (2042–3309 ms). Only before: none.
// POT's times (the same code on both sides) moved 0.72–1.18x between the sides' best runs and
// up to 30x within a side (sinkhorn n=256: 2.9–96 ms): that is the noise of these runs. So the
// rows above 1.1x (sinkhorn n=256 and 4096, the device rows at n=256/1024) were re-measured
// with both builds loaded in one process, calls alternating (same load for both; process CPU
// time per call, which waits on the loaded machine do not inflate): after/before by median
// wall time / median CPU time: sinkhorn n=256 (30 rounds × 20 calls) 1.02 / 1.06; n=1024
// (30 rounds) 0.98 / 1.02; n=1000 iters=200 (30 rounds) 0.96 / 0.97; n=4096 (6 rounds) 0.99 /
// 0.94; webasm n=64 1.15 / 0.99, n=256 1.00 / 0.99, n=1024 (8 rounds) 0.90 / 0.85; cpu n=1024
// 1.04 / 1.03; emd 0.99 / 0.91; sns (5 rounds) 1.28 / 0.92 (best 0.77). Reading: no row is
// slower above noise; the 1.1–1.34x of single rows in the table are the load (in-process A/B
// within ±6% by CPU time, the device rows 0.85–1.03). emd is a little faster (0.83x best run,
// 0.91x CPU); the rest is unchanged, as expected: the float64 loop is the same kernel, the
// refactor moved its validation and the device interface, not the iterations.
import { measure, pythonHas, report, runPython } from '@rg/bench';
import { createAccelerator, type GpuAccelerator } from '@rg/gpu';
import { rng } from '@rg/linalg';
import { costMatrix, emd, sinkhorn, sinkhornNewtonSparse } from '../src/index.js';
import poolRows from './pool.js';

const peer = new URL('./ot_peer.py', import.meta.url).pathname;
const hasPot = pythonHas('ot', 'numpy');

function clouds(n: number, seed: number): { x: number[][]; y: number[][] } {
  const r = rng(seed);
  return {
    x: Array.from({ length: n }, () => [r.normal(), r.normal()]),
    y: Array.from({ length: n }, () => [r.normal() + 0.5, r.normal()]),
  };
}

function normalized(x: number[][], y: number[][]) {
  const C = costMatrix(x, y);
  let mx = 0;
  for (const v of C.data) mx = Math.max(mx, v);
  for (let k = 0; k < C.data.length; k++) C.data[k] /= mx;
  return C;
}

const rows: Parameters<typeof report>[1] = [];
const tasks: Record<string, unknown>[] = [];

// Sinkhorn n = 1000, 200 iterations (tol 0: fixed count), reg 0.05 on a normalized L2² cost.
{
  const n = 1000;
  const { x, y } = clouds(n, 1);
  const C = normalized(x, y);
  const w = new Float64Array(n).fill(1 / n);
  const t = measure(() => sinkhorn(w, w, C, { reg: 0.05, maxIter: 200, tol: 0 }), {
    minRuns: 3,
    minTime: 500,
  });
  rows.push({
    name: '@rg/ot:sinkhorn:n=1000:iters=200',
    ours: t.median,
    note: 'standard, reg 0.05',
  });
  tasks.push({
    name: '@rg/ot:sinkhorn:n=1000:iters=200',
    kind: 'sinkhorn',
    x,
    y,
    normalize: true,
    reg: 0.05,
    iters: 200,
    repeat: 3,
  });
}
// Exact EMD n = 500, uniform weights, L2² cost.
{
  const n = 500;
  const { x, y } = clouds(n, 2);
  const C = costMatrix(x, y);
  const w = new Float64Array(n).fill(1 / n);
  let pivots = 0;
  const t = measure(
    () => {
      pivots = emd(w, w, C).iterations;
    },
    { minRuns: 5, minTime: 500 },
  );
  rows.push({ name: '@rg/ot:emd:n=500', ours: t.median, note: `${pivots} pivots` });
  tasks.push({ name: '@rg/ot:emd:n=500', kind: 'emd', x, y, repeat: 5 });
}
// SNS vs POT's log-domain Sinkhorn to 1e-9 at reg = 1/1200, random-assignment cost
// (C_ij uniform in [0, 1]). POT is capped at 2000 iterations: its time is a lower bound.
{
  const n = 500;
  const r = rng(3);
  const data = Float64Array.from({ length: n * n }, () => r.uniform());
  const C = { rows: n, cols: n, data };
  const w = new Float64Array(n).fill(1 / n);
  let info = '';
  const t = measure(
    () => {
      const s = sinkhornNewtonSparse(w, w, C, { reg: 1 / 1200, tol: 1e-9 });
      info = `SNS ${s.sinkhornIterations}+${s.newtonIterations} it, err ${s.marginalError.toExponential(1)}`;
    },
    { minRuns: 1, maxRuns: 1, warmup: 0 },
  );
  rows.push({ name: '@rg/ot:sns:n=500:reg=1/1200', ours: t.median, note: info });
  tasks.push({
    name: '@rg/ot:sns:n=500:reg=1/1200',
    kind: 'sinkhorn_log_tol',
    cost: Array.from(data),
    n,
    m: n,
    reg: 1 / 1200,
    tol: 1e-9,
    maxIter: 2000,
    repeat: 1,
  });
}

// Where the device pays: sinkhorn(..., { accelerator }) on gpu.js webasm and cpu (explicit modes
// have threshold 0, so every size runs on the device) against the float64 loop it runs below
// accelerator.thresholds.sinkhorn, 50 iterations (tol 0), reg 0.05 on a normalized L2² cost.
// The work size n·n·50 from which the device wins at every larger size measured is the
// `defaultThresholds.sinkhorn` of @rg/gpu this run supports (Infinity: it never won).
{
  const iters = 50;
  const devices = [createAccelerator({ mode: 'webasm' }), createAccelerator({ mode: 'cpu' })];
  const wins: Record<string, number> = {};
  for (const d of devices) wins[d.mode] = Infinity;
  for (const n of [64, 256, 1024]) {
    const { x, y } = clouds(n, 5);
    const C = normalized(x, y);
    const w = new Float64Array(n).fill(1 / n);
    const opts = { reg: 0.05, maxIter: iters, tol: 0 };
    const t64 = measure(() => sinkhorn(w, w, C, opts), { minRuns: 3, minTime: 300 });
    const name64 = `@rg/ot:sinkhorn:n=${n}:iters=${iters}`;
    rows.push({ name: name64, ours: t64.median, note: 'float64 loop (peer of the device rows)' });
    tasks.push({
      name: name64,
      kind: 'sinkhorn',
      x,
      y,
      normalize: true,
      reg: 0.05,
      iters,
      repeat: 3,
    });
    for (const accelerator of devices) {
      const t = measure(() => sinkhorn(w, w, C, { ...opts, accelerator }), {
        minRuns: 3,
        minTime: 300,
      });
      rows.push({
        name: `@rg/ot:sinkhorn+${accelerator.mode}:n=${n}:iters=${iters}`,
        ours: t.median,
        peers: { 'float64 CPU': t64.median },
        note: 'float32 device loop, plan formed in float64',
      });
      if (t.median < t64.median)
        wins[accelerator.mode] = Math.min(wins[accelerator.mode], n * n * iters);
      else wins[accelerator.mode] = Infinity;
    }
  }
  for (const d of devices) d.dispose();
  console.log(`device Sinkhorn crossover work sizes n·m·maxIter: ${JSON.stringify(wins)}`);
}

// Sinkhorn n = 4096 with an accelerator (webasm; headlessgl when the gl package loads and
// has a display, e.g. under xvfb-run -a) vs the float64 CPU path, 100 iterations (tol 0),
// reg 0.05 on a normalized L2² cost. The float64 run is the peer of the accelerated rows.
// Kernel compilation is excluded (one warm-up call); the time includes the float32 upload,
// the device loop and forming the n×n plan in float64 from the read-back scalings.
{
  const n = 4096;
  const iters = 100;
  const { x, y } = clouds(n, 4);
  const C = normalized(x, y);
  const w = new Float64Array(n).fill(1 / n);
  const opts = { reg: 0.05, maxIter: iters, tol: 0 };
  let ref: ReturnType<typeof sinkhorn> | undefined;
  const t64 = measure(
    () => {
      ref = sinkhorn(w, w, C, opts);
    },
    { minRuns: 2, maxRuns: 3, warmup: 0, minTime: 0 },
  );
  const name64 = `@rg/ot:sinkhorn:n=${n}:iters=${iters}`;
  rows.push({ name: name64, ours: t64.median, note: 'float64 CPU (WebAssembly SIMD sweep)' });
  tasks.push({
    name: name64,
    kind: 'sinkhorn',
    x,
    y,
    normalize: true,
    reg: 0.05,
    iters,
    repeat: 1,
  });
  const accelerators: GpuAccelerator[] = [createAccelerator({ mode: 'webasm' })];
  const gl = createAccelerator({ mode: 'headlessgl' });
  if (gl.mode === 'headlessgl') accelerators.push(gl);
  else {
    console.log(
      `headlessgl unavailable, got ${gl.mode}: ${gl.fallbacks.map((f) => `${f.mode}: ${f.reason}`).join('; ')}`,
    );
    gl.dispose();
  }
  for (const accelerator of accelerators) {
    const p64 = (ref as ReturnType<typeof sinkhorn>).plan.data;
    let diff = 0;
    const first = measure(() => sinkhorn(w, w, C, { ...opts, accelerator }), {
      minRuns: 1,
      maxRuns: 1,
      warmup: 0,
      minTime: 0,
    });
    const t = measure(
      () => {
        const r = sinkhorn(w, w, C, { ...opts, accelerator });
        diff = 0;
        for (let k = 0; k < p64.length; k++)
          diff = Math.max(diff, Math.abs(r.plan.data[k] - p64[k]) / p64[k]);
      },
      { minRuns: 2, maxRuns: 3, warmup: 0, minTime: 0 },
    );
    rows.push({
      name: `@rg/ot:sinkhorn+${accelerator.mode}:n=${n}:iters=${iters}`,
      ours: t.median,
      peers: { 'float64 CPU': t64.median },
      note: `float32; first call ${first.median.toFixed(0)} ms (compiles); max rel plan diff ${diff.toExponential(1)}`,
    });
    accelerator.dispose();
  }
}

let potNotes: Record<string, string> = {};
if (hasPot) {
  const out = runPython<{
    results: { name: string; ms: number; marginalError?: number; iterations?: number }[];
  }>(peer, { tasks });
  for (const res of out.results) {
    const row = rows.find((r) => r.name === res.name);
    if (row) row.peers = { POT: res.ms };
    if (res.marginalError !== undefined)
      potNotes = {
        ...potNotes,
        [res.name]: `; POT log ${res.iterations} it, err ${res.marginalError.toExponential(1)}`,
      };
  }
  for (const row of rows) if (potNotes[row.name]) row.note = `${row.note}${potNotes[row.name]}`;
}
report('@rg/ot', rows);
// Sinkhorn and the cost matrix on a worker pool (1 thread, 2 threads, all threads): bench/pool.ts.
report('@rg/ot on a worker pool (ours = 2 threads)', await poolRows());
