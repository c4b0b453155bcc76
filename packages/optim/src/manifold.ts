// The structural shape of a Riemannian manifold as first-order optimizers use it (Absil, Mahony & Sepulchre 2008, "Optimization Algorithms on Matrix Manifolds", ch. 3–4 and 8).
import type { Matrix, Rng } from '@rg/linalg';

/**
 * A Riemannian manifold of matrices, as the optimizers of this package see it. Points and
 * tangent vectors are {@link Matrix} values (vectors as n×1). Manifolds are plain objects and
 * typed structurally: a package implements this shape without importing @rg/optim.
 *
 * The members are unchecked kernels: they trust their inputs (a point of the manifold, a
 * tangent vector at it, matching sizes) and never mutate them. Optimizers validate once, at
 * their own boundary, and may call {@link Manifold.validate} there.
 *
 * The manifolds exported here are size-agnostic: they read sizes from the point (`sphere`
 * works on any rows×cols matrix of unit Frobenius norm, `stiefel` on any n×k with k ≤ n).
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const x = fromRows([[1], [0]]);
 * sphere.projectTangent(x, fromRows([[3], [4]])) // => [[0], [4]]
 * sphere.inner(x, fromRows([[0], [2]]), fromRows([[0], [3]])) // => 6
 */
export interface Manifold {
  /** a short name, used in messages and in optimizer checkpoints */
  readonly name: string;
  /** the Riemannian metric ⟨u, v⟩_x of two tangent vectors at x */
  inner(x: Matrix, u: Matrix, v: Matrix): number;
  /** ‖v‖_x = √⟨v, v⟩_x (optional: when absent, callers use `inner`) */
  norm?(x: Matrix, v: Matrix): number;
  /** orthogonal projection of an ambient matrix u onto the tangent space T_x */
  projectTangent(x: Matrix, u: Matrix): Matrix;
  /**
   * The Riemannian gradient at x of a function whose Euclidean gradient is `egrad`: the tangent
   * vector ξ with ⟨ξ, v⟩_x = ⟨egrad, v⟩_F for every tangent v. It equals `projectTangent` on an
   * embedded submanifold with the induced metric; it is P·sym(G)·P for SPD matrices under the
   * affine-invariant metric.
   */
  riemannianGradient(x: Matrix, egrad: Matrix): Matrix;
  /** a retraction R_x(v): a point of the manifold, R_x(0) = x, with derivative v at 0 */
  retract(x: Matrix, v: Matrix): Matrix;
  /** the exponential map, where it has a closed form */
  exp?(x: Matrix, v: Matrix): Matrix;
  /** a vector transport of v ∈ T_x to T_y */
  transport(x: Matrix, y: Matrix, v: Matrix): Matrix;
  /** true when x is a point of the manifold to within `tol` (default: about 1e-10) */
  isPoint?(x: Matrix, tol?: number): boolean;
  /**
   * Throw a typed error (message `fn(): name ...`) when x cannot be a point of this manifold
   * because of its shape or other cheap checks (optimizers call it once per parameter and step).
   */
  validate?(fn: string, name: string, x: Matrix): void;
  /**
   * The tangent direction of weight decay at x: the Riemannian gradient of the manifold's own
   * regularizer (for SPD matrices ½ d²(P, I), giving P log P). When absent, optimizers use the
   * Riemannian gradient of the Euclidean regularizer ½‖x‖²_F, which is x on a flat space and 0
   * on the sphere and the Stiefel manifold (where ‖x‖_F is constant).
   */
  weightDecay?(x: Matrix): Matrix;
  /**
   * True only for the Euclidean space with the Frobenius metric (retract(x, v) = x + v,
   * transport the identity): optimizers then update in place elementwise, and Adam keeps an
   * elementwise second moment instead of the scalar squared Riemannian norm.
   */
  readonly flat?: boolean;
  /** true when `transport` preserves inner products (⟨Tu, Tv⟩_y = ⟨u, v⟩_x) */
  readonly isometricTransport?: boolean;
  /** a random point of the given size (for initialization and tests) */
  randomPoint?(rows: number, cols: number, random: Rng): Matrix;
  /** a random tangent vector at x with entries of order one */
  randomTangent?(x: Matrix, random: Rng): Matrix;
}
