// The objective shape shared by the optimizers and the Hessian tools: declared once, here at the
// bottom of the dependency graph, and satisfied structurally by every package that provides one.

/**
 * A twice-differentiable scalar function of a flat parameter vector: what optimizers,
 * Hessian spectra and second-order methods consume. Typed structurally, so any object with
 * these members qualifies (for example @rg/nn's `mlpObjective`). `grad` and `hvp` write into
 * `out` when it is given and return it; they must not keep `x`, `v` or `out`.
 *
 * @example
 * const quadratic: Objective = {
 *   dim: 2,
 *   value: (x) => 0.5 * (x[0] * x[0] + 4 * x[1] * x[1]),
 *   grad: (x, out = new Float64Array(2)) => {
 *     out[0] = x[0];
 *     out[1] = 4 * x[1];
 *     return out;
 *   },
 *   hvp: (_x, v, out = new Float64Array(2)) => {
 *     out[0] = v[0];
 *     out[1] = 4 * v[1];
 *     return out;
 *   },
 * };
 * quadratic.value(new Float64Array([1, 1])) // => 2.5
 * quadratic.grad(new Float64Array([1, 1])) // => [1, 4]
 * quadratic.hvp?.(new Float64Array(2), new Float64Array([1, 0])) // => [1, 0]
 */
export interface Objective {
  /** length of the parameter vector */
  readonly dim: number;
  /** f(x) */
  value(x: Float64Array): number;
  /** ∇f(x), written into `out` when given */
  grad(x: Float64Array, out?: Float64Array): Float64Array;
  /** ∇²f(x) v, written into `out` when given (optional: callers fall back to finite differences) */
  hvp?(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
}
