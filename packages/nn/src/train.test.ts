import { AbortError, fromRows, InvalidArgumentError, NonFiniteError, rng } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { adam, dense, mlp, mlpObjective, modelObjective, sgd, train } from '../src/index.js';

function linearData(n: number) {
  const r = rng(4);
  const X = fromRows(Array.from({ length: n }, () => [r.normal(), r.normal()]));
  const Y = fromRows(
    Array.from({ length: n }, (_, i) => [
      X.data[2 * i] - 2 * X.data[2 * i + 1] + 0.5 + 0.1 * r.normal(),
    ]),
  );
  return { X, Y };
}

/** least squares [w; b] from the 3×3 normal equations, solved by Cramer's rule */
function leastSquares(X: { data: Float64Array; rows: number }, Y: { data: Float64Array }) {
  const A = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const c = [0, 0, 0];
  for (let i = 0; i < X.rows; i++) {
    const z = [X.data[2 * i], X.data[2 * i + 1], 1];
    for (let p = 0; p < 3; p++) {
      c[p] += z[p] * Y.data[i];
      for (let q = 0; q < 3; q++) A[p][q] += z[p] * z[q];
    }
  }
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(A);
  return [0, 1, 2].map((j) => det(A.map((row, i) => row.map((v, k) => (k === j ? c[i] : v)))) / d);
}

