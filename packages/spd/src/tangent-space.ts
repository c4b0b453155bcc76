// Tangent-space mapping at a Riemannian mean (Barachant, Bonnet, Congedo & Jutten 2013,
// "Classification of covariance matrices using a Riemannian-based kernel for BCI applications",
// Neurocomputing 112), with pyRiemann's vectorization (upper triangle, √2 off the diagonal).
import {
  assertFinite,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  type PoolCallOptions,
  ShapeError,
  throwIfAborted,
  poolArray,
  withScratch,
} from '@rg/linalg';
import { congruence, eigensystem, reconstruct } from '@rg/linalg/kernels';
import { type FrechetMeanOptions, meanOfValidPoints } from './frechet-mean.js';
import { meanOnPool } from './frechet-mean-parallel.js';
import { mapPoints, packPoints, poolFor } from './internal/pool-points.js';
import { assertPoints, toMatrices } from './internal/points.js';
import { spdCholesky } from './internal/validate.js';
import { affineInvariant } from './metrics/affine-invariant.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link TangentSpace}. */
export interface TangentSpaceOptions {
  /** metric (or its name, see {@link resolveMetric}) of the reference mean computed by `fit` (default {@link affineInvariant}) */
  metric?: SPDMetric | MetricName;
  /** a fixed reference point: `fit` then learns nothing */
  reference?: Matrix;
  meanOptions?: Omit<FrechetMeanOptions, 'weights' | 'init'>;
}

/**
 * Map SPD matrices to vectors of the tangent space at a reference point C: S = log(C^{-½}XC^{-½})
 * (the affine-invariant logarithm, whitened), vectorized as the upper triangle in row-major
 * order with √2 on off-diagonal entries so that Euclidean norms of vectors equal the
 * affine-invariant norms of the tangent vectors (pyRiemann's `TangentSpace`). `metric` only
 * chooses the mean that becomes the reference; the map itself is the affine-invariant one.
 * `fitParallel` and `transformParallel` do the same with the per-point work on a worker pool of
 * @rg/linalg (`{ pool }`), with bitwise the same reference and vectors.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const ts = new TangentSpace({ reference: identity(2) });
 * ts.transform([fromRows([[Math.E, 0], [0, 1]])]) // => ~[[1, 0, 0]]
 */
export class TangentSpace {
  readonly metric: SPDMetric;
  readonly meanOptions: Omit<FrechetMeanOptions, 'weights' | 'init'>;
  /** the reference point (given, or the mean learned by fit) */
  reference: Matrix | undefined;
  private readonly fixed: boolean;

  constructor(options: TangentSpaceOptions = {}) {
    checkOptions('TangentSpace', 'options', options);
    this.metric = resolveMetric('TangentSpace', options.metric ?? affineInvariant);
    this.meanOptions = options.meanOptions ?? {};
    if (options.reference) spdCholesky('TangentSpace', 'reference', options.reference);
    this.reference = options.reference
      ? {
          rows: options.reference.rows,
          cols: options.reference.cols,
          data: Float64Array.from(options.reference.data),
        }
      : undefined;
    this.fixed = options.reference !== undefined;
  }

  /** Learn the reference (the Fréchet mean of covs) unless one was given; returns this. */
  fit(
    covs: readonly (Matrix | readonly (readonly number[])[])[],
    _labels?: readonly number[],
  ): this {
    const xs = toMatrices('TangentSpace.fit', 'covs', covs);
    const n = assertPoints('TangentSpace.fit', 'covs', xs);
    if (!this.fixed) {
      const w = new Float64Array(xs.length).fill(1 / xs.length);
      this.reference = meanOfValidPoints(
        'TangentSpace.fit',
        this.metric,
        xs,
        n,
        w,
        this.meanOptions,
      ).mean;
    }
    return this;
  }

