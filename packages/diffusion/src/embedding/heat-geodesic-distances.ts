// Heat-geodesic dissimilarities d_t(x, y)² = −4t log H_t(x, y), from Varadhan's formula
// lim_{t→0} −4t log h_t(x, y) = d(x, y)² (Varadhan, CPAM 20, 1967), with a volume correction
// read from the heat kernel's diagonal (Huguet, Tong, De Brouwer, Zhang, Wolf, Adelstein &
// Krishnaswamy, "A heat diffusion perspective on geodesic preserving dimensionality
// reduction", NeurIPS 2023).
import {
  type Accelerator,
  checkChoice,
  checkInRange,
  checkInteger,
  checkOptions,
  checkPositive,
  type CsrMatrix,
  type Matrix,
} from '@rg/linalg';
import { alphaDecayKernel } from '../graphs/alpha-decay-kernel.js';
import { knnGraph } from '../graphs/knn-graph.js';
import { laplacianKernel } from '../graphs/laplacian.js';
import { heatKernel } from '../heat/heat-kernel.js';
import { gershgorin } from '../internal/gershgorin.js';
import { checkPoints } from '../internal/validate.js';
import { entropyTimeKernel, reachTimeKernel } from './diffusion-time.js';

/** Options of {@link heatGeodesicDistances}. */
export interface HeatGeodesicOptions {
  /**
   * diffusion time t > 0, 'auto' (default: the first time heat crosses the graph's diameter
   * above 1e-8, see {@link selectDiffusionTime}) or 'entropy' (the von Neumann entropy knee)
   */
  t?: number | 'auto' | 'entropy';
  /** neighbours of the graph (default 10 for 'knn', 5 for 'alphaDecay') */
  knn?: number;
  /** 'knn' (default: a union kNN graph with Gaussian weights) or 'alphaDecay' (PHATE's kernel) */
  graph?: 'knn' | 'alphaDecay';
  /** decay exponent of the 'alphaDecay' graph (default 40) */
  alpha?: number;
  /** normalized Laplacian I − D^{-1/2}WD^{-1/2} (default true) or D − W */
  normalized?: boolean;
  /**
   * weight σ ∈ [0, 1] of the volume correction +2tσ(log H_t(x,x) + log H_t(y,y)) (default 1:
   * zero self-distance; 0: the plain −4t log H_t)
   */
  harnack?: number;
  /**
   * heat kernel method (default 'auto': 'spectral' when tλmax/2 > 50 and n > 200, where few
   * eigenpairs survive and they are cheaper than the Chebyshev block products, else 'chebyshev')
   */
  method?: 'auto' | 'chebyshev' | 'exact' | 'spectral' | 'backwardEuler';
  /** Chebyshev order (default: automatic for 1e-10 accuracy) */
  order?: number;
  /** dense Chebyshev filter on a device */
  accelerator?: Accelerator;
}

/** Result of {@link heatGeodesicDistances}. */
export interface HeatGeodesicDistancesResult {
  /** n×n symmetric distances, zero diagonal */
  distances: Matrix;
  /** the diffusion time used */
  t: number;
  /** the graph Laplacian the heat kernel was built on */
  laplacian: CsrMatrix;
  /** heat values below this were clamped to it before the logarithm */
  floor: number;
}

/**
 * Heat-geodesic distances of a point cloud: build a graph (kNN with Gaussian weights, or PHATE's
 * α-decay kernel), its Laplacian L, the dense heat kernel H_t = exp(−tL) (Chebyshev, one block
 * product per order), and d_ij² = −4t log H_ij + 2tσ(log H_ii + log H_jj), clamped at 0 and
 * symmetrized. By Varadhan's formula −4t log h_t → d² as t → 0 on a manifold; the σ-term
 * removes the volume factor of the Euclidean heat kernel, (4πt)^{−m/2} = h_t(x, x) (our reading
 * of the paper's Harnack regularization: σ = 1 makes d(x, x) = 0). Heat values below the
 * approximation's error (the Chebyshev bound, or 1e-300) carry no information and are clamped
 * to it, which caps the largest distances. Dense output: O(n²) memory, for n up to a few
 * thousand.
 *
 * @param x - n×d point cloud
 * @param options - `{ t = 'auto' | 'entropy' | number, knn, graph = 'knn', alpha, normalized = true, harnack = 1, method, order, accelerator }`
 * @returns `{ distances, t, laplacian, floor }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a bad cloud or option
 * @example
 * import { fromRows } from '@rg/linalg';
 * const pts = fromRows(Array.from({ length: 30 }, (_, i) => [Math.cos(i / 5), Math.sin(i / 5)]));
 * const { distances } = heatGeodesicDistances(pts, { t: 5, knn: 4 });
 * // farther along the arc means farther in heat distance
 * distances.data[1] < distances.data[10] && distances.data[10] < distances.data[20] // => true
 */
