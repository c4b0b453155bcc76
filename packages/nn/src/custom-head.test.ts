import { type Matrix, rng } from '@rg/linalg';
import { adam } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import { EPS, relErr } from '../test/finite-differences.js';
import { activation, dense, layerNorm, sequential } from './index.js';

/**
 * A head written by hand, outside the model: cosine logits γ·(f/‖f‖)·cᵀ against fixed unit
 * class directions c, softmax cross-entropy. Returns the mean loss and ∂loss/∂f.
 */
function cosineHead(f: Matrix, labels: number[], centers: number[][], gamma: number) {
  const n = f.rows;
  const d = f.cols;
  const grad = new Float64Array(n * d);
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const row = f.data.subarray(i * d, (i + 1) * d);
    const len = Math.hypot(...row);
    const u = Array.from(row, (v) => v / len);
    const logits = centers.map((c) => gamma * c.reduce((s, cj, j) => s + cj * u[j], 0));
    const mx = Math.max(...logits);
    const e = logits.map((l) => Math.exp(l - mx));
    const z = e.reduce((a, b) => a + b, 0);
    loss += (Math.log(z) + mx - logits[labels[i]]) / n;
    if (logits.indexOf(mx) === labels[i]) correct++;
    // ∂/∂u = γ Σ_c (p_c − [c = y]) c;  ∂/∂f = (I − u uᵀ) ∂/∂u / ‖f‖
    const gu = new Array(d).fill(0);
    centers.forEach((c, k) => {
      const w = (gamma * (e[k] / z - (k === labels[i] ? 1 : 0))) / n;
      for (let j = 0; j < d; j++) gu[j] += w * c[j];
    });
    const ug = gu.reduce((s, g, j) => s + g * u[j], 0);
    for (let j = 0; j < d; j++) grad[i * d + j] = (gu[j] - u[j] * ug) / len;
  }
  return { loss, grad: { rows: n, cols: d, data: grad }, accuracy: correct / n };
}

function data(n: number, seed: number) {
  const r = rng(seed);
  const labels: number[] = [];
  const x = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    const angle = (2 * Math.PI * k) / 3 + 0.35 * r.normal();
    const radius = 1 + 0.2 * r.normal();
    x[2 * i] = radius * Math.cos(angle) + 0.5;
    x[2 * i + 1] = radius * Math.sin(angle) - 0.3;
    labels.push(k);
  }
  return { x: { rows: n, cols: 2, data: x }, labels };
}

const centers = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

function backbone() {
  const r = rng(7);
  return sequential([
    dense({ inputs: 2, outputs: 16, seed: r }),
    layerNorm({ features: 16 }),
    activation('tanh'),
    dense({ inputs: 16, outputs: 3, seed: r }),
  ]);
}

describe('a custom head trained through the backbone', () => {
  it('backward(head gradient) gives the gradient of the head loss with respect to the backbone parameters', () => {
    const model = backbone();
    const { x, labels } = data(12, 1);
    const f = model.forward(x);
    const head = cosineHead(f, labels, centers, 5);
    model.zeroGrad();
    model.backward(head.grad);
    const total = (p: Float64Array) => {
      const m = backbone();
      m.params.set(p);
      return cosineHead(m.forward(x), labels, centers, 5).loss;
    };
    const fd = new Float64Array(model.dim);
    for (let j = 0; j < model.dim; j++) {
      const pp = Float64Array.from(model.params);
      const pm = Float64Array.from(model.params);
      pp[j] += EPS;
      pm[j] -= EPS;
      fd[j] = (total(pp) - total(pm)) / (2 * EPS);
    }
    // central differences with EPS = 1e-5: about 1e-10 relative error
    expect(relErr(model.grads, fd)).toBeLessThan(1e-6);
  });

  it('Adam on the backbone parameters through the head reaches 100% train accuracy on three clusters', () => {
    const model = backbone();
    const { x, labels } = data(60, 2);
    const opt = adam({ lr: 0.02 });
    let accuracy = 0;
    const first = cosineHead(model.forward(x), labels, centers, 5).loss;
    let last = first;
    for (let step = 0; step < 300 && accuracy < 1; step++) {
      const head = cosineHead(model.forward(x), labels, centers, 5);
      accuracy = head.accuracy;
      last = head.loss;
      model.zeroGrad();
      model.backward(head.grad);
      opt.step(model.parameters());
    }
    expect(accuracy).toBe(1);
    expect(last).toBeLessThan(first);
  });
});
