// The two layers of every SPD metric (Pennec, Fillard & Ayache 2006, §3: the exponential/logarithm
// toolkit of a Riemannian manifold): an unchecked core for inner loops and the validated public
// object that `defineMetric` builds around it (the split of Manifolds.jl's ValidationManifold).
import type { Matrix, ProgressInfo } from '@rg/linalg';
import type { Tape, TNode } from '../internal/autodiff.js';

/** Identifies a metric's family (informational: no code switches on it). */
export type SPDMetricKind =
  | 'affine-invariant'
  | 'log-euclidean'
  | 'log-cholesky'
  | 'bures-wasserstein'
  | 'generalized-bures-wasserstein'
  | 'euclidean'
  | 'power-deformed'
  | 'power-euclidean'
  | 'custom';

/** Options a metric's own mean algorithm receives (already validated by `frechetMean`). */
export interface MetricMeanOptions {
  /** stop when the Riemannian gradient norm of ½Σ wᵢ d²(·, Xᵢ) is ≤ tol */
  tol: number;
  /** maximum number of steps */
  maxIter: number;
  /** starting point (default: the algorithm's own, usually the weighted arithmetic mean) */
  init?: Matrix;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
  /** the public function to name in messages (default 'frechetMean') */
  fn?: string;
}

/** What a metric's mean algorithm returns. */
export interface MetricMeanResult {
  mean: Matrix;
  /** steps taken (0 for closed forms) */
  iterations: number;
  /** whether `gradientNorm` ≤ tol */
  converged: boolean;
  /** Riemannian norm of the gradient of ½Σ wᵢ d²(·, Xᵢ), measured at `mean` */
  gradientNorm: number;
}

/** A batch moved to the tangent space at the identity, as recorded on a tape. */
export interface TapeCentred {
  /** one tangent vector at the identity per point */
  v: TNode[];
  /** squared Riemannian norms of the point-to-mean tangent vectors (the variance terms) */
  sqNorm: TNode[];
  /** the batch mean (recorded, in SPD coordinates) */
  mean: TNode;
  iterations: number;
  converged: boolean;
}

/**
 * A metric's batch-normalization pieces recorded on one autodiff tape: centring a batch at its
 * Fréchet mean by a linear isometry T_G → T_I, centring at a given mean, and placing tangent
 * vectors at the identity onto a bias point W (transport T_I → T_W then Exp_W).
 */
export interface TapeGeometry {
  centre(points: readonly TNode[], options: { tol: number; maxIter: number }): TapeCentred;
  centreAt(points: readonly TNode[], mean: TNode): { v: TNode[]; sqNorm: TNode[] };
  placer(bias: TNode): (v: TNode) => TNode;
}

/**
 * The differentiable pieces `RiemannianBatchNorm` needs from a metric: affine-invariant,
 * log-Euclidean, log-Cholesky (complete), Bures–Wasserstein (its Exp at the bias, (I + K)W(I + K),
 * stays positive semidefinite) and their pullbacks have them; the Euclidean and power-Euclidean
 * metrics, under which a normalized batch can leave the cone, do not. The tape is internal to
 * this package (experimental).
 */
export interface BatchNormPieces {
  /** record this metric's pieces on `tape`; `parameter` is the metric parameter as a tape variable */
  record(tape: Tape, parameter?: TNode): TapeGeometry;
}

/**
 * The unchecked core of an SPD metric: raw formulas on `Matrix` values that trust their inputs
 * (SPD points, symmetric tangent vectors, matching sizes) and never mutate them. Inner loops
 * (means, batch norm, optimizers, pairwise distances) call the core; `defineMetric` adds the
 * validation and fills in the optional members.
 */
