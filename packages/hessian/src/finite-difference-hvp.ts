// Hessian-vector products by central differences of the gradient (Nocedal & Wright, Numerical Optimization, 2nd ed., §8.1).
import { assertFiniteArray, checkOptions, checkPositive, ShapeError } from '@rg/linalg';
import { checkObjective } from './internal/checks.js';
import type { Objective } from './objective.js';

/**
 * Add a finite-difference `hvp` to an objective that only has a gradient:
 * `∇²f(x) v ≈ (∇f(x + h v) − ∇f(x − h v)) / (2h)` with `h = eps · max(1, ‖x‖) / ‖v‖`.
 * Costs two gradients per product and carries O(h²) truncation plus O(ε_mach/h) rounding
 * error; the default eps = 6e-6 ≈ ε_mach^(1/3) balances the two. Prefer an exact hvp
 * (@rg/nn's R-operator) when you have one.
 *
 * @param objective - anything with dim, value and grad
 * @param options - `eps` (default 6e-6)
 * @returns a new objective with the same value and grad and the approximate hvp
 * @throws {InvalidArgumentError} on a malformed objective or eps ≤ 0
 * @example
 * const f = {
 *   dim: 2,
 *   value: (x) => x[0] ** 2 * x[1],
 *   grad: (x) => Float64Array.from([2 * x[0] * x[1], x[0] ** 2]),
 * };
 * finiteDifferenceHVP(f).hvp(Float64Array.from([1, 2]), Float64Array.from([1, 0])) // => ~[4, 2]
 */
export function finiteDifferenceHVP(
  objective: Objective,
  optionsIn: { eps?: number } = {},
): Objective & { hvp(x: Float64Array, v: Float64Array, out?: Float64Array): Float64Array } {
  const fn = 'finiteDifferenceHVP';
  const options = checkOptions(fn, 'options', optionsIn);
  checkObjective(fn, objective);
  const eps = options.eps ?? 6e-6;
  checkPositive(fn, 'eps', eps);
  const dim = objective.dim;
  return {
    dim,
    value: (x) => objective.value(x),
    grad: (x, out) => objective.grad(x, out),
    hvp(x, v, out) {
      if (x.length !== dim || v.length !== dim)
        throw new ShapeError(`${fn}().hvp(): x and v must have length ${dim}`);
      assertFiniteArray(`${fn}().hvp`, 'v', v);
      const o = out ?? new Float64Array(dim);
      let nv = 0;
      let nx = 0;
      for (let i = 0; i < dim; i++) {
        nv += v[i] * v[i];
        nx += x[i] * x[i];
      }
      if (nv === 0) {
        o.fill(0);
        return o;
      }
      const h = (eps * Math.max(1, Math.sqrt(nx))) / Math.sqrt(nv);
      const xs = new Float64Array(dim);
      for (let i = 0; i < dim; i++) xs[i] = x[i] + h * v[i];
      const gp = Float64Array.from(objective.grad(xs));
      for (let i = 0; i < dim; i++) xs[i] = x[i] - h * v[i];
      const gm = objective.grad(xs);
      for (let i = 0; i < dim; i++) o[i] = (gp[i] - gm[i]) / (2 * h);
      return o;
    },
  };
}
