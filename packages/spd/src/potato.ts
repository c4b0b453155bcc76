// Riemannian Potato artifact detection (Barachant, Andreev & Congedo 2013, "The Riemannian
// Potato: an automatic and adaptive artifact detection method for online experiments using
// Riemannian geometry", TOBI Workshop IV), as in pyRiemann's `Potato`.
import { checkOptions, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { type FrechetMeanOptions, meanOfValidPoints } from './frechet-mean.js';
import { assertPoints, toMatrices } from './internal/points.js';
import { affineInvariant } from './metrics/affine-invariant.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link Potato}. */
export interface PotatoOptions {
  /** the metric or its name (see {@link resolveMetric}; default {@link affineInvariant}) */
  metric?: SPDMetric | MetricName;
  /** z-score above which a matrix is an artifact (default 3) */
  threshold?: number;
  /** refits on the clean matrices until the clean set is stable, at most this often (default 10) */
  maxIter?: number;
  meanOptions?: Omit<FrechetMeanOptions, 'weights' | 'init'>;
}

/**
 * Artifact detection by distance to a reference: `fit` takes the Fréchet mean of the data and the
 * mean μ and standard deviation σ of the distances to it, then re-fits on the matrices whose
 * z-score (d − μ)/σ is below the threshold until that set stops changing. `transform` returns
 * z-scores, `predict` 1 for clean and 0 for artifact (pyRiemann's labels).
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const clean = [0.9, 1, 1.1, 0.95, 1.05, 1, 0.92, 1.08].map((s) => fromRows([[s, 0], [0, 2 - s]]));
 * const potato = new Potato({ threshold: 2.5 }).fit(clean);
 * potato.predict([identity(2), fromRows([[50, 0], [0, 1]])]) // => [1, 0]
 */
export class Potato {
  readonly metric: SPDMetric;
  readonly threshold: number;
  readonly maxIter: number;
  readonly meanOptions: Omit<FrechetMeanOptions, 'weights' | 'init'>;
  reference: Matrix | undefined;
  /** mean and standard deviation of the distances of the clean training matrices */
  mean = 0;
  std = 0;
  /** refits performed by the last `fit` */
  iterations = 0;

  constructor(options: PotatoOptions = {}) {
    checkOptions('Potato', 'options', options);
    this.metric = resolveMetric('Potato', options.metric ?? affineInvariant);
    this.threshold = options.threshold ?? 3;
    this.maxIter = options.maxIter ?? 10;
    this.meanOptions = options.meanOptions ?? {};
    if (!(this.threshold > 0))
      throw new InvalidArgumentError(`Potato(): threshold must be > 0 (got ${this.threshold})`);
  }

  fit(covs: readonly (Matrix | readonly (readonly number[])[])[]): this {
    const xs = toMatrices('Potato.fit', 'covs', covs);
    const n = assertPoints('Potato.fit', 'covs', xs);
    if (xs.length < 2) throw new InvalidArgumentError('Potato.fit(): needs at least 2 matrices');
    let clean = xs.map(() => true);
    this.iterations = 0;
    for (let it = 0; it <= this.maxIter; it++) {
      const subset = xs.filter((_, i) => clean[i]);
      const w = new Float64Array(subset.length).fill(1 / subset.length);
      const ref = meanOfValidPoints('Potato.fit', this.metric, subset, n, w, this.meanOptions).mean;
      this.reference = ref;
      const from = this.metric.unchecked.squaredDistanceFrom(ref);
      const d = subset.map((x) => Math.sqrt(from(x)));
      this.mean = d.reduce((a, b) => a + b, 0) / d.length;
      this.std = Math.sqrt(d.reduce((a, b) => a + (b - this.mean) ** 2, 0) / d.length);
      this.iterations = it;
      if (it === this.maxIter) break;
      const z = this.transform(xs);
      const next = z.map((v) => v < this.threshold);
      if (next.every((v, i) => v === clean[i]) || next.filter(Boolean).length < 2) break;
      clean = next;
    }
    return this;
  }

  /** z-scores (d(X, reference) − μ) / σ. */
  transform(covs: readonly (Matrix | readonly (readonly number[])[])[]): number[] {
    const ref = this.reference;
    if (!ref) throw new InvalidArgumentError('Potato.transform(): call fit() first');
    const xs = toMatrices('Potato.transform', 'covs', covs);
    assertPoints('Potato.transform', 'covs', xs);
    const s = this.std > 0 ? this.std : Number.MIN_VALUE;
    const from = this.metric.unchecked.squaredDistanceFrom(ref);
    return xs.map((x) => (Math.sqrt(from(x)) - this.mean) / s);
  }

  /** 1 for clean (z < threshold), 0 for artifact. */
  predict(covs: readonly (Matrix | readonly (readonly number[])[])[]): number[] {
    return this.transform(covs).map((z) => (z < this.threshold ? 1 : 0));
  }
}
