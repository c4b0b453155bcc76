import { fromRows, identity, NotSymmetricError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import fixture from '../test/fixtures/gaussian-w2.json' with { type: 'json' };
import { gaussianW2 } from './index.js';

describe('gaussianW2', () => {
  for (const c of fixture.cases)
    it(`gaussianW2(m1, c1, m2, c2) matches the SciPy sqrtm closed form (${c.name})`, () => {
      const w = gaussianW2(c.m1, fromRows(c.c1), c.m2, fromRows(c.c2));
      // The trace term cancels O(‖C‖) quantities: absolute error ~ cond·eps·‖C‖ in W₂², so
      // ~1e-10 at cond 1e6 (‖C‖ = 1); relative 1e-8 on W₂ ≥ 0.3 covers both implementations.
      expect(Math.abs(w - c.w2)).toBeLessThan(1e-8 * Math.max(1, c.w2));
    });

  it('gaussianW2() of equal Gaussians is 0 and of commuting covariances is the diagonal formula', () => {
    const c = fromRows([
      [2, 0.5],
      [0.5, 1],
    ]);
    expect(gaussianW2([1, 2], c, [1, 2], c)).toBeLessThan(1e-7);
    const d1 = fromRows([
      [4, 0],
      [0, 9],
    ]);
    const d2 = fromRows([
      [1, 0],
      [0, 16],
    ]);
    // Diagonal covariances: W₂² = Σ (√σ1 − √σ2)² = 1 + 1.
    expect(gaussianW2([0, 0], d1, [0, 0], d2)).toBeCloseTo(Math.SQRT2, 13);
  });

  it('gaussianW2() does not mutate its inputs', () => {
    const c1 = fromRows([
      [2, 0.3],
      [0.3, 1],
    ]);
    const c2 = fromRows([
      [1, -0.2],
      [-0.2, 3],
    ]);
    const m1 = [1, 2];
    gaussianW2(m1, c1, [0, 0], c2);
    expect(Array.from(c1.data)).toEqual([2, 0.3, 0.3, 1]);
    expect(Array.from(c2.data)).toEqual([1, -0.2, -0.2, 3]);
    expect(m1).toEqual([1, 2]);
  });

  it('gaussianW2() validates shapes and symmetry', () => {
    expect(() => gaussianW2([0], identity(2), [0, 0], identity(2))).toThrow(ShapeError);
    expect(() =>
      gaussianW2(
        [0, 0],
        fromRows([
          [1, 1],
          [0, 1],
        ]),
        [0, 0],
        identity(2),
      ),
    ).toThrow(NotSymmetricError);
  });
});
