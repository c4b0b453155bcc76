// Gram matrices AᵀA and AAᵀ: the SYRK update, computing one triangle and mirroring it
// (Golub & Van Loan, Matrix Computations, 4th ed., §1.5).
import { InvalidArgumentError } from './errors.js';
import { gemmDispatch } from './kernels/backend.js';
import { prepareProduct, throwNonFinite } from './check-product.js';
import type { Matrix } from './matrix.js';
import { assertMatrix } from './validate.js';

/**
 * The Gram matrix AᵀA (`side = 'AtA'`, cols×cols) or AAᵀ (`side = 'AAt'`, rows×rows).
 * Only the upper triangle is computed (about half the work of a general product)
 * and copied to the lower one, so the result is exactly symmetric.
 *
 * @param a - m×n
 * @param side - 'AtA' (default) or 'AAt'
 * @param out - optional result buffer; must not share memory with `a`
 * @returns the symmetric positive semidefinite Gram matrix
 * @throws {ShapeError} when out has the wrong shape or aliases a
 * @throws {NonFiniteError} when an entry of a is NaN or infinite
 * @throws {InvalidArgumentError} when side is not 'AtA' or 'AAt'
 * @example
 * gram(fromRows([[1, 2], [3, 4]])) // => [[10, 14], [14, 20]]
 * gram(fromRows([[1, 2], [3, 4]]), 'AAt') // => [[5, 11], [11, 25]]
 */
export function gram(a: Matrix, side: 'AtA' | 'AAt' = 'AtA', out?: Matrix): Matrix {
  assertMatrix('gram', 'a', a);
  if (side !== 'AtA' && side !== 'AAt')
    throw new InvalidArgumentError(`gram(): side must be 'AtA' or 'AAt' (got ${String(side)})`);
  const n = side === 'AtA' ? a.cols : a.rows;
  const c = prepareProduct('gram', a, null, n, n, out);
  const finite =
    side === 'AtA'
      ? gemmDispatch(true, false, n, n, a.rows, a.data, a.data, c.data, true)
      : gemmDispatch(false, true, n, n, a.cols, a.data, a.data, c.data, true);
  if (!finite) throwNonFinite('gram', a);
  const d = c.data;
  for (let i = 1; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < i; j++) d[row + j] = d[j * n + i];
  }
  return c;
}
