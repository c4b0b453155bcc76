import {
  eigh,
  fromRows,
  identity,
  type Matrix,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  rng,
  ShapeError,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  congruenceM,
  frobDiff,
  frobNorm,
  randomMatrix,
  randomOrthogonalTest,
  randomSPD,
  randomSymmetric,
  relErr,
  scaleM,
} from '../../test/helpers.js';
import {
  affineInvariant,
  buresWasserstein,
  euclidean,
  generalizedBuresWasserstein,
  logCholesky,
  logEuclidean,
  type PowerDeformedMetric,
  powerDeformed,
  type SPDMetric,
} from '../index.js';

const n = 4;
const M = randomSPD(n, 99, 5);
const metrics: SPDMetric[] = [
  affineInvariant,
  logEuclidean,
  logCholesky,
  buresWasserstein,
  generalizedBuresWasserstein(M),
  euclidean,
  powerDeformed(affineInvariant, 0.5),
  powerDeformed(buresWasserstein, 0.5),
  powerDeformed(logCholesky, -1),
];

// Points with condition ≤ 10 and tangent vectors of norm ~0.1·‖P‖ keep every exponential inside
// its domain (Euclidean and BW are not complete); 1e-9 relative is ~1e7 ε, far above the
// rounding of a few n³ products and eigendecompositions of 4×4 matrices with κ ≤ 10.
const TOL = 1e-9;

// Tangent vectors are capped at ‖·‖_F ≤ λ_min(p)/2 (which bounds the spectral norm too), so
// p + t·v stays positive definite for |t| ≤ 1 and the incomplete metrics (Euclidean) keep
// exp(p, v) inside the cone for every seed.
function capped(v: Matrix, p: Matrix): Matrix {
  const cap = 0.5 * eigh(p, { vectors: false }).values[0];
  const norm = frobNorm(v);
  return norm > cap ? scaleM(v, cap / norm) : v;
}

function gen(seed: number) {
  const p = randomSPD(n, seed, 10);
  return {
    p,
    q: randomSPD(n, seed + 1, 10),
    r: randomSPD(n, seed + 2, 10),
    u: capped(randomSymmetric(n, seed + 3, 0.1), p),
    v: capped(randomSymmetric(n, seed + 4, 0.1), p),
  };
}

const seeds = fc.integer({ min: 1, max: 1_000_000 });

