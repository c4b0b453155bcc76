// Benchmarks for @rg/hessian: SlidingWindowMFAC.ihvp against its memory-bound floor,
// 2m dot products of length d over the same window (goal: within 2x).
// Times are the minimum over runs: the 2-core machine was shared (load average ~24).
//
// Run of 2026-11-29 (tsx bench/index.ts):
// benchmark                                         ours ms  128 dots of length d ms  ratio (floor/ours)
// @rg/hessian:SlidingWindowMFAC.ihvp:d=10000:m=64   1.68     2.60                     1.55x
// @rg/hessian:SlidingWindowMFAC.ihvp:d=100000:m=64  95.82    117                      1.22x
// ihvp is at the floor (ratio ≥ 1: the two passes over the window are all it does; the m×m
// triangular solves are negligible at m = 64).
//
// Gram update G Gᵀ (StaticMFAC's O(dm²) setup step), run of 2026-11-29 03:09 UTC
// (BENCH_ONLY=gram xvfb-run -a tsx bench/index.ts):
// benchmark                                  ours ms  linalg gram float64 ms  linalg gram float64/ours
// @rg/hessian:gram:webasm:d=20000:m=64       148      5.64                    0.04x
// @rg/hessian:gram:headlessgl:d=20000:m=64   404      5.64                    0.01x
// @rg/hessian:gram:webasm:d=100000:m=64      947      39.55                   0.04x
// @rg/hessian:gram:headlessgl:d=100000:m=64  1058     39.55                   0.04x
// Modes obtained: webasm, and headlessgl under Xvfb on a machine without a GPU (so a software
// rasterizer; gl did not expose the renderer name). An earlier run the same day, before gl was
// built, gave webasm 169 ms vs 5.38 ms (d = 20 000) and 724 ms vs 65.96 ms (d = 100 000).
// On this 2-core CPU the float32 Gram is 10–70× slower than @rg/linalg's float64 gram: it only
// pays where a hardware GPU backend is obtained, which is why StaticMFAC keeps float64 as the
// default and @rg/gpu's defaultThresholds.gram is Infinity.
//
// Before/after the architecture refactor (issue #12), 2026-12-05 12:56–13:17 UTC: before =
// 3f6b3fd (the last commit before the series), after = c54fd84 (main); this file is the same in
// both trees. Three runs per side, alternating before, after, before, ...; load average 4.7–8.7
// on 2 cores (a mutation job and other benches ran). Best run per row (each run's value is
// already a minimum over calls), then the range over the runs; no row exists on one side only.
//   row                                   before ms  after ms  after/before  before runs (3)  after runs (3)
//   SlidingWindowMFAC.ihvp:d=10000:m=64   2.03       1.99      0.98x         2.03–2.90        1.99–3.16
//   SlidingWindowMFAC.ihvp:d=100000:m=64  21.1       25.4      1.20x         21.1–45.7        25.4–36.7
//   gram:webasm:d=20000:m=64              137        177       1.29x         137–163          177–196
//   gram:webasm:d=100000:m=64             651        624       0.96x         651–1217         624–1200
//   peer columns: 128 dots (bench code, identical) d=10000 2.60 → 2.35 (0.90x), d=100000 26.6 →
//   29.3 (1.11x); linalg gram float64 d=20000 5.01 → 5.08 (1.01x), d=100000 27.4 → 28.3 (1.03x)
// The two rows above 1.1x were re-measured with both builds loaded in one process, calls
// alternating (same load for both sides; process CPU time per call): ihvp d=100000 (10 rounds ×
// 3 calls) after/before 0.98 by best call, 0.85 by median, 1.01 by CPU; ihvp d=10000 1.00 /
// 1.17 / 1.00; @rg/gpu webasm gram d=20000 (8 rounds) 1.09 / 1.00 / 1.03; linalg float64 gram
// 1.01 / 1.00 / 0.98 (d=20000), 0.98 / 1.02 / 1.01 (d=100000). Reading: no change above noise.
// The 1.20x and 1.29x best-run ratios are load (the identical 128-dot loop itself moved 1.11x
// between the sides); by CPU time every row is within ±3%. As expected: in SlidingWindowMFAC
// the refactor changed only the constructor's option checks (linalg's shared validators), and
// the Gram rows go through the same products (linalg's gram now calls gemm through the backend
// dispatch; @rg/gpu's pipelines were reorganized around the device interface).
import { type BenchRow, measure, report } from '@rg/bench';
import { createAccelerator } from '@rg/gpu';
import { gram, rng } from '@rg/linalg';
import { SlidingWindowMFAC } from '../src/index.js';

