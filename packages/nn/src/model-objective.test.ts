import { InvalidArgumentError, type Matrix, ShapeError, rng } from '@rg/linalg';
import { adam } from '@rg/optim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPS, norm, randomMatrix, randomVector, relErr } from '../test/finite-differences.js';
import {
  activation,
  columns,
  concat,
  dense,
  embedding,
  type Layer,
  layerNorm,
  learnedPositions,
  type ModelData,
  type LossName,
  modelObjective,
  perSampleGradients,
  residual,
  sequential,
  sinusoidalEmbedding,
  train,
  transformerBlock,
} from './index.js';

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);

interface Problem {
  name: string;
  make: () => Layer;
  data: ModelData;
  loss: LossName;
  ignoreIndex?: number;
}

// 3 sequences of 4 tokens over a vocabulary of 5; targets are class indices, −1 marks padding
const tokens = 4;
const seqIds: Matrix = {
  rows: 3,
  cols: tokens,
  data: Float64Array.from([1, 2, 3, 0, 4, 4, 1, 0, 2, 0, 0, 0]),
};
const problems: Problem[] = [
  {
    name: 'a sequence classifier (embedding, positions, transformer block) with ignored targets and padding',
    make: () =>
      sequential([
        embedding({ vocab: 5, dim: 4, seed: 1 }),
        learnedPositions({ maxTokens: tokens, dim: 4, seed: 2 }),
        transformerBlock({ dModel: 4, heads: 2, hidden: 6, causal: true, seed: 3 }),
        layerNorm({ features: 4 }),
        dense({ inputs: 4, outputs: 5, seed: 4 }),
      ]),
    data: {
      x: seqIds,
      y: [2, 3, 4, -1, 4, 1, -1, -1, 0, -1, -1, -1],
      tokens,
      keyPaddingMask: [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1],
    },
    loss: 'softmaxCrossEntropy',
    ignoreIndex: -1,
  },
  {
    name: 'a score network on [x, t] (columns, sinusoidal time features, residual block), mse',
    make: () =>
      sequential([
        concat([
          columns({ from: 0, to: 2 }),
          sequential([columns({ from: 2, to: 3 }), sinusoidalEmbedding({ dim: 4 })]),
        ]),
        dense({ inputs: 6, outputs: 5, seed: 5 }),
        residual(sequential([activation('softplus'), dense({ inputs: 5, outputs: 5, seed: 6 })])),
        activation('tanh'),
        dense({ inputs: 5, outputs: 2, seed: 7 }),
      ]),
    data: { x: randomMatrix(6, 3, 8), y: randomMatrix(6, 2, 9) },
    loss: 'mse',
  },
  {
    name: 'a logistic model with layerNorm and gelu',
    make: () =>
      sequential([
        dense({ inputs: 3, outputs: 4, seed: 10 }),
        layerNorm({ features: 4 }),
        activation('gelu'),
        dense({ inputs: 4, outputs: 2, seed: 11 }),
      ]),
    data: {
      x: randomMatrix(5, 3, 12),
      y: { rows: 5, cols: 2, data: Float64Array.from([1, 0, 0, 1, 1, 1, 0, 0, 1, 0]) },
    },
    loss: 'logistic',
  },
];

function setup(p: Problem, seed: number) {
  const model = p.make();
  const f = modelObjective(model, p.data, p.loss, { ignoreIndex: p.ignoreIndex });
  const x = model.params.map((t, i) => t + 0.3 * randomVector(model.dim, seed)[i]);
  return { model, f, x };
}