  private ref(fn: string): { n: number; half: Float64Array; invHalf: Float64Array } {
    if (!this.reference)
      throw new InvalidArgumentError(`TangentSpace.${fn}(): call fit() first or pass a reference`);
    const n = this.reference.rows;
    const e = eigensystem(n, this.reference.data);
    return {
      n,
      half: reconstruct(n, e.vectors, e.values.map(Math.sqrt)),
      invHalf: reconstruct(
        n,
        e.vectors,
        e.values.map((x) => 1 / Math.sqrt(x)),
      ),
    };
  }

  /** Tangent vectors, one row per matrix (n(n+1)/2 columns). */
  transform(covs: readonly (Matrix | readonly (readonly number[])[])[]): Matrix {
    return this.vectors('transform', covs);
  }

  private vectors(fn: string, covs: readonly (Matrix | readonly (readonly number[])[])[]): Matrix {
    const { n, invHalf } = this.ref(fn);
    const xs = toMatrices(`TangentSpace.${fn}`, 'covs', covs);
    assertPoints(`TangentSpace.${fn}`, 'covs', xs);
    if (xs[0].rows !== n) throw new ShapeError(`TangentSpace.${fn}(): covs must be ${n}×${n}`);
    const d = (n * (n + 1)) / 2;
    const out = new Float64Array(xs.length * d);
    for (let t = 0; t < xs.length; t++) tangentVectorInto(n, invHalf, xs[t].data, out, t * d);
    return { rows: xs.length, cols: d, data: out };
  }

  /**
   * {@link TangentSpace.fit} with the reference mean on a worker pool
   * ({@link frechetMeanParallel}); bitwise the reference `fit` learns. The model changes only
   * when the mean is done.
   *
   * @param covs - SPD matrices (Matrices or nested rows)
   * @param options - `{ pool, signal }`
   * @returns this
   * @throws {AbortError} when `signal` is aborted, and the errors of `fit`
   * @example
   * import { createPool, fromRows } from '@rg/linalg';
   * const pool = await createPool({ threads: 2 });
   * const ts = await new TangentSpace().fitParallel([fromRows([[4, 0], [0, 1]]), fromRows([[1, 0], [0, 4]])], { pool });
   * ts.reference // => ~[[2, 0], [0, 2]]
   * await pool.dispose();
   */
  async fitParallel(
    covs: readonly (Matrix | readonly (readonly number[])[])[],
    options: Omit<PoolCallOptions, 'onProgress'> = {},
  ): Promise<this> {
    const fn = 'TangentSpace.fitParallel';
    const { pool, signal } = checkOptions(fn, 'options', options);
    const xs = toMatrices(fn, 'covs', covs);
    const n = assertPoints(fn, 'covs', xs);
    if (!this.fixed) {
      const w = new Float64Array(xs.length).fill(1 / xs.length);
      const meanOptions = { ...this.meanOptions, signal: signal ?? this.meanOptions.signal };
      this.reference = (await meanOnPool(fn, this.metric, xs, n, w, meanOptions, pool)).mean;
    }
    return this;
  }

