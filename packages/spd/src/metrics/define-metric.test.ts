// defineMetric (validation once, derived members) and pullback (one formula for log-Euclidean,
// log-Cholesky, power deformations, GBW): checked against the metrics' closed forms and the
// pullback identities.
import {
  fromRows,
  identity,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
  NotSymmetricError,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  congruenceM,
  randomMatrix,
  randomSPD,
  randomSymmetric,
  relErr,
} from '../../test/helpers.js';
import {
  affineInvariant,
  buresWasserstein,
  defineMetric,
  type Diffeomorphism,
  euclidean,
  frechetMean,
  frobeniusCore,
  generalizedBuresWasserstein,
  logEuclidean,
  matrixPower,
  powerDeformed,
  pullback,
  type SPDMetricCore,
} from '../index.js';

/** A core that counts calls, to check that validation never reaches it twice. */
function counted(core: SPDMetricCore) {
  const calls: Record<string, number> = {};
  const wrap =
    <A extends unknown[], R>(name: string, f: (...a: A) => R) =>
    (...a: A): R => {
      calls[name] = (calls[name] ?? 0) + 1;
      return f(...a);
    };
  return {
    calls,
    core: {
      squaredDistance: wrap('squaredDistance', core.squaredDistance),
      inner: wrap('inner', core.inner),
      exp: wrap('exp', core.exp),
      log: wrap('log', core.log),
      transport: wrap('transport', core.transport),
    } satisfies SPDMetricCore,
  };
}

