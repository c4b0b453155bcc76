import { AbortError, fromRows, identity, type Matrix } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { randomSPD, scaleM } from '../test/helpers.js';
import { affineInvariant, buresWasserstein, geometricMedian, logEuclidean } from './index.js';

describe('geometricMedian(points, metric)', () => {
  const pts = Array.from({ length: 7 }, (_, i) => randomSPD(3, 40 + i, 5));
  for (const metric of [affineInvariant, logEuclidean, buresWasserstein]) {
    it(`${metric.name}: the objective Σ d(G, X_i) is not improved by small moves from the median`, () => {
      const r = geometricMedian(pts, metric, { tol: 1e-10, maxIter: 500 });
      expect(r.converged).toBe(true);
      const f = (g: Matrix) => pts.reduce((a, x) => a + metric.distance(g, x), 0) / pts.length;
      expect(r.objective).toBeCloseTo(f(r.median), 12);
      // first-order optimality probed along random tangent directions (step 1e-4, so a
      // violation would show at ~1e-4·‖grad‖ while the quadratic term is ~1e-8)
      for (let s = 0; s < 4; s++) {
        const v = randomSPD(3, 90 + s, 3);
        const dir = scaleM(
          { rows: 3, cols: 3, data: v.data.map((x, k) => x - (k % 4 === 0 ? 1 : 0)) },
          1e-4,
        );
        expect(f(metric.exp(r.median, dir))).toBeGreaterThan(r.objective - 1e-9);
      }
    });
  }
  it('resists an outlier that drags the Fréchet mean', () => {
    const clean = [
      identity(2),
      fromRows([
        [1.1, 0],
        [0, 0.9],
      ]),
      fromRows([
        [0.9, 0.05],
        [0.05, 1.1],
      ]),
    ];
    const r = geometricMedian(
      [
        ...clean,
        fromRows([
          [1e4, 0],
          [0, 1e4],
        ]),
      ],
      affineInvariant,
    );
    expect(affineInvariant.distance(r.median, identity(2))).toBeLessThan(0.2);
    expect(() => geometricMedian(clean, affineInvariant, { signal: AbortSignal.abort() })).toThrow(
      AbortError,
    );
  });
});
