// Validation of point lists and weights shared by the means, MDM and tangent space.
import {
  assertFiniteArray,
  InvalidArgumentError,
  isMatrix,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { spdCholesky } from './validate.js';

/** An SPD matrix as a Matrix or as nested rows (`x[i][j]`). */
export type SPDInput = Matrix | readonly (readonly number[])[];

/**
 * The list with nested-row entries converted to Matrices (copied); Matrices pass through and a
 * list of Matrices is returned as is. Anything else is left for the validation that follows
 * ({@link assertPoints}) to reject with its typed error.
 */
export function toMatrices(fn: string, name: string, xs: readonly SPDInput[]): readonly Matrix[] {
  if (!Array.isArray(xs) || xs.every((x) => isMatrix(x))) return xs as readonly Matrix[];
  return xs.map((x, i) => {
    if (isMatrix(x) || !Array.isArray(x) || !x.every((r) => Array.isArray(r))) return x as Matrix;
    const rows = x.length;
    const cols = rows ? x[0].length : 0;
    const data = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      if (x[r].length !== cols)
        throw new ShapeError(
          `${fn}(): ${name}[${i}] row ${r} has ${x[r].length} entries, row 0 has ${cols}`,
        );
      for (let c = 0; c < cols; c++) data[r * cols + c] = x[r][c];
    }
    return { rows, cols, data };
  });
}

/** Validate a non-empty list of same-size SPD matrices; returns n. */
export function assertPoints(fn: string, name: string, xs: readonly Matrix[]): number {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new InvalidArgumentError(`${fn}(): ${name} must be a non-empty array of SPD matrices`);
  const n = xs[0]?.rows;
  for (let i = 0; i < xs.length; i++) {
    spdCholesky(fn, `${name}[${i}]`, xs[i]);
    if (xs[i].rows !== n)
      throw new ShapeError(
        `${fn}(): ${name}[${i}] is ${xs[i].rows}×${xs[i].cols}, expected ${n}×${n} like ${name}[0]`,
      );
  }
  return n;
}

/** Normalized non-negative weights (uniform when undefined). */
export function normalizedWeights(
  fn: string,
  count: number,
  weights?: ArrayLike<number>,
): Float64Array {
  if (weights === undefined) return new Float64Array(count).fill(1 / count);
  if (weights.length !== count)
    throw new ShapeError(
      `${fn}(): weights has length ${weights.length}, expected ${count} (one per point)`,
    );
  assertFiniteArray(fn, 'weights', weights);
  let s = 0;
  for (let i = 0; i < count; i++) {
    if (weights[i] < 0)
      throw new InvalidArgumentError(`${fn}(): weights[${i}] is ${weights[i]} (must be ≥ 0)`);
    s += weights[i];
  }
  if (!(s > 0)) throw new InvalidArgumentError(`${fn}(): weights must not all be zero`);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = weights[i] / s;
  return out;
}
