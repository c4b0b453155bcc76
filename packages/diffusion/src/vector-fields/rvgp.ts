// Riemannian vector-field Gaussian processes (RVGP): a GP over tangent vector fields whose
// kernel is a Matérn function of the connection Laplacian (Peach, Vinao-Carl, Grossmann,
// Vaxman & Barahona, "Implicit Gaussian process representation of vector fields over arbitrary
// latent manifolds", ICLR 2024), and its scalar counterpart on the graph Laplacian (Borovitskiy
// et al., "Matérn Gaussian processes on graphs", AISTATS 2021).
import {
  assertFinite,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  checkOptions,
  checkInteger,
  checkPositive,
} from '@rg/linalg';
import { knnGraph } from '../graphs/knn-graph.js';
import { laplacianKernel } from '../graphs/laplacian.js';
import { knnKernel } from '../graphs/nearest-neighbors.js';
import { smallestEigenpairs } from '../internal/eigenbasis.js';
import {
  fitSpectralGp,
  type SpectralBasis,
  type SpectralGpHyperparameters,
} from '../internal/spectral-gp.js';
import { checkNodes, checkPoints } from '../internal/validate.js';
import { connectionLaplacianKernel } from './connection-laplacian.js';
import { localFramesKernel, type TangentFrames } from './local-frames.js';
import { checkFrames, liftKernel } from './tangent-vectors.js';

export type { SpectralBasis, SpectralGpHyperparameters } from '../internal/spectral-gp.js';

/** Options shared by {@link rvgp} and {@link graphGp}. */
export interface SpectralGpOptions {
  /** neighbours of the kNN graph (Gaussian weights) and of the local PCA (default 10) */
  k?: number;
  /** number of Laplacian eigenpairs in the kernel (default min(N·d, 100)) */
  eigenpairs?: number;
  /** Matérn smoothness ν (default 3/2) */
  nu?: number;
  /** starting (or, with optimize: false, fixed) length scale κ (default from the spectrum) */
  kappa?: number;
  /** starting prior variance (default: the mean square of the observations) */
  variance?: number;
  /** starting noise variance (default 1e-2 · variance) */
  noise?: number;
  /** maximize the log marginal likelihood over κ, variance, noise (default true) */
  optimize?: boolean;
  /** normalized Laplacian (default true) */
  normalized?: boolean;
  /** eigenpairs from an earlier model on the same points (skips the graph and eigensolver) */
  basis?: SpectralBasis;
}

/** Options of {@link rvgp}. */
export interface RvgpOptions extends SpectralGpOptions {
  /** manifold dimension d (default 2) */
  dim?: number;
  /** tangent frames of the points (default: {@link localFrames} with k, dim) */
  frames?: TangentFrames;
}

/** Posterior of a vector-field GP at some nodes. */
export interface VectorFieldPrediction {
  /** len×D ambient vectors (tangent) */
  mean: Matrix;
  /** len×d frame coordinates */
  tangent: Matrix;
  /** per node, the total posterior variance (trace of the d×d covariance) */
  variance: Float64Array;
}

/** A fitted RVGP model. */
export interface RvgpModel {
  frames: TangentFrames;
  /** the eigenpairs of the connection Laplacian (reusable through `options.basis`) */
  basis: SpectralBasis;
  hyperparameters: SpectralGpHyperparameters;
  logMarginalLikelihood: number;
  /** posterior at the given nodes (default: every node) */
  predict(nodes?: ArrayLike<number>): VectorFieldPrediction;
}

function defaultsFor(
  fn: string,
  basis: SpectralBasis,
  y: Float64Array,
  options: SpectralGpOptions,
  nu: number,
): SpectralGpHyperparameters {
  let ms = 0;
  for (let q = 0; q < y.length; q++) ms += y[q] * y[q];
  ms = ms / Math.max(y.length, 1) || 1;
  const variance = checkPositive(fn, 'variance', options.variance ?? ms);
  // κ with 2ν/κ² equal to the median eigenvalue used: the kernel starts mid-spectrum
  const vals = Float64Array.from(basis.values).sort();
  const mid = Math.max(vals[vals.length >> 1], 1e-12);
  const kappa = checkPositive(fn, 'kappa', options.kappa ?? Math.sqrt((2 * nu) / mid));
  const noise = checkPositive(fn, 'noise', options.noise ?? 1e-2 * variance);
  return { kappa, variance, noise };
}

function checkBasis(fn: string, b: SpectralBasis, nodes: number, dim: number): void {
  if (
    !b ||
    b.nodes !== nodes ||
    b.dim !== dim ||
    !(b.values instanceof Float64Array) ||
    !(b.vectors instanceof Float64Array) ||
    b.vectors.length !== nodes * dim * b.values.length ||
    b.values.length < 1
  )
    throw new ShapeError(
      `${fn}(): basis must be a SpectralBasis for ${nodes} nodes of dimension ${dim}`,
    );
}

