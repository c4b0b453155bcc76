// Cross-validated grid search over the delay-embedding hyper-parameters (order, lag), as in
// Carrara & Papadopoulo (2024), scored by stratified k-fold accuracy.
import { InvalidArgumentError, type Matrix, type ProgressInfo, throwIfAborted } from '@rg/linalg';
import type { SPDClassifier } from './classifier.js';
import { type CovarianceEstimator, covarianceAs } from './covariance.js';
import { delayEmbedAs } from './delay-embed.js';
import { stratifiedKFoldAs } from './stratified-k-fold.js';

/** Options of {@link gridSearchCV}. */
export interface GridSearchCVOptions {
  /** embedding orders to try (e.g. [1, 2, …, 10]) */
  orders: readonly number[];
  /** lags to try, in samples */
  lags: readonly number[];
  /** returns a fresh, unfitted classifier of augmented covariances */
  classifier: () => SPDClassifier;
  /** covariance estimator of the augmented covariances (default 'lwf', robust for large orders) */
  estimator?: CovarianceEstimator;
  /** number of folds (default 5) */
  folds?: number;
  /** seed of the fold split (default 0) */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
}

/** One grid point of a {@link gridSearchCV} result. */
export interface GridSearchScore {
  order: number;
  lag: number;
  /** mean accuracy over the folds */
  mean: number;
  /** standard deviation of the fold accuracies */
  sd: number;
  /** accuracy of each fold */
  scores: number[];
}

/** Result of {@link gridSearchCV}. */
export interface GridSearchCVResult {
  /** the grid point with the highest mean accuracy (first in grid order on ties) */
  best: GridSearchScore;
  /** every grid point, orders outer, lags inner */
  results: GridSearchScore[];
}

/**
 * Grid search over (order, lag): for each pair, augmented covariances of every trial, then
 * stratified k-fold cross-validation of the classifier on them (the same folds for every pair).
 *
 * @param trials - trials, channels × samples
 * @param labels - class of each trial
 * @returns `{ best, results }`
 * @throws {InvalidArgumentError | AbortError}
 * @example
 * const { trials, labels } = simulateEEG({ channels: 3, samples: 96, trials: 12, seed: 2 });
 * const { results } = gridSearchCV(trials, labels, { orders: [1, 2], lags: [3], folds: 3, classifier: () => new MDM() });
 * results.length // => 2
 */
export function gridSearchCV(
  trials: readonly Matrix[],
  labels: readonly number[],
  options: GridSearchCVOptions,
): GridSearchCVResult {
  const fn = 'gridSearchCV';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { orders, lags, classifier } are required`);
  const { orders, lags } = options;
  if (!orders?.length || !lags?.length)
    throw new InvalidArgumentError(`${fn}(): orders and lags must be non-empty`);
  if (typeof options.classifier !== 'function')
    throw new InvalidArgumentError(`${fn}(): classifier must be a function () => classifier`);
  if (!Array.isArray(trials) || !Array.isArray(labels) || trials.length !== labels.length)
    throw new InvalidArgumentError(
      `${fn}(): trials (${trials?.length}) and labels (${labels?.length}) must be arrays of the same length`,
    );
  const folds = stratifiedKFoldAs(fn, labels, options.folds ?? 5, options.seed ?? 0);
  const estimator = options.estimator ?? 'lwf';
  const results: GridSearchScore[] = [];
  const total = orders.length * lags.length;
  for (const order of orders)
    for (const lag of lags) {
      throwIfAborted(fn, options.signal);
      const covs = trials.map((x) =>
        covarianceAs(fn, delayEmbedAs(fn, x, { order, lag }), { estimator }),
      );
      const scores = folds.map(({ train, test }) => {
        const clf = options.classifier().fit(
          train.map((i) => covs[i]),
          train.map((i) => labels[i]),
        );
        const pred = clf.predict(test.map((i) => covs[i]));
        return pred.filter((p, j) => p === labels[test[j]]).length / test.length;
      });
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
      results.push({ order, lag, mean, sd, scores });
      options.onProgress?.({ iteration: results.length, residual: 1 - mean, total, order, lag });
    }
  const best = results.reduce((a, b) => (b.mean > a.mean ? b : a));
  return { best, results };
}
