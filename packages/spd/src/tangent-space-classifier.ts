// Tangent space + logistic regression, the "TS + linear classifier" pipeline of Barachant et al.
// (2013) used with augmented covariances by Carrara & Papadopoulo (2024).
import { checkOptions, type Matrix } from '@rg/linalg';
import type { SPDClassifier } from './classifier.js';
import { LogisticRegression, type LogisticRegressionOptions } from './logistic-regression.js';
import { TangentSpace, type TangentSpaceOptions } from './tangent-space.js';

/** Options of {@link TangentSpaceClassifier}. */
export interface TangentSpaceClassifierOptions extends TangentSpaceOptions {
  /** options of the logistic-regression head */
  head?: LogisticRegressionOptions;
}

/**
 * A {@link TangentSpace} map followed by a {@link LogisticRegression} head, usable wherever an
 * SPD classifier is expected (e.g. {@link gridSearchCV}).
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const clf = new TangentSpaceClassifier().fit([identity(2), fromRows([[1.2, 0], [0, 1]]), fromRows([[5, 0], [0, 5]]), fromRows([[6, 0], [0, 5]])], [0, 0, 1, 1]);
 * clf.predict([fromRows([[5, 0], [0, 6]])]) // => [1]
 */
export class TangentSpaceClassifier implements SPDClassifier {
  readonly tangentSpace: TangentSpace;
  readonly head: LogisticRegression;

  constructor(options: TangentSpaceClassifierOptions = {}) {
    checkOptions('TangentSpaceClassifier', 'options', options);
    this.tangentSpace = new TangentSpace(options);
    this.head = new LogisticRegression(options.head);
  }

  fit(covs: readonly Matrix[], labels: readonly number[]): this {
    this.head.fit(this.tangentSpace.fitTransform(covs), labels);
    return this;
  }

  predict(covs: readonly Matrix[]): number[] {
    return this.head.predict(this.tangentSpace.transform(covs));
  }

  predictProba(covs: readonly Matrix[]): number[][] {
    return this.head.predictProba(this.tangentSpace.transform(covs));
  }
}
