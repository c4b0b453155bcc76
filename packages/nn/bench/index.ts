// Benchmarks for @rg/nn: exact R-operator hvp against the cost of one gradient
// (goal: hvp under 3x one gradient; a finite-difference HVP costs two gradients).
// Times are the minimum over runs: the 2-core machine was shared (load average ~24).
//
// Run of 2026-11-29 (tsx bench/index.ts):
// benchmark                           ours ms  one grad ms  one grad/ours  two grads (FD hvp) ms  two grads (FD hvp)/ours
// @rg/nn:hvp:mlp=16-32-32-10:n=256    1.87     1.15         0.62x          2.31                   1.24x
// @rg/nn:hvp:mlp=16-128-128-10:n=512  77.25    57.45        0.74x          115                    1.49x
// hvp / grad = 1.6x and 1.3x here; an earlier run of the large case gave 108 / 38 = 2.8x
// (the GEMM-bound case does 19 layer products against the gradient's 8, so ≈ 2.4x is the
// flop ratio).
import { measure, report } from '@rg/bench';
import { rng } from '@rg/linalg';
import { mlp, mlpObjective } from '../src/index.js';

const rows = [];
for (const [width, n] of [
  [32, 256],
  [128, 512],
] as const) {
  const net = mlp({ sizes: [16, width, width, 10], activation: 'tanh', seed: 1 });
  const r = rng(2);
  const X = { rows: n, cols: 16, data: Float64Array.from({ length: n * 16 }, () => r.normal()) };
  const Y = { rows: n, cols: 10, data: new Float64Array(n * 10) };
  for (let i = 0; i < n; i++) Y.data[i * 10 + r.int(10)] = 1;
  const f = mlpObjective(net, X, Y, { loss: 'softmaxCrossEntropy' });
  const x = net.params;
  const v = Float64Array.from({ length: net.dim }, () => r.normal());
  const opts = { minTime: 500, warmup: 30 };
  const grad = measure(() => f.grad(x), opts);
  const hvp = measure(() => f.hvp(x, v), opts);
  rows.push({
    name: `@rg/nn:hvp:mlp=16-${width}-${width}-10:n=${n}`,
    ours: hvp.min,
    peers: { 'one grad': grad.min, 'two grads (FD hvp)': 2 * grad.min },
    note: 'min of runs (shared CPU)',
  });
}
report('@rg/nn', rows);
