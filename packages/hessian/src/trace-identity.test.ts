import { rng } from '@rg/linalg';
import { mlp, mlpObjective } from '@rg/nn';
import { describe, expect, it } from 'vitest';
import { hessianTrace } from '../src/index.js';

describe('trace identity at an interpolating MSE minimum', () => {
  it('tr(H) = (1/n) Σ ‖∇_θ f(x_i)‖², and hessianTrace estimates it', () => {
    const r = rng(12);
    const n = 12;
    const net = mlp({ sizes: [3, 6, 1], activation: 'tanh', seed: 5 });
    const X = { rows: n, cols: 3, data: Float64Array.from({ length: 3 * n }, () => r.normal()) };
    const x = net.params;
    // targets equal to the net's own outputs: every residual is 0, so H = (1/n) Σ J_iᵀ J_i
    const Y = net.forward(X);
    const f = mlpObjective(net, X, Y, { loss: 'mse' });
    let exactTrace = 0;
    const e = new Float64Array(f.dim);
    for (let j = 0; j < f.dim; j++) {
      e.fill(0);
      e[j] = 1;
      exactTrace += f.hvp(x, e)[j];
    }
    // with every residual equal to 1, the per-sample gradient of ½(f − y)² is ∇_θ f(x_i) itself
    const shifted = { rows: n, cols: 1, data: Y.data.map((y) => y - 1) };
    const J = mlpObjective(net, X, shifted, { loss: 'mse' }).perSampleGradients(x);
    let sum = 0;
    for (const t of J.data) sum += t * t;
    // both sides add the same O(dim·n) products in different orders
    expect(exactTrace).toBeCloseTo(sum / n, 12);
    const est = hessianTrace(f, x, { samples: 400, seed: 2 });
    expect(Math.abs(est.estimate - sum / n)).toBeLessThan(4 * est.standardError);
  });
});
