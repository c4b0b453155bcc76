// Heat-geodesic embedding: metric MDS of heat-geodesic distances (Huguet et al., "A heat
// diffusion perspective on geodesic preserving dimensionality reduction", NeurIPS 2023).
import { checkOptions, type Matrix, checkChoice, checkInteger } from '@rg/linalg';
import { alphaDecayKernel } from '../graphs/alpha-decay-kernel.js';
import { knnGraph } from '../graphs/knn-graph.js';
import { laplacianKernel } from '../graphs/laplacian.js';
import { checkPoints } from '../internal/validate.js';
import { classicalMdsKernel } from './classical-mds.js';
import { entropyTimeKernel, reachTimeKernel } from './diffusion-time.js';
import {
  checkHeatOptions,
  type HeatGeodesicOptions,
  heatDistancesFromLaplacian,
} from './heat-geodesic-distances.js';
import { smacofKernel } from './smacof.js';

/** Options of {@link heatGeodesicEmbedding}. */
export interface HeatGeodesicEmbeddingOptions extends HeatGeodesicOptions {
  /** embedding dimension (default 2) */
  dims?: number;
  /** 'metric' (default: classical MDS, then SMACOF) or 'classical' (classical MDS only) */
  mds?: 'metric' | 'classical';
  /** SMACOF iterations at most (default 300) */
  maxIter?: number;
  /** SMACOF relative stress decrease to stop at (default 1e-6) */
  tol?: number;
}

/** Result of {@link heatGeodesicEmbedding}. */
export interface HeatGeodesicEmbeddingResult {
  /** n×dims coordinates */
  embedding: Matrix;
  /** the n×n heat-geodesic distances that were embedded */
  distances: Matrix;
  /** the diffusion time used (the automatic choice when t was 'auto') */
  t: number;
  /** raw stress of the embedding against `distances` */
  stress: number;
  /** normalized stress √(stress / Σ d²) */
  normalizedStress: number;
  /** SMACOF iterations (0 for classical MDS) */
  iterations: number;
}

/**
 * Embed a point cloud so that Euclidean distances follow its heat-geodesic distances
 * ({@link heatGeodesicDistances}): classical MDS for a start, then metric MDS by SMACOF
 * ({@link smacof}), which lowers the stress monotonically. With t = 'auto' the diffusion time is
 * the first at which heat crosses the graph's diameter above 1e-8 ({@link selectDiffusionTime}). Heat geodesics preserve manifold distances
 * better than diffusion maps (which compress large distances) and resemble PHATE at large t.
 *
 * @param x - n×d point cloud
 * @param options - `{ dims = 2, t = 'auto', knn, graph, alpha, normalized, harnack, method, order, accelerator, mds = 'metric', maxIter = 300, tol = 1e-6 }`
 * @returns `{ embedding, distances, t, stress, normalizedStress, iterations }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a bad cloud or option
 * @example
 * import { fromRows } from '@rg/linalg';
 * // 40 points on a quarter circle unroll onto a line: 1-D heat geodesics keep their order
 * const pts = fromRows(Array.from({ length: 40 }, (_, i) => [Math.cos(i / 25), Math.sin(i / 25)]));
 * const e = heatGeodesicEmbedding(pts, { dims: 1, t: 4, knn: 4 }).embedding.data;
 * const up = e[39] > e[0];
 * e.every((v, i) => i === 0 || (up ? v > e[i - 1] : v < e[i - 1])) // => true
 */
export function heatGeodesicEmbedding(
  x: Matrix,
  options: HeatGeodesicEmbeddingOptions = {},
): HeatGeodesicEmbeddingResult {
  const fn = 'heatGeodesicEmbedding';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 3);
  const n = x.rows;
  const o = checkHeatOptions(fn, n, options);
  const dims = checkInteger(fn, 'dims', options.dims ?? 2, 1, n - 1);
  const mds = checkChoice(fn, 'mds', options.mds ?? 'metric', ['metric', 'classical'] as const);
  const maxIter = checkInteger(fn, 'maxIter', options.maxIter ?? 300, 0);
  const tol = options.tol ?? 1e-6;
  const w =
    o.graph === 'knn'
      ? knnGraph(x, { k: o.knn, weights: 'gaussian' })
      : alphaDecayKernel(x, { k: o.knn, alpha: o.alpha });
  const lap = laplacianKernel(w, o.normalized);
  const t =
    o.t === 'auto'
      ? reachTimeKernel(lap, o.normalized, 1e-8).t
      : o.t === 'entropy'
        ? entropyTimeKernel(lap, o.normalized).t
        : o.t;
  const { distances } = heatDistancesFromLaplacian(lap, t, o);
  const start = classicalMdsKernel(distances.data, n, dims).embedding;
  const r = smacofKernel(distances.data, n, dims, start.data, {
    tol,
    maxIter: mds === 'metric' ? maxIter : 0,
    strict: false,
  });
  return {
    embedding: r.embedding,
    distances,
    t,
    stress: r.stress,
    normalizedStress: r.normalizedStress,
    iterations: r.iterations,
  };
}
