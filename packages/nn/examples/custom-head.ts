// A backbone of @rg/nn layers trained through a head written by hand: cosine logits against
// fixed class directions (the normalized-softmax head of Wang et al. 2018, "CosFace", without
// margin), the kind of head @rg/grassmann's class subspaces generalize. The head computes its
// loss and ∂loss/∂features; `backbone.backward(...)` carries that gradient into the layers.
import { defineExample, Plot, plotToSVG, type Row } from '@rg/gallery';
import { type Matrix, rng } from '@rg/linalg';
import { adam } from '@rg/optim';
import { activation, dense, layerNorm, sequential } from '../src/index.js';

/** Three interleaved spiral arms in the plane, label = arm. */
function spirals(n: number, seed: number): { x: Matrix; labels: number[] } {
  const r = rng(seed);
  const x = new Float64Array(2 * n);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    const t = 0.15 + 0.85 * r.uniform();
    const angle = (2 * Math.PI * k) / 3 + 4 * t + 0.15 * r.normal();
    x[2 * i] = t * Math.cos(angle);
    x[2 * i + 1] = t * Math.sin(angle);
    labels.push(k);
  }
  return { x: { rows: n, cols: 2, data: x }, labels };
}

/**
 * The head: logits γ·⟨f/‖f‖, c_k⟩ for unit class directions c_k (here the coordinate axes of a
 * 3-dimensional feature space), softmax cross-entropy. Returns the mean loss, ∂loss/∂f and
 * the predicted classes.
 */
function cosineHead(f: Matrix, labels: number[], gamma: number) {
  const n = f.rows;
  const d = f.cols;
  const grad = new Float64Array(n * d);
  const predicted: number[] = [];
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = f.data.subarray(i * d, (i + 1) * d);
    const len = Math.hypot(...row);
    const logits = Array.from(row, (v) => (gamma * v) / len);
    const mx = Math.max(...logits);
    const e = logits.map((l) => Math.exp(l - mx));
    const z = e.reduce((a, b) => a + b, 0);
    loss += (Math.log(z) + mx - logits[labels[i]]) / n;
    predicted.push(logits.indexOf(mx));
    // ∂loss/∂logit_k = (p_k − [k = y])/n; logits = γ f/‖f‖, so
    // ∂loss/∂f = γ (I − u uᵀ) (p − e_y) / (n ‖f‖) with u = f/‖f‖
    const gl = e.map((v, k) => (v / z - (k === labels[i] ? 1 : 0)) / n);
    let ug = 0;
    for (let j = 0; j < d; j++) ug += (row[j] / len) * gl[j];
    for (let j = 0; j < d; j++) grad[i * d + j] = (gamma * (gl[j] - (row[j] / len) * ug)) / len;
  }
  return { loss, gradient: { rows: n, cols: d, data: grad }, predicted };
}

const accuracy = (predicted: number[], labels: number[]) =>
  predicted.filter((p, i) => p === labels[i]).length / labels.length;

