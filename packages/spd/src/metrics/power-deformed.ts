// Power-deformed metrics (Thanwerdas & Pennec 2019, "Is affine-invariance well defined on SPD
// matrices? A principled continuum of metrics"; Wang et al., GBW batch normalization): the
// pullback of a base metric by X ↦ X^θ, scaled by 1/θ².
import { InvalidArgumentError, type Matrix } from '@rg/linalg';
import {
  dividedDifferencePower,
  eigensystem,
  frechetDerivative,
  reconstruct,
} from '@rg/linalg/kernels';
import { powFn } from '../internal/autodiff.js';
import { sq } from '../internal/sq.js';
import { defineMetric } from './define-metric.js';
import { type Diffeomorphism, type DiffeomorphismAt, pullback } from './pullback.js';
import type { SPDMetric } from './spd-metric.js';

/** A power-deformed metric also exposes its base metric and power. */
export interface PowerDeformedMetric extends SPDMetric {
  readonly base: SPDMetric;
  readonly theta: number;
}

/**
 * φ(X) = X^θ (θ ≠ 0) as a diffeomorphism of the SPD cone: Dφ_X is entry-wise multiplication by
 * the Loewner matrix of x ↦ x^θ in X's eigenbasis, so its inverse divides. Self-adjoint; its
 * tape form records X^θ and Y^{1/θ} as spectral functions.
 *
 * @param theta - the power θ ≠ 0 (not checked: see {@link powerDeformed})
 * @example
 * import { fromRows } from '@rg/linalg';
 * const phi = matrixPower(0.5);
 * phi.forward(fromRows([[4, 0], [0, 9]])) // => ~[[2, 0], [0, 3]]
 * phi.differential(fromRows([[4, 0], [0, 9]]), fromRows([[1, 0], [0, 0]])) // => ~[[0.25, 0], [0, 0]]
 */
export function matrixPower(theta: number): Diffeomorphism {
  if (typeof theta !== 'number' || !Number.isFinite(theta) || theta === 0)
    throw new InvalidArgumentError(
      `matrixPower(): theta must be a finite non-zero number (got ${String(theta)})`,
    );
  const dd = dividedDifferencePower(theta);
  const ddInv = (a: number, b: number) => 1 / dd(a, b);
  const pow = (x: Matrix, s: number) => {
    const e = eigensystem(x.rows, x.data);
    return sq(
      x.rows,
      reconstruct(
        x.rows,
        e.vectors,
        e.values.map((v) => v ** s),
      ),
    );
  };
  const at = (x: Matrix): DiffeomorphismAt => {
    const n = x.rows;
    const e = eigensystem(n, x.data);
    return {
      image: sq(
        n,
        reconstruct(
          n,
          e.vectors,
          e.values.map((v) => v ** theta),
        ),
      ),
      differential: (v) => sq(n, frechetDerivative(n, e.values, e.vectors, dd, v.data)),
      differentialInverse: (w) => sq(n, frechetDerivative(n, e.values, e.vectors, ddInv, w.data)),
    };
  };
  const up = powFn(theta);
  const down = powFn(1 / theta);
  return {
    selfAdjoint: true,
    forward: (x) => pow(x, theta),
    inverse: (y) => pow(y, 1 / theta),
    differential: (x, v) => at(x).differential(v),
    differentialInverse: (x, w) => at(x).differentialInverse(w),
    at,
    onTape: (t) => ({ forward: (x) => t.spectral(x, up), inverse: (y) => t.spectral(y, down) }),
  };
}

/**
 * The θ-power deformation of `metric`: d(X, Y) = d_base(X^θ, Y^θ) / |θ|, i.e. the pullback of
 * the base metric by φ(X) = X^θ scaled by 1/θ². Geodesics are φ⁻¹ of base geodesics, tangent
 * vectors are mapped by the Daleckii–Krein derivative Dφ, `transport` is exact parallel
 * transport exactly when the base metric's is, and the mean is (base mean of the Xᵢ^θ)^{1/θ}.
 * As θ → 0 the deformed affine-invariant metric tends to the log-Euclidean one; θ = 0 itself
 * is rejected (use {@link logEuclidean}).
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
  if (typeof theta !== 'number' || !Number.isFinite(theta) || theta === 0)
    throw new InvalidArgumentError(
      `powerDeformed(): theta must be finite and non-zero (got ${theta}); theta → 0 is the log-Euclidean limit, use logEuclidean`,
    );
  if (metric === null || typeof metric !== 'object' || !('unchecked' in metric))
    throw new InvalidArgumentError(
      `powerDeformed(): metric must be an SPDMetric (affineInvariant, buresWasserstein, defineMetric(...), ...) (got ${metric === null ? 'null' : typeof metric})`,
    );
  const label = `powerDeformed(${metric.name}, ${theta})`;
  const withParameter = metric.withParameter
    ? (m: Matrix) => powerDeformed((metric.withParameter as (m: Matrix) => SPDMetric)(m), theta)
    : undefined;
  const parameter = metric.parameter;
  const deformed = defineMetric(
    pullback(metric, matrixPower(theta), { scale: 1 / (theta * theta) }),
    { name: label, kind: 'power-deformed', label, parameter, withParameter, size: parameter?.rows },
  );
  return Object.assign(deformed, { base: metric, theta });
}
