// Singular value decomposition by Golub–Kahan bidiagonalization and implicit-shift QR
// (Golub & Kahan 1965; Golub & Reinsch 1970; Golub & Van Loan, Matrix Computations, §8.6).

import { checkOptions } from './validate-arguments.js';
import { ConvergenceError } from './errors.js';
import { svd as svdKernel } from './kernels/svd.js';
import type { Matrix } from './matrix.js';
import { assertFinite } from './validate.js';

/** Result of {@link svd}: A = U diag(s) Vᵀ. */
export interface SvdResult {
  /** left singular vectors as columns: m×k (thin, k = min(m, n)) or m×m (full) */
  u: Matrix;
  /** singular values, descending, non-negative, length min(m, n) */
  s: Float64Array;
  /** right singular vectors as columns: n×k (thin) or n×n (full) */
  v: Matrix;
}

/** Options of {@link svd}. */
export interface SvdOptions {
  /** return square U (m×m) and V (n×n) instead of the thin factors (default false) */
  full?: boolean;
  /** compute u and v (default true); when false they are returned as 0×0 matrices */
  vectors?: boolean;
}

/**
 * Singular value decomposition A = U diag(s) Vᵀ of a real m×n matrix, with singular values in
 * descending order. Backward stable: the computed factors are exact for A + δA with
 * ‖δA‖ ≈ c·ε‖A‖, so singular values carry an absolute error of about ε·s₀.
 *
 * @param a - any finite m×n matrix (m < n is handled through Aᵀ)
 * @param options - `{ full, vectors }`
 * @returns `{ u, s, v }`
 * @throws {ShapeError} when `a` is not a Matrix
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @example
 * svd(fromRows([[3, 0], [0, -4]])).s // => [4, 3]
 * @example
 * const { u, s, v } = svd(fromRows([[1, 1], [1, 1], [0, 0]]));
 * s // => ~[2, 0]
 * u.rows // => 3
 * v.cols // => 2
 */
export function svd(a: Matrix, optionsIn: SvdOptions = {}): SvdResult {
  const options: SvdOptions = checkOptions('svd', 'options', optionsIn);
  assertFinite('svd', 'a', a);
  const full = options.full ?? false;
  const wantVectors = options.vectors ?? true;
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const s = new Float64Array(k);
  const empty = (): Matrix => ({ rows: 0, cols: 0, data: new Float64Array(0) });
  const u: Matrix = wantVectors ? zeros(m, full ? m : k) : empty();
  const v: Matrix = wantVectors ? zeros(n, full ? n : k) : empty();
  const ok = svdKernel(m, n, a.data, s, wantVectors ? { u: u.data, v: v.data, full } : {});
  if (!ok)
    throw new ConvergenceError(`svd(): the bidiagonal QR iteration did not converge (${m}×${n})`, {
      iterations: -1,
      residual: Number.NaN,
    });
  return { u, s, v };
}

function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}
