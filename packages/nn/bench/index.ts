// Benchmarks for @rg/nn: exact R-operator hvp against the cost of one gradient
// (goal: hvp under 3x one gradient; a finite-difference HVP costs two gradients).
// Times are the minimum over runs: the 2-core machine was shared (load average ~24), and
// repeated runs of the large case varied by 2-4x.
//
// Run of 2026-11-29 (tsx bench/index.ts):
// benchmark                                   ours ms  one grad ms  one grad/ours  two grads ms  two grads/ours
// @rg/nn:hvp:fresh-x:mlp=16-32-32-10:n=256    1.70     1.09         0.64x          2.17          1.28x
// @rg/nn:hvp:same-x:mlp=16-32-32-10:n=256     0.8353   1.09         1.30x          2.17          2.60x
// @rg/nn:hvp:fresh-x:mlp=16-128-128-10:n=512  82.17    29.23        0.36x          58.47         0.71x
// @rg/nn:hvp:same-x:mlp=16-128-128-10:n=512   49.94    29.23        0.59x          58.47         1.17x
// Small net: hvp = 1.6x one gradient (0.8x when the forward pass is reused at one x, the
// Lanczos case). Large net: 2.8x here (19 layer products against the gradient's 8 give
// ≈ 2.4x in flops); it missed 3x in other runs, where linalg's matmul (A·B and A·Bᵀ at
// 512×128×128) measured 3-10x slower than matmulTransA of the same size.
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
  // alternating two points defeats the objective's forward-pass cache: a fresh x each call
  const x2 = x.map((t) => t + 1e-3);
  const v = Float64Array.from({ length: net.dim }, () => r.normal());
  const opts = { minTime: 500, warmup: 30 };
  let flip = false;
  const fresh = (g: (p: Float64Array) => unknown) => () => {
    flip = !flip;
    return g(flip ? x : x2);
  };
  const grad = measure(
    fresh((p) => f.grad(p)),
    opts,
  );
  const hvp = measure(
    fresh((p) => f.hvp(p, v)),
    opts,
  );
  // the Lanczos / power-iteration case: many products at one x reuse the forward pass
  const hvpSameX = measure(() => f.hvp(x, v), opts);
  const peers = { 'one grad': grad.min, 'two grads (FD hvp)': 2 * grad.min };
  const note = 'min of runs (shared CPU)';
  rows.push({
    name: `@rg/nn:hvp:fresh-x:mlp=16-${width}-${width}-10:n=${n}`,
    ours: hvp.min,
    peers,
    note,
  });
  rows.push({
    name: `@rg/nn:hvp:same-x:mlp=16-${width}-${width}-10:n=${n}`,
    ours: hvpSameX.min,
    peers,
    note,
  });
}
report('@rg/nn', rows);