const rows: BenchRow[] = [];
// BENCH_ONLY=gram skips the ihvp cases
for (const [d, m] of process.env.BENCH_ONLY === 'gram'
  ? []
  : ([
      [10_000, 64],
      [100_000, 64],
    ] as const)) {
  const r = rng(1);
  const w = new SlidingWindowMFAC({ dim: d, m, damp: 1e-4 });
  const g = new Float64Array(d);
  for (let t = 0; t < m; t++) {
    for (let i = 0; i < d; i++) g[i] = r.normal();
    w.add(g);
  }
  const v = Float64Array.from({ length: d }, () => r.normal());
  const out = new Float64Array(d);
  const window = w.gradients().data;
  // the floor: one pass of m dot products and one of m axpys over the d×m window
  const floor = () => {
    const c = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      let s = 0;
      const base = k * d;
      for (let i = 0; i < d; i++) s += window[base + i] * v[i];
      c[k] = s;
    }
    for (let k = 0; k < m; k++) {
      let s = 0;
      const base = k * d;
      for (let i = 0; i < d; i++) s += window[base + i] * out[i];
      c[k] += s;
    }
    return c;
  };
  const opts = { minTime: 500, warmup: 5 };
  const ours = measure(() => w.ihvp(v, out), opts);
  const dots = measure(floor, opts);
  rows.push({
    name: `@rg/hessian:SlidingWindowMFAC.ihvp:d=${d}:m=${m}`,
    ours: ours.min,
    peers: { [`${2 * m} dots of length d`]: dots.min },
    note: 'min of runs (shared CPU)',
  });
}
report('@rg/hessian', rows);

// The O(dm²) Gram G Gᵀ of StaticMFAC's setup: @rg/gpu float32 `gram` (ours, per mode) against
// @rg/linalg's float64 gram(g, 'AAt'). headlessgl joins when a GL context opens (xvfb-run -a).
const modes: ('webasm' | 'cpu' | 'headlessgl')[] = ['webasm'];
const probe = createAccelerator({ mode: 'headlessgl' });
if (probe.mode === 'headlessgl') modes.push('headlessgl');
else console.error(`headlessgl unavailable: ${probe.fallbacks.map((f) => f.reason).join('; ')}`);
probe.dispose();
const gramRows: BenchRow[] = [];
for (const [d, m] of [
  [20_000, 64],
  [100_000, 64],
] as const) {
  const r = rng(2);
  const g = { rows: m, cols: d, data: Float64Array.from({ length: m * d }, () => r.normal()) };
  const opts = { minTime: 1000, warmup: 2 };
  const float64 = measure(() => gram(g, 'AAt'), opts);
  for (const mode of modes) {
    const acc = createAccelerator({ mode });
    const ours = measure(() => acc.gram(g), opts);
    gramRows.push({
      name: `@rg/hessian:gram:${acc.mode}:d=${d}:m=${m}`,
      ours: ours.min,
      peers: { 'linalg gram float64': float64.min },
      note: `mode obtained: ${acc.mode}; min of runs (shared CPU)`,
    });
    acc.dispose();
  }
}
report('@rg/hessian (Gram G Gᵀ)', gramRows);
