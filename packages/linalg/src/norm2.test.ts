import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPS } from '../test/dense-reference.js';
import { NonFiniteError, norm2, vector } from './index.js';

describe('norm2', () => {
  it('norm2(x) is the Euclidean norm, exact on Pythagorean triples', () => {
    expect(norm2(vector([3, 4]))).toBe(5);
    expect(norm2(vector([]))).toBe(0);
    expect(norm2(vector([0, 0]))).toBe(0);
  });

  it('norm2(x) neither overflows nor underflows near the ends of the float64 range', () => {
    expect(norm2(vector([3e300, 4e300]))).toBeCloseTo(5e300, -290);
    expect(norm2(vector([3e300, 4e300])) / 5e300).toBeCloseTo(1, 14);
    expect(norm2(vector([3e-300, 4e-300])) / 5e-300).toBeCloseTo(1, 14);
  });

  it('norm2(x) equals √(Σx²) to a few ulps for moderate entries', () => {
    fc.assert(
      fc.property(
        fc.array(
          // Entries well inside the normal range, so that the plain Σx² reference is exact enough.
          fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 997),
          { minLength: 1, maxLength: 40 },
        ),
        (xs) => {
          const x = Float64Array.from(xs);
          const ref = Math.sqrt(xs.reduce((s, v) => s + v * v, 0));
          // The sum of n squares has relative error ≤ n·eps; the square root halves it.
          expect(Math.abs(norm2(x) - ref)).toBeLessThanOrEqual((xs.length + 2) * EPS * ref);
        },
      ),
    );
  });

  it('norm2() throws NonFiniteError on NaN or Infinity', () => {
    expect(() => norm2(Float64Array.of(1, Number.NaN))).toThrow(NonFiniteError);
    expect(() => norm2(Float64Array.of(Number.NEGATIVE_INFINITY))).toThrow(/norm2\(\): x\[0\]/);
  });
});
