import { fromRows, type Matrix, matmul, randomOrthogonal, rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { gcrSgd, grassmannClassHead } from './index.js';

function gaussian(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal()) };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]));
  return e;
}

describe('grassmannClassHead(options)', () => {
  it('logits are γ‖Sᵢᵀx̂‖ (vs a direct evaluation) and lie in [0, γ]', () => {
    const head = grassmannClassHead({ features: 6, classes: 4, k: 2, gamma: 25, seed: 3 });
    const x = gaussian(5, 6, 1);
    const logits = head.forward(x);
    const params = head.parameters();
    for (let b = 0; b < 5; b++) {
      const row = x.data.subarray(b * 6, (b + 1) * 6);
      const norm = Math.sqrt(dot(row, row));
      for (let i = 0; i < 4; i++) {
        const s = params[i].value;
        let q = 0;
        for (let j = 0; j < 2; j++) {
          let c = 0;
          for (let r = 0; r < 6; r++) c += s.data[r * 2 + j] * row[r];
          q += (c / norm) ** 2;
        }
        // a handful of products and one square root: a few ulp of γ
        expect(Math.abs(logits.data[b * 4 + i] - 25 * Math.sqrt(q))).toBeLessThan(1e-13);
        expect(logits.data[b * 4 + i]).toBeLessThanOrEqual(25 + 1e-12);
      }
    }
  });

  it('logits are invariant under S → SQ for orthogonal Q (they depend on the subspaces only)', () => {
    const head = grassmannClassHead({ features: 7, classes: 3, k: 3, seed: 1 });
    const x = gaussian(4, 7, 2);
    const before = head.forward(x);
    const r = rng(9);
    for (const p of head.parameters())
      p.value.data.set(matmul(p.value, randomOrthogonal(3, r)).data);
    expect(maxAbsDiff(head.forward(x).data, before.data)).toBeLessThan(1e-13);
  });

  it('backward(g) is the exact gradient of ⟨g, logits⟩ in the features and in every basis entry (vs central differences)', () => {
    const head = grassmannClassHead({ features: 5, classes: 3, k: 2, gamma: 4, seed: 2 });
    const x = gaussian(3, 5, 4);
    const g = gaussian(3, 3, 5);
    const value = (xx: Matrix) => dot(head.forward(xx).data, g.data);
    head.zeroGrad();
    head.forward(x);
    const dx = head.backward(g);
    // central differences, step 1e-6: truncation ~h²·(third derivative ≲ γ/‖x‖³ · 10) ≈ 1e-10,
    // rounding ~ε·|value|/h ≈ 1e-9; 1e-7 leaves a margin of 100
    const h = 1e-6;
    for (let i = 0; i < x.data.length; i++) {
      const xp = { ...x, data: x.data.slice() };
      const xm = { ...x, data: x.data.slice() };
      xp.data[i] += h;
      xm.data[i] -= h;
      expect(Math.abs((value(xp) - value(xm)) / (2 * h) - dx.data[i])).toBeLessThan(1e-7);
    }
    // the Euclidean gradient in each entry of each S (the logits are defined for any S, the
    // optimizer projects this gradient onto the tangent space)
    for (const p of head.parameters()) {
      const grad = (p.grad as Matrix).data.slice();
      for (let i = 0; i < p.value.data.length; i++) {
        const keep = p.value.data[i];
        p.value.data[i] = keep + h;
        const fp = value(x);
        p.value.data[i] = keep - h;
        const fm = value(x);
        p.value.data[i] = keep;
        expect(Math.abs((fp - fm) / (2 * h) - grad[i])).toBeLessThan(1e-7);
      }
    }
  });

  it('backward accumulates into the basis gradients until zeroGrad, and uses the bases of its forward', () => {
    const head = grassmannClassHead({ features: 4, classes: 2, k: 1, seed: 5 });
    const x = gaussian(2, 4, 1);
    const g = gaussian(2, 2, 2);
    head.zeroGrad();
    head.forward(x);
    const dx1 = head.backward(g);
    const once = (head.parameters()[0].grad as Matrix).data.slice();
    head.forward(x);
    head.backward(g);
    const twice = (head.parameters()[0].grad as Matrix).data;
    expect(
      maxAbsDiff(
        twice,
        once.map((v) => 2 * v),
      ),
    ).toBeLessThan(1e-15);
    // moving the bases after forward does not change what backward returns
    head.forward(x);
    for (const p of head.parameters()) p.value.data.reverse();
    expect(maxAbsDiff(head.backward(g).data, dx1.data)).toBe(0);
  });

  it('predict is the argmax of the logits and predictProba their softmax (rows sum to 1)', () => {
    const head = grassmannClassHead({ features: 6, classes: 5, k: 2, seed: 7 });
    const x = gaussian(8, 6, 3);
    const logits = head.forward(x);
    const labels = head.predict(x);
    const proba = head.predictProba(x);
    for (let b = 0; b < 8; b++) {
      const row = Array.from(logits.data.subarray(b * 5, (b + 1) * 5));
      expect(labels[b]).toBe(row.indexOf(Math.max(...row)));
      const z = row.reduce((s, v) => s + Math.exp(v), 0);
      for (let i = 0; i < 5; i++)
        expect(Math.abs(proba.data[b * 5 + i] - Math.exp(row[i]) / z)).toBeLessThan(1e-15);
    }
  });

  it('a zero feature row gets logits 0 and gradient 0', () => {
    const head = grassmannClassHead({ features: 3, classes: 2, k: 1 });
    const x = fromRows([
      [0, 0, 0],
      [1, 2, 3],
    ]);
    const logits = head.forward(x);
    expect(Array.from(logits.data.subarray(0, 2))).toEqual([0, 0]);
    const dx = head.backward(
      fromRows([
        [1, 1],
        [1, 1],
      ]),
    );
    expect(Array.from(dx.data.subarray(0, 3))).toEqual([0, 0, 0]);
  });

  it('trained with gcrSgd and cross-entropy, the subspaces capture classes that live on different planes', () => {
    // class c draws x = P_c a with a ~ N(0, I₂) for a random plane P_c in ℝ⁸ (3 classes): a
    // GCR head with k = 2 can represent each class exactly
    const d = 8;
    const classes = 3;
    const r = rng(11);
    const planes = Array.from({ length: classes }, () => {
      const q = randomOrthogonal(d, r);
      return Float64Array.from(
        { length: d * 2 },
        (_, i) => q.data[Math.floor(i / 2) * d + (i % 2)],
      );
    });
    const sample = (count: number) => {
      const x = new Float64Array(count * d);
      const y = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        const c = i % classes;
        y[i] = c;
        const a0 = r.normal();
        const a1 = r.normal();
        for (let j = 0; j < d; j++)
          x[i * d + j] = planes[c][j * 2] * a0 + planes[c][j * 2 + 1] * a1;
      }
      return { x: { rows: count, cols: d, data: x }, y };
    };
    const train = sample(300);
    const test = sample(300);
    const head = grassmannClassHead({ features: d, classes, k: 2, gamma: 10, seed: 1 });
    const opt = gcrSgd({ lr: 0.5, momentum: 0.9 });
    for (let epoch = 0; epoch < 60; epoch++) {
      head.zeroGrad();
      const logits = head.forward(train.x);
      const proba = head.predictProba(train.x);
      // softmax cross-entropy gradient (p − onehot)/B
      const g = proba.data.slice();
      for (let i = 0; i < train.y.length; i++) g[i * classes + train.y[i]] -= 1;
      for (let i = 0; i < g.length; i++) g[i] /= train.y.length;
      head.backward({ rows: logits.rows, cols: classes, data: g });
      opt.step(head.parameters());
    }
    const predicted = head.predict(test.x);
    let correct = 0;
    for (let i = 0; i < predicted.length; i++) if (predicted[i] === test.y[i]) correct++;
    // random planes in ℝ⁸ meet only at 0 and a sample lies at a typical angle ≳ 0.3 rad from the
    // other classes' planes: a head that found the planes classifies ≳ 95% correctly; chance is 33%
    expect(correct / predicted.length).toBeGreaterThan(0.95);
    for (const p of head.parameters()) expect(head.manifold.isPoint(p.value, 1e-12)).toBe(true);
  });

  it('grassmannClassHead throws typed errors naming the option or input', () => {
    const head = grassmannClassHead({ features: 3, classes: 2 });
    const cases: [() => unknown, string, RegExp][] = [
      [
        () => grassmannClassHead({ features: 3, classes: 2, k: 4 }),
        'InvalidArgumentError',
        /grassmannClassHead\(\): k must be ≤ features = 3/,
      ],
      [
        () => grassmannClassHead({ features: 0, classes: 2 }),
        'InvalidArgumentError',
        /features must be an integer ≥ 1/,
      ],
      [
        () => grassmannClassHead({ features: 3, classes: 2, gamma: -1 }),
        'InvalidArgumentError',
        /gamma must be a finite number > 0/,
      ],
      [
        () => head.forward(fromRows([[1, 2]])),
        'ShapeError',
        /grassmannClassHead\(\)\.forward\(\): x must have 3 columns/,
      ],
      [
        () => head.predict(fromRows([[1, Number.NaN, 2]])),
        'NonFiniteError',
        /predict\(\): x\[0, 1\] is NaN/,
      ],
      [
        () => grassmannClassHead({ features: 3, classes: 2 }).backward(fromRows([[1, 1]])),
        'InvalidArgumentError',
        /call forward before backward/,
      ],
    ];
    head.forward(fromRows([[1, 2, 3]]));
    cases.push([
      () => head.backward(fromRows([[1, 1, 1]])),
      'ShapeError',
      /gradLogits must be 1×2/,
    ]);
    for (const [call, name, message] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(expect.objectContaining({ name }));
    }
  });
});
