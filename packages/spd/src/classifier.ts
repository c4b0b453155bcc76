// The shape shared by the covariance classifiers (scikit-learn's estimator protocol).
import type { Matrix } from '@rg/linalg';

/** A classifier of SPD matrices: `fit` learns from labelled matrices, `predict` labels new ones. */
export interface SPDClassifier {
  fit(covs: readonly Matrix[], labels: readonly number[]): this;
  predict(covs: readonly Matrix[]): number[];
}
