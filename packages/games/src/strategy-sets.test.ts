import { InvalidArgumentError, NonFiniteError, ShapeError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ballSet,
  boxSet,
  freeSet,
  projectOntoSet,
  type StrategySet,
  simplexSet,
} from '../src/index.js';

const vec = (n: number) =>
  fc
    .array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n })
    .map((a) => Float64Array.from(a));

function feasible(set: StrategySet, x: Float64Array, tol = 1e-12): boolean {
  switch (set.kind) {
    case 'free':
      return true;
    case 'box':
      return x.every((v, i) => {
        const l = typeof set.lower === 'number' ? set.lower : set.lower[i];
        const h = typeof set.upper === 'number' ? set.upper : set.upper[i];
        return v >= l - tol && v <= h + tol;
      });
    case 'ball': {
      let s = 0;
      x.forEach((v, i) => {
        s += (v - (set.center ? set.center[i] : 0)) ** 2;
      });
      return Math.sqrt(s) <= set.radius * (1 + tol);
    }
    case 'simplex':
      return (
        x.every((v) => v >= set.floor - tol) &&
        Math.abs(x.reduce((a, b) => a + b, 0) - set.total) <= 1e-12 * (1 + set.total) * x.length
      );
  }
}

const sets: [string, StrategySet][] = [
  ['free', freeSet()],
  ['box', boxSet([-1, 0, 0.5, -2], [1, 2, 0.5, -1])],
  ['ball', ballSet(1.5, [0.5, -0.5, 0, 1])],
  ['simplex', simplexSet()],
  ['floored simplex', simplexSet({ total: 2, floor: 0.1 })],
];

describe('projectOntoSet(set, v)', () => {
  for (const [name, set] of sets) {
    it(`${name}: the projection is feasible, idempotent and satisfies the obtuse-angle condition`, () => {
      fc.assert(
        fc.property(vec(4), vec(4), (v, w) => {
          const p = projectOntoSet(set, v);
          expect(feasible(set, p)).toBe(true);
          // idempotent up to rounding of one more projection (values of order 5: 1e-14 absolute)
          const pp = projectOntoSet(set, p);
          for (let i = 0; i < 4; i++) expect(Math.abs(pp[i] - p[i])).toBeLessThan(1e-13);
          // variational characterization of Π_K: ⟨v − Π v, u − Π v⟩ ≤ 0 for every u ∈ K
          const u = projectOntoSet(set, w);
          let ip = 0;
          for (let i = 0; i < 4; i++) ip += (v[i] - p[i]) * (u[i] - p[i]);
          expect(ip).toBeLessThan(1e-12);
        }),
        { numRuns: 150, seed: 7 },
      );
    });
  }

  it('simplex: a point already on the simplex is unchanged and ties split evenly', () => {
    expect(Array.from(projectOntoSet(simplexSet(), new Float64Array([0.2, 0.3, 0.5])))).toEqual([
      0.2, 0.3, 0.5,
    ]);
    const p = projectOntoSet(simplexSet(), new Float64Array([1, 1, 1, 1]));
    for (const v of p) expect(v).toBeCloseTo(0.25, 15);
  });

  it('a degenerate floored simplex (total = n·floor) is the single point floor·1', () => {
    expect(
      Array.from(
        projectOntoSet(simplexSet({ total: 0.3, floor: 0.1 }), new Float64Array([5, -5, 0])),
      ),
    ).toEqual([0.1, 0.1, 0.1]);
  });

  it('bad sets and inputs throw typed errors', () => {
    expect(() => boxSet(1, 0)).toThrow(InvalidArgumentError);
    expect(() => boxSet([0, 0], [1])).toThrow(ShapeError);
    expect(() => boxSet(Number.NaN, 1)).toThrow(InvalidArgumentError);
    expect(() => ballSet(0)).toThrow(InvalidArgumentError);
    expect(() => ballSet(1, [0, Number.NaN])).toThrow(NonFiniteError);
    expect(() => simplexSet({ total: -1 })).toThrow(InvalidArgumentError);
    expect(() => simplexSet({ floor: -0.1 })).toThrow(InvalidArgumentError);
    expect(() => projectOntoSet(boxSet([0, 0], [1, 1]), new Float64Array(3))).toThrow(ShapeError);
    expect(() => projectOntoSet(simplexSet({ floor: 0.5 }), new Float64Array(3))).toThrow(
      InvalidArgumentError,
    );
    expect(() => projectOntoSet(freeSet(), new Float64Array([Number.NaN]))).toThrow(NonFiniteError);
  });
});
