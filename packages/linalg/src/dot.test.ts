import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPS, expectInputsUnchanged } from '../test/dense-reference.js';
import { dot, NonFiniteError, ShapeError, vector } from './index.js';

describe('dot', () => {
  it('dot(x, y) is Σ x_i y_i, 0 for empty vectors', () => {
    expect(dot(vector([1, 2, 3, 4, 5]), vector([5, 4, 3, 2, 1]))).toBe(35);
    expect(dot(new Float64Array(0), new Float64Array(0))).toBe(0);
  });

  it('dot(x, y) matches a sequential sum within the γ_n Σ|x_i y_i| rounding bound', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
          ),
          { maxLength: 50 },
        ),
        (pairs) => {
          const x = Float64Array.from(pairs.map((p) => p[0]));
          const y = Float64Array.from(pairs.map((p) => p[1]));
          let s = 0;
          let abs = 0;
          for (let i = 0; i < x.length; i++) {
            s += x[i] * y[i];
            abs += Math.abs(x[i] * y[i]);
          }
          // Two summation orders each carry at most n·eps·Σ|x_i y_i| (Higham ASNA §3.1).
          expect(Math.abs(dot(x, y) - s)).toBeLessThanOrEqual(2 * (x.length + 1) * EPS * abs);
          expect(dot(x, y)).toBe(dot(y, x));
        },
      ),
    );
  });

  it('dot() throws ShapeError on different lengths and NonFiniteError on NaN/Infinity', () => {
    expect(() => dot(vector([1, 2]), vector([1]))).toThrow(ShapeError);
    expect(() => dot(Float64Array.of(1, Number.NaN), vector([1, 2]))).toThrow(NonFiniteError);
    expect(() => dot(vector([1, 2]), Float64Array.of(Number.POSITIVE_INFINITY, 1))).toThrow(
      /dot\(\): y\[0\]/,
    );
  });

  it('dot() does not mutate its inputs', () => {
    const x = vector([1, 2, 3]);
    const y = vector([4, 5, 6]);
    expectInputsUnchanged([x, y], () => dot(x, y));
  });
});