describe.each(metrics.map((m) => [m.name, m] as const))(
  'generic metric suite: %s',
  (_name, metric) => {
    it('log(p, exp(p, v)) = v and exp(p, log(p, q)) = q', () => {
      fc.assert(
        fc.property(seeds, (seed) => {
          const { p, q, v } = gen(seed);
          expect(relErr(metric.log(p, metric.exp(p, v)), v)).toBeLessThan(TOL);
          expect(relErr(metric.exp(p, metric.log(p, q)), q)).toBeLessThan(TOL);
        }),
        { numRuns: 8 },
      );
    });

    it('distance(p, q) = norm(p, log(p, q)) and is symmetric', () => {
      fc.assert(
        fc.property(seeds, (seed) => {
          const { p, q } = gen(seed);
          const d = metric.distance(p, q);
          expect(Math.abs(metric.norm(p, metric.log(p, q)) - d)).toBeLessThan(TOL * d);
          expect(Math.abs(metric.distance(q, p) - d)).toBeLessThan(TOL * d);
          expect(Math.abs(metric.squaredDistance(p, q) - d * d)).toBeLessThan(TOL * d * d);
        }),
        { numRuns: 8 },
      );
    });

    it('geodesic(p, q, t) has end points p, q, constant speed, and equals exp(p, t·log(p, q))', () => {
      fc.assert(
        fc.property(seeds, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (seed, t) => {
          const { p, q } = gen(seed);
          expect(relErr(metric.geodesic(p, q, 0), p)).toBeLessThan(TOL);
          expect(relErr(metric.geodesic(p, q, 1), q)).toBeLessThan(TOL);
          const g = metric.geodesic(p, q, t);
          const d = metric.distance(p, q);
          expect(Math.abs(metric.distance(p, g) - t * d)).toBeLessThan(TOL * d);
          expect(Math.abs(metric.distance(g, q) - (1 - t) * d)).toBeLessThan(TOL * d);
          expect(relErr(metric.exp(p, scaleM(metric.log(p, q), t)), g)).toBeLessThan(TOL);
        }),
        { numRuns: 8 },
      );
    });

    it('distance satisfies the triangle inequality on random triples', () => {
      fc.assert(
        fc.property(seeds, (seed) => {
          const { p, q, r } = gen(seed);
          const slack = 1e-12 * (metric.distance(p, q) + metric.distance(q, r));
          expect(metric.distance(p, r)).toBeLessThanOrEqual(
            metric.distance(p, q) + metric.distance(q, r) + slack,
          );
        }),
        { numRuns: 20 },
      );
    });

    it('transport(p, q, ·) preserves the inner product', () => {
      fc.assert(
        fc.property(seeds, (seed) => {
          const { p, q, u, v } = gen(seed);
          const tu = metric.transport(p, q, u);
          const tv = metric.transport(p, q, v);
          const before = metric.inner(p, u, v);
          const scale = metric.norm(p, u) * metric.norm(p, v);
          expect(Math.abs(metric.inner(q, tu, tv) - before)).toBeLessThan(TOL * scale);
          expect(metric.isTangent(q, tu)).toBe(true);
        }),
        { numRuns: 8 },
      );
    });

    it('transport along the geodesic to log(p, q) gives −log(q, p) when parallel', () => {
      if (!metric.parallelTransport) return;
      const { p, q } = gen(17);
      const moved = metric.transport(p, q, metric.log(p, q));
      expect(relErr(moved, scaleM(metric.log(q, p), -1))).toBeLessThan(TOL);
    });

    it('inner is bilinear and symmetric, distance(p, p) = 0', () => {
      const { p, u, v } = gen(5);
      expect(Math.abs(metric.inner(p, u, v) - metric.inner(p, v, u))).toBeLessThan(
        1e-14 * metric.norm(p, u) * metric.norm(p, v) + 1e-300,
      );
      const a = metric.inner(p, scaleM(u, 2), v);
      expect(Math.abs(a - 2 * metric.inner(p, u, v))).toBeLessThan(1e-12 * Math.abs(a) + 1e-15);
      expect(metric.distance(p, p)).toBeLessThan(1e-7);
    });

    it('isPoint / isTangent accept SPD / symmetric and reject the rest', () => {
      const { p, v } = gen(3);
      expect(metric.isPoint(p)).toBe(true);
      expect(
        metric.isPoint(
          fromRows([
            [1, 2],
            [2, 1],
          ]),
        ),
      ).toBe(false);
      expect(
        metric.isPoint(
          fromRows([
            [1, 0.5],
            [0, 1],
          ]),
        ),
      ).toBe(false);
      expect(metric.isTangent(p, v)).toBe(true);
      expect(metric.isTangent(p, randomMatrix(n, 3))).toBe(false);
    });

    it('does not mutate its inputs', () => {
      const { p, q, v } = gen(7);
      const snap = [p, q, v].map((m) => Float64Array.from(m.data));
      metric.distance(p, q);
      metric.exp(p, v);
      metric.log(p, q);
      metric.geodesic(p, q, 0.3);
      metric.transport(p, q, v);
      metric.inner(p, v, v);
      [p, q, v].forEach((m, i) => {
        expect(m.data).toEqual(snap[i]);
      });
    });

    it('bad input throws typed errors', () => {
      const p = gen(1).p;
      expect(() =>
        metric.distance(
          p,
          fromRows([
            [1, 2, 0, 0],
            [2, 1, 0, 0],
            [0, 0, 1, 0],
            [0, 0, 0, 1],
          ]),
        ),
      ).toThrow(NotPositiveDefiniteError);
      expect(() =>
        metric.distance(
          p,
          fromRows([
            [1, 0.5, 0, 0],
            [0, 1, 0, 0],
            [0, 0, 1, 0],
            [0, 0, 0, 1],
          ]),
        ),
      ).toThrow(NotSymmetricError);
      const bad = identity(4);
      bad.data[5] = Number.NaN;
      expect(() => metric.log(p, bad)).toThrow(NonFiniteError);
      expect(() => metric.distance(p, identity(3))).toThrow(ShapeError);
      expect(() => metric.exp(p, identity(3))).toThrow(ShapeError);
      expect(() =>
        metric.distance(
          p,
          fromRows([
            [1, 2, 0, 0],
            [2, 1, 0, 0],
            [0, 0, 1, 0],
            [0, 0, 0, 1],
          ]),
        ),
      ).toThrow(/shrinkage/);
    });
  },
);

