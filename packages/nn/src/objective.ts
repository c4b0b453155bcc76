// The objective shape shared by @rg/nn and @rg/hessian (typed structurally on both sides).

/**
 * A twice-differentiable scalar function of a flat parameter vector. @rg/hessian
 * declares the same interface; any object of this shape works with both packages.
 */
export interface Objective {
  /** length of the parameter vector */
  readonly dim: number;
  value(x: Float64Array): number;
  /** ∇f(x), written into `out` when given */
  grad(x: Float64Array, out?: Float64Array): Float64Array;
  /** ∇²f(x) v, written into `out` when given */
  hvp?(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
}