/**
 * Fit a Gaussian process over tangent vector fields on a point cloud (RVGP). The graph is a
 * union kNN graph with Gaussian weights; tangent frames come from local PCA; the connection
 * Laplacian transports frame coordinates along edges (orthogonal Procrustes); its k smallest
 * eigenpairs (λ_l, u_l) give the kernel K = Σ_l σ² c (2ν/κ² + λ_l)^{−ν} u_l u_lᵀ over the
 * (node, frame component) pairs, a Matérn GP on the manifold that couples the components of a
 * vector the way parallel transport does. The observed ambient vectors are projected onto their
 * frames; κ, σ², σ_n² maximize the log marginal likelihood (Nelder–Mead in log space); the
 * posterior mean is lifted back to ambient vectors. Inpainting and super-resolution are
 * predictions at unobserved nodes. With noise → 0 and all eigenpairs, the posterior mean
 * interpolates the observations.
 *
 * @param points - n×D point cloud (all nodes: observed and to be predicted)
 * @param train - indices of the observed nodes (distinct)
 * @param vectors - train.length×D observed ambient vectors (their normal parts are ignored)
 * @param options - `{ k = 10, dim = 2, eigenpairs, nu = 1.5, kappa, variance, noise, optimize = true, normalized = true, frames, basis }`
 * @returns the model `{ frames, basis, hyperparameters, logMarginalLikelihood, predict(nodes?) }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on bad input
 * @throws {NotPositiveDefiniteError} when the fixed hyper-parameters make the kernel singular
 * @example
 * import { fromRows, matrix } from '@rg/linalg';
 * // a rotation field on a circle in R² (1-D manifold), observed at every other point
 * const n = 24;
 * const pts = fromRows(Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]));
 * const field = (i: number) => [-Math.sin((2 * Math.PI * i) / n), Math.cos((2 * Math.PI * i) / n)];
 * const train = Array.from({ length: n / 2 }, (_, q) => 2 * q);
 * const model = rvgp(pts, train, fromRows(train.map(field)), { dim: 1, k: 4 });
 * const p = model.predict([1]).mean.data;
 * Math.hypot(p[0] - field(1)[0], p[1] - field(1)[1]) < 0.05 // => true
 */
export function rvgp(
  points: Matrix,
  train: ArrayLike<number>,
  vectors: Matrix,
  options: RvgpOptions = {},
): RvgpModel {
  const fn = 'rvgp';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'points', points, 3);
  const n = points.rows;
  const D = points.cols;
  const tr = checkNodes(fn, 'train', train, n);
  if (tr.length === 0) throw new ShapeError(`${fn}(): train must not be empty`);
  assertFinite(fn, 'vectors', vectors);
  if (vectors.rows !== tr.length || vectors.cols !== D)
    throw new ShapeError(
      `${fn}(): vectors must be ${tr.length}×${D} (got ${vectors.rows}×${vectors.cols})`,
    );
  const dim = checkInteger(fn, 'dim', options.frames?.dim ?? options.dim ?? 2, 1, D);
  const k = checkInteger(fn, 'k', options.k ?? 10, Math.max(1, dim), n - 1);
  const nu = checkPositive(fn, 'nu', options.nu ?? 1.5);
  const nn = knnKernel(points.data, n, D, k);
  let frames: TangentFrames;
  if (options.frames) {
    checkFrames(fn, options.frames, n);
    if (options.frames.ambientDim !== D)
      throw new ShapeError(
        `${fn}(): frames have ambient dimension ${options.frames.ambientDim}, points ${D}`,
      );
    frames = options.frames;
  } else frames = localFramesKernel(points.data, n, D, dim, k, nn);
  let basis: SpectralBasis;
  if (options.basis) {
    checkBasis(fn, options.basis, n, dim);
    basis = options.basis;
  } else {
    const N = n * dim;
    const m = checkInteger(fn, 'eigenpairs', options.eigenpairs ?? Math.min(N, 100), 1, N);
    const w = knnGraph(points, { k, weights: 'gaussian', neighbors: nn });
    const lc = connectionLaplacianKernel(w, frames, options.normalized !== false, false);
    const e = smallestEigenpairs(lc, m);
    basis = { nodes: n, dim, values: e.values, vectors: e.vectors };
  }
  // observed tangent coordinates, node-major
  const obs = new Float64Array(tr.length * dim);
  const { ambientDim, data: F } = frames;
  for (let q = 0; q < tr.length; q++)
    for (let a = 0; a < dim; a++) {
      let s = 0;
      for (let c = 0; c < ambientDim; c++)
        s += F[tr[q] * ambientDim * dim + c * dim + a] * vectors.data[q * D + c];
      obs[q * dim + a] = s;
    }
  const start = defaultsFor(fn, basis, obs, options, nu);
  const fit = fitSpectralGp(basis, nu, tr, obs, start, options.optimize !== false, fn);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  return {
    frames,
    basis,
    hyperparameters: fit.hyperparameters,
    logMarginalLikelihood: fit.logMarginalLikelihood,
    predict(nodes) {
      const idx = nodes === undefined ? all : checkNodesAllowRepeat('RvgpModel.predict', nodes, n);
      const p = fit.predict(idx);
      const sub: TangentFrames = {
        n: idx.length,
        ambientDim,
        dim,
        data: new Float64Array(idx.length * ambientDim * dim),
        explained: new Float64Array(idx.length),
      };
      for (let q = 0; q < idx.length; q++)
        sub.data.set(
          F.subarray(idx[q] * ambientDim * dim, (idx[q] + 1) * ambientDim * dim),
          q * ambientDim * dim,
        );
      return {
        mean: liftKernel(sub, p.mean),
        tangent: { rows: idx.length, cols: dim, data: p.mean },
        variance: p.variance,
      };
    },
  };
}

