import { NonFiniteError, rng, ShapeError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ackley,
  type BenchmarkFunction,
  griewank,
  rastrigin,
  rosenbrock,
  schwefel,
} from './index.js';

const all: [string, BenchmarkFunction][] = [
  ['rastrigin', rastrigin],
  ['ackley', ackley],
  ['rosenbrock', rosenbrock],
  ['griewank', griewank],
  ['schwefel', schwefel],
];

describe('benchmark functions', () => {
  it.each(all)('%s(minimizer) = minimum, and no point of the domain goes lower', (_name, f) => {
    for (const d of [2, 5, 20]) {
      // Schwefel's constant is rounded to double: its minimum is 0 to ~1e-13 per coordinate
      expect(Math.abs(f(f.minimizer(d)) - f.minimum)).toBeLessThan(1e-12 * d);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
          const r = rng(seed);
          const [lo, hi] = f.domain;
          const x = Float64Array.from({ length: d }, () => lo + (hi - lo) * r.uniform());
          expect(f(x)).toBeGreaterThanOrEqual(f.minimum - 1e-12 * d);
        }),
        { numRuns: 50, seed: 2 },
      );
    }
  });

  it.each(all)('%s has a zero gradient at its minimizer (central differences)', (_name, f) => {
    const d = 4;
    const x = f.minimizer(d);
    for (let i = 0; i < d; i++) {
      const h = 1e-5 * Math.max(1, Math.abs(x[i]));
      const xp = x.slice();
      const xm = x.slice();
      xp[i] += h;
      xm[i] -= h;
      // central difference error O(h²·f''') plus rounding ε·|f|/h of the offset constants
      // (10d in Rastrigin, 419d in Schwefel): below 1e-6 at h = 1e-5·max(1, |x|)
      expect(Math.abs((f(xp) - f(xm)) / (2 * h))).toBeLessThan(1e-6 * Math.max(1, Math.abs(x[i])));
    }
  });

  it("schwefel's minimizer u² solves tan u = −u/2 (the stationarity of x sin √x)", () => {
    const u = Math.sqrt(schwefel.minimizer(1)[0]);
    expect(Math.tan(u) + u / 2).toBeCloseTo(0, 9);
    // and the offset is x* sin √x*, so that the minimum is 0
    // schwefel(0) is that offset alone (for d = 1)
    expect(u * u * Math.sin(u)).toBeCloseTo(schwefel(Float64Array.of(0)), 10);
  });

  it('closed forms at a few points', () => {
    // Rastrigin at integers is Σ x_i²; Rosenbrock at 0 is d − 1; Griewank at 0 is 0
    expect(rastrigin(Float64Array.of(1, -2, 3))).toBeCloseTo(14, 12);
    expect(rosenbrock(new Float64Array(5))).toBe(4);
    expect(ackley(Float64Array.of(1, 1))).toBeCloseTo(
      20 + Math.E - 20 * Math.exp(-0.2) - Math.E,
      12,
    );
  });

  it('bad input throws typed errors naming the function', () => {
    expect(() => rastrigin(new Float64Array(0))).toThrow(ShapeError);
    expect(() => rosenbrock(Float64Array.of(1))).toThrow(
      /rosenbrock\(\): x must be a Float64Array of length ≥ 2/,
    );
    expect(() => ackley([1, 2] as never)).toThrow(ShapeError);
    expect(() => griewank(Float64Array.of(Number.NaN))).toThrow(NonFiniteError);
    expect(() => schwefel(Float64Array.of(Number.POSITIVE_INFINITY))).toThrow(NonFiniteError);
    expect(() => rastrigin.minimizer(0)).toThrow(/rastrigin.minimizer\(\)/);
  });
});