export interface SPDMetricCore {
  squaredDistance(a: Matrix, b: Matrix): number;
  /** Riemannian inner product of tangent vectors u, v at p */
  inner(p: Matrix, u: Matrix, v: Matrix): number;
  exp(p: Matrix, v: Matrix): Matrix;
  log(p: Matrix, q: Matrix): Matrix;
  /** a vector transport T_p → T_q preserving inner products (exact parallel transport when `parallelTransport`) */
  transport(p: Matrix, q: Matrix, v: Matrix): Matrix;
  /** default: exp(p, t·log(p, q)) */
  geodesic?(p: Matrix, q: Matrix, t: number): Matrix;
  /** default: √max(0, inner(p, u, u)) */
  norm?(p: Matrix, u: Matrix): number;
  /** whether `transport` is parallel transport along the geodesic (default false) */
  readonly parallelTransport?: boolean;
  /** squared distances from one point to many, with the work on `a` done once (default: no sharing) */
  squaredDistanceFrom?(a: Matrix): (b: Matrix) => number;
  /**
   * A chart into a vector space in which this metric's distance is the Frobenius distance
   * (identity for Euclidean, log for log-Euclidean): lets pairwise distances map each point once.
   */
  flatChart?(x: Matrix): Matrix;
  /** the Riemannian gradient from the Euclidean gradient (the tangent ξ with ⟨ξ, v⟩_p = ⟨egrad, v⟩_F) */
  riemannianGradient?(p: Matrix, egrad: Matrix): Matrix;
  /** the metric's own mean algorithm (closed form, Karcher flow, fixed point, pullback of a base mean) */
  mean?(
    points: readonly Matrix[],
    weights: Float64Array,
    options: MetricMeanOptions,
  ): MetricMeanResult;
  /** batch-normalization pieces (see {@link BatchNormPieces} for which metrics have them) */
  readonly batchNorm?: BatchNormPieces;
}

/** A core with every optional formula filled in (what `SPDMetric.unchecked` is). */
export interface CompleteSPDMetricCore extends SPDMetricCore {
  geodesic(p: Matrix, q: Matrix, t: number): Matrix;
  norm(p: Matrix, u: Matrix): number;
  squaredDistanceFrom(a: Matrix): (b: Matrix) => number;
  mean(
    points: readonly Matrix[],
    weights: Float64Array,
    options: MetricMeanOptions,
  ): MetricMeanResult;
  readonly parallelTransport: boolean;
}

/**
 * A Riemannian metric on the cone of n×n symmetric positive definite matrices. Points are SPD
 * matrices, tangent vectors are symmetric matrices. Every method validates its inputs once and
 * throws typed errors (`NotPositiveDefiniteError`, `NotSymmetricError`, `ShapeError`,
 * `NonFiniteError`, `InvalidArgumentError`); none mutates its arguments. `unchecked` is the
 * same metric without validation, for inner loops. Build one with {@link defineMetric}
 * (and {@link pullback}).
 */
export interface SPDMetric {
  /** readable name, e.g. 'affine-invariant' or 'powerDeformed(bures-wasserstein, 0.5)' */
  readonly name: string;
  readonly kind: SPDMetricKind;
  /** true when `transport` is exact parallel transport along the geodesic, false when it is an isometric vector transport */
  readonly parallelTransport: boolean;
  /** geodesic distance */
  distance(a: Matrix, b: Matrix): number;
  /** squared geodesic distance (cheaper: no square root) */
  squaredDistance(a: Matrix, b: Matrix): number;
  /** Riemannian inner product of tangent vectors u, v at p */
  inner(p: Matrix, u: Matrix, v: Matrix): number;
  /** Riemannian norm of the tangent vector u at p */
  norm(p: Matrix, u: Matrix): number;
  /** Riemannian exponential: the point reached at t = 1 along the geodesic from p with velocity v */
  exp(p: Matrix, v: Matrix): Matrix;
  /** Riemannian logarithm: the velocity at p of the geodesic that reaches q at t = 1 */
  log(p: Matrix, q: Matrix): Matrix;
  /** point at parameter t along the geodesic from p (t = 0) to q (t = 1) */
  geodesic(p: Matrix, q: Matrix, t: number): Matrix;
  /** move the tangent vector v at p to a tangent vector at q, preserving inner products */
  transport(p: Matrix, q: Matrix, v: Matrix): Matrix;
  /** whether x is a point of this manifold (finite, symmetric, positive definite) */
  isPoint(x: Matrix): boolean;
  /** whether v is a tangent vector at p (finite symmetric of p's size) */
  isTangent(p: Matrix, v: Matrix): boolean;
  /** the unchecked core (every formula filled in), for inner loops that validated once */
  readonly unchecked: CompleteSPDMetricCore;
  /** the metric's SPD parameter (the M of generalized Bures–Wasserstein), when it has one */
  readonly parameter?: Matrix;
  /** the same metric with another parameter value (metrics with a parameter only) */
  withParameter?(m: Matrix): SPDMetric;
}