function checkNodesAllowRepeat(fn: string, v: ArrayLike<number>, n: number): Int32Array {
  if (!v || typeof v.length !== 'number')
    throw new ShapeError(`${fn}(): nodes must be an array of node indices`);
  const out = new Int32Array(v.length);
  for (let q = 0; q < v.length; q++) {
    const i = v[q];
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new InvalidArgumentError(
        `${fn}(): nodes[${q}] = ${i} is not a node index in [0, ${n})`,
      );
    out[q] = i;
  }
  return out;
}

/** A fitted scalar graph GP. */
export interface GraphGpModel {
  basis: SpectralBasis;
  hyperparameters: SpectralGpHyperparameters;
  logMarginalLikelihood: number;
  /** posterior mean and variance at the given nodes (default: every node) */
  predict(nodes?: ArrayLike<number>): { mean: Float64Array; variance: Float64Array };
}

/**
 * A scalar Matérn Gaussian process on the kNN graph of a point cloud: the same construction as
 * {@link rvgp} with the graph Laplacian in place of the connection Laplacian (Borovitskiy et al.
 * 2021). The baseline RVGP is compared with: one such GP per ambient component of a vector field
 * ignores that the components are tied together by the tangent bundle.
 *
 * @param points - n×D point cloud
 * @param train - indices of the observed nodes
 * @param values - observed values (train.length)
 * @param options - `{ k = 10, eigenpairs, nu = 1.5, kappa, variance, noise, optimize = true, normalized = true, basis }`
 * @returns `{ basis, hyperparameters, logMarginalLikelihood, predict(nodes?) }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on bad input
 * @example
 * import { fromRows } from '@rg/linalg';
 * const n = 30;
 * const pts = fromRows(Array.from({ length: n }, (_, i) => [i / 10, 0]));
 * const train = [0, 5, 10, 15, 20, 25, 29];
 * const gp = graphGp(pts, train, Float64Array.from(train, (i) => Math.sin(i / 5)), { k: 3 });
 * Math.abs(gp.predict([12]).mean[0] - Math.sin(12 / 5)) < 0.1 // => true
 */
export function graphGp(
  points: Matrix,
  train: ArrayLike<number>,
  values: ArrayLike<number>,
  options: SpectralGpOptions = {},
): GraphGpModel {
  const fn = 'graphGp';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'points', points, 3);
  const n = points.rows;
  const tr = checkNodes(fn, 'train', train, n);
  if (tr.length === 0) throw new ShapeError(`${fn}(): train must not be empty`);
  if (!values || values.length !== tr.length)
    throw new ShapeError(`${fn}(): values must have train.length = ${tr.length} entries`);
  const y = Float64Array.from(values);
  for (let q = 0; q < y.length; q++)
    if (!Number.isFinite(y[q]))
      throw new InvalidArgumentError(`${fn}(): values[${q}] is not finite`);
  const k = checkInteger(fn, 'k', options.k ?? 10, 1, n - 1);
  const nu = checkPositive(fn, 'nu', options.nu ?? 1.5);
  let basis: SpectralBasis;
  if (options.basis) {
    checkBasis(fn, options.basis, n, 1);
    basis = options.basis;
  } else {
    const m = checkInteger(fn, 'eigenpairs', options.eigenpairs ?? Math.min(n, 100), 1, n);
    const w = knnGraph(points, { k, weights: 'gaussian' });
    const e = smallestEigenpairs(laplacianKernel(w, options.normalized !== false), m);
    basis = { nodes: n, dim: 1, values: e.values, vectors: e.vectors };
  }
  const start = defaultsFor(fn, basis, y, options, nu);
  const fit = fitSpectralGp(basis, nu, tr, y, start, options.optimize !== false, fn);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  return {
    basis,
    hyperparameters: fit.hyperparameters,
    logMarginalLikelihood: fit.logMarginalLikelihood,
    predict(nodes) {
      return fit.predict(
        nodes === undefined ? all : checkNodesAllowRepeat('GraphGpModel.predict', nodes, n),
      );
    },
  };
}