  /**
   * {@link TangentSpace.transform} on a worker pool: the matrices are split into runs and each
   * worker maps its run with the same code, so the vectors are bitwise those of `transform`.
   * Small inputs (matrices·n³ below @rg/linalg's `BATCH_PARALLEL_MIN`) and calls without a pool
   * run `transform` on this thread.
   *
   * @param covs - SPD matrices (Matrices or nested rows) of the reference's size
   * @param options - `{ pool, signal, onProgress }`
   * @returns tangent vectors, one row per matrix (n(n+1)/2 columns); from a pool with shared
   * memory its `data` is a view on a SharedArrayBuffer, written in place by the workers
   * @throws {AbortError} when `signal` is aborted, and the errors of `transform`
   * @example
   * import { createPool, fromRows, identity } from '@rg/linalg';
   * const pool = await createPool({ threads: 2 });
   * const ts = new TangentSpace({ reference: identity(2) });
   * await ts.transformParallel([fromRows([[Math.E, 0], [0, 1]])], { pool }) // => ~[[1, 0, 0]]
   * await pool.dispose();
   */
  async transformParallel(
    covs: readonly (Matrix | readonly (readonly number[])[])[],
    options: PoolCallOptions = {},
  ): Promise<Matrix> {
    const fn = 'TangentSpace.transformParallel';
    const { pool: poolIn, signal, onProgress } = checkOptions(fn, 'options', options);
    const n = this.reference?.rows ?? 0;
    const count = Array.isArray(covs) ? covs.length : 0;
    const pool = poolFor(fn, poolIn, count * n ** 3);
    if (pool === undefined) {
      throwIfAborted(fn, signal);
      const out = this.vectors('transformParallel', covs);
      onProgress?.({ done: 1, total: 1 });
      return out;
    }
    const { invHalf } = this.ref('transformParallel');
    const xs = toMatrices(fn, 'covs', covs);
    assertPoints(fn, 'covs', xs);
    if (xs[0].rows !== n) throw new ShapeError(`${fn}(): covs must be ${n}×${n}`);
    const d = (n * (n + 1)) / 2;
    // the result as the workers wrote it (shared memory in a shared pool: no copy into fresh
    // memory), the points packed in the pool's staging memory
    const out = poolArray(pool, xs.length * d);
    await withScratch(pool, [xs.length * n * n], async ([all]) => {
      const packed = packPoints(pool, xs, n, pool.threads * 4, all);
      await mapPoints(fn, pool, packed, 'tangentVectors', [invHalf], d, out, {
        signal,
        onProgress,
      });
    });
    return { rows: xs.length, cols: d, data: out };
  }

  /** `fit(covs)` then `transform(covs)`. */
  fitTransform(covs: readonly (Matrix | readonly (readonly number[])[])[]): Matrix {
    return this.fit(covs).transform(covs);
  }

  /** Back from tangent vectors (rows) to SPD matrices: C^{½} exp(S) C^{½}. */
  inverseTransform(vectors: Matrix): Matrix[] {
    const { n, half } = this.ref('inverseTransform');
    const d = (n * (n + 1)) / 2;
    if (vectors.cols !== d)
      throw new ShapeError(
        `TangentSpace.inverseTransform(): vectors must have ${d} columns (got ${vectors.cols})`,
      );
    // the unchecked eigendecomposition below does not validate: check finiteness here, once
    assertFinite('TangentSpace.inverseTransform', 'vectors', vectors);
    const out: Matrix[] = [];
    for (let t = 0; t < vectors.rows; t++) {
      const s = new Float64Array(n * n);
      let k = t * d;
      for (let i = 0; i < n; i++)
        for (let j = i; j < n; j++) {
          const v = i === j ? vectors.data[k] : vectors.data[k] / Math.SQRT2;
          k++;
          s[i * n + j] = v;
          s[j * n + i] = v;
        }
      const e = eigensystem(n, s);
      out.push({
        rows: n,
        cols: n,
        data: congruence(n, n, half, reconstruct(n, e.vectors, e.values.map(Math.exp))),
      });
    }
    return out;
  }
}

/**
 * The tangent vector of x at the reference C given by C^{-½} (`invHalf`): the upper triangle of
 * log(C^{-½}XC^{-½}) with √2 off the diagonal, written into `out` from `offset`. One function
 * for {@link TangentSpace.transform} and the pool workers of its parallel form.
 *
 * @internal
 */
export function tangentVectorInto(
  n: number,
  invHalf: Float64Array,
  x: Float64Array,
  out: Float64Array,
  offset: number,
): void {
  const e = eigensystem(n, congruence(n, n, invHalf, x));
  const s = reconstruct(n, e.vectors, e.values.map(Math.log));
  let k = offset;
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) out[k++] = i === j ? s[i * n + j] : Math.SQRT2 * s[i * n + j];
}