describe('defineMetric(core, options)', () => {
  it('each public method validates once and calls its core formula once', () => {
    const { calls, core } = counted(affineInvariant.unchecked);
    const m = defineMetric(core, { name: 'counted-airm' });
    const p = randomSPD(3, 1, 10);
    const q = randomSPD(3, 2, 10);
    m.distance(p, q);
    m.exp(p, randomSymmetric(3, 3, 0.1));
    m.log(p, q);
    expect(calls).toEqual({ squaredDistance: 1, exp: 1, log: 1 });
    // derived: geodesic = exp(p, t·log(p, q)), norm = √inner
    expect(relErr(m.geodesic(p, q, 0.4), affineInvariant.geodesic(p, q, 0.4))).toBeLessThan(1e-12);
    expect(calls.log).toBe(2);
    expect(calls.exp).toBe(2);
    const v = randomSymmetric(3, 4, 1);
    expect(m.norm(p, v) ** 2).toBeCloseTo(affineInvariant.inner(p, v, v), 12);
  });

  it('validates points, tangent vectors, sizes and t with typed errors naming the method', () => {
    const m = defineMetric(affineInvariant.unchecked, { name: 'x', label: 'myMetric' });
    const p = randomSPD(3, 5, 10);
    expect(() =>
      m.distance(
        p,
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(NotPositiveDefiniteError);
    expect(() =>
      m.distance(
        p,
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(/myMetric\.distance\(\): b/);
    expect(() => m.inner(p, randomMatrix(3, 6), randomSymmetric(3, 7))).toThrow(NotSymmetricError);
    expect(() => m.exp(p, identity(2))).toThrow(ShapeError);
    expect(() => m.log(p, identity(2))).toThrow(ShapeError);
    expect(() => m.geodesic(p, p, Number.NaN)).toThrow(/t must be a finite number/);
    const sized = defineMetric(affineInvariant.unchecked, { name: 'y', size: 3 });
    expect(() => sized.distance(identity(2), identity(2))).toThrow(/must be 3×3/);
    expect(sized.isPoint(identity(2))).toBe(false);
    expect(sized.isPoint(identity(3))).toBe(true);
  });

  it('a metric without a mean algorithm gets Riemannian gradient descent: the Euclidean core gives the arithmetic mean', () => {
    const { core } = counted(frobeniusCore);
    const m = defineMetric(core, { name: 'frobenius-without-mean' });
    const xs = [randomSPD(3, 8, 5), randomSPD(3, 9, 5), randomSPD(3, 10, 5)];
    const r = frechetMean(xs, m, { weights: [1, 2, 3] });
    // one unit step from the arithmetic mean start lands exactly on it (gradient Σwᵢ(Xᵢ − G) = 0)
    expect(r.converged).toBe(true);
    expect(relErr(r.mean, frechetMean(xs, euclidean, { weights: [1, 2, 3] }).mean)).toBeLessThan(
      1e-14,
    );
  });

  it('rejects a core without a required formula and an empty name', () => {
    const { exp: _exp, ...noExp } = affineInvariant.unchecked;
    expect(() => defineMetric(noExp as SPDMetricCore, { name: 'n' })).toThrow(/core\.exp/);
    expect(() => defineMetric(affineInvariant.unchecked, { name: '' })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('pullback(base, diffeo, { scale })', () => {
  const p = randomSPD(4, 21, 20);
  const q = randomSPD(4, 22, 20);
  const u = randomSymmetric(4, 23, 0.3);
  const v = randomSymmetric(4, 24, 0.3);
  const xs = Array.from({ length: 5 }, (_, i) => randomSPD(4, 30 + i, 20));

  it('of BW by X ↦ M^{-½}XM^{-½} is generalizedBuresWasserstein(M): distance, exp, log, transport, mean', () => {
    const mm = randomSPD(4, 25, 5);
    const gbw = generalizedBuresWasserstein(mm);
    // the whitening, built independently from M's eigendecomposition through the AIRM geodesic
    const half = affineInvariant.geodesic(identity(4), mm, 0.5);
    const invHalf = affineInvariant.geodesic(identity(4), mm, -0.5);
    const w: Diffeomorphism = {
      forward: (x) => congruenceM(invHalf, x),
      inverse: (y) => congruenceM(half, y),
      differential: (_x, t) => congruenceM(invHalf, t),
      differentialInverse: (_x, t) => congruenceM(half, t),
    };
    const m = defineMetric(pullback(buresWasserstein, w), { name: 'pulled-gbw' });
    // κ ≤ 20 points, κ(M) ≤ 5: products and 4×4 eigendecompositions, ~1e-14 relative
    expect(m.distance(p, q)).toBeCloseTo(gbw.distance(p, q), 12);
    expect(relErr(m.exp(p, u), gbw.exp(p, u))).toBeLessThan(1e-11);
    expect(relErr(m.log(p, q), gbw.log(p, q))).toBeLessThan(1e-11);
    expect(relErr(m.transport(p, q, u), gbw.transport(p, q, u))).toBeLessThan(1e-11);
    const a = frechetMean(xs, m, { tol: 1e-12, maxIter: 200 }).mean;
    expect(relErr(a, frechetMean(xs, gbw, { tol: 1e-12, maxIter: 200 }).mean)).toBeLessThan(1e-10);
  });

  it('of the Frobenius core by matrix power θ with scale 1/θ² is powerDeformed(euclidean, θ)', () => {
    const m = defineMetric(pullback(frobeniusCore, matrixPower(0.5), { scale: 4 }), { name: 'p' });
    const pd = powerDeformed(euclidean, 0.5);
    expect(m.distance(p, q)).toBeCloseTo(pd.distance(p, q), 12);
    expect(m.inner(p, u, v)).toBeCloseTo(pd.inner(p, u, v), 12);
    // the mean is φ⁻¹ of the base mean of the φ(Xᵢ): (Σ Xᵢ^½ / 5)²
    const roots = xs.map((x) => affineInvariant.geodesic(identity(4), x, 0.5));
    const avg = { rows: 4, cols: 4, data: new Float64Array(16) };
    for (const r of roots) for (let k = 0; k < 16; k++) avg.data[k] += r.data[k] / 5;
    const expected = affineInvariant.geodesic(identity(4), avg, 2);
    expect(relErr(frechetMean(xs, m).mean, expected)).toBeLessThan(1e-12);
  });

  it('scale c multiplies inner products by c and distances by √c, leaving exp, log and the mean alone', () => {
    const m = defineMetric(pullback(affineInvariant, matrixPower(1), { scale: 9 }), { name: 's' });
    expect(m.distance(p, q)).toBeCloseTo(3 * affineInvariant.distance(p, q), 11);
    expect(m.inner(p, u, v)).toBeCloseTo(9 * affineInvariant.inner(p, u, v), 10);
    expect(relErr(m.log(p, q), affineInvariant.log(p, q))).toBeLessThan(1e-11);
    const r = frechetMean(xs, m, { tol: 1e-9 });
    // the reported gradient norm is in the scaled metric: 3 × the base's at the same point
    const base = frechetMean(xs, affineInvariant, { init: r.mean, maxIter: 0 });
    expect(r.gradientNorm).toBeCloseTo(3 * base.gradientNorm, 12);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-9);
  });

  it('riemannianGradient(p, G) represents the Euclidean gradient: ⟨ξ, v⟩_p = ⟨G, v⟩_F', () => {
    const g = randomSymmetric(4, 26, 1);
    const dotF = (a: Matrix, b: Matrix) => a.data.reduce((s, x, k) => s + x * b.data[k], 0);
    for (const m of [
      logEuclidean,
      powerDeformed(affineInvariant, 0.5),
      generalizedBuresWasserstein(randomSPD(4, 27, 5)),
    ]) {
      const xi = m.unchecked.riemannianGradient?.(p, g) as Matrix;
      // Daleckii–Krein maps at κ = 20: ~1e-14 relative
      expect(Math.abs(m.inner(p, xi, v) - dotF(g, v))).toBeLessThan(
        1e-11 * (1 + Math.abs(dotF(g, v))),
      );
    }
  });

  it('carries batch-normalization pieces exactly when the base has them and φ has a tape form', () => {
    expect(logEuclidean.unchecked.batchNorm).toBeDefined();
    expect(powerDeformed(buresWasserstein, 0.5).unchecked.batchNorm).toBeDefined();
    expect(powerDeformed(euclidean, 0.5).unchecked.batchNorm).toBeUndefined();
    const noTape = { ...matrixPower(0.5), onTape: undefined };
    expect(pullback(affineInvariant, noTape).batchNorm).toBeUndefined();
  });

  it('rejects a bad scale and an incomplete diffeomorphism', () => {
    expect(() => pullback(affineInvariant, matrixPower(2), { scale: 0 })).toThrow(/scale/);
    const { inverse: _i, ...partial } = matrixPower(2);
    expect(() => pullback(affineInvariant, partial as Diffeomorphism)).toThrow(/diffeo\.inverse/);
  });
});
