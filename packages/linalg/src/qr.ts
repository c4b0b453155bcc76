// Householder QR factorization, thin and full (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 5.2.1 and §5.1.6).
import { InvalidArgumentError } from './errors.js';
import { applyReflectorLeft, applyReflectorPairLeft, reflectColumn } from './householder.js';
import type { Matrix } from './matrix.js';
import { assertFinite } from './validate.js';

/** Options of {@link qr}. */
export interface QROptions {
  /** 'thin' (default): Q is m×k, R is k×n with k = min(m, n); 'full': Q is m×m, R is m×n */
  mode?: 'thin' | 'full';
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
 * and the matching row of R by −1 for a positive diagonal.
 *
 * @param a - m×n matrix (any shape)
 * @param options - `mode`: 'thin' (default) or 'full'
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @throws {InvalidArgumentError} on an unknown mode
 * @example
 * const { q, r } = qr(fromRows([[3, 1], [4, 2]]));
 * r // => ~[[-5, -2.2], [0, 0.4]]
 * matmul(q, r) // => ~[[3, 1], [4, 2]]
 * qr(fromRows([[1], [0], [0]]), { mode: 'full' }).q.cols // => 3
 */
export function qr(a: Matrix, options: QROptions = {}): QRResult {
  assertFinite('qr', 'a', a);
  const mode = options.mode ?? 'thin';
  if (mode !== 'thin' && mode !== 'full')
    throw new InvalidArgumentError(`qr(): mode must be 'thin' or 'full' (got ${String(mode)})`);
  const m = a.rows;
  const n = a.cols;
  const p = Math.min(m, n);
  const f = a.data.slice();
  const tau = new Float64Array(p);
  const w = new Float64Array(Math.max(m, n));
  const w1 = new Float64Array(Math.max(m, n));
  // Reflectors in pairs: column k+1 is updated by H_k alone, reflected, and then the
  // trailing columns get both reflectors in one pass (half the sweeps over the matrix).
  let k = 0;
  for (; k + 1 < p; k += 2) {
    tau[k] = reflectColumn(f, m, n, k);
    applyReflectorLeft(f, n, k, tau[k], f, m, n, k + 1, k + 2, w);
    tau[k + 1] = reflectColumn(f, m, n, k + 1);
    applyReflectorPairLeft(f, n, k, tau[k], tau[k + 1], true, f, m, n, k + 2, n, w, w1);
  }
  if (k < p) {
    tau[k] = reflectColumn(f, m, n, k);
    applyReflectorLeft(f, n, k, tau[k], f, m, n, k + 1, n, w);
  }
  const rRows = mode === 'full' ? m : p;
  const r = new Float64Array(rRows * n);
  for (let i = 0; i < Math.min(rRows, m); i++)
    for (let j = i; j < n; j++) r[i * n + j] = f[i * n + j];
  const qCols = mode === 'full' ? m : p;
  const q = new Float64Array(m * qCols);
  for (let i = 0; i < qCols; i++) q[i * qCols + i] = 1;
  // Backward accumulation Q = H_0 (H_1 (… H_{p−1} I)): H_k only touches rows and columns ≥ k
  // of the partial product, so each step works on a shrinking trailing block.
  let kq = p;
  if (p % 2 === 1) {
    kq = p - 1;
    applyReflectorLeft(f, n, kq, tau[kq], q, m, qCols, kq, qCols, w);
  }
  for (kq -= 2; kq >= 0; kq -= 2)
    applyReflectorPairLeft(f, n, kq, tau[kq], tau[kq + 1], false, q, m, qCols, kq, qCols, w, w1);
  return { q: { rows: m, cols: qCols, data: q }, r: { rows: rRows, cols: n, data: r } };
}
