// Power-Euclidean metric (Dryden, Koloydenko & Zhou 2009, "Non-Euclidean statistics for covariance
// matrices, with applications to diffusion tensor imaging", Ann. Appl. Stat. 3; Dryden, Pennec &
// Peyrat 2010, "Power Euclidean metrics for covariance matrices with application to diffusion
// tensor imaging"): the Euclidean metric pulled back by X ↦ X^α/α.
import { InvalidArgumentError } from '@rg/linalg';
import { defineMetric } from './define-metric.js';
import { euclidean } from './euclidean.js';
import { matrixPower } from './power-deformed.js';
import { pullback } from './pullback.js';
import type { SPDMetric } from './spd-metric.js';

/** A power-Euclidean metric also exposes its power α. */
export interface PowerEuclideanMetric extends SPDMetric {
  readonly alpha: number;
}

/**
 * The power-Euclidean metric of Dryden et al.: d(X, Y) = ‖X^α − Y^α‖_F / |α|, the pullback of
 * the Euclidean metric by X ↦ X^α/α (equivalently by X^α with the metric scaled by 1/α²). Its
 * Fréchet mean is the closed form (Σ wᵢ Xᵢ^α)^{1/α}; geodesics are ((1 − t)X^α + tY^α)^{1/α}.
 * α = 1 is {@link euclidean}, α = ½ the square-root Euclidean metric of diffusion-tensor
 * imaging, and α → 0 tends to {@link logEuclidean}. Like the Euclidean metric it is not complete
 * (for α > 0, Exp may leave the cone), so it has no batch-normalization pieces.
 *
 * @param alpha - the power α ≠ 0 (finite)
 * @throws {InvalidArgumentError} when alpha is 0 or not finite
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const m = powerEuclidean(0.5);
 * m.distance(identity(2), fromRows([[4, 0], [0, 9]])) // => ~4.472136
 * frechetMean([identity(2), fromRows([[9, 0], [0, 9]])], m).mean // => ~[[4, 0], [0, 4]]
 */
export function powerEuclidean(alpha: number): PowerEuclideanMetric {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha === 0)
    throw new InvalidArgumentError(
      `powerEuclidean(): alpha must be finite and non-zero (got ${String(alpha)}); alpha → 0 is the log-Euclidean limit, use logEuclidean`,
    );
  const core = pullback(euclidean, matrixPower(alpha), { scale: 1 / (alpha * alpha) });
  const name = `power-euclidean(${alpha})`;
  return Object.assign(defineMetric(core, { name, kind: 'power-euclidean', label: name }), {
    alpha,
  });
}
