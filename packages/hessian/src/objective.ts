// The objective shape Hessian tools work on (the same interface is declared in @rg/nn).
import type { Matrix } from '@rg/linalg';

/**
 * A twice-differentiable scalar function of a flat parameter vector. Typed structurally:
 * @rg/nn's `mlpObjective` and this package's reference objectives satisfy it.
 */
export interface Objective {
  /** length of the parameter vector */
  readonly dim: number;
  value(x: Float64Array): number;
  /** ∇f(x), written into `out` when given */
  grad(x: Float64Array, out?: Float64Array): Float64Array;
  /** ∇²f(x) v, written into `out` when given (use {@link finiteDifferenceHVP} when absent) */
  hvp?(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
}

/** An objective that also offers curvature approximations and dense matrices (all optional). */
export interface CurvatureObjective extends Objective {
  gaussNewtonVectorProduct?(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  fisherVectorProduct?(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** dense ∇²f(x), dim × dim */
  hessian?(x: Float64Array): Matrix;
  /** dense Gauss–Newton matrix, dim × dim */
  gaussNewton?(x: Float64Array): Matrix;
  /** dense (empirical) Fisher matrix, dim × dim */
  fisher?(x: Float64Array): Matrix;
  /**
   * f(x) − f(x + step) evaluated without the cancellation of subtracting two values of f,
   * so that decreases far below ε|f| stay resolvable (used by gnsNewton's acceptance test)
   */
  valueDecrease?(x: Float64Array, step: Float64Array): number;
}
