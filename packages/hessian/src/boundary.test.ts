// Regression tests for the public boundary (issue #15, findings 5 and 11): null options and
// null arguments are typed errors naming the function called, and logistic labels outside
// [0, 1] are refused.
import { fromRows, InvalidArgumentError, type RgError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  finiteDifferenceHVP,
  gnsNewton,
  hessianEigenvalues,
  logisticRegression,
  SlidingWindowMFAC,
  StaticMFAC,
  softmaxRegression,
  spectralDensity,
  stabilityReport,
} from './index.js';

const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
};

const expectTyped = (
  f: () => unknown,
  type: abstract new (...args: never[]) => RgError,
  name: string,
): void => {
  const e = thrown(f);
  expect(e).toBeInstanceOf(type);
  expect(e.message.startsWith(`${name}(): `)).toBe(true);
};

const quad = {
  dim: 2,
  value: (x: Float64Array) => 0.5 * (x[0] ** 2 + 2 * x[1] ** 2),
  grad: (x: Float64Array) => Float64Array.from([x[0], 2 * x[1]]),
  hvp: (_x: Float64Array, v: Float64Array) => Float64Array.from([v[0], 2 * v[1]]),
};
const x = () => Float64Array.from([1, -1]);
const X = () =>
  fromRows([
    [1, 0.5],
    [-1, 1],
    [0.3, -2],
  ]);

describe('options = null and null arguments', () => {
  it('are typed errors naming the function', () => {
    const n = null as never;
    expectTyped(() => finiteDifferenceHVP(quad, n), InvalidArgumentError, 'finiteDifferenceHVP');
    const logistic = logisticRegression(X(), [1, 0, 1]);
    expectTyped(
      () => gnsNewton(logistic, new Float64Array(2), n),
      InvalidArgumentError,
      'gnsNewton',
    );
    expectTyped(() => hessianEigenvalues(quad, x(), n), InvalidArgumentError, 'hessianEigenvalues');
    expectTyped(() => spectralDensity(quad, x(), n), InvalidArgumentError, 'spectralDensity');
    for (const o of [null, undefined])
      expectTyped(
        () => stabilityReport(quad, x(), o as never),
        InvalidArgumentError,
        'stabilityReport',
      );
    expectTyped(() => new StaticMFAC(fromRows([[1, 0]]), n), InvalidArgumentError, 'StaticMFAC');
    for (const o of [null, undefined])
      expectTyped(
        () => new SlidingWindowMFAC(o as never),
        InvalidArgumentError,
        'SlidingWindowMFAC',
      );
    expectTyped(
      () => logisticRegression(X(), [1, 0, 1], n),
      InvalidArgumentError,
      'logisticRegression',
    );
    expectTyped(
      () => softmaxRegression(X(), fromRows([[1], [0], [1]]), n),
      InvalidArgumentError,
      'softmaxRegression',
    );
    for (const m of [null, undefined]) {
      expectTyped(
        () => logisticRegression(m as never, [1, 0, 1]),
        ShapeError,
        'logisticRegression',
      );
      expectTyped(() => logisticRegression(X(), m as never), ShapeError, 'logisticRegression');
      expectTyped(
        () => softmaxRegression(m as never, fromRows([[1]])),
        ShapeError,
        'softmaxRegression',
      );
    }
  });
});

describe('logisticRegression labels', () => {
  it('labels outside [0, 1] (2, 5, −1) are refused: the loss would be unbounded below', () => {
    for (const bad of [2, 5, -1])
      expect(thrown(() => logisticRegression(X(), [1, bad, 0])).message).toBe(
        `logisticRegression(): y[1] is ${bad}; labels must be 0 or 1 (or probabilities in [0, 1])`,
      );
    // probabilities (soft labels) stay valid
    expect(logisticRegression(X(), [1, 0.25, 0]).value(new Float64Array(2))).toBeCloseTo(
      Math.LN2,
      15,
    );
  });
});
