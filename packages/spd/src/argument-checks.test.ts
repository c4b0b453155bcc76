import { fromRows, identity, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  augmentedCovariance,
  covariance,
  delayEmbed,
  euclidean,
  geometricMedian,
  gridSearchCV,
  LogEig,
  LogisticRegression,
  MDM,
  matrixPower,
  pairwiseDistances,
  pairwiseDistancesParallel,
  Potato,
  powerDeformed,
  pullback,
  ReEig,
  resolveMetric,
  simulateEEG,
  simulateSPDClassification,
  stratifiedKFold,
  TangentSpace,
  TangentSpaceClassifier,
} from '../src/index.js';

// Fuzz findings (issue #15): null options raised TypeErrors, errors named internal functions
// (delayEmbed() for augmentedCovariance, stratifiedKFold() for gridSearchCV, pairwiseDistances()
// for pairwiseDistancesParallel), matrixPower accepted NaN and strings.
const nul = null as never;
const spds = [
  fromRows([
    [2, 0],
    [0, 1],
  ]),
  identity(2),
];

describe('options = null is a typed error naming the called function', () => {
  const cases: [string, () => unknown][] = [
    ['covariance', () => covariance(fromRows([[1, 2, 3]]), nul)],
    ['delayEmbed', () => delayEmbed(fromRows([[1, 2, 3]]), nul)],
    ['augmentedCovariance', () => augmentedCovariance(fromRows([[1, 2, 3]]), nul)],
    ['geometricMedian', () => geometricMedian(spds, 'riemann', nul)],
    ['gridSearchCV', () => gridSearchCV(spds, [0, 1], nul)],
    ['LogisticRegression', () => new LogisticRegression(nul)],
    ['MDM', () => new MDM(nul)],
    ['Potato', () => new Potato(nul)],
    ['TangentSpace', () => new TangentSpace(nul)],
    ['TangentSpaceClassifier', () => new TangentSpaceClassifier(nul)],
    ['LogEig', () => new LogEig(nul)],
    ['ReEig', () => new ReEig(nul)],
    ['simulateSPDClassification', () => simulateSPDClassification(nul)],
    ['pairwiseDistances', () => pairwiseDistances(spds, undefined, 'riemann', nul)],
    ['pullback', () => pullback(euclidean, matrixPower(2), nul)],
  ];
  for (const [name, f] of cases)
    it(name, () => {
      expect(f).toThrow(InvalidArgumentError);
      expect(f).toThrow(new RegExp(`^${name}\\(\\): options`));
    });
});

describe('errors name the function the user called', () => {
  it('augmentedCovariance, not delayEmbed or covariance', () => {
    expect(() => augmentedCovariance(nul, { order: 2, lag: 1 })).toThrow(
      /^augmentedCovariance\(\): x/,
    );
    expect(() => augmentedCovariance(fromRows([[1, 2, 3]]), { order: 0, lag: 1 })).toThrow(
      /^augmentedCovariance\(\): order/,
    );
    expect(() =>
      augmentedCovariance(fromRows([[1, 2, 3, 4]]), {
        order: 2,
        lag: 1,
        estimator: 'bogus' as never,
      }),
    ).toThrow(/^augmentedCovariance\(\): unknown estimator/);
  });
  it('gridSearchCV({ folds: 1 }), not stratifiedKFold', () => {
    const { trials, labels } = simulateEEG({ channels: 2, samples: 64, trials: 6, seed: 1 });
    const classifier = () => new MDM();
    expect(() =>
      gridSearchCV(trials, labels, { orders: [1], lags: [1], folds: 1, classifier }),
    ).toThrow(/^gridSearchCV\(\): k must be an integer ≥ 2/);
    expect(() => gridSearchCV(trials, labels, { orders: [1], lags: [1] } as never)).toThrow(
      /^gridSearchCV\(\): classifier/,
    );
  });
  it('pairwiseDistancesParallel, not pairwiseDistances', async () => {
    await expect(pairwiseDistancesParallel(nul, undefined, 'riemann')).rejects.toThrow(
      /^pairwiseDistancesParallel\(\): xs/,
    );
  });
  it('resolveMetric refuses a missing reporting name instead of writing null()', () => {
    expect(() => resolveMetric(nul, 'riemann')).toThrow(/^resolveMetric\(\): fn/);
  });
});

describe('bad parameters are refused', () => {
  it('matrixPower theta', () => {
    for (const theta of [Number.NaN, null, undefined, '0.5', 0, Number.POSITIVE_INFINITY])
      expect(() => matrixPower(theta as never)).toThrow(/^matrixPower\(\): theta/);
    expect(
      matrixPower(0.5).forward(
        fromRows([
          [4, 0],
          [0, 9],
        ]),
      ).data[3],
    ).toBeCloseTo(3, 12);
  });
  it('powerDeformed and pullback metrics', () => {
    expect(() => powerDeformed(nul, 0.5)).toThrow(/^powerDeformed\(\): metric/);
    expect(() => powerDeformed(Number.NaN as never, 0.5)).toThrow(InvalidArgumentError);
    expect(() => pullback(nul, matrixPower(2))).toThrow(/^pullback\(\): base/);
    expect(() => pullback({} as never, matrixPower(2))).toThrow(/^pullback\(\): base/);
  });
  it('stratifiedKFold labels and seed', () => {
    expect(() => stratifiedKFold(nul, 2)).toThrow(ShapeError);
    expect(() => stratifiedKFold([0, 0, 1, 1], 2, 1.5)).toThrow(/^stratifiedKFold\(\): seed/);
    expect(stratifiedKFold([0, 0, 1, 1], 2, -3)).toHaveLength(2);
  });
});
