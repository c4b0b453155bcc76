// Symmetric part of a square matrix, (A + Aᵀ)/2 (Higham, Accuracy and Stability, §10.1).
import { symmetrizeInPlace } from './kernels/symmetrize-in-place.js';
import type { Matrix } from './matrix.js';
import { assertSquare } from './validate.js';

/**
 * The symmetric part (A + Aᵀ)/2. The result is exactly symmetric: each mirrored pair is
 * written from the same rounded value.
 *
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * symmetrize(fromRows([[1, 2], [4, 3]])) // => [[1, 3], [3, 3]]
 */
export function symmetrize(a: Matrix): Matrix {
  assertSquare('symmetrize', 'a', a);
  const n = a.rows;
  const out = symmetrizeInPlace(n, a.data.slice(0, n * n));
  return { rows: n, cols: n, data: out };
}
