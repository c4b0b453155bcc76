// The objective shapes Hessian tools work on: `Objective` is @rg/linalg's (declared once there).
import type { Matrix, Objective } from '@rg/linalg';

export type { Objective };

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
