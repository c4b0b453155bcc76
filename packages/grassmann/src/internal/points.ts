// Shared boundary checks of the mean functions: a non-empty list of orthonormal n×k bases of
// one size, and normalized non-negative weights.
import { checkPositive, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import { assertPoint } from './validate.js';

/** Validate `points` (all n×k orthonormal, n×k taken from the first) and return n, k. */
export function assertPoints(fn: string, points: readonly Matrix[]): { n: number; k: number } {
  if (!Array.isArray(points) || points.length === 0)
    throw new ShapeError(`${fn}(): points must be a non-empty array of n×k orthonormal bases`);
  const first = points[0];
  if (!first || typeof first !== 'object' || !Number.isInteger(first.rows))
    throw new ShapeError(`${fn}(): points[0] must be a Matrix`);
  const n = first.rows;
  const k = first.cols;
  if (!(k >= 1 && k <= n))
    throw new ShapeError(`${fn}(): points[0] must be n×k with 1 ≤ k ≤ n (got ${n}×${k})`);
  points.forEach((p, i) => {
    assertPoint(fn, `points[${i}]`, p, n, k);
  });
  return { n, k };
}

/** weights / Σ weights (uniform when absent); non-negative, finite, with a positive sum */
export function normalizedWeights(
  fn: string,
  weights: ArrayLike<number> | undefined,
  count: number,
): Float64Array {
  if (weights === undefined) return new Float64Array(count).fill(1 / count);
  if (!weights || typeof weights !== 'object' || weights.length !== count)
    throw new ShapeError(
      `${fn}(): weights must hold one number per point (${count}; got ${weights?.length ?? String(weights)})`,
    );
  let total = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    checkPositive(fn, `weights[${i}]`, w, true);
    total += w;
  }
  if (!(total > 0)) throw new InvalidArgumentError(`${fn}(): weights must have a positive sum`);
  return Float64Array.from({ length: count }, (_, i) => weights[i] / total);
}
