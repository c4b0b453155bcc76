// Shared argument checks of the Hessian tools, so every message has the same form.
import {
  assertFiniteArray,
  checkCallbackOutput,
  InvalidArgumentError,
  type LinearOperator,
  ShapeError,
} from '@rg/linalg';
import type { Objective } from '../objective.js';

export function checkObjective(fn: string, objective: Objective): void {
  if (
    !objective ||
    typeof objective.value !== 'function' ||
    typeof objective.grad !== 'function' ||
    !Number.isInteger(objective.dim) ||
    objective.dim < 1
  )
    throw new InvalidArgumentError(
      `${fn}(): objective must have a positive integer dim, value(x) and grad(x, out?)`,
    );
}

/** What a vector argument is, for messages: `length 3`, `a number[] of length 3`, `undefined`. */
export function describeVector(x: unknown): string {
  if (x instanceof Float64Array) return `length ${x.length}`;
  if (Array.isArray(x)) return `a number[] of length ${x.length}; use Float64Array.from(...)`;
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
  return x === null ? 'null' : typeof x;
}

export function checkPoint(fn: string, name: string, x: Float64Array, dim: number): void {
  if (!(x instanceof Float64Array) || x.length !== dim)
    throw new ShapeError(
      `${fn}(): ${name} must be a Float64Array of length ${dim} (got ${describeVector(x)})`,
    );
  assertFiniteArray(fn, name, x);
}

/** x ↦ ∇²f(x₀) v as a linear operator; throws when the objective has no hvp. */
export function hessianOperator(fn: string, objective: Objective, x: Float64Array): LinearOperator {
  checkObjective(fn, objective);
  checkPoint(fn, 'x', x, objective.dim);
  const hvp = objective.hvp;
  if (typeof hvp !== 'function')
    throw new InvalidArgumentError(
      `${fn}(): objective has no hvp(x, v, out?); wrap it with finiteDifferenceHVP(objective)`,
    );
  return (v, out) => {
    // an objective may ignore `out` and return a fresh array
    const r = hvp.call(objective, x, v, out);
    // a NaN or wrong-length product would otherwise surface as lambdaMax: NaN or a RangeError
    checkCallbackOutput(fn, 'objective.hvp', r, objective.dim);
    if (r !== out) out.set(r);
  };
}

/** The objective's gradient at x, checked for length and finiteness. */
export function checkedGrad(fn: string, objective: Objective, x: Float64Array): Float64Array {
  const g = objective.grad(x);
  checkCallbackOutput(fn, 'objective.grad', g, objective.dim);
  return Float64Array.from(g);
}

/** The objective's value at x, checked for finiteness. */
export function checkedValue(fn: string, objective: Objective, x: Float64Array): number {
  const f = objective.value(x);
  checkCallbackOutput(fn, 'objective.value', f);
  return f;
}
