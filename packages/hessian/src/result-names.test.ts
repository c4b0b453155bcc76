import { fromRows, rng, ShapeError } from '@rg/linalg';
import { mlp, mlpObjective, sgd, train } from '@rg/nn';
import { describe, expect, it } from 'vitest';
import { gnsNewton, logisticRegression, StaticMFAC } from '../src/index.js';

describe('one result shape per concept', () => {
  it("gnsNewton's final parameters are `params`, like train's; `x` is the same array (deprecated)", () => {
    const f = logisticRegression(
      fromRows([
        [1, 0.5],
        [-1, 1],
        [0.3, -2],
        [2, 1],
      ]),
      [1, 0, 0, 1],
      { l2: 0.1 },
    );
    const r = gnsNewton(f, new Float64Array(2));
    expect(r.params).toBe(r.x);
    expect(r.params).toBeInstanceOf(Float64Array);
    expect(f.value(r.params)).toBe(r.value);
  });

  it('train then gnsNewton on the same mlpObjective: both hand over `params`', () => {
    const r0 = rng(2);
    const X = fromRows(Array.from({ length: 12 }, () => [r0.normal(), r0.normal()]));
    const Y = fromRows(Array.from({ length: 12 }, (_, i) => [X.data[2 * i] - X.data[2 * i + 1]]));
    const net = mlp({ sizes: [2, 1], activation: 'identity', seed: 1 });
    const f = mlpObjective(net, X, Y);
    const warm = train(f, { optimizer: sgd({ lr: 0.1 }), epochs: 5 });
    const polished = gnsNewton(f, warm.params, { tol: 1e-12 });
    // a linear least-squares problem: Newton lands on the minimizer, well below the warm start
    expect(polished.converged).toBe(true);
    expect(f.value(polished.params)).toBeLessThan(f.value(warm.params));
  });
});

describe('vector messages name what was passed', () => {
  it('a number[] is reported as such, not as "length 2 (got length 2)"', () => {
    const f = logisticRegression(
      fromRows([
        [1, 0.5],
        [-1, 1],
      ]),
      [1, 0],
    );
    expect(() => gnsNewton(f, [0, 0] as never)).toThrow(
      new ShapeError(
        'gnsNewton(): x0 must be a Float64Array of length 2 (got a number[] of length 2; use Float64Array.from(...))',
      ),
    );
    expect(() => gnsNewton(f, undefined as never)).toThrow(/\(got undefined\)$/);
    expect(() => gnsNewton(f, new Float32Array(2) as never)).toThrow(/\(got a Float32Array\)$/);
    const F = new StaticMFAC(
      fromRows([
        [1, 0],
        [0, 1],
        [1, 1],
      ]),
      { damp: 0.1 },
    );
    expect(() => F.ihvp([1, 2] as never)).toThrow(
      /^StaticMFAC\.ihvp\(\): v must be a Float64Array of length 2 \(got a number\[\] of length 2; use Float64Array\.from\(\.\.\.\)\)$/,
    );
  });
});
