import {
  fromRows,
  identity,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  rng,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { fromSpectrum, randomOrthogonalTest } from '../../test/helpers.js';
import {
  BiMap,
  createSPDNet,
  LogEig,
  ReEig,
  type RiemannianOptimizer,
  riemannianAdam,
  riemannianSGD,
  SoftmaxHead,
  SPDNet,
  type TrainSPDNetProgress,
  trainSPDNet,
} from '../index.js';

/**
 * Two classes of 6×6 SPD matrices: the spectrum in a fixed basis Q is log-normal around a
 * class-dependent profile (class 1 has more power in the first two directions), then a small
 * random rotation per trial. Separable, but not trivially from the diagonal alone.
 */
function synthetic(count: number, seed: number): { inputs: Matrix[]; labels: number[] } {
  const r = rng(seed);
  const q = randomOrthogonalTest(6, rng(1234));
  const inputs: Matrix[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const y = i % 2;
    const base = y === 0 ? [1, 1, 1, 1, 1, 1] : [2.2, 1.8, 1, 1, 1, 1];
    const lam = base.map((b) => b * Math.exp(0.3 * r.normal()));
    inputs.push(fromSpectrum(q, lam, 6));
    labels.push(y);
  }
  return { inputs, labels };
}

describe('SPDNet', () => {
  it('forward returns logits, predict class indices, parameters every trainable matrix', () => {
    const net = createSPDNet({ sizes: [4, 3, 2], classes: 3, seed: 1 });
    const xs = synthetic(4, 1).inputs.map((x) => ({
      rows: 4,
      cols: 4,
      data: Float64Array.from({ length: 16 }, (_, k) => x.data[Math.floor(k / 4) * 6 + (k % 4)]),
    }));
    const logits = net.forward(xs);
    expect([logits.rows, logits.cols]).toEqual([4, 3]);
    const pred = net.predict(xs);
    expect(pred.every((p) => Number.isInteger(p) && p >= 0 && p < 3)).toBe(true);
    expect(net.parameters().map((p) => p.manifold)).toEqual([
      'stiefel',
      'stiefel',
      'euclidean',
      'euclidean',
    ]);
  });

  it('rejects layers that are not SPDLayers and a missing head', () => {
    const head = new SoftmaxHead({ inputSize: 2, classes: 2 });
    expect(() => new SPDNet({ layers: [{} as unknown as LogEig], head })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new SPDNet({ layers: [], head: undefined as unknown as SoftmaxHead })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createSPDNet({ sizes: [2, 3], classes: 2 })).toThrow(InvalidArgumentError);
  });
});

describe('trainSPDNet(net, { inputs, labels, epochs, optimizer })', () => {
  const train = synthetic(60, 11);
  const validation = synthetic(60, 12);

  it.each([
    ['riemannianAdam', () => riemannianAdam({ lr: 0.05 })],
    ['riemannianSGD', () => riemannianSGD({ lr: 0.5, momentum: 0.9 })],
  ])('with %s reduces the loss and beats chance on held-out data', (_name, make) => {
    const net = new SPDNet({
      layers: [new BiMap({ inputSize: 6, outputSize: 4, seed: 2 }), new ReEig(), new LogEig()],
      head: new SoftmaxHead({ inputSize: 4, classes: 2, seed: 3 }),
    });
    const progress: TrainSPDNetProgress[] = [];
    const r = trainSPDNet(net, {
      ...train,
      epochs: 30,
      batchSize: 10,
      optimizer: make(),
      seed: 4,
      validation,
      onProgress: (info) => progress.push(info),
    });
    expect(r.aborted).toBe(false);
    expect(r.epochs).toBe(30);
    expect(r.history).toHaveLength(30);
    expect(progress).toHaveLength(30);
    expect(progress[29]).toMatchObject({ iteration: 30, epoch: 30, loss: r.history[29].loss });
    expect(r.history[29].loss).toBeLessThan(0.7 * r.history[0].loss);
    // chance is 0.5; the Bayes rate of this problem is far above 0.8
    expect(r.history[29].validationAccuracy).toBeGreaterThan(0.8);
    expect(net.parameters()[0].value.rows).toBe(6);
  });

  it('is reproducible for a seed and never mutates its inputs', () => {
    const copy = train.inputs.map((x) => x.data.slice());
    const labels = train.labels.slice();
    const run = () =>
      trainSPDNet(createSPDNet({ sizes: [6, 3], classes: 2, seed: 5 }), {
        ...train,
        epochs: 3,
        optimizer: riemannianAdam({ lr: 0.01 }),
        seed: 6,
      }).history.map((h) => h.loss);
    expect(run()).toEqual(run());
    train.inputs.forEach((x, i) => {
      expect(Array.from(x.data)).toEqual(Array.from(copy[i]));
    });
    expect(train.labels).toEqual(labels);
  });

  it('stops between batches when the signal aborts and reports aborted: true', () => {
    const controller = new AbortController();
    const inner = riemannianAdam({ lr: 0.01 });
    let steps = 0;
    const counting: RiemannianOptimizer = {
      name: 'counting',
      get lr() {
        return inner.lr;
      },
      set lr(v) {
        inner.lr = v;
      },
      get steps() {
        return inner.steps;
      },
      step(params) {
        inner.step(params);
        steps++;
        // 60 inputs / batch 10 = 6 steps per epoch: abort in the middle of epoch 3
        if (steps === 15) controller.abort();
      },
    };
    const r = trainSPDNet(createSPDNet({ sizes: [6, 3], classes: 2 }), {
      ...train,
      epochs: 10,
      batchSize: 10,
      optimizer: counting,
      signal: controller.signal,
    });
    expect(r).toMatchObject({ aborted: true, epochs: 2 });
    expect(r.history).toHaveLength(2);
    expect(steps).toBe(15);
    const pre = trainSPDNet(createSPDNet({ sizes: [6, 3], classes: 2 }), {
      ...train,
      epochs: 10,
      optimizer: riemannianSGD({ lr: 0.1 }),
      signal: AbortSignal.abort(),
    });
    expect(pre).toMatchObject({ aborted: true, epochs: 0, history: [] });
  });

  it('throws typed errors that name the function and argument on bad input', () => {
    const net = createSPDNet({ sizes: [6, 3], classes: 2 });
    const optimizer = riemannianSGD({ lr: 0.1 });
    const base = { ...train, epochs: 1, optimizer };
    const wrongSize = [...train.inputs];
    wrongSize[3] = identity(5);
    expect(() => trainSPDNet(net, { ...base, inputs: wrongSize })).toThrow(
      new ShapeError('trainSPDNet(): inputs[3] must be 6×6 (got 5×5)'),
    );
    const asym = [...train.inputs];
    asym[0] = { rows: 6, cols: 6, data: asym[0].data.map((v, k) => (k === 1 ? v + 1 : v)) };
    expect(() => trainSPDNet(net, { ...base, inputs: asym })).toThrow(NotSymmetricError);
    const nan = [...train.inputs];
    nan[2] = { rows: 6, cols: 6, data: nan[2].data.map((v, k) => (k === 0 ? Number.NaN : v)) };
    expect(() => trainSPDNet(net, { ...base, inputs: nan })).toThrow(NonFiniteError);
    // issue #15 finding 6: a symmetric but indefinite input used to be trained on
    const indefinite = [...train.inputs];
    indefinite[5] = { rows: 6, cols: 6, data: identity(6).data.map((v, k) => (k === 7 ? -1 : v)) };
    expect(() => trainSPDNet(net, { ...base, inputs: indefinite })).toThrow(
      /^trainSPDNet\(\): inputs\[5\] is not positive definite/,
    );
    expect(() => trainSPDNet(net, { ...base, inputs: indefinite })).toThrow(
      NotPositiveDefiniteError,
    );
    expect(() => trainSPDNet(net, { ...base, labels: train.labels.slice(1) })).toThrow(
      /trainSPDNet\(\): labels must have one entry per input \(60\)/,
    );
    expect(() =>
      trainSPDNet(net, { ...base, labels: train.labels.map((l) => (l === 1 ? 2 : l)) }),
    ).toThrow(InvalidArgumentError);
    expect(() => trainSPDNet(net, { ...base, epochs: -1 })).toThrow(InvalidArgumentError);
    expect(() => trainSPDNet(net, { ...base, batchSize: 0 })).toThrow(/batchSize/);
    expect(() =>
      trainSPDNet(net, { ...base, optimizer: {} as unknown as RiemannianOptimizer }),
    ).toThrow(/optimizer/);
    expect(() => trainSPDNet(net, { ...base, inputs: [] })).toThrow(InvalidArgumentError);
    expect(() =>
      trainSPDNet(net, {
        ...base,
        validation: { inputs: [identity(4)], labels: [0] },
      }),
    ).toThrow(/validation\.inputs/);
    expect(() => trainSPDNet({} as unknown as SPDNet, { ...base })).toThrow(InvalidArgumentError);
    // an input the first layer cannot take (too small for the BiMap) fails inside the net
    const small = Array.from({ length: 4 }, () =>
      fromRows([
        [1, 0],
        [0, 1],
      ]),
    );
    expect(() =>
      trainSPDNet(net, { inputs: small, labels: [0, 1, 0, 1], epochs: 1, optimizer }),
    ).toThrow(new ShapeError('BiMap.forward(): batch[0] must be 6×6 (got 2×2)'));
  });

  it('throws NonFiniteError when the loss diverges', () => {
    const net = createSPDNet({ sizes: [6, 3], classes: 2, seed: 1 });
    // a huge Euclidean step on the head makes the logits overflow
    expect(() =>
      trainSPDNet(net, {
        ...train,
        epochs: 5,
        optimizer: riemannianSGD({ lr: 1e300 }),
      }),
    ).toThrow(NonFiniteError);
  });
});
