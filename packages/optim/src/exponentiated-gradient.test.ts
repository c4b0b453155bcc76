import { fromRows, InvalidArgumentError, rng } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentiatedGradient, type Parameter, sphere } from './index.js';

/** Euclidean projection onto the simplex by sorting (Held, Wolfe & Crowder 1974) */
function projectSimplex(v: Float64Array): Float64Array {
  const u = Array.from(v).sort((a, b) => b - a);
  let css = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    css += u[i];
    const t = (css - 1) / (i + 1);
    if (u[i] - t > 0) theta = t;
  }
  return v.map((x) => Math.max(0, x - theta));
}

describe('exponentiatedGradient', () => {
  it('never changes the sign of a weight (Dale’s law), and log|x| takes a gradient step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const r = rng(seed);
        const n = 12;
        const x = Float64Array.from({ length: n }, () => (r.uniform() < 0.2 ? 0 : r.normal()));
        const signs = x.map(Math.sign);
        const opt = exponentiatedGradient({ lr: 0.7 });
        for (let k = 0; k < 30; k++) {
          const g = Float64Array.from({ length: n }, () => 3 * r.normal());
          const before = x.slice();
          opt.stepInPlace(x, g);
          for (let i = 0; i < n; i++) {
            expect(Math.sign(x[i])).toBe(signs[i]);
            if (before[i] !== 0)
              expect(Math.log(Math.abs(x[i]))).toBeCloseTo(
                Math.log(Math.abs(before[i])) - 0.7 * g[i] * signs[i],
                12,
              );
          }
        }
      }),
      { numRuns: 20, seed: 1 },
    );
  });

  it('on the simplex it stays a probability vector and minimizes ½‖x − b‖² (vs the sorting projection)', () => {
    const b = Float64Array.from([0.9, 0.4, -0.2, 0.1, 0.05]);
    const expected = projectSimplex(b); // the constrained minimizer
    const p: Parameter = {
      name: 'p',
      value: { rows: 5, cols: 1, data: new Float64Array(5).fill(0.2) },
    };
    const opt = exponentiatedGradient({ lr: 0.5, domain: 'simplex' });
    for (let k = 0; k < 4000; k++) {
      p.grad = { rows: 5, cols: 1, data: p.value.data.map((v, i) => v - b[i]) };
      opt.step([p]);
      const sum = p.value.data.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-14);
    }
    // zero coordinates of the minimizer are approached multiplicatively (rate e^{−lr·gap·t}):
    // after 4000 steps every coordinate is within 1e-6
    for (let i = 0; i < 5; i++) expect(Math.abs(p.value.data[i] - expected[i])).toBeLessThan(1e-6);
  });

  it('the simplex step normalizes in the log domain: huge gradients give a vertex, not NaN', () => {
    const p: Parameter = {
      name: 'p',
      value: fromRows([[0.5, 0.25, 0.25]]),
      grad: fromRows([[-1e6, 0, 1e6]]),
    };
    exponentiatedGradient({ lr: 1, domain: 'simplex' }).step([p]);
    expect(Array.from(p.value.data)).toEqual([1, 0, 0]);
  });

  it('bad input throws InvalidArgumentError naming exponentiatedGradient()', () => {
    expect(() => exponentiatedGradient({ domain: 'ball' as never })).toThrow(/domain/);
    expect(() => exponentiatedGradient({ lr: -1 })).toThrow(/exponentiatedGradient\(\): lr/);
    const opt = exponentiatedGradient({ domain: 'simplex' });
    const off: Parameter = { name: 'p', value: fromRows([[0.5, 0.6]]), grad: fromRows([[1, 1]]) };
    expect(() => opt.step([off])).toThrow(/simplex \(its entries sum to 1.1/);
    const neg: Parameter = { name: 'p', value: fromRows([[1.5, -0.5]]), grad: fromRows([[1, 1]]) };
    expect(() => opt.step([neg])).toThrow(InvalidArgumentError);
    const s: Parameter = {
      name: 's',
      value: fromRows([[1], [0]]),
      grad: fromRows([[0], [1]]),
      manifold: sphere,
    };
    expect(() => exponentiatedGradient().step([s])).toThrow(/Euclidean/);
  });
});
