// Distance-matrix checks and Euclidean pairwise distances shared by the embedding functions.
import {
  assertFinite,
  InvalidArgumentError,
  type Matrix,
  NotSymmetricError,
  ShapeError,
} from '@rg/linalg';

/** A square, symmetric (to 1e-10 relative), finite, non-negative matrix with zero diagonal. */
export function checkDistances(fn: string, name: string, d: Matrix): void {
  assertFinite(fn, name, d);
  const n = d.rows;
  if (d.cols !== n || n < 1)
    throw new ShapeError(
      `${fn}(): ${name} must be a non-empty square matrix (got ${d.rows}×${d.cols})`,
    );
  let max = 0;
  for (let k = 0; k < d.data.length; k++) {
    const v = d.data[k];
    if (v < 0)
      throw new InvalidArgumentError(`${fn}(): ${name} must be non-negative (entry ${k} is ${v})`);
    if (v > max) max = v;
  }
  let asym = 0;
  for (let i = 0; i < n; i++) {
    if (d.data[i * n + i] !== 0)
      throw new InvalidArgumentError(
        `${fn}(): ${name} must have a zero diagonal (d[${i}][${i}] = ${d.data[i * n + i]})`,
      );
    for (let j = i + 1; j < n; j++)
      asym = Math.max(asym, Math.abs(d.data[i * n + j] - d.data[j * n + i]));
  }
  if (asym > 1e-10 * max)
    throw new NotSymmetricError(
      `${fn}(): ${name} must be symmetric (max |d_ij − d_ji| = ${asym.toExponential(2)})`,
      max > 0 ? asym / max : asym,
    );
}

/** Unchecked: the n×n Euclidean distances between the rows of a row-major n×k array. */
export function euclideanDistances(x: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < k; c++) {
        const diff = x[i * k + c] - x[j * k + c];
        s += diff * diff;
      }
      const v = Math.sqrt(s);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  return out;
}