describe('modelObjective', () => {
  // EPS = 1e-5 leaves about 1e-10 relative error in the central differences; the bound is 1e-6
  it.each(problems.map((p) => [p.name, p] as const))(
    '%s: grad matches central differences of value',
    (_n, p) => {
      const { f, x } = setup(p, 1);
      const g = f.grad(x);
      const fd = new Float64Array(f.dim);
      for (let i = 0; i < f.dim; i++) {
        const xp = Float64Array.from(x);
        const xm = Float64Array.from(x);
        xp[i] += EPS;
        xm[i] -= EPS;
        fd[i] = (f.value(xp) - f.value(xm)) / (2 * EPS);
      }
      expect(relErr(g, fd)).toBeLessThan(1e-6);
    },
  );

  it.each(problems.map((p) => [p.name, p] as const))(
    '%s: hvp matches central differences of grad',
    (_n, p) => {
      const { f, x } = setup(p, 2);
      const v = randomVector(f.dim, 3);
      const e = EPS / norm(v);
      const gp = f.grad(x.map((t, i) => t + e * v[i]));
      const gm = f.grad(x.map((t, i) => t - e * v[i]));
      expect(
        relErr(
          f.hvp(x, v),
          gp.map((t, i) => (t - gm[i]) / (2 * e)),
        ),
      ).toBeLessThan(1e-6);
    },
  );

  it('hvp is symmetric and Gauss–Newton / Fisher products are PSD (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: problems.length - 1 }),
        (seed, c) => {
          const { f, x } = setup(problems[c], seed);
          const u = randomVector(f.dim, seed + 1);
          const v = randomVector(f.dim, seed + 2);
          const hu = f.hvp(x, u);
          const hv = f.hvp(x, v);
          // both sides are exact up to rounding in sums of a few hundred terms
          expect(Math.abs(dot(u, hv) - dot(v, hu))).toBeLessThanOrEqual(
            1e-11 * norm(u) * norm(hv) + 1e-300,
          );
          // means of (Jv)ᵀ H_ℓ (Jv) with H_ℓ PSD: only rounding can go below zero
          expect(dot(v, f.gaussNewtonVectorProduct(x, v))).toBeGreaterThanOrEqual(
            -1e-13 * dot(v, v),
          );
          expect(dot(v, f.fisherVectorProduct(x, v))).toBeGreaterThanOrEqual(-1e-13 * dot(v, v));
        },
      ),
      { numRuns: 12 },
    );
  });

  it.each(problems.map((p) => [p.name, p] as const))(
    '%s: perSampleGradients equal the gradients of single-sample objectives, scaled so that rows average to grad',
    (_n, p) => {
      const { f, x } = setup(p, 4);
      const G = f.perSampleGradients(x);
      expect([G.rows, G.cols]).toEqual([f.samples, f.dim]);
      for (let s = 0; s < f.samples; s++) {
        const single = f.subset([s]);
        // row s = (n/m) Σ_{counted rows r of s} ∇ℓ_r = single.grad · m_s · n / m
        const scale = (single.counted * f.samples) / f.counted;
        const ref = single.grad(x).map((t) => t * scale);
        expect(relErr(G.data.subarray(s * f.dim, (s + 1) * f.dim), ref)).toBeLessThan(1e-12);
      }
      const mean = new Float64Array(f.dim);
      for (let s = 0; s < G.rows; s++)
        for (let j = 0; j < f.dim; j++) mean[j] += G.data[s * f.dim + j] / G.rows;
      expect(relErr(mean, f.grad(x))).toBeLessThan(1e-12);
      // the empirical Fisher is (1/n) GᵀG
      const v = randomVector(f.dim, 5);
      const ref = new Float64Array(f.dim);
      for (let s = 0; s < G.rows; s++) {
        const row = G.data.subarray(s * f.dim, (s + 1) * f.dim);
        const a = dot(row, v);
        for (let j = 0; j < f.dim; j++) ref[j] += (row[j] * a) / G.rows;
      }
      expect(relErr(f.fisherVectorProduct(x, v), ref)).toBeLessThan(1e-12);
    },
  );

  it('perSampleGradients(model, x, y) is the objective’s at the model’s parameters; neither changes the model', () => {
    const p = problems[0];
    const model = p.make();
    const before = Float64Array.from(model.params);
    const G = perSampleGradients(model, p.data.x, p.data.y, p.loss, {
      tokens,
      keyPaddingMask: p.data.keyPaddingMask,
      ignoreIndex: -1,
    });
    const f = modelObjective(model, p.data, p.loss, { ignoreIndex: -1 });
    expect(Array.from(G.data)).toEqual(
      Array.from(f.perSampleGradients(Float64Array.from(model.params)).data),
    );
    f.hvp(
      before.map((t) => t + 1),
      randomVector(f.dim, 1),
    );
    expect(Array.from(model.params)).toEqual(Array.from(before));
    expect(model.grads.every((g) => g === 0)).toBe(true);
  });

  it('products stay exact across the forward-pass cache: another forward through the model, or x changed in place', () => {
    const { model, f, x } = setup(problems[1], 6);
    const v = randomVector(f.dim, 7);
    const first = f.hvp(x, v);
    expect(Array.from(f.hvp(x, v))).toEqual(Array.from(first));
    // another forward through the model invalidates the cached pass
    model.forward(problems[1].data.x);
    expect(Array.from(f.hvp(x, v))).toEqual(Array.from(first));
    const y = Float64Array.from(x);
    y[0] += 0.25;
    const fresh = modelObjective(model, problems[1].data, 'mse').hvp(Float64Array.from(y), v);
    expect(Array.from(f.hvp(y, v))).toEqual(Array.from(fresh));
  });

  it('train(modelObjective, { batchSize }) lowers the loss with minibatches; the model is not changed', () => {
    const r0 = rng(3);
    const n = 48;
    const X = randomMatrix(n, 2, 4);
    const Y = { rows: n, cols: 2, data: new Float64Array(2 * n) };
    for (let i = 0; i < n; i++) Y.data[2 * i + (X.data[2 * i] * X.data[2 * i + 1] > 0 ? 0 : 1)] = 1;
    const model = sequential([
      dense({ inputs: 2, outputs: 8, seed: r0 }),
      activation('tanh'),
      dense({ inputs: 8, outputs: 2, seed: r0 }),
    ]);
    const f = modelObjective(model, { x: X, y: Y }, 'softmaxCrossEntropy');
    const before = Float64Array.from(model.params);
    const r = train(f, { optimizer: adam({ lr: 0.05 }), epochs: 100, batchSize: 8, seed: 1 });
    expect(r.steps).toBe(100 * 6);
    expect(r.lossHistory[100]).toBeLessThan(0.3 * r.lossHistory[0]);
    expect(Array.from(model.params)).toEqual(Array.from(before));
  });

  it('rejects misfit data, unknown losses and bad class indices with typed errors', () => {
    const model = dense({ inputs: 2, outputs: 3 });
    const x = randomMatrix(4, 2, 1);
    expect(() =>
      modelObjective(model, { x: randomMatrix(4, 3, 1), y: randomMatrix(4, 3, 2) }),
    ).toThrow(ShapeError);
    expect(() => modelObjective(model, { x, y: randomMatrix(3, 3, 2) })).toThrow(ShapeError);
    // @ts-expect-error an unknown loss
    expect(() => modelObjective(model, { x, y: randomMatrix(4, 3, 2) }, 'hinge')).toThrow(
      InvalidArgumentError,
    );
    expect(() => modelObjective(model, { x, y: [0, 1, 2, 3] }, 'softmaxCrossEntropy')).toThrow(
      /class index in \[0, 3\)/,
    );
    expect(() => modelObjective(model, { x, y: [0, 1, 2, 0] }, 'mse')).toThrow(/Matrix/);
    expect(() =>
      modelObjective(model, { x, y: [-1, -1, -1, -1] }, 'softmaxCrossEntropy', { ignoreIndex: -1 }),
    ).toThrow(/ignored/);
    expect(() => modelObjective(model, { x, y: randomMatrix(4, 3, 2), tokens: 3 })).toThrow(
      ShapeError,
    );
    const f = modelObjective(model, { x, y: [0, 1, 2, 0] }, 'softmaxCrossEntropy');
    expect(() => f.grad(new Float64Array(2))).toThrow(ShapeError);
    expect(() => f.value(new Float64Array(f.dim).fill(Number.NaN))).toThrow(/NaN/);
    expect(() => f.subset([4])).toThrow(InvalidArgumentError);
  });
});
