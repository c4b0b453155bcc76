// Products with a transposed operand, AᵀB and ABᵀ, without materializing the transpose
// (Goto & van de Geijn, TOMS 2008: the transpose is absorbed by the packing routines).
import { ShapeError } from './errors.js';
import { gemmDispatch } from './kernels/backend.js';
import { assertOperands, prepareProduct, throwNonFinite } from './check-product.js';
import type { Matrix } from './matrix.js';

/**
 * The product AᵀB without forming Aᵀ.
 *
 * @param a - k×m
 * @param b - k×n
 * @param out - optional m×n result buffer; must not share memory with `a` or `b`
 * @returns the m×n product AᵀB
 * @throws {ShapeError} when a.rows ≠ b.rows, out has the wrong shape or aliases an input
 * @throws {NonFiniteError} when an entry of a or b is NaN or infinite
 * @example
 * matmulTransA(fromRows([[1, 2], [3, 4]]), fromRows([[1, 0], [0, 1]])) // => [[1, 3], [2, 4]]
 */
export function matmulTransA(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertOperands('matmulTransA', a, b);
  if (a.rows !== b.rows)
    throw new ShapeError(
      `matmulTransA(): a.rows must equal b.rows (a is ${a.rows}×${a.cols}, b is ${b.rows}×${b.cols})`,
    );
  const c = prepareProduct('matmulTransA', a, b, a.cols, b.cols, out);
  if (!gemmDispatch(true, false, a.cols, b.cols, a.rows, a.data, b.data, c.data))
    throwNonFinite('matmulTransA', a, b);
  return c;
}

/**
 * The product ABᵀ without forming Bᵀ.
 *
 * @param a - m×k
 * @param b - n×k
 * @param out - optional m×n result buffer; must not share memory with `a` or `b`
 * @returns the m×n product ABᵀ
 * @throws {ShapeError} when a.cols ≠ b.cols, out has the wrong shape or aliases an input
 * @throws {NonFiniteError} when an entry of a or b is NaN or infinite
 * @example
 * matmulTransB(fromRows([[1, 2]]), fromRows([[3, 4], [5, 6]])) // => [[11, 17]]
 */
export function matmulTransB(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertOperands('matmulTransB', a, b);
  if (a.cols !== b.cols)
    throw new ShapeError(
      `matmulTransB(): a.cols must equal b.cols (a is ${a.rows}×${a.cols}, b is ${b.rows}×${b.cols})`,
    );
  const c = prepareProduct('matmulTransB', a, b, a.rows, b.rows, out);
  if (!gemmDispatch(false, true, a.rows, b.rows, a.cols, a.data, b.data, c.data))
    throwNonFinite('matmulTransB', a, b);
  return c;
}
