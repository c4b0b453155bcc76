import { fromRows, InvalidArgumentError, NonFiniteError, rng, ShapeError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../test/fixtures/wasserstein1d.json' with { type: 'json' };
import { emd, wasserstein1D } from './index.js';

describe('wasserstein1D', () => {
  for (const c of fixture.cases)
    it(`wasserstein1D(u, v, { p }) equals POT's wasserstein_1d^(1/p) (${c.name})`, () => {
      const d = wasserstein1D(c.u, c.v, {
        uWeights: c.uWeights ?? undefined,
        vWeights: c.vWeights ?? undefined,
        p: c.p,
      });
      // A sum of ≤ n + m pieces of O(1) terms: ~1e-15 relative; 1e-12 leaves room for the p-th root.
      expect(Math.abs(d - c.distance)).toBeLessThan(1e-12 * Math.max(1, c.distance));
    });

  it('wasserstein1D() equals emd with cost |x − y|^p, raised to 1/p (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (n, m, p, seed) => {
          const r = rng(seed);
          const u = Array.from({ length: n }, () => r.normal());
          const v = Array.from({ length: m }, () => r.normal());
          const uw = Array.from({ length: n }, () => r.uniform() + 0.05);
          const vw = Array.from({ length: m }, () => r.uniform() + 0.05);
          const su = uw.reduce((s, x) => s + x, 0);
          const sv = vw.reduce((s, x) => s + x, 0);
          const a = uw.map((x) => x / su);
          const b = vw.map((x) => x / sv);
          const C = fromRows(u.map((x) => v.map((y) => Math.abs(x - y) ** p)));
          const exact = emd(a, b, C).cost ** (1 / p);
          // Both are exact LP optima of O(1) data; the 1/p root at most doubles relative rounding.
          return Math.abs(wasserstein1D(u, v, { uWeights: uw, vWeights: vw, p }) - exact) < 1e-10;
        },
      ),
      { numRuns: 100 },
    );
  });

  it('wasserstein1D() is a metric on samples: zero on equal inputs, symmetric', () => {
    expect(wasserstein1D([3, 1, 2], [1, 2, 3])).toBe(0);
    expect(wasserstein1D([0, 5], [1, 2, 9], { p: 2 })).toBeCloseTo(
      wasserstein1D([1, 2, 9], [0, 5], { p: 2 }),
      14,
    );
  });

  it('wasserstein1D() validates input and does not mutate it', () => {
    expect(() => wasserstein1D([], [1])).toThrow(ShapeError);
    expect(() => wasserstein1D([1, Number.NaN], [1])).toThrow(NonFiniteError);
    expect(() => wasserstein1D([1], [1], { p: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => wasserstein1D([1, 2], [1], { uWeights: [1] })).toThrow(ShapeError);
    expect(() => wasserstein1D([1, 2], [1], { uWeights: [1, -1] })).toThrow(InvalidArgumentError);
    const u = [3, 1, 2];
    wasserstein1D(u, [0]);
    expect(u).toEqual([3, 1, 2]);
  });
});
