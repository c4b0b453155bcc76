// Dense matrix product C = A·B (Goto & van de Geijn, TOMS 2008: packed, cache-blocked GEMM).
import { ShapeError } from './errors.js';
import { gemmDispatch } from './kernels/backend.js';
import { assertOperands, prepareProduct, throwNonFinite } from './check-product.js';
import type { Matrix } from './matrix.js';

/**
 * The matrix product A·B in float64. Large products run on the WebAssembly SIMD
 * kernel when available (see {@link kernelInfo}), small ones in TypeScript.
 *
 * @param a - m×k
 * @param b - k×n
 * @param out - optional m×n result buffer; must not share memory with `a` or `b`
 * @returns the m×n product (`out` when given)
 * @throws {ShapeError} when a.cols ≠ b.rows, out has the wrong shape or aliases an input
 * @throws {NonFiniteError} when an entry of a or b is NaN or infinite
 * @example
 * matmul(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]])) // => [[19, 22], [43, 50]]
 */
export function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertOperands('matmul', a, b);
  if (a.cols !== b.rows)
    throw new ShapeError(
      `matmul(): a.cols must equal b.rows (a is ${a.rows}×${a.cols}, b is ${b.rows}×${b.cols})`,
    );
  const c = prepareProduct('matmul', a, b, a.rows, b.cols, out);
  if (!gemmDispatch(false, false, a.rows, b.cols, a.cols, a.data, b.data, c.data))
    throwNonFinite('matmul', a, b);
  return c;
}
