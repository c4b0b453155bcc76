// Determinant and log-determinant from LU with partial pivoting (Golub & Van Loan, Matrix Computations, 4th ed., §3.2.6).
import { InvalidArgumentError, SingularMatrixError } from './errors.js';
import { luKernel, workCopy } from './lu.js';
import type { Matrix } from './matrix.js';
import { assertSquare } from './validate.js';

function factor(fn: string, a: Matrix): { f: Float64Array; sign: number; n: number } {
  assertSquare(fn, 'a', a);
  const n = a.rows;
  const f = workCopy(a.data);
  const sign = luKernel(f, n, new Int32Array(n));
  return { f, sign, n };
}

/**
 * The determinant of a square matrix (product of U's diagonal times det P). Overflows to
 * ±Infinity or underflows to 0 for large n; use {@link signedLogDet} there. A singular matrix
 * gives 0 (or a tiny number when rounding leaves a tiny pivot).
 *
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * det(fromRows([[1, 2], [3, 4]])) // => ~-2
 * det(identity(0)) // => 1
 */
export function det(a: Matrix): number {
  const { f, sign, n } = factor('det', a);
  let d = sign;
  for (let i = 0; i < n; i++) d *= f[i * n + i];
  return d;
}

/** Result of {@link signedLogDet}: det(A) = sign · exp(logAbs). */
export interface SignedLogDet {
  /** +1, −1, or 0 for a matrix with an exactly zero pivot */
  sign: number;
  /** log |det A|; −Infinity when sign is 0 */
  logAbs: number;
}

/**
 * Sign and log of the absolute determinant, det(A) = sign·exp(logAbs), without overflow
 * (NumPy's `slogdet` convention: sign 0 and logAbs −Infinity for an exactly singular U).
 *
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * signedLogDet(fromRows([[0, 2], [3, 0]])) // => ~{ sign: -1, logAbs: 1.791759 }
 * signedLogDet(zeros(2)) // => { sign: 0, logAbs: -Infinity }
 */
export function signedLogDet(a: Matrix): SignedLogDet {
  return signedLogDetOf('signedLogDet', a);
}

function signedLogDetOf(fn: string, a: Matrix): SignedLogDet {
  const { f, sign, n } = factor(fn, a);
  let s = sign;
  let logAbs = 0;
  for (let i = 0; i < n; i++) {
    const u = f[i * n + i];
    if (u === 0) return { sign: 0, logAbs: Number.NEGATIVE_INFINITY };
    if (u < 0) s = -s;
    logAbs += Math.log(Math.abs(u));
  }
  return { sign: s, logAbs };
}

/**
 * The log of a positive determinant, log det A (for SPD matrices and any matrix with
 * det A > 0), without overflow.
 *
 * @throws {InvalidArgumentError} when det A < 0 (use {@link signedLogDet})
 * @throws {SingularMatrixError} when U has an exactly zero pivot
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * logDet(fromRows([[2, 1], [1, 2]])) // => ~1.098612
 * logDet(fromRows([[0, 1], [1, 0]])) // => throws InvalidArgumentError
 */
export function logDet(a: Matrix): number {
  const r = signedLogDetOf('logDet', a);
  if (r.sign === 0)
    throw new SingularMatrixError('logDet(): a is singular (an LU pivot is exactly zero)', -1);
  if (r.sign < 0)
    throw new InvalidArgumentError(
      `logDet(): det(a) is negative (log|det| = ${r.logAbs.toPrecision(6)}); use signedLogDet()`,
    );
  return r.logAbs;
}
