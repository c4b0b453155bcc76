// The one interface every SPD metric implements (Pennec, Fillard & Ayache 2006, §3: the
// exponential/logarithm toolkit of a Riemannian manifold).
import type { Matrix } from '@rg/linalg';

/** Identifies the closed forms a metric supports (means, fast pairwise paths). */
export type SPDMetricKind =
  | 'affine-invariant'
  | 'log-euclidean'
  | 'log-cholesky'
  | 'bures-wasserstein'
  | 'generalized-bures-wasserstein'
  | 'euclidean'
  | 'power-deformed';

/**
 * A Riemannian metric on the cone of n×n symmetric positive definite matrices. Points are SPD
 * matrices, tangent vectors are symmetric matrices. Every method validates its inputs and
 * throws typed errors (`NotPositiveDefiniteError`, `NotSymmetricError`, `ShapeError`,
 * `NonFiniteError`); none mutates its arguments.
 */
export interface SPDMetric {
  /** readable name, e.g. 'affine-invariant' or 'power-deformed(bures-wasserstein, 0.5)' */
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
}
