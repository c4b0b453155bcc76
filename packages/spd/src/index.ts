// Public surface of @rg/spd: named re-exports only.

// --- means ---
export type { FrechetMeanOptions, FrechetMeanResult } from './frechet-mean.js';
export { frechetMean } from './frechet-mean.js';
// --- metrics ---
export { affineInvariant } from './metrics/affine-invariant.js';
export { buresWasserstein } from './metrics/bures-wasserstein.js';
export { euclidean } from './metrics/euclidean.js';
export type { GeneralizedBuresWassersteinMetric } from './metrics/generalized-bures-wasserstein.js';
export { generalizedBuresWasserstein } from './metrics/generalized-bures-wasserstein.js';
export { logCholesky } from './metrics/log-cholesky.js';
export { logEuclidean } from './metrics/log-euclidean.js';
export type { PowerDeformedMetric } from './metrics/power-deformed.js';
export { powerDeformed } from './metrics/power-deformed.js';
export type { SPDMetric, SPDMetricKind } from './metrics/spd-metric.js';
export type { PairwiseDistancesOptions } from './pairwise-distances.js';
export { pairwiseDistances } from './pairwise-distances.js';
