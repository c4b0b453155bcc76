// Public surface of @rg/spd: named re-exports only.

export type { AugmentedCovarianceOptions } from './augmented-covariance.js';
export { augmentedCovariance } from './augmented-covariance.js';
export type { SPDClassifier } from './classifier.js';
// --- EEG pipeline ---
export type { CovarianceEstimator, CovarianceOptions } from './covariance.js';
export { covariance } from './covariance.js';
export type { DelayEmbedOptions } from './delay-embed.js';
export { delayEmbed } from './delay-embed.js';
// --- means ---
export type { FrechetMeanOptions, FrechetMeanResult } from './frechet-mean.js';
export { frechetMean } from './frechet-mean.js';
export type { FrechetMeanParallelOptions } from './frechet-mean-parallel.js';
export { frechetMeanParallel } from './frechet-mean-parallel.js';
export type { GeometricMedianOptions, GeometricMedianResult } from './geometric-median.js';
export { geometricMedian } from './geometric-median.js';
export type { GridSearchCVOptions, GridSearchCVResult, GridSearchScore } from './grid-search-cv.js';
export { gridSearchCV } from './grid-search-cv.js';
export type { LogisticRegressionOptions } from './logistic-regression.js';
export { LogisticRegression } from './logistic-regression.js';
export type { MDMOptions } from './mdm.js';
export { MDM } from './mdm.js';
// --- metrics ---
export { affineInvariant } from './metrics/affine-invariant.js';
export { buresWasserstein } from './metrics/bures-wasserstein.js';
export type { DefineMetricOptions } from './metrics/define-metric.js';
export { defineMetric } from './metrics/define-metric.js';
export { euclidean } from './metrics/euclidean.js';
export { frobeniusCore } from './metrics/frobenius-core.js';
export type { GeneralizedBuresWassersteinMetric } from './metrics/generalized-bures-wasserstein.js';
export { generalizedBuresWasserstein } from './metrics/generalized-bures-wasserstein.js';
export { logCholesky } from './metrics/log-cholesky.js';
export { logEuclidean } from './metrics/log-euclidean.js';
export type { PowerDeformedMetric } from './metrics/power-deformed.js';
export { matrixPower, powerDeformed } from './metrics/power-deformed.js';
export type { PowerEuclideanMetric } from './metrics/power-euclidean.js';
export { powerEuclidean } from './metrics/power-euclidean.js';
export type { Diffeomorphism, DiffeomorphismAt, PullbackOptions } from './metrics/pullback.js';
export { pullback } from './metrics/pullback.js';
export type {
  CanonicalMetricName,
  MetricName,
  ResolveMetricOptions,
} from './metrics/resolve-metric.js';
export { resolveMetric } from './metrics/resolve-metric.js';
export { spdManifold } from './metrics/spd-manifold.js';
export type {
  BatchNormPieces,
  CompleteSPDMetricCore,
  MetricMeanOptions,
  MetricMeanResult,
  SPDMetric,
  SPDMetricCore,
  SPDMetricKind,
  TapeCentred,
  TapeGeometry,
} from './metrics/spd-metric.js';
export type { PairwiseDistancesOptions } from './pairwise-distances.js';
export { pairwiseDistances } from './pairwise-distances.js';
export type { PairwiseDistancesParallelOptions } from './pairwise-distances-parallel.js';
export { pairwiseDistancesParallel } from './pairwise-distances-parallel.js';
export type { PotatoOptions } from './potato.js';
export { Potato } from './potato.js';
export type {
  BatchNormMetric,
  BatchStatistics,
  RiemannianBatchNormConfig,
  RiemannianBatchNormGradients,
  RiemannianBatchNormOptions,
  RiemannianBatchNormState,
} from './spdnet/batch-norm.js';
export { RiemannianBatchNorm } from './spdnet/batch-norm.js';
export type {
  SimulatedSPDClassification,
  SimulateSPDClassificationOptions,
} from './spdnet/simulate.js';
export { simulateSPDClassification } from './spdnet/simulate.js';
export type { SimulatedEEG, SimulateEEGOptions } from './simulate-eeg.js';
export { simulateEEG } from './simulate-eeg.js';
export type {
  SimulatedSkeletonActions,
  SimulateSkeletonActionsOptions,
} from './simulate-skeleton-actions.js';
export { simulateSkeletonActions } from './simulate-skeleton-actions.js';
// --- SPDNet ---
export type { BiMapOptions } from './spdnet/bimap.js';
export { BiMap } from './spdnet/bimap.js';
export type { LogEigOptions } from './spdnet/logeig.js';
export { LogEig } from './spdnet/logeig.js';
export { optimParameters, parameterManifold } from './spdnet/optim-parameters.js';
export type {
  RiemannianAdamOptions,
  RiemannianOptimizer,
  RiemannianSGDOptions,
} from './spdnet/optimizers.js';
export { riemannianAdam, riemannianSGD } from './spdnet/optimizers.js';
export type { ReEigOptions } from './spdnet/reeig.js';
export { ReEig } from './spdnet/reeig.js';
export type { SoftmaxHeadOptions, SoftmaxHeadOutput } from './spdnet/softmax-head.js';
export { SoftmaxHead } from './spdnet/softmax-head.js';
export type {
  CreateSPDNetOptions,
  SPDNetOptions,
  TrainSPDNetEpoch,
  TrainSPDNetOptions,
  TrainSPDNetProgress,
  TrainSPDNetResult,
} from './spdnet/spdnet.js';
export { createSPDNet, SPDNet, trainSPDNet } from './spdnet/spdnet.js';
export type {
  ForwardOptions,
  Parameter,
  ParameterManifold,
  SPDLayer,
} from './spdnet/types.js';
export type { Fold } from './stratified-k-fold.js';
export { stratifiedKFold } from './stratified-k-fold.js';
export type { TangentSpaceOptions } from './tangent-space.js';
export { TangentSpace } from './tangent-space.js';
export type { TangentSpaceClassifierOptions } from './tangent-space-classifier.js';
export { TangentSpaceClassifier } from './tangent-space-classifier.js';
