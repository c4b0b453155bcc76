// powerEuclidean(α): closed forms on diagonal matrices, NumPy/SciPy fixtures on general ones
// (test/fixtures/gen_power_euclidean.py), its limits (α = 1 is Euclidean, α → 0 log-Euclidean)
// and the Riemannian identities every metric satisfies.
import { fromRows, identity, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/power-euclidean.json' with { type: 'json' };
import { randomSPD, randomSymmetric, relErr } from '../../test/helpers.js';
import {
  euclidean,
  frechetMean,
  logEuclidean,
  pairwiseDistances,
  powerEuclidean,
  resolveMetric,
} from '../index.js';

const diag = (...d: number[]): Matrix => {
  const n = d.length;
  const data = new Float64Array(n * n);
  d.forEach((v, i) => {
    data[i * n + i] = v;
  });
  return { rows: n, cols: n, data };
};
const asMatrix = (n: number, data: number[]): Matrix => ({
  rows: n,
  cols: n,
  data: Float64Array.from(data),
});

describe('powerEuclidean(α)', () => {
  it('distance(X, Y) = ‖X^α − Y^α‖_F/|α| on diagonal matrices (closed form)', () => {
    const x = diag(4, 0.25, 9);
    const y = diag(1, 1, 2);
    for (const a of [0.5, -1, 2, 0.1]) {
      const expected =
        Math.sqrt((4 ** a - 1) ** 2 + (0.25 ** a - 1) ** 2 + (9 ** a - 2 ** a) ** 2) / Math.abs(a);
      // a few eigendecompositions of 3×3 diagonal matrices: rounding ~1e-15 relative
      expect(powerEuclidean(a).distance(x, y)).toBeCloseTo(expected, 12);
    }
  });

  describe('against NumPy/SciPy (gen_power_euclidean.py: eigh and fractional_matrix_power)', () => {
    for (const c of fixture.cases) {
      it(`α = ${c.alpha}: distance, weighted mean (Σwᵢ Xᵢ^α)^{1/α} and geodesic`, () => {
        const n = fixture.n;
        const m = powerEuclidean(c.alpha);
        const xs = c.points.map((p) => asMatrix(n, p));
        // inputs of condition 50 and powers |α| ≤ 1.5: the matrix powers carry relative error
        // ~κ^{|α|}ε ≈ 1e-13 on either side, so 1e-11 relative leaves two orders of margin
        expect(Math.abs(m.distance(xs[0], xs[1]) - c.distance01)).toBeLessThan(
          1e-11 * c.distance01,
        );
        const r = frechetMean(xs, m, { weights: c.weights });
        expect(r.iterations).toBe(0);
        expect(r.converged).toBe(true);
        expect(relErr(r.mean, asMatrix(n, c.mean))).toBeLessThan(1e-11);
        expect(relErr(m.geodesic(xs[0], xs[1], c.t), asMatrix(n, c.geodesic01))).toBeLessThan(
          1e-11,
        );
      });
    }
  });

  it('α = 1 is the Euclidean metric; α → 0 tends to log-Euclidean with error O(α)', () => {
    const a = randomSPD(3, 5, 20);
    const b = randomSPD(3, 6, 20);
    expect(powerEuclidean(1).distance(a, b)).toBeCloseTo(euclidean.distance(a, b), 12);
    const lem = logEuclidean.distance(a, b);
    // X^α/α = 1/α + log X + (α/2) log²X + …: the distance differs from LEM's by O(α)
    const e1 = Math.abs(powerEuclidean(1e-3).distance(a, b) - lem);
    const e2 = Math.abs(powerEuclidean(5e-4).distance(a, b) - lem);
    expect(e1).toBeLessThan(1e-2 * lem);
    expect(e2 / e1).toBeGreaterThan(0.4);
    expect(e2 / e1).toBeLessThan(0.6);
  });

  it('exp/log round trips, distance = norm(log), transport preserves inner products', () => {
    const m = powerEuclidean(0.5);
    const p = randomSPD(4, 11, 10);
    const q = randomSPD(4, 12, 10);
    const u = randomSymmetric(4, 13, 0.05);
    const v = randomSymmetric(4, 14, 0.05);
    // κ ≤ 10 and tangent vectors small enough to keep exp in the cone (the metric is incomplete):
    // a handful of eigendecompositions and Daleckii–Krein maps, ~1e-14 relative
    expect(relErr(m.exp(p, m.log(p, q)), q)).toBeLessThan(1e-10);
    expect(relErr(m.log(p, m.exp(p, u)), u)).toBeLessThan(1e-10);
    const d = m.distance(p, q);
    expect(Math.abs(m.norm(p, m.log(p, q)) - d)).toBeLessThan(1e-10 * d);
    const before = m.inner(p, u, v);
    const after = m.inner(q, m.transport(p, q, u), m.transport(p, q, v));
    expect(Math.abs(after - before)).toBeLessThan(1e-10 * m.norm(p, u) * m.norm(p, v));
    expect(m.parallelTransport).toBe(true);
  });

  it('is reachable by name with its power, pairwise distances go through its chart', () => {
    const xs = [diag(1, 4), diag(9, 1), identity(2)];
    const m = resolveMetric('test', 'poweuclid', { power: 0.5 });
    expect(m.name).toBe('power-euclidean(0.5)');
    expect(m.kind).toBe('power-euclidean');
    const d = pairwiseDistances(xs, undefined, m);
    // ‖diag(1, 2) − diag(3, 1)‖/0.5 = 2√5
    expect(d.data[1]).toBeCloseTo(2 * Math.sqrt(5), 13);
    expect(() => resolveMetric('test', 'power-euclidean')).toThrow(/needs its power/);
  });

  it('has no batch-normalization pieces (incomplete) and rejects α = 0 or a non-finite α', () => {
    expect(powerEuclidean(0.5).unchecked.batchNorm).toBeUndefined();
    expect(() => powerEuclidean(0)).toThrow(InvalidArgumentError);
    expect(() => powerEuclidean(Number.NaN)).toThrow(/alpha/);
    expect(powerEuclidean(-1).distance(fromRows([[2]]), fromRows([[4]]))).toBeCloseTo(0.25, 15);
  });
});
