// Minimum distance to mean (Barachant, Bonnet, Congedo & Jutten 2012, "Multiclass
// brain–computer interface classification by Riemannian geometry", IEEE TBME 59(4)).
import {
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  matrix,
  type PoolCallOptions,
  ShapeError,
  throwIfAborted,
  poolArray,
  withScratch,
} from '@rg/linalg';
import type { SPDClassifier } from './classifier.js';
import { type FrechetMeanOptions, meanOfValidPoints } from './frechet-mean.js';
import { meanOnPool } from './frechet-mean-parallel.js';
import { classesOf } from './internal/labels.js';
import { mapPoints, packPoints, poolFor, workerMetricName } from './internal/pool-points.js';
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
 * takes the matrices as Matrices or nested rows. `fitParallel` and `predictParallel` do the same
 * with the per-point work on a worker pool of @rg/linalg (`{ pool }`), with bitwise the same
 * means and decisions.
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
    checkOptions('MDM', 'options', options);
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

  /**
   * {@link MDM.fit} with each class mean on a worker pool ({@link frechetMeanParallel}: the
   * per-point terms of every iteration split over the workers). The means are bitwise those of
   * `fit`. The model changes only when every mean is done, so an aborted call leaves it as it
   * was.
   *
   * @param covs - SPD matrices (Matrices or nested rows)
   * @param labels - one class label per matrix
   * @param options - `{ pool, signal, onProgress }`; progress counts finished class means
   * @returns this
   * @throws {AbortError} when `signal` is aborted, and the errors of `fit`
   * @example
   * import { createPool, fromRows, identity } from '@rg/linalg';
   * const pool = await createPool({ threads: 2 });
   * const mdm = await new MDM().fitParallel([identity(2), fromRows([[5, 0], [0, 5]])], [0, 1], { pool });
   * mdm.means[1] // => ~[[5, 0], [0, 5]]
   * await pool.dispose();
   */
  async fitParallel(
    covs: readonly (Matrix | readonly (readonly number[])[])[],
    labels: readonly number[],
    options: PoolCallOptions = {},
  ): Promise<this> {
    const fn = 'MDM.fitParallel';
    const { pool, signal, onProgress } = checkOptions(fn, 'options', options);
    const xs = toMatrices(fn, 'covs', covs);
    const n = assertPoints(fn, 'covs', xs);
    const classes = classesOf(fn, labels, xs.length);
    const means: Matrix[] = [];
    for (const c of classes) {
      const members = xs.filter((_, i) => labels[i] === c);
      const w = new Float64Array(members.length).fill(1 / members.length);
      const meanOptions = { ...this.meanOptions, signal: signal ?? this.meanOptions.signal };
      means.push((await meanOnPool(fn, this.metric, members, n, w, meanOptions, pool)).mean);
      onProgress?.({ done: means.length, total: classes.length });
    }
    this.classes = classes;
    this.means = means;
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

  /** {@link MDM.squared} with the points split over a pool where it pays. */
  private async squaredParallel(
    fn: string,
    covs: readonly (Matrix | readonly (readonly number[])[])[],
    options: PoolCallOptions,
  ): Promise<number[][]> {
    const { pool: poolIn, signal, onProgress } = checkOptions(`MDM.${fn}`, 'options', options);
    const name = workerMetricName(this.metric);
    const k = this.classes.length;
    const n = this.means[0]?.rows ?? 0;
    const count = Array.isArray(covs) ? covs.length : 0;
    const pool = poolFor(`MDM.${fn}`, poolIn, count * k * n ** 3);
    if (pool === undefined || name === undefined) {
      throwIfAborted(`MDM.${fn}`, signal);
      const d2 = this.squared(fn, covs);
      onProgress?.({ done: 1, total: 1 });
      return d2;
    }
    const xs = toMatrices(`MDM.${fn}`, 'covs', covs);
    assertPoints(`MDM.${fn}`, 'covs', xs);
    if (xs[0].rows !== n)
      throw new ShapeError(
        `MDM.${fn}(): covs are ${xs[0].rows}×${xs[0].rows}, the model was fitted on ${n}×${n}`,
      );
    const nn = n * n;
    const means = new Float64Array(k * nn);
    for (let c = 0; c < k; c++) means.set(this.means[c].data, c * nn);
    const out = poolArray(pool, xs.length * k);
    await withScratch(pool, [xs.length * nn], async ([all]) => {
      const packed = packPoints(pool, xs, n, pool.threads * 4, all);
      await mapPoints(
        `MDM.${fn}`,
        pool,
        packed,
        'squaredDistancesToMeans',
        [name, means, k],
        k,
        out,
        {
          signal,
          onProgress,
        },
      );
    });
    return xs.map((_, i) => Array.from(out.subarray(i * k, (i + 1) * k)));
  }

  /** The index of the smallest squared distance in each row, as a class label. */
  private nearest(d2: number[][]): number[] {
    return d2.map((r) => {
      let best = 0;
      for (let k = 1; k < r.length; k++) if (r[k] < r[best]) best = k;
      return this.classes[best];
    });
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
    return this.nearest(this.squared('predict', covs));
  }

  /**
   * {@link MDM.predict} with the distances to the class means on a worker pool: the matrices
   * are split into runs, each worker computes their squared distances with the metric's own
   * code, so the decisions (and distances) are bitwise those of `predict`. Metrics that a worker
   * cannot find by name (built with `defineMetric` or `pullback`), small inputs (matrices ×
   * classes × n³ below @rg/linalg's `BATCH_PARALLEL_MIN`) and calls without a pool run `predict`
   * on this thread.
   *
   * @param covs - SPD matrices (Matrices or nested rows) of the fitted size
   * @param options - `{ pool, signal, onProgress }`
   * @returns the class of the nearest mean for each matrix
   * @throws {AbortError} when `signal` is aborted, and the errors of `predict`
   * @example
   * import { createPool, fromRows, identity } from '@rg/linalg';
   * const pool = await createPool({ threads: 2 });
   * const mdm = new MDM().fit([identity(2), fromRows([[5, 0], [0, 5]])], [0, 1]);
   * await mdm.predictParallel([fromRows([[4, 0], [0, 4]]), identity(2)], { pool }) // => [1, 0]
   * await pool.dispose();
   */
  async predictParallel(
    covs: readonly (Matrix | readonly (readonly number[])[])[],
    options: PoolCallOptions = {},
  ): Promise<number[]> {
    return this.nearest(await this.squaredParallel('predictParallel', covs, options));
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
