import { fromRows, identity, NonFiniteError, NotPositiveDefiniteError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { RiemannianBatchNorm } from '../src/index.js';

const notSPD = fromRows([
  [1, 0],
  [0, -1],
]);

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

describe('RiemannianBatchNorm messages name the method once', () => {
  it('forward, backward and the constructor: `fn(): name …`, never `forward()()`', () => {
    const bn = new RiemannianBatchNorm({ n: 2, metric: 'riemann' });
    const fwd = message(() => bn.forward([identity(2), notSPD]));
    expect(fwd).toMatch(/^RiemannianBatchNorm\.forward\(\): batch\[1\] is not positive definite/);
    expect(() => bn.forward([identity(2), notSPD])).toThrow(NotPositiveDefiniteError);
    const ctor = message(() => new RiemannianBatchNorm({ n: 2, metric: 'riemann', bias: notSPD }));
    expect(ctor).toMatch(/^RiemannianBatchNorm\(\): bias is not positive definite/);
    bn.forward([
      identity(2),
      fromRows([
        [2, 0],
        [0, 1],
      ]),
    ]);
    const nan = fromRows([
      [Number.NaN, 0],
      [0, 1],
    ]);
    const back = message(() => bn.backward([identity(2), nan]));
    expect(back).toMatch(/^RiemannianBatchNorm\.backward\(\): gradOutput\[1\]/);
    expect(() => bn.backward([identity(2), nan])).toThrow(NonFiniteError);
    const json = message(() =>
      RiemannianBatchNorm.fromJSON({ ...bn.toJSON(), runningMean: [1, 0, 0, -1] }),
    );
    expect(json).toMatch(/^RiemannianBatchNorm\.fromJSON\(\): state\.runningMean/);
    for (const m of [fwd, ctor, back, json]) expect(m).not.toMatch(/\(\)\(\)|\(\):.*\(\)\(\)/);
  });
});
