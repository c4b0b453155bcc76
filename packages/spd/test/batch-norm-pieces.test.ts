// RiemannianBatchNorm runs each metric's own mean algorithm on its tape: the batch statistics
// equal frechetMean's (same rule, same stopping criterion, same iteration count), for named and
// composed metrics; and an SPDNet with batch normalization trains with @rg/optim's optimizers.
import type { Matrix } from '@rg/linalg';
import { adam, sgd } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import {
  affineInvariant,
  buresWasserstein,
  createSPDNet,
  frechetMean,
  logCholesky,
  logEuclidean,
  optimParameters,
  powerDeformed,
  RiemannianBatchNorm,
  simulateSPDClassification,
  trainSPDNet,
} from '../src/index.js';
import { randomSPD, relErr } from './helpers.js';

const batch = Array.from({ length: 8 }, (_, i) => randomSPD(4, 500 + i, 200));

describe('RiemannianBatchNorm uses the metric’s mean algorithm (one rule with frechetMean)', () => {
  it('AIRM: the batch mean is frechetMean’s Karcher flow from the log-Euclidean mean, with the same iteration count', () => {
    const bn = new RiemannianBatchNorm({ n: 4, metric: 'affine-invariant', meanTol: 1e-10 });
    bn.forward(batch);
    const stats = bn.batchStatistics;
    const init = frechetMean(batch, logEuclidean).mean;
    const r = frechetMean(batch, affineInvariant, { init, tol: 1e-10, maxIter: 50 });
    expect(stats?.converged).toBe(true);
    expect(stats?.iterations).toBe(r.iterations);
    // the tape whitens by G^{-½} and frechetMean by a Cholesky factor (orthogonally similar):
    // iterates agree to rounding, ~κ(batch)·ε ≈ 1e-13 after the same steps
    expect(relErr(stats?.mean as Matrix, r.mean)).toBeLessThan(1e-9);
  });

  it('BW: the batch mean is frechetMean’s fixed point from the arithmetic mean, with the same iteration count', () => {
    const bn = new RiemannianBatchNorm({ n: 4, metric: 'wasserstein', meanTol: 1e-10 });
    bn.forward(batch);
    const r = frechetMean(batch, buresWasserstein, { tol: 1e-10, maxIter: 50 });
    expect(bn.batchStatistics?.iterations).toBe(r.iterations);
    expect(relErr(bn.batchStatistics?.mean as Matrix, r.mean)).toBeLessThan(1e-9);
  });

  it('LEM and LCM: closed forms in the chart (0 iterations), equal to frechetMean', () => {
    for (const metric of [logEuclidean, logCholesky]) {
      const bn = new RiemannianBatchNorm({ n: 4, metric });
      bn.forward(batch);
      expect(bn.batchStatistics?.iterations).toBe(0);
      // closed forms: a few eigendecompositions or Cholesky factorizations, ~1e-14 relative
      expect(
        relErr(bn.batchStatistics?.mean as Matrix, frechetMean(batch, metric).mean),
      ).toBeLessThan(1e-12);
    }
  });

  it('a composed metric object (power-deformed log-Cholesky) normalizes: output mean W under its geometry', () => {
    const metric = powerDeformed(logCholesky, 0.5);
    const w = randomSPD(4, 600, 10);
    const bn = new RiemannianBatchNorm({ n: 4, metric, bias: w, eps: 0 });
    const ys = bn.forward(batch);
    expect(bn.geometry.name).toBe(metric.name);
    // closed form through the chart: the output mean is W up to rounding of the chart maps
    expect(relErr(frechetMean(ys, metric).mean, w)).toBeLessThan(1e-10);
  });
});

describe('trainSPDNet with @rg/optim optimizers', () => {
  const data = simulateSPDClassification({ n: 6, classes: 2, perClass: 24, seed: 3 });
  it.each([
    ['adam', () => adam({ lr: 0.02 })],
    ['sgd (momentum)', () => sgd({ lr: 0.05, momentum: 0.9 })],
  ])(
    '%s trains an SPDNet with AIRM batch normalization, updating parameters in place',
    (_n, make) => {
      const net = createSPDNet({
        sizes: [6, 4],
        classes: 2,
        seed: 1,
        batchNorm: { metric: 'riemann' },
      });
      const values = net.parameters().map((p) => p.value);
      const r = trainSPDNet(net, {
        inputs: data.inputs,
        labels: data.labels,
        epochs: 15,
        batchSize: 12,
        optimizer: make(),
        seed: 2,
      });
      expect(r.history[r.epochs - 1].loss).toBeLessThan(0.8 * r.history[0].loss);
      net.parameters().forEach((p, i) => {
        expect(p.value).toBe(values[i]);
      });
    },
  );

  it('optimParameters gives live views with unique names', () => {
    const net = createSPDNet({
      sizes: [4, 3, 2],
      classes: 2,
      seed: 1,
      batchNorm: { metric: 'log-euclidean' },
    });
    const views = optimParameters(net.parameters());
    expect(views.map((v) => v.name)).toEqual([
      'bimap1.weight',
      'bias',
      'scale',
      'bimap2.weight',
      'bias#1',
      'scale#1',
      'softmax.weight',
      'softmax.bias',
    ]);
    const p = net.parameters()[1];
    p.grad = p.value;
    expect(views[1].grad).toBe(p.value);
    expect(views[1].manifold?.name).toBe('spd');
  });
});
