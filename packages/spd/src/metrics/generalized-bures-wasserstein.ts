// Generalized Bures–Wasserstein metric with SPD parameter M (Han, Mishra, Jawanpuria & Gao 2021,
// "Generalized Bures–Wasserstein geometry for positive definite matrices"): the BW geometry of
// M^{-½}XM^{-½}.
import { InvalidArgumentError, type Matrix } from '@rg/linalg';
import { congruence, eigensystem, reconstruct } from '@rg/linalg/kernels';
import { sq } from '../internal/sq.js';
import { assertSameSize, assertTangent, isSPD, isSym, spdCholesky } from '../internal/validate.js';
import {
  bwExp,
  bwGeodesic,
  bwInner,
  bwLog,
  bwSquaredDistance,
  bwTransport,
} from './bures-wasserstein-kernels.js';
import type { SPDMetric } from './spd-metric.js';

/** A GBW metric also exposes its parameter and the congruences it is built from. */
export interface GeneralizedBuresWassersteinMetric extends SPDMetric {
  /** the SPD parameter M (a copy) */
  readonly parameter: Matrix;
  /** X ↦ M^{-½} X M^{-½}: maps this geometry onto plain Bures–Wasserstein */
  whiten(x: Matrix): Matrix;
  /** X ↦ M^{½} X M^{½}: the inverse of `whiten` */
  unwhiten(x: Matrix): Matrix;
}

/**
 * The generalized Bures–Wasserstein metric with SPD parameter M:
 * d_M(X, Y) = d_BW(M^{-½}XM^{-½}, M^{-½}YM^{-½}); M = I gives {@link buresWasserstein}.
 * Invariant under joint congruence (X, Y, M) ↦ (WXWᵀ, WYWᵀ, WMWᵀ). Every operation is the
 * BW operation conjugated by M^{±½}; `transport` is the isometric (not parallel) BW transport.
 *
 * @param m - the SPD parameter M (copied)
 * @throws {NotPositiveDefiniteError} when m is not SPD
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const g = generalizedBuresWasserstein(fromRows([[4, 0], [0, 4]]));
 * g.distance(identity(2), fromRows([[4, 0], [0, 4]])) // => ~0.707107
 */
export function generalizedBuresWasserstein(m: Matrix): GeneralizedBuresWassersteinMetric {
  spdCholesky('generalizedBuresWasserstein', 'm', m);
  const n = m.rows;
  const e = eigensystem(n, m.data);
  if (!(e.values[0] > 0))
    throw new InvalidArgumentError(
      `generalizedBuresWasserstein(): m has eigenvalue ${e.values[0]} (must be positive)`,
    );
  const half = reconstruct(n, e.vectors, e.values.map(Math.sqrt));
  const invHalf = reconstruct(
    n,
    e.vectors,
    e.values.map((x) => 1 / Math.sqrt(x)),
  );
  const parameter = sq(n, Float64Array.from(m.data));
  const w = (x: Float64Array) => congruence(n, n, invHalf, x);
  const uw = (x: Float64Array) => congruence(n, n, half, x);
  const point = (fn: string, name: string, x: Matrix) => {
    spdCholesky(`generalizedBuresWasserstein.${fn}`, name, x);
    assertSameSize(`generalizedBuresWasserstein.${fn}`, 'm', m, name, x);
  };
  const tangent = (fn: string, name: string, v: Matrix) =>
    assertTangent(`generalizedBuresWasserstein.${fn}`, name, v, n);
  const squaredDistance = (a: Matrix, b: Matrix) => {
    point('distance', 'a', a);
    point('distance', 'b', b);
    return bwSquaredDistance(w(a.data), w(b.data), n);
  };
  const inner = (p: Matrix, u: Matrix, v: Matrix) => {
    point('inner', 'p', p);
    tangent('inner', 'u', u);
    tangent('inner', 'v', v);
    return bwInner(w(p.data), w(u.data), w(v.data), n);
  };
  return {
    name: 'generalized-bures-wasserstein',
    kind: 'generalized-bures-wasserstein',
    parallelTransport: false,
    parameter,
    whiten: (x) => sq(n, w(x.data)),
    unwhiten: (x) => sq(n, uw(x.data)),
    distance: (a, b) => Math.sqrt(squaredDistance(a, b)),
    squaredDistance,
    inner,
    norm: (p, u) => Math.sqrt(Math.max(0, inner(p, u, u))),
    exp: (p, v) => {
      point('exp', 'p', p);
      tangent('exp', 'v', v);
      return sq(n, uw(bwExp(w(p.data), w(v.data), n)));
    },
    log: (p, q) => {
      point('log', 'p', p);
      point('log', 'q', q);
      return sq(n, uw(bwLog(w(p.data), w(q.data), n)));
    },
    geodesic: (p, q, t) => {
      point('geodesic', 'p', p);
      point('geodesic', 'q', q);
      return sq(n, uw(bwGeodesic(w(p.data), w(q.data), n, t)));
    },
    transport: (p, q, v) => {
      point('transport', 'p', p);
      point('transport', 'q', q);
      tangent('transport', 'v', v);
      return sq(n, uw(bwTransport(w(p.data), w(q.data), w(v.data), n)));
    },
    isPoint: (x) => isSPD(x) && x.rows === n,
    isTangent: (p, v) => p.rows === n && isSym(v, n),
  };
}