describe('train', () => {
  it('train({ net, X, Y }, { tol }) full batch reaches the least-squares solution of a linear model', () => {
    const { X, Y } = linearData(64);
    const net = mlp({ sizes: [2, 1], activation: 'identity', seed: 2 });
    const before = Float64Array.from(net.params);
    const r = train(
      { net, X, Y },
      { optimizer: sgd({ lr: 0.3, momentum: 0.5 }), epochs: 2000, tol: 1e-9 },
    );
    expect(r.converged).toBe(true);
    const ls = leastSquares(X, Y);
    // gradient norm 1e-9 with Hessian eigenvalues ≳ 0.5 bounds the parameter error by ~2e-9
    for (let j = 0; j < 3; j++) expect(Math.abs(r.params[j] - ls[j])).toBeLessThan(1e-8);
    // the net it was given is trained; the result holds a copy of the same values
    expect(Array.from(net.params)).toEqual(Array.from(r.params));
    expect(r.params).not.toBe(net.params);
    expect(Array.from(net.params)).not.toEqual(Array.from(before));
  });

  it("updateModel: false leaves { net } untouched; true trains an objective's net; the runs agree bit for bit", () => {
    const { X, Y } = linearData(32);
    const opts = { optimizer: sgd({ lr: 0.1 }), epochs: 30, batchSize: 8, seed: 2 } as const;
    const run = (mode: 'data' | 'keep' | 'objective' | 'objective-update') => {
      const net = mlp({ sizes: [2, 3, 1], activation: 'tanh', seed: 5 });
      const before = Float64Array.from(net.params);
      const optimizer = sgd({ lr: 0.1 });
      const r =
        mode === 'data'
          ? train({ net, X, Y }, { ...opts, optimizer })
          : mode === 'keep'
            ? train({ net, X, Y }, { ...opts, optimizer, updateModel: false })
            : train(mlpObjective(net, X, Y), {
                ...opts,
                optimizer,
                updateModel: mode === 'objective-update',
              });
      return { r, net, before };
    };
    const data = run('data');
    const keep = run('keep');
    const obj = run('objective');
    const objUpdate = run('objective-update');
    // same optimizer, seed and start: the trained parameters do not depend on where they go
    for (const other of [keep, obj, objUpdate])
      expect(Array.from(other.r.params)).toEqual(Array.from(data.r.params));
    expect(Array.from(data.net.params)).toEqual(Array.from(data.r.params));
    expect(Array.from(keep.net.params)).toEqual(Array.from(keep.before));
    expect(Array.from(obj.net.params)).toEqual(Array.from(obj.before));
    expect(Array.from(objUpdate.net.params)).toEqual(Array.from(data.r.params));
    // the net's forward pass now gives the trained model's predictions
    expect(data.net.forward(X).data).toEqual(keep.net.forward(X, keep.r.params).data);
  });

  it('updateModel is checked: a boolean, and only with a network to update', () => {
    const f = {
      dim: 1,
      value: (x: Float64Array) => (x[0] - 1) ** 2,
      grad: (x: Float64Array, out = new Float64Array(1)) => {
        out[0] = 2 * (x[0] - 1);
        return out;
      },
    };
    expect(() => train(f, { x0: Float64Array.from([0]), updateModel: true })).toThrow(
      /^train\(\): updateModel needs a network or model to update/,
    );
    const net = mlp({ sizes: [1, 1], activation: 'identity' });
    const { X, Y } = { X: fromRows([[0]]), Y: fromRows([[1]]) };
    expect(() => train({ net, X, Y }, { updateModel: 'yes' as never })).toThrow(
      /^train\(\): updateModel must be true or false \(got yes\)$/,
    );
  });

  it('a run that throws leaves the net as it was', () => {
    const { X, Y } = linearData(16);
    const net = mlp({ sizes: [2, 1], activation: 'identity', seed: 2 });
    const before = Float64Array.from(net.params);
    expect(() => train({ net, X, Y }, { optimizer: sgd({ lr: 1e3 }), epochs: 500 })).toThrow(
      NonFiniteError,
    );
    expect(Array.from(net.params)).toEqual(Array.from(before));
  });

  it('minibatch adam lowers the loss of a small classifier; lossHistory has epochs + 1 entries', () => {
    const r0 = rng(1);
    const n = 60;
    const X = fromRows(Array.from({ length: n }, () => [r0.normal(), r0.normal()]));
    const Y = fromRows(
      Array.from({ length: n }, (_, i) =>
        X.data[2 * i] * X.data[2 * i + 1] > 0 ? [1, 0] : [0, 1],
      ),
    );
    const net = mlp({ sizes: [2, 8, 2], activation: 'tanh', seed: 3 });
    const progress: number[] = [];
    const r = train(
      { net, X, Y, loss: 'softmaxCrossEntropy' },
      {
        optimizer: adam({ lr: 0.05 }),
        epochs: 150,
        batchSize: 10,
        seed: 1,
        onProgress: (p) => progress.push(p.epoch),
      },
    );
    expect(r.lossHistory).toHaveLength(151);
    expect(progress).toHaveLength(150);
    expect(r.steps).toBe(150 * 6);
    expect(r.lossHistory[150]).toBeLessThan(0.3 * r.lossHistory[0]);
  });

  it('train(objective, { x0 }) runs full batch on a plain Objective', () => {
    const f = {
      dim: 1,
      value: (x: Float64Array) => (x[0] - 3) ** 2,
      // ignores `out` on purpose: train must use the returned array
      grad: (x: Float64Array) => Float64Array.from([2 * (x[0] - 3)]),
    };
    const r = train(f, { x0: Float64Array.from([0]), optimizer: sgd({ lr: 0.25 }), epochs: 60 });
    expect(r.params[0]).toBeCloseTo(3, 12);
    expect(() => train(f, { epochs: 1 })).toThrow(InvalidArgumentError);
    expect(() => train(f, { x0: Float64Array.from([0]), batchSize: 2 })).toThrow(
      InvalidArgumentError,
    );
  });

  it('train() throws AbortError on an aborted signal and NonFiniteError on divergence', () => {
    const { X, Y } = linearData(8);
    const net = mlp({ sizes: [2, 1], activation: 'identity' });
    expect(() => train({ net, X, Y }, { signal: AbortSignal.abort() })).toThrow(AbortError);
    expect(() => train({ net, X, Y }, { optimizer: sgd({ lr: 1e3 }), epochs: 500 })).toThrow(
      NonFiniteError,
    );
    const f = mlpObjective(net, X, Y);
    expect(train(f, { epochs: 0 }).lossHistory).toHaveLength(1);
  });
});

describe('vector argument messages', () => {
  it('a number[] of the right length is named as such, not as "length 2 (got length 2)"', () => {
    const model = dense({ inputs: 1, outputs: 1, seed: 1 });
    const f = modelObjective(model, { x: fromRows([[0], [1]]), y: fromRows([[1], [3]]) });
    expect(() => f.value([0, 0] as never)).toThrow(
      /^modelObjective\(\)\.value\(\): x must be a Float64Array of length 2 \(got a number\[\] of length 2; use Float64Array\.from\(\.\.\.\)\)$/,
    );
    expect(() => f.grad(new Float64Array(3))).toThrow(/\(got length 3\)$/);
    expect(() => f.value(undefined as never)).toThrow(/\(got undefined\)$/);
  });
});
