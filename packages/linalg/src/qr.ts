// Householder QR factorization, thin and full, blocked in compact WY form (Golub & Van Loan,
// Matrix Computations, 4th ed., Alg. 5.2.1, §5.2.3 and §5.1.6).
import { checkOptions } from './validate-arguments.js';
import { InvalidArgumentError } from './errors.js';
import { householderQr } from './kernels/qr.js';
import type { Matrix } from './matrix.js';
import { assertFinite } from './validate.js';

/** Options of {@link qr}. */
export interface QROptions {
  /** 'thin' (default): Q is m×k, R is k×n with k = min(m, n); 'full': Q is m×m, R is m×n */
  mode?: 'thin' | 'full';
  /**
   * true: R's diagonal made non-negative by flipping the sign of each column of Q whose R
   * diagonal entry is negative (and of that row of R), so that for full column rank Q is the
   * unique orthonormal factor that Gram–Schmidt gives (default false: LAPACK's signs)
   */
  positiveDiagonal?: boolean;
}

/** Result of {@link qr}: A = Q R. */
export interface QRResult {
  /** orthonormal columns (QᵀQ = I) */
  q: Matrix;
  /** upper triangular (trapezoidal when m < n) */
  r: Matrix;
}

/**
 * Householder QR factorization A = Q R of an m×n matrix. Q has orthonormal columns and R is
 * upper triangular. As in LAPACK, the diagonal of R may be negative; multiply a column of Q
 * and the matching row of R by −1 for a positive diagonal (`positiveDiagonal: true` does that:
 * the QR retraction of Stiefel manifolds uses this unique Q).
 *
 * @param a - m×n matrix (any shape)
 * @param options - `mode`: 'thin' (default) or 'full'; `positiveDiagonal` (default false)
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @throws {InvalidArgumentError} on an unknown mode or a non-boolean positiveDiagonal
 * @example
 * const { q, r } = qr(fromRows([[3, 1], [4, 2]]));
 * r // => ~[[-5, -2.2], [0, 0.4]]
 * matmul(q, r) // => ~[[3, 1], [4, 2]]
 * qr(fromRows([[1], [0], [0]]), { mode: 'full' }).q.cols // => 3
 * qr(fromRows([[3, 1], [4, 2]]), { positiveDiagonal: true }).r // => ~[[5, 2.2], [0, 0.4]]
 */
export function qr(a: Matrix, optionsIn: QROptions = {}): QRResult {
  const options: QROptions = checkOptions('qr', 'options', optionsIn);
  assertFinite('qr', 'a', a);
  const mode = options.mode ?? 'thin';
  if (mode !== 'thin' && mode !== 'full')
    throw new InvalidArgumentError(`qr(): mode must be 'thin' or 'full' (got ${String(mode)})`);
  const positive = options.positiveDiagonal ?? false;
  if (typeof positive !== 'boolean')
    throw new InvalidArgumentError(
      `qr(): positiveDiagonal must be a boolean (got ${String(positive)})`,
    );
  const m = a.rows;
  const n = a.cols;
  const p = Math.min(m, n);
  const rRows = mode === 'full' ? m : p;
  const qCols = mode === 'full' ? m : p;
  const r = new Float64Array(rRows * n);
  const q = new Float64Array(m * qCols);
  householderQr(m, n, a.data, r, rRows, q, qCols);
  if (positive)
    for (let j = 0; j < p; j++) {
      if (!(r[j * n + j] < 0)) continue;
      for (let c = j; c < n; c++) r[j * n + c] = -r[j * n + c];
      for (let i = 0; i < m; i++) q[i * qCols + j] = -q[i * qCols + j];
    }
  return { q: { rows: m, cols: qCols, data: q }, r: { rows: rRows, cols: n, data: r } };
}
