// Benchmarks for @rg/nn: exact R-operator hvp against the cost of one gradient
// (goal: hvp under 3x one gradient; a finite-difference HVP costs two gradients).
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
  const opts = { minTime: 300 };
  const grad = measure(() => f.grad(x), opts);
  const hvp = measure(() => f.hvp(x, v), opts);
  rows.push({
    name: `@rg/nn:hvp:mlp=16-${width}-${width}-10:n=${n}`,
    ours: hvp.median,
    peers: { 'one grad': grad.median, 'two grads (FD hvp)': 2 * grad.median },
  });
}
report('@rg/nn', rows);
