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
  bwFidelityRoundingBound,
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
  type GeneralizedBuresWassersteinMetric,
  generalizedBuresWasserstein,
  logCholesky,
  logEuclidean,
  matrixPower,
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

    if (metric.parallelTransport)
      it('transport along the geodesic to log(p, q) gives −log(q, p) (parallel transport)', () => {
        const { p, q } = gen(17);
        const moved = metric.transport(p, q, metric.log(p, q));
        expect(relErr(moved, scaleM(metric.log(q, p), -1))).toBeLessThan(TOL);
      });
    else
      it('transport is an isometric vector transport, not parallel transport: identity at q = p, inverted by q → p, and log(p, q) does not go to −log(q, p)', () => {
        fc.assert(
          fc.property(seeds, (seed) => {
            const { p, q, v } = gen(seed);
            expect(relErr(metric.transport(p, p, v), v)).toBeLessThan(TOL);
            expect(relErr(metric.transport(q, p, metric.transport(p, q, v)), v)).toBeLessThan(TOL);
            // parallelTransport: false is a statement about the geometry, checked here: the
            // velocity of the geodesic is not carried to the velocity at its end (over 286 seeds
            // of these points the two differ by 0.7% of their size or more; TOL is the rounding)
            const moved = metric.transport(p, q, metric.log(p, q));
            expect(relErr(moved, scaleM(metric.log(q, p), -1))).toBeGreaterThan(1e-4);
          }),
          { numRuns: 8 },
        );
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

/** The orthonormal Frobenius basis E_ii, (E_ij + E_ji)/√2 of the symmetric matrices. */
function symmetricBasis(size: number): Matrix[] {
  const out: Matrix[] = [];
  for (let i = 0; i < size; i++)
    for (let j = 0; j <= i; j++) {
      const data = new Float64Array(size * size);
      data[i * size + j] = i === j ? 1 : Math.SQRT1_2;
      data[j * size + i] = i === j ? 1 : Math.SQRT1_2;
      out.push({ rows: size, cols: size, data });
    }
  return out;
}

/**
 * First-order relative condition number of distance(p, q) under normwise perturbations of p and
 * q: (‖G_p‖_F‖p‖_F + ‖G_q‖_F‖q‖_F)/d², where G_p, the Euclidean gradient of ½d²(·, q) at p, is
 * the metric dual of −Log_p(q) (first variation: d/dt ½d²(p + tE, q) = −⟨Log_p q, E⟩_p).
 */
function distanceCondition(metric: SPDMetric, p: Matrix, q: Matrix): number {
  const gradNorm = (a: Matrix, b: Matrix) => {
    const l = metric.log(a, b);
    let s = 0;
    for (const e of symmetricBasis(a.rows)) s += metric.inner(a, l, e) ** 2;
    return Math.sqrt(s);
  };
  return (
    (gradNorm(p, q) * frobNorm(p) + gradNorm(q, p) * frobNorm(q)) / metric.squaredDistance(p, q)
  );
}

/**
 * Relative error bound on a BW distance from the formed product C = LᵀQL (see
 * bwFidelityRoundingBound); GBW is BW of the whitened points; 0 for the other metrics.
 */
function bwProductBound(metric: SPDMetric, p: Matrix, q: Matrix): number {
  if (metric.kind === 'bures-wasserstein')
    return bwFidelityRoundingBound(p, q) / (2 * metric.squaredDistance(p, q));
  if (metric.kind === 'generalized-bures-wasserstein') {
    const g = metric as GeneralizedBuresWassersteinMetric;
    return bwProductBound(buresWasserstein, g.whiten(p), g.whiten(q));
  }
  return 0;
}

/**
 * Relative error bound on metric.distance(p, q): backward stable (relative error
 * ≤ n·ε·(n + cond), the bound the mpmath fixtures check) plus, for BW, the formed product. A power
 * deformation is its base at X^θ (d scales by 1/|θ|, the relative error does not), and computing
 * X^θ is one more backward-stable step on the base's inputs: twice the base's backward term.
 */
function distanceBound(metric: SPDMetric, p: Matrix, q: Matrix): number {
  const size = p.rows;
  if (metric.kind === 'power-deformed') {
    const { base, theta } = metric as PowerDeformedMetric;
    const phi = matrixPower(theta);
    const [pt, qt] = [phi.forward(p), phi.forward(q)];
    const cond = distanceCondition(base, pt, qt);
    return 2 * size * Number.EPSILON * (size + cond) + bwProductBound(base, pt, qt);
  }
  return (
    size * Number.EPSILON * (size + distanceCondition(metric, p, q)) + bwProductBound(metric, p, q)
  );
}

describe('ill-conditioned inputs (condition 1e10)', () => {
  const p = randomSPD(n, 21, 1e10);
  const q = randomSPD(n, 22, 1e10);
  const values = eigh(p, { vectors: false }).values;
  const kp = values[n - 1] / values[0];
  for (const metric of metrics) {
    // θ < 0: Dφ_P for φ(X) = X^θ has condition κ(P)^{1−θ} (κ² = 1e20 for θ = −1), so a round trip
    // through the pulled-back tangent space has no correct digit in float64: nothing to assert
    const theta = metric.kind === 'power-deformed' ? (metric as PowerDeformedMetric).theta : 1;
    const flat = metric.unchecked.flatChart !== undefined;
    it(`${metric.name}: distance is finite, positive and symmetric for κ = 1e10`, () => {
      const d = metric.distance(p, q);
      expect(Number.isFinite(d)).toBe(true);
      expect(d).toBeGreaterThan(0);
      if (flat) {
        // d² = Σ (φ(p) − φ(q))² in a flat chart: the same chart values enter both orders and
        // (a − b)² = (b − a)² exactly, so the two orders agree bit for bit
        expect(metric.distance(q, p)).toBe(d);
      } else {
        // the two orders factor different matrices, each within distanceBound: they differ by
        // at most twice that (relative). Bounds: AIRM 8.7e-7, BW 3.7e-12, GBW 3.8e-12,
        // power-deformed AIRM 4.1e-11, power-deformed BW 1.6e-12; measured 1.3e-16, 2.4e-14,
        // 2.6e-12, 0, 7.8e-14 (the former bound was 1e-6 for every metric).
        const bound = 2 * distanceBound(metric, p, q);
        expect(Math.abs(metric.distance(q, p) - d)).toBeLessThanOrEqual(bound * d);
      }
    });
    it.skipIf(theta < 0)(
      `${metric.name}: exp(p, log(p, q)) recovers q for κ = 1e10${theta < 0 ? ' (skipped: θ < 0 makes the round trip condition κ^{1−θ} = 1e20)' : ''}`,
      () => {
        // Every round trip maps q into a tangent space whose coordinates are whitened by P^{-½}
        // (AIRM), by L⁻¹ (log-Cholesky, BW through the Cholesky factor), or by the Daleckii–Krein
        // divided differences of log/X^θ at P, and back: a relative rounding error ε of the
        // whitened coordinates (n-term sums: n·ε) comes back multiplied by at most
        // ‖P‖·‖P⁻¹‖ = κ(P), and X^θ (θ = ½) splits κ between the chart and the base metric:
        //   relErr ≤ n·ε·κ(P) = 8.9e-6.
        // Measured: power-deformed AIRM (θ = ½) 6.4e-7, AIRM 1.5e-6, LEM 1.3e-9, log-Cholesky,
        // BW, GBW, power-deformed BW ≤ 5e-15, Euclidean 0.
        const back = metric.exp(p, metric.log(p, q));
        expect(relErr(back, q)).toBeLessThan(n * Number.EPSILON * kp);
      },
    );
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