export default defineExample({
  title: 'A custom head trained through an @rg/nn backbone',
  description:
    'A backbone of dense, layerNorm and tanh layers maps points of three interleaved spirals to 3-dimensional features; a head written by hand turns them into cosine logits γ·⟨f/‖f‖, e_k⟩ and a softmax cross-entropy, and returns ∂loss/∂f. `backbone.backward(∂loss/∂f)` accumulates the gradients of every backbone parameter (exact chain rule through any head), and Adam steps `backbone.parameters()` in place.',
  run(ctx) {
    const n = ctx.quick ? 150 : 600;
    const steps = ctx.quick ? 150 : 1500;
    const gamma = 8;
    const train = spirals(n, 1);
    const test = spirals(n, 2);
    const r = rng(3);
    const backbone = sequential([
      dense({ inputs: 2, outputs: 32, seed: r }),
      activation('tanh'),
      dense({ inputs: 32, outputs: 32, seed: r }),
      layerNorm({ features: 32 }),
      activation('tanh'),
      dense({ inputs: 32, outputs: 3, seed: r }),
    ]);
    const opt = adam({ lr: 0.01 });
    const curve: { step: number; value: number; quantity: string }[] = [];
    const t0 = performance.now();
    for (let step = 0; step <= steps; step++) {
      const head = cosineHead(backbone.forward(train.x), train.labels, gamma);
      if (step % 10 === 0) {
        curve.push({ step, value: head.loss, quantity: 'train loss' });
        curve.push({
          step,
          value: 1 - accuracy(head.predicted, train.labels),
          quantity: 'train error',
        });
        ctx.progress(step / steps);
      }
      if (step === steps) break;
      backbone.zeroGrad();
      backbone.backward(head.gradient);
      opt.step(backbone.parameters());
    }
    const ms = performance.now() - t0;
    const trainHead = cosineHead(backbone.forward(train.x), train.labels, gamma);
    const testHead = cosineHead(backbone.forward(test.x), test.labels, gamma);
    // predicted class on a grid, for the decision regions
    const side = ctx.quick ? 24 : 60;
    const grid = new Float64Array(2 * side * side);
    for (let i = 0; i < side; i++)
      for (let j = 0; j < side; j++) {
        grid[2 * (i * side + j)] = -1.1 + (2.2 * j) / (side - 1);
        grid[2 * (i * side + j) + 1] = -1.1 + (2.2 * i) / (side - 1);
      }
    const gridHead = cosineHead(
      backbone.forward({ rows: side * side, cols: 2, data: grid }),
      new Array(side * side).fill(0),
      gamma,
    );
    const regions = gridHead.predicted.map((k, i) => ({
      x: grid[2 * i],
      y: grid[2 * i + 1],
      class: `arm ${k + 1}`,
    }));
    const points = train.labels.map((k, i) => ({
      x: train.x.data[2 * i],
      y: train.x.data[2 * i + 1],
      class: `arm ${k + 1}`,
    }));
    const regionsSvg = plotToSVG({
      width: 420,
      height: 420,
      x: { label: 'x₁' },
      y: { label: 'x₂' },
      color: { legend: true },
      marks: [
        Plot.dot(regions, {
          x: 'x',
          y: 'y',
          fill: 'class',
          r: 3,
          fillOpacity: 0.18,
          symbol: 'square',
        }),
        Plot.dot(points, { x: 'x', y: 'y', stroke: 'class', r: 2.5 }),
      ],
    });
    const curveSvg = plotToSVG({
      width: 520,
      height: 300,
      marginLeft: 50,
      x: { label: 'Adam step' },
      y: { type: 'log', label: 'train loss / train error' },
      color: { legend: true },
      marks: [
        Plot.line(
          curve.filter((c) => c.value > 0),
          { x: 'step', y: 'value', stroke: 'quantity' },
        ),
      ],
    });
    const table: Row[] = [
      {
        'backbone parameters': backbone.dim,
        'Adam steps': steps,
        'train loss': trainHead.loss,
        'train accuracy': accuracy(trainHead.predicted, train.labels),
        'test accuracy': accuracy(testHead.predicted, test.labels),
        'ms per step': ms / steps,
      },
    ];
    ctx.progress(1);
    return {
      figures: [
        {
          name: 'custom-head-regions',
          title: 'Decision regions of the cosine head on the learned features',
          svg: regionsSvg,
        },
        {
          name: 'custom-head-training',
          title: 'Training through the hand-written head',
          svg: curveSvg,
        },
      ],
      table,
      summary: `The backbone (${backbone.dim} parameters) learns features that the fixed cosine head separates: after ${steps} Adam steps on ${n} points the train accuracy is ${(100 * accuracy(trainHead.predicted, train.labels)).toFixed(1)}% and the accuracy on ${n} fresh points ${(100 * accuracy(testHead.predicted, test.labels)).toFixed(1)}%. Nothing in the head is known to @rg/nn: it returns ∂loss/∂features and \`backbone.backward\` does the rest.`,
    };
  },
});
