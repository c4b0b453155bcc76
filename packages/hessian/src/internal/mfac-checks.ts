// Argument checks shared by the M-FAC classes.
import { assertFiniteArray, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describeVector } from './checks.js';

export function checkDamp(fn: string, damp: number): void {
  if (!(damp > 0) || !Number.isFinite(damp))
    throw new InvalidArgumentError(`${fn}(): damp must be a positive finite number (got ${damp})`);
}

export function checkVector(fn: string, name: string, v: Float64Array, dim: number): void {
  if (!(v instanceof Float64Array) || v.length !== dim)
    throw new ShapeError(
      `${fn}(): ${name} must be a Float64Array of length ${dim} (got ${describeVector(v)})`,
    );
  assertFiniteArray(fn, name, v);
}
