import {
  fromRows,
  InvalidArgumentError,
  matrix,
  NonFiniteError,
  rng,
  ShapeError,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../test/fixtures/sliced-wasserstein.json' with { type: 'json' };
import { slicedWasserstein, wasserstein1D } from './index.js';

describe('slicedWasserstein', () => {
  for (const [k, c] of fixture.cases.entries())
    it(`equals POT's sliced_wasserstein_distance with the same projections (case ${k}: d = ${c.projections.length}, L = ${c.projections[0].length}, p = ${c.p})`, () => {
      const sw = slicedWasserstein(c.x, c.y, {
        projections: fromRows(c.projections),
        p: c.p,
        xWeights: c.xWeights ?? undefined,
        yWeights: c.yWeights ?? undefined,
      });
      // L exact 1-D distances, each a sum of ≤ n + m O(1) terms (~1e-15 relative), then a mean
      // and a p-th root: 1e-12 relative leaves two orders of magnitude of room.
      expect(Math.abs(sw - c.expected)).toBeLessThan(1e-12 * Math.max(1, c.expected));
    });

  it('in one dimension with the direction ±1 it is wasserstein1D (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (n, m, p, seed) => {
          const r = rng(seed);
          const u = Array.from({ length: n }, () => [r.normal()]);
          const v = Array.from({ length: m }, () => [2 * r.normal() + 1]);
          const expected = wasserstein1D(
            u.map((q) => q[0]),
            v.map((q) => q[0]),
            { p },
          );
          // random directions in R¹ are ±1; W_p is invariant under the reflection
          const sw = slicedWasserstein(u, v, { p, projections: 7, seed });
          return Math.abs(sw - expected) <= 1e-12 * Math.max(1, expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is symmetric, zero on identical clouds, invariant under a rotation of both clouds, and equals |shift| for a translation along a single direction', () => {
    const r = rng(3);
    const n = 40;
    const x = matrix(
      n,
      3,
      Float64Array.from({ length: 3 * n }, () => r.normal()),
    );
    const y = matrix(
      n,
      3,
      Float64Array.from({ length: 3 * n }, () => r.normal() + 0.3),
    );
    const a = slicedWasserstein(x, y, { projections: 64, seed: 1 });
    const b = slicedWasserstein(y, x, { projections: 64, seed: 1 });
    expect(a).toBeCloseTo(b, 14);
    expect(slicedWasserstein(x, x, { projections: 64 })).toBe(0);
    // a translation by s along the one direction e1: every 1-D plan is the shift, W_2 = |s|
    const s = 1.7;
    const shifted = matrix(
      n,
      3,
      x.data.map((v, q) => (q % 3 === 0 ? v + s : v)),
    );
    const e1 = fromRows([[1], [0], [0]]);
    expect(slicedWasserstein(x, shifted, { projections: e1 })).toBeCloseTo(s, 12);
    // rotating both clouds and the directions together leaves every projection unchanged
    const c = Math.cos(0.4);
    const sn = Math.sin(0.4);
    const rot = (m: typeof x) =>
      matrix(
        m.rows,
        3,
        Float64Array.from({ length: m.data.length }, (_, q) => {
          const i = Math.floor(q / 3) * 3;
          const [u, v, w] = [m.data[i], m.data[i + 1], m.data[i + 2]];
          return [c * u - sn * v, sn * u + c * v, w][q % 3];
        }),
      );
    const dirs = matrix(
      3,
      5,
      Float64Array.from({ length: 15 }, () => r.normal()),
    );
    const rdirs = matrix(
      3,
      5,
      Float64Array.from({ length: 15 }, (_, q) => {
        const l = q % 5;
        const [u, v, w] = [dirs.data[l], dirs.data[5 + l], dirs.data[10 + l]];
        return [c * u - sn * v, sn * u + c * v, w][Math.floor(q / 5)];
      }),
    );
    expect(slicedWasserstein(rot(x), rot(y), { projections: rdirs })).toBeCloseTo(
      slicedWasserstein(x, y, { projections: dirs }),
      12,
    );
  });

  it('validates its inputs with typed errors that name the argument', () => {
    const x = [[0, 0]];
    expect(() => slicedWasserstein([], x)).toThrow(ShapeError);
    expect(() => slicedWasserstein(x, [[0, 0, 0]])).toThrow(
      /x has dimension 2 but y has dimension 3/,
    );
    expect(() => slicedWasserstein(x, x, { p: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => slicedWasserstein(x, x, { projections: 0 })).toThrow(/projections must be/);
    expect(() => slicedWasserstein(x, x, { projections: fromRows([[1, 0, 0]]) })).toThrow(
      ShapeError,
    );
    expect(() => slicedWasserstein(x, x, { xWeights: [1, 1] })).toThrow(/xWeights has 2 entries/);
    expect(() => slicedWasserstein([[Number.NaN, 0]], x)).toThrow(NonFiniteError);
    expect(() => slicedWasserstein(x, x, { yWeights: [-1] })).toThrow(InvalidArgumentError);
  });
});
