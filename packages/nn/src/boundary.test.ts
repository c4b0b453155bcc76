// Regression tests for the public boundary (issue #15, findings 5 and 11): null options and
// arguments are typed errors naming the function called, never a TypeError from inside, and
// train({ net, X, Y }) reports train(), not the mlpObjective() it builds.
import {
  fromRows,
  InvalidArgumentError,
  NonFiniteError,
  type RgError,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  activation,
  concat,
  dense,
  lossAndGradient,
  mlp,
  mlpObjective,
  modelObjective,
  residual,
  sequential,
  sinusoidalPositions,
  train,
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

const X = () => fromRows([[0], [1], [2]]);
const Y = () => fromRows([[1], [3], [5]]);

describe('options = null', () => {
  it('is an InvalidArgumentError naming the function', () => {
    const n = null as never;
    expectTyped(() => activation('relu', n), InvalidArgumentError, 'activation');
    expectTyped(
      () => concat([dense({ inputs: 1, outputs: 1 })], n),
      InvalidArgumentError,
      'concat',
    );
    expectTyped(
      () => residual(dense({ inputs: 1, outputs: 1 }), n),
      InvalidArgumentError,
      'residual',
    );
    expectTyped(() => sequential([activation('relu')], n), InvalidArgumentError, 'sequential');
    expectTyped(() => sinusoidalPositions(n), InvalidArgumentError, 'sinusoidalPositions');
    expectTyped(() => lossAndGradient(X(), Y(), 'mse', n), InvalidArgumentError, 'lossAndGradient');
    const model = dense({ inputs: 1, outputs: 1 });
    expectTyped(
      () => modelObjective(model, { x: X(), y: Y() }, 'mse', n),
      InvalidArgumentError,
      'modelObjective',
    );
    const net = mlp({ sizes: [1, 1] });
    expectTyped(() => mlpObjective(net, X(), Y(), n), InvalidArgumentError, 'mlpObjective');
    expectTyped(() => train({ net, X: X(), Y: Y() }, n), InvalidArgumentError, 'train');
  });
});

describe('mlp and mlpObjective', () => {
  it('mlp(null), mlp(undefined) and sizes that are not an array are typed errors', () => {
    for (const o of [null, undefined, {}, { sizes: 5 }])
      expectTyped(() => mlp(o as never), InvalidArgumentError, 'mlp');
  });

  it('mlpObjective refuses a net that mlp() did not make', () => {
    for (const net of [null, undefined, Number.NaN, {}, { sizes: [1, 1] }])
      expectTyped(() => mlpObjective(net as never, X(), Y()), InvalidArgumentError, 'mlpObjective');
  });
});

describe('train', () => {
  it('a null, undefined or malformed target is a typed error naming train', () => {
    for (const t of [null, undefined, Number.NaN])
      expectTyped(() => train(t as never), InvalidArgumentError, 'train');
    // {} and { net, X: NaN } used to report mlpObjective()
    expectTyped(() => train({} as never), InvalidArgumentError, 'train');
    const net = mlp({ sizes: [1, 1] });
    const e = thrown(() => train({ net, X: Number.NaN as never, Y: Y() }));
    expect(e).toBeInstanceOf(ShapeError);
    expect(e.message).toMatch(/^train\(\): target\.X must be a Matrix/);
    expect(thrown(() => train({ net, X: fromRows([[0, 1]]), Y: Y() })).message).toMatch(
      /^train\(\): target\.X must have 1 columns/,
    );
  });

  it('tol: NaN, negative or Infinity is refused (NaN used to train silently, issue #15 finding 5)', () => {
    const net = mlp({ sizes: [1, 1] });
    for (const tol of [Number.NaN, -1, Number.POSITIVE_INFINITY])
      expectTyped(
        () => train({ net, X: X(), Y: Y() }, { tol, epochs: 1 }),
        InvalidArgumentError,
        'train',
      );
    expectTyped(() => train({ net, X: X(), Y: Y() }, { seed: 0.5 }), InvalidArgumentError, 'train');
    expectTyped(
      () => train({ net, X: X(), Y: Y() }, { optimizer: {} as never }),
      InvalidArgumentError,
      'train',
    );
  });

  it('a loss that becomes NaN is a NonFiniteError naming train', () => {
    const net = mlp({ sizes: [1, 1], activation: 'identity' });
    const objective = {
      dim: 2,
      value: () => Number.NaN,
      grad: (_x: Float64Array) => new Float64Array(2),
    };
    expectTyped(
      () => train(objective, { x0: new Float64Array(2), epochs: 1 }),
      NonFiniteError,
      'train',
    );
    expect(net.dim).toBe(2);
  });
});
