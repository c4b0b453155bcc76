// Shared argument checks of the Hessian tools, so every message has the same form.
import {
  assertFiniteArray,
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

export function checkPoint(fn: string, name: string, x: Float64Array, dim: number): void {
  if (!(x instanceof Float64Array) || x.length !== dim)
    throw new ShapeError(
      `${fn}(): ${name} must be a Float64Array of length ${dim} (got length ${x?.length})`,
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
    if (r !== out) out.set(r);
  };
}

export function positiveInteger(fn: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1)
    throw new InvalidArgumentError(`${fn}(): ${name} must be a positive integer (got ${v})`);
}

export function positiveNumber(fn: string, name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a positive finite number (got ${v})`);
}

export function dotProduct(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
