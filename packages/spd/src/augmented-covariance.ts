// Augmented covariance matrices (Carrara & Papadopoulo 2024): covariance of the delay embedding.
import type { Matrix } from '@rg/linalg';
import { type CovarianceEstimator, covarianceAs } from './covariance.js';
import { delayEmbedAs } from './delay-embed.js';

/** Options of {@link augmentedCovariance}. */
export interface AugmentedCovarianceOptions {
  order: number;
  lag: number;
  /** covariance estimator (default 'scm') */
  estimator?: CovarianceEstimator;
  assumeCentered?: boolean;
}

/**
 * Covariance of `delayEmbed(x, { order, lag })`: a (C·p)×(C·p) SPD matrix whose off-diagonal
 * blocks are lagged cross-covariances, so temporal dynamics become spatial structure.
 *
 * @param x - one trial, channels × samples
 * @returns the (C·p)×(C·p) augmented covariance
 * @throws {InvalidArgumentError | NotPositiveDefiniteError | NonFiniteError}
 * @example
 * import { fromRows } from '@rg/linalg';
 * augmentedCovariance(fromRows([[1, 2, 0, 1, 3, 1]]), { order: 2, lag: 1 }) // => ~[[0.5, -0.25], [-0.25, 1.25]]
 */
export function augmentedCovariance(x: Matrix, options: AugmentedCovarianceOptions): Matrix {
  const fn = 'augmentedCovariance';
  return covarianceAs(fn, delayEmbedAs(fn, x, options), {
    estimator: options.estimator,
    assumeCentered: options.assumeCentered,
  });
}
