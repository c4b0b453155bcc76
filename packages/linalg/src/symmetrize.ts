// Symmetric part of a square matrix, (A + Aᵀ)/2 (Higham, Accuracy and Stability, §10.1).
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
  const x = a.data;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = x[i * n + i];
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (x[i * n + j] + x[j * n + i]);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data: out };
}
