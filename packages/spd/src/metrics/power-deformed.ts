// Power-deformed metrics (Thanwerdas & Pennec 2019, "Is affine-invariance well defined on SPD
// matrices? A principled continuum of metrics"; Wang et al., GBW batch normalization): the
// pullback of a base metric by X ↦ X^θ, scaled by 1/θ².
import { InvalidArgumentError, type Matrix } from '@rg/linalg';
import {
  dividedDifferencePower,
  type Eigensystem,
  eigensystem,
  frechetDerivative,
  reconstruct,
} from '@rg/linalg/kernels';
import { sq } from '../internal/sq.js';
import { assertSameSize, assertTangent, isSPD, isSym, spdCholesky } from '../internal/validate.js';
import type { SPDMetric } from './spd-metric.js';

/** A power-deformed metric also exposes its base metric and power. */
export interface PowerDeformedMetric extends SPDMetric {
  readonly base: SPDMetric;
  readonly theta: number;
}

/**
 * The θ-power deformation of `metric`: d(X, Y) = d_base(X^θ, Y^θ) / |θ|, i.e. the pullback of
 * the base metric by φ(X) = X^θ scaled by 1/θ². Geodesics are φ⁻¹ of base geodesics, tangent
 * vectors are mapped by the Daleckii–Krein derivative Dφ, and `transport` is exact parallel
 * transport exactly when the base metric's is. As θ → 0 the deformed affine-invariant metric
 * tends to the log-Euclidean one; θ = 0 itself is rejected (use {@link logEuclidean}).
 * Conditioning: the tangent map Dφ_P has condition number κ(P)^{|1−θ|}, so `exp`/`log`/
 * `transport` lose about that factor times ε (θ = ½: κ^{½}; θ = −1: κ², useless beyond κ ≈ 1e6),
 * while `distance` and `geodesic` only go through X^θ (condition |θ|).
 *
 * @param metric - the base metric
 * @param theta - the power θ ≠ 0 (finite)
 * @throws {InvalidArgumentError} when theta is 0 or not finite
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const m = powerDeformed(buresWasserstein, 0.5);
 * m.distance(identity(2), fromRows([[4, 0], [0, 4]])) // => ~1.171573
 */
export function powerDeformed(metric: SPDMetric, theta: number): PowerDeformedMetric {
  if (!Number.isFinite(theta) || theta === 0)
    throw new InvalidArgumentError(
      `powerDeformed(): theta must be finite and non-zero (got ${theta}); theta → 0 is the log-Euclidean limit, use logEuclidean`,
    );
  const label = `powerDeformed(${metric.name}, ${theta})`;
  const dd = dividedDifferencePower(theta);
  const ddInv = (a: number, b: number) => 1 / dd(a, b);
  const pointEig = (fn: string, name: string, x: Matrix): Eigensystem => {
    spdCholesky(`${label}.${fn}`, name, x);
    return eigensystem(x.rows, x.data);
  };
  const pow = (e: Eigensystem, s: number) =>
    sq(
      e.n,
      reconstruct(
        e.n,
        e.vectors,
        e.values.map((x) => x ** s),
      ),
    );
  const powRaw = (x: Matrix, s: number) => {
    const e = eigensystem(x.rows, x.data);
    return pow(e, s);
  };
  /** Dφ_P[V] (tangent at P^θ). */
  const push = (e: Eigensystem, v: Matrix) =>
    sq(e.n, frechetDerivative(e.n, e.values, e.vectors, dd, v.data));
  /** (Dφ_P)⁻¹[W]: in P's eigenbasis Dφ_P is entry-wise multiplication, so divide. */
  const pull = (e: Eigensystem, w: Matrix) =>
    sq(e.n, frechetDerivative(e.n, e.values, e.vectors, ddInv, w.data));
  const s = 1 / Math.abs(theta);
  const inner = (p: Matrix, u: Matrix, v: Matrix) => {
    const e = pointEig('inner', 'p', p);
    assertTangent(`${label}.inner`, 'u', u, p.rows);
    assertTangent(`${label}.inner`, 'v', v, p.rows);
    return s * s * metric.inner(pow(e, theta), push(e, u), push(e, v));
  };
  const squaredDistance = (a: Matrix, b: Matrix) => {
    const ea = pointEig('distance', 'a', a);
    const eb = pointEig('distance', 'b', b);
    assertSameSize(`${label}.distance`, 'a', a, 'b', b);
    return s * s * metric.squaredDistance(pow(ea, theta), pow(eb, theta));
  };
  return {
    name: label,
    kind: 'power-deformed',
    parallelTransport: metric.parallelTransport,
    base: metric,
    theta,
    distance: (a, b) => Math.sqrt(squaredDistance(a, b)),
    squaredDistance,
    inner,
    norm: (p, u) => Math.sqrt(Math.max(0, inner(p, u, u))),
    exp: (p, v) => {
      const e = pointEig('exp', 'p', p);
      assertTangent(`${label}.exp`, 'v', v, p.rows);
      return powRaw(metric.exp(pow(e, theta), push(e, v)), 1 / theta);
    },
    log: (p, q) => {
      const ep = pointEig('log', 'p', p);
      const eq = pointEig('log', 'q', q);
      assertSameSize(`${label}.log`, 'p', p, 'q', q);
      return pull(ep, metric.log(pow(ep, theta), pow(eq, theta)));
    },
    geodesic: (p, q, t) => {
      const ep = pointEig('geodesic', 'p', p);
      const eq = pointEig('geodesic', 'q', q);
      assertSameSize(`${label}.geodesic`, 'p', p, 'q', q);
      return powRaw(metric.geodesic(pow(ep, theta), pow(eq, theta), t), 1 / theta);
    },
    transport: (p, q, v) => {
      const ep = pointEig('transport', 'p', p);
      const eq = pointEig('transport', 'q', q);
      assertSameSize(`${label}.transport`, 'p', p, 'q', q);
      assertTangent(`${label}.transport`, 'v', v, p.rows);
      return pull(eq, metric.transport(pow(ep, theta), pow(eq, theta), push(ep, v)));
    },
    isPoint: (x) => isSPD(x),
    isTangent: (p, v) => isSym(v, p.rows),
  };
}
