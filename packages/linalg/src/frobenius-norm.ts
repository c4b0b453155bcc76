// Frobenius norm with overflow-safe scaling (Golub & Van Loan, Matrix Computations, 4th ed., §2.3).
import type { Matrix } from './matrix.js';
import { norm2Kernel } from './norm2.js';
import { assertFinite } from './validate.js';

/**
 * The Frobenius norm ‖A‖_F = √(Σ a_ij²), safe against overflow and underflow.
 *
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * frobeniusNorm(fromRows([[1, 2], [2, 4]])) // => 5
 */
export function frobeniusNorm(a: Matrix): number {
  assertFinite('frobeniusNorm', 'a', a);
  return norm2Kernel(a.data, 0, a.data.length);
}