export function heatGeodesicDistances(
  x: Matrix,
  options: HeatGeodesicOptions = {},
): HeatGeodesicDistancesResult {
  const fn = 'heatGeodesicDistances';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 3);
  const o = checkHeatOptions(fn, x.rows, options);
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
  return heatDistancesFromLaplacian(lap, t, o);
}

/** Validated options with defaults filled in. */
export interface CheckedHeatOptions {
  t: number | 'auto' | 'entropy';
  knn: number;
  graph: 'knn' | 'alphaDecay';
  alpha: number;
  normalized: boolean;
  harnack: number;
  method: 'auto' | 'chebyshev' | 'exact' | 'spectral' | 'backwardEuler';
  order: number | undefined;
  accelerator: Accelerator | undefined;
}

export function checkHeatOptions(
  fn: string,
  n: number,
  options: HeatGeodesicOptions,
): CheckedHeatOptions {
  const graph = checkChoice(fn, 'graph', options.graph ?? 'knn', ['knn', 'alphaDecay'] as const);
  const knn = checkInteger(fn, 'knn', options.knn ?? (graph === 'knn' ? 10 : 5), 1, n - 1);
  const alpha = checkPositive(fn, 'alpha', options.alpha ?? 40);
  const t = options.t ?? 'auto';
  if (t !== 'auto' && t !== 'entropy') checkPositive(fn, 't', t);
  const harnack = checkInRange(fn, 'harnack', options.harnack ?? 1, 0, 1);
  const method = checkChoice(fn, 'method', options.method ?? 'auto', [
    'auto',
    'chebyshev',
    'exact',
    'spectral',
    'backwardEuler',
  ] as const);
  if (options.order !== undefined) checkInteger(fn, 'order', options.order, 1, 1e6);
  return {
    t,
    knn,
    graph,
    alpha,
    normalized: options.normalized ?? true,
    harnack,
    method,
    order: options.order,
    accelerator: options.accelerator,
  };
}

/** Heat-geodesic distances from a Laplacian (validated by the caller). */
export function heatDistancesFromLaplacian(
  lap: CsrMatrix,
  t: number,
  o: Pick<CheckedHeatOptions, 'harnack' | 'method' | 'order' | 'accelerator' | 'normalized'>,
): HeatGeodesicDistancesResult {
  const n = lap.rows;
  let method = o.method;
  if (method === 'auto') {
    // measured crossover (Swiss rolls of 800–2000 points): K ≈ √(2a ln 1e10) block products
    // of n columns cost more than the ~100–300 smallest eigenpairs once a = tλmax/2 > 50
    const a = 0.5 * t * (o.normalized ? 2 : gershgorin(lap));
    method =
      a > 50 && o.order === undefined && !o.accelerator && n > 200 ? 'spectral' : 'chebyshev';
  }
  const h = heatKernel(lap, t, {
    method,
    order: o.order,
    lambdaMax: o.normalized ? 2 : undefined,
    accelerator: o.accelerator,
  });
  const H = h.matrix().data;
  // values below the approximation error are noise; float32 filters are good to ~1e-6
  const floor = Math.max(o.accelerator ? 1e-6 : h.errorBound, 1e-300);
  const logH = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const v = 0.5 * (H[i * n + j] + H[j * n + i]);
      const lv = Math.log(Math.max(v, floor));
      logH[i * n + j] = lv;
      logH[j * n + i] = lv;
    }
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const d2 = -4 * t * logH[i * n + j] + 2 * t * o.harnack * (logH[i * n + i] + logH[j * n + j]);
      const v = Math.sqrt(Math.max(d2, 0));
      dist[i * n + j] = v;
      dist[j * n + i] = v;
    }
  return { distances: { rows: n, cols: n, data: dist }, t, laplacian: lap, floor };
}