describe('invariances', () => {
  const a = randomSPD(n, 11, 50);
  const b = randomSPD(n, 12, 50);
  const w = randomMatrix(n, 13);
  const o: Matrix = { rows: n, cols: n, data: randomOrthogonalTest(n, rng(14)) };

  it('affineInvariant.distance is invariant under congruence and inversion', () => {
    const d = affineInvariant.distance(a, b);
    expect(affineInvariant.distance(congruenceM(w, a), congruenceM(w, b))).toBeCloseTo(d, 10);
    // X⁻¹ is the point at t = −1 on the geodesic from I through X.
    const ai = affineInvariant.geodesic(identity(n), a, -1);
    const bi = affineInvariant.geodesic(identity(n), b, -1);
    expect(affineInvariant.distance(ai, bi)).toBeCloseTo(d, 10);
  });

  it('buresWasserstein.distance is invariant under orthogonal congruence, not general congruence', () => {
    const d = buresWasserstein.distance(a, b);
    expect(buresWasserstein.distance(congruenceM(o, a), congruenceM(o, b))).toBeCloseTo(d, 10);
    expect(
      Math.abs(buresWasserstein.distance(congruenceM(w, a), congruenceM(w, b)) - d),
    ).toBeGreaterThan(1e-3);
  });

  it('generalizedBuresWasserstein(M).distance is invariant under joint congruence of (X, Y, M)', () => {
    const d = generalizedBuresWasserstein(M).distance(a, b);
    const moved = generalizedBuresWasserstein(congruenceM(w, M));
    expect(moved.distance(congruenceM(w, a), congruenceM(w, b))).toBeCloseTo(d, 9);
    expect(generalizedBuresWasserstein(identity(n)).distance(a, b)).toBeCloseTo(
      buresWasserstein.distance(a, b),
      12,
    );
  });

  it('logEuclidean.distance is invariant under orthogonal congruence and inversion', () => {
    const d = logEuclidean.distance(a, b);
    expect(logEuclidean.distance(congruenceM(o, a), congruenceM(o, b))).toBeCloseTo(d, 10);
    const ai = affineInvariant.geodesic(identity(n), a, -1);
    const bi = affineInvariant.geodesic(identity(n), b, -1);
    expect(logEuclidean.distance(ai, bi)).toBeCloseTo(d, 10);
  });

  it('affineInvariant.distance(I, 2I) in 2×2 is √2·ln 2 = 0.980258', () => {
    expect(affineInvariant.distance(identity(2), scaleM(identity(2), 2))).toBeCloseTo(
      Math.SQRT2 * Math.LN2,
      14,
    );
  });

  it('powerDeformed(metric, θ).distance = metric.distance(X^θ, Y^θ)/|θ|', () => {
    const pd = powerDeformed(buresWasserstein, 0.5);
    const sqrtA = affineInvariant.geodesic(identity(n), a, 0.5);
    const sqrtB = affineInvariant.geodesic(identity(n), b, 0.5);
    expect(pd.distance(a, b)).toBeCloseTo(buresWasserstein.distance(sqrtA, sqrtB) / 0.5, 10);
    expect(() => powerDeformed(affineInvariant, 0)).toThrow(/logEuclidean/);
  });
});

describe('ill-conditioned inputs (condition 1e10 and 1e12)', () => {
  for (const metric of metrics) {
    it(`${metric.name}: exp(p, log(p, q)) recovers q and distance stays finite for κ = 1e10`, () => {
      const p = randomSPD(n, 21, 1e10);
      const q = randomSPD(n, 22, 1e10);
      const d = metric.distance(p, q);
      expect(Number.isFinite(d)).toBe(true);
      expect(d).toBeGreaterThan(0);
      expect(Math.abs(metric.distance(q, p) - d)).toBeLessThan(1e-6 * d);
      if (metric.kind === 'euclidean') return;
      // θ < 0: Dφ_P for φ(X) = X^θ has condition κ(P)^{1−θ} (κ² = 1e20 for θ = −1), so a
      // round trip through the pulled-back tangent space cannot be accurate in float64
      if (metric.kind === 'power-deformed' && (metric as PowerDeformedMetric).theta < 0) return;
      // Round trips through P^{±½}/L⁻¹ amplify rounding by about κ(P)^{1/2}·ε ≈ 1e5·1e-16; the
      // bound 1e-4 (relative, Frobenius) is dominated by the smallest eigenvalues.
      const back = metric.exp(p, metric.log(p, q));
      expect(relErr(back, q)).toBeLessThan(1e-4);
    });
  }
  it('frobNorm helper sanity', () => {
    expect(frobNorm(identity(4))).toBe(2);
    expect(frobDiff(identity(2), identity(2))).toBe(0);
  });
});

describe('1×1 matrices reduce to the scalar formulas', () => {
  const a = { rows: 1, cols: 1, data: new Float64Array([0.5]) };
  const b = { rows: 1, cols: 1, data: new Float64Array([8]) };
  it('AIRM and LEM give |ln(a/b)|, LCM |ln √(a/b)|, BW |√a − √b|, Euclidean |a − b|', () => {
    expect(affineInvariant.distance(a, b)).toBeCloseTo(Math.log(16), 14);
    expect(logEuclidean.distance(a, b)).toBeCloseTo(Math.log(16), 14);
    expect(logCholesky.distance(a, b)).toBeCloseTo(Math.log(4), 14);
    expect(buresWasserstein.distance(a, b)).toBeCloseTo(Math.sqrt(8) - Math.sqrt(0.5), 14);
    expect(euclidean.distance(a, b)).toBeCloseTo(7.5, 14);
    expect(affineInvariant.geodesic(a, b, 0.5).data[0]).toBeCloseTo(2, 14);
  });
  it('an empty (0×0) matrix is rejected with a ShapeError', () => {
    const e = { rows: 0, cols: 0, data: new Float64Array(0) };
    expect(() => affineInvariant.distance(e, e)).toThrow(ShapeError);
  });
});
