// Minimum distance to mean (Barachant, Bonnet, Congedo & Jutten 2012, "Multiclass
// brain–computer interface classification by Riemannian geometry", IEEE TBME 59(4)).
import { InvalidArgumentError, type Matrix, matrix, ShapeError } from '@rg/linalg';
import type { SPDClassifier } from './classifier.js';
import { type FrechetMeanOptions, meanOfValidPoints } from './frechet-mean.js';
import { classesOf } from './internal/labels.js';
import { assertPoints, toMatrices } from './internal/points.js';
import { affineInvariant } from './metrics/affine-invariant.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link MDM}. */
export interface MDMOptions {
  /** metric (or its name, see {@link resolveMetric}) for the class means and the distances (default {@link affineInvariant}) */
  metric?: SPDMetric | MetricName;
  /** options passed to {@link frechetMean} for each class mean */
  meanOptions?: Omit<FrechetMeanOptions, 'weights' | 'init'>;
}

/**
 * Minimum-distance-to-mean classifier: `fit` computes one Fréchet mean per class, `transform`
 * returns the distances of each matrix to the class means (trials × classes), `predict` the
 * nearest class and `predictProba` softmax(−d²) over classes, as in pyRiemann. Every method
 * takes the matrices as Matrices or nested rows.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const mdm = new MDM().fit([identity(2), fromRows([[1.2, 0], [0, 1]]), fromRows([[5, 0], [0, 5]]), fromRows([[6, 0], [0, 5]])], [0, 0, 1, 1]);
 * mdm.predict([fromRows([[4, 0], [0, 4]]), fromRows([[1.1, 0], [0, 0.9]])]) // => [1, 0]
 * mdm.transform([identity(2)]).cols // => 2
 */
export class MDM implements SPDClassifier {
  readonly metric: SPDMetric;
  readonly meanOptions: Omit<FrechetMeanOptions, 'weights' | 'init'>;
  /** sorted class labels (after fit) */
  classes: number[] = [];
  /** class means, aligned with `classes` (after fit) */
  means: Matrix[] = [];
  private distanceFrom: Array<(x: Matrix) => number> = [];

  constructor(options: MDMOptions = {}) {
    this.metric = resolveMetric('MDM', options.metric ?? affineInvariant);
    this.meanOptions = options.meanOptions ?? {};
  }

  /** Learn the class means; returns this. */
  fit(covs: readonly (Matrix | readonly (readonly number[])[])[], labels: readonly number[]): this {
    const xs = toMatrices('MDM.fit', 'covs', covs);
    const n = assertPoints('MDM.fit', 'covs', xs);
    this.classes = classesOf('MDM.fit', labels, xs.length);
    // the covariances are validated once above; each class mean runs the metric's algorithm
    this.means = this.classes.map((c) => {
      const members = xs.filter((_, i) => labels[i] === c);
      const w = new Float64Array(members.length).fill(1 / members.length);
      return meanOfValidPoints('MDM.fit', this.metric, members, n, w, this.meanOptions).mean;
    });
    const core = this.metric.unchecked;
    this.distanceFrom = this.means.map((m) => core.squaredDistanceFrom(m));
    return this;
  }

  /** Squared distances to the class means, trials × classes. */
  private squared(
    fn: string,
    covs: readonly (Matrix | readonly (readonly number[])[])[],
  ): number[][] {
    if (this.means.length === 0) throw new InvalidArgumentError(`MDM.${fn}(): call fit() first`);
    const n = this.means[0].rows;
    const xs = toMatrices(`MDM.${fn}`, 'covs', covs);
    assertPoints(`MDM.${fn}`, 'covs', xs);
    if (xs[0].rows !== n)
      throw new ShapeError(
        `MDM.${fn}(): covs are ${xs[0].rows}×${xs[0].rows}, the model was fitted on ${n}×${n}`,
      );
    return xs.map((x) => this.distanceFrom.map((d) => d(x)));
  }

  /**
   * Distances to each class mean: a trials × classes Matrix (columns in `classes` order), the
   * same return type as {@link TangentSpace.transform} and {@link pairwiseDistances}. Before
   * 0.x this returned `number[][]`; use `toRows` of @rg/linalg for nested arrays.
   */
  transform(covs: readonly (Matrix | readonly (readonly number[])[])[]): Matrix {
    const d2 = this.squared('transform', covs);
    const k = this.classes.length;
    const out = matrix(d2.length, k);
    for (let i = 0; i < d2.length; i++)
      for (let j = 0; j < k; j++) out.data[i * k + j] = Math.sqrt(d2[i][j]);
    return out;
  }

  /** The class of the nearest mean for each matrix. */
  predict(covs: readonly (Matrix | readonly (readonly number[])[])[]): number[] {
    return this.squared('predict', covs).map((r) => {
      let best = 0;
      for (let k = 1; k < r.length; k++) if (r[k] < r[best]) best = k;
      return this.classes[best];
    });
  }

  /** softmax(−d²) over the classes for each matrix (rows sum to 1). */
  predictProba(covs: readonly (Matrix | readonly (readonly number[])[])[]): number[][] {
    return this.squared('predictProba', covs).map((r) => {
      const m = Math.min(...r);
      const e = r.map((d) => Math.exp(-(d - m)));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    });
  }
}
