// Benchmarks for @rg/hessian: SlidingWindowMFAC.ihvp against its memory-bound floor,
// 2m dot products of length d over the same window (goal: within 2x).
// Times are the minimum over runs: the 2-core machine was shared (load average ~24).
//
// Run of 2026-11-29 (tsx bench/index.ts):
// benchmark                                         ours ms  128 dots of length d ms  ratio (floor/ours)
// @rg/hessian:SlidingWindowMFAC.ihvp:d=10000:m=64   1.68     2.60                     1.55x
// @rg/hessian:SlidingWindowMFAC.ihvp:d=100000:m=64  95.82    117                      1.22x
// ihvp is at the floor (ratio ≥ 1: the two passes over the window are all it does; the m×m
// triangular solves are negligible at m = 64). Not measured: the @rg/gpu gram update.
import { measure, report } from '@rg/bench';
import { rng } from '@rg/linalg';
import { SlidingWindowMFAC } from '../src/index.js';

const rows = [];
for (const [d, m] of [
  [10_000, 64],
  [100_000, 64],
] as const) {
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
