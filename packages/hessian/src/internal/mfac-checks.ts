// Argument checks shared by the M-FAC classes.
import { assertFiniteArray, ShapeError } from '@rg/linalg';
import { describeVector } from './checks.js';

export function checkVector(fn: string, name: string, v: Float64Array, dim: number): void {
  if (!(v instanceof Float64Array) || v.length !== dim)
    throw new ShapeError(
      `${fn}(): ${name} must be a Float64Array of length ${dim} (got ${describeVector(v)})`,
    );
  assertFiniteArray(fn, name, v);
}
