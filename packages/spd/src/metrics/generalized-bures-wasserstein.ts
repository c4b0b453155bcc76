// Generalized Bures–Wasserstein metric with SPD parameter M (Han, Mishra, Jawanpuria & Gao 2021,
// "Generalized Bures–Wasserstein geometry for positive definite matrices"): the BW geometry of
// M^{-½}XM^{-½}, i.e. the pullback of BW by the whitening X ↦ M^{-½}XM^{-½}.
import { InvalidArgumentError, type Matrix } from '@rg/linalg';
import { congruence, eigensystem, reconstruct } from '@rg/linalg/kernels';
import { INV_SQRT, SQRT } from '../internal/autodiff.js';
import { sq } from '../internal/sq.js';
import { spdCholesky } from '../internal/validate.js';
import { buresWasserstein } from './bures-wasserstein.js';
import { defineMetric } from './define-metric.js';
import { type Diffeomorphism, pullback } from './pullback.js';
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

/** X ↦ M^{-½}XM^{-½}: linear, so it is its own differential; M may be a tape variable. */
function whitening(m: Matrix, half: Float64Array, invHalf: Float64Array): Diffeomorphism {
  const n = m.rows;
  const w = (x: Matrix) => sq(n, congruence(n, n, invHalf, x.data));
  const uw = (x: Matrix) => sq(n, congruence(n, n, half, x.data));
  return {
    selfAdjoint: true,
    parameter: m,
    forward: w,
    inverse: uw,
    differential: (_x, v) => w(v),
    differentialInverse: (_x, v) => uw(v),
    at: (x) => ({ image: w(x), differential: w, differentialInverse: uw }),
    onTape(t, parameter) {
      const node = parameter ?? t.constant(m.data, n);
      const h = t.spectral(node, SQRT);
      const ih = t.spectral(node, INV_SQRT);
      return { forward: (x) => t.congruence(ih, x), inverse: (y) => t.congruence(h, y) };
    },
  };
}

/**
 * The generalized Bures–Wasserstein metric with SPD parameter M:
 * d_M(X, Y) = d_BW(M^{-½}XM^{-½}, M^{-½}YM^{-½}); M = I gives {@link buresWasserstein}.
 * Invariant under joint congruence (X, Y, M) ↦ (WXWᵀ, WYWᵀ, WMWᵀ). Every operation (the mean and
 * batch normalization included) is the BW operation conjugated by M^{±½}; `transport` is the
 * isometric (not parallel) BW transport.
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
  const phi = whitening(parameter, half, invHalf);
  const metric = defineMetric(pullback(buresWasserstein, phi), {
    name: 'generalized-bures-wasserstein',
    kind: 'generalized-bures-wasserstein',
    label: 'generalizedBuresWasserstein',
    size: n,
    parameter,
    withParameter: generalizedBuresWasserstein,
  });
  return Object.assign(metric, {
    whiten: (x: Matrix) => phi.forward(x),
    unwhiten: (x: Matrix) => phi.inverse(x),
  }) as GeneralizedBuresWassersteinMetric;
}
