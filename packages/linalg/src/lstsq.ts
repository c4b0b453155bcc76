// Minimum-norm least squares by column-pivoted QR and a complete orthogonal decomposition, as LAPACK dgelsy (Golub & Van Loan, Matrix Computations, 4th ed., §5.4.2 and §5.5.2).
import { checkOptions } from './validate-arguments.js';
import { InvalidArgumentError, ShapeError } from './errors.js';
import { applyReflectorLeft, reflectColumn } from './householder.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertFiniteArray } from './validate.js';

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /**
   * relative rank threshold: columns whose pivoted R diagonal |r_ii| ≤ rcond·|r_00| are
   * treated as dependent (default max(m, n)·eps, NumPy's default)
   */
  rcond?: number;
}

/** Result of {@link lstsq}. */
export interface LstsqResult<T extends Matrix | Float64Array> {
  /** the minimum-norm minimizer of ‖A x − b‖ (same kind as b: n-vector or n×k matrix) */
  x: T;
  /** ‖A x − b‖₂ (Frobenius norm over all columns when b is a matrix) */
  residual: number;
  /** numerical rank of A found by the pivoted QR */
  rank: number;
}

function columnNorm(d: Float64Array, m: number, n: number, j: number, r0: number): number {
  let s = 0;
  for (let i = r0; i < m; i++) {
    const v = d[i * n + j];
    s += v * v;
  }
  return Math.sqrt(s);
}

/**
 * Least squares: the x that minimizes ‖A x − b‖₂ and, among all minimizers, has the smallest
 * ‖x‖₂. Works for any shape and rank. Method (LAPACK `dgelsy`): Householder QR with column
 * pivoting A P = Q R, rank r from |r_ii| > rcond·|r_00|, then the trailing columns of the
 * leading r rows are reflected away from the right ([R11 R12] = [T 0] Z) so that
 * x = P Zᵀ [T⁻¹ (Qᵀb)₁; 0] is the minimum-norm solution. For full column rank this is the
 * ordinary least-squares solution. The rank test is the pivoted-QR one, which agrees with the
 * SVD rank except on rare adversarial matrices (Kahan's); gaps in the spectrum well above
 * rcond are detected reliably.
 *
 * @param a - m×n matrix
 * @param b - vector of length m or m×k matrix
 * @throws {ShapeError} when b does not have m rows
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * const fit = lstsq(fromRows([[1, 0], [1, 1], [1, 2]]), vector([1, 2, 4]));
 * fit.x // => ~[0.8333, 1.5]
 * fit.rank // => 2
 * lstsq(fromRows([[1, 1], [1, 1]]), vector([2, 2])).x // => ~[1, 1]
 */
export function lstsq(
  a: Matrix,
  b: Float64Array,
  options?: LstsqOptions,
): LstsqResult<Float64Array>;
export function lstsq(a: Matrix, b: Matrix, options?: LstsqOptions): LstsqResult<Matrix>;
export function lstsq(
  a: Matrix,
  b: Matrix | Float64Array,
  options?: LstsqOptions,
): LstsqResult<Matrix | Float64Array>;
export function lstsq(
  a: Matrix,
  b: Matrix | Float64Array,
  optionsIn: LstsqOptions = {},
): LstsqResult<Matrix | Float64Array> {
  const options: LstsqOptions = checkOptions('lstsq', 'options', optionsIn);
  assertFinite('lstsq', 'a', a);
  const m = a.rows;
  const n = a.cols;
  const isVector = b instanceof Float64Array;
  let nb: number;
  if (isVector) {
    if (b.length !== m)
      throw new ShapeError(`lstsq(): b has length ${b.length}, expected a.rows = ${m}`);
    assertFiniteArray('lstsq', 'b', b);
    nb = 1;
  } else {
    assertFinite('lstsq', 'b', b);
    if (b.rows !== m) throw new ShapeError(`lstsq(): b has ${b.rows} rows, expected a.rows = ${m}`);
    nb = b.cols;
  }
  const rcond = options.rcond ?? Math.max(m, n) * Number.EPSILON;
  if (!(rcond >= 0) || !Number.isFinite(rcond))
    throw new InvalidArgumentError(`lstsq(): rcond must be a finite number ≥ 0 (got ${rcond})`);
  const bData = isVector ? b : b.data;
  const f = a.data.slice();
  const c = bData.slice();
  const p = Math.min(m, n);
  const perm = new Int32Array(n);
  const vn1 = new Float64Array(n);
  const vn2 = new Float64Array(n);
  const w = new Float64Array(Math.max(m, n, nb));
  for (let j = 0; j < n; j++) {
    perm[j] = j;
    vn1[j] = columnNorm(f, m, n, j, 0);
    vn2[j] = vn1[j];
  }
  const tol3z = Math.sqrt(Number.EPSILON);
  for (let k = 0; k < p; k++) {
    let piv = k;
    for (let j = k + 1; j < n; j++) if (vn1[j] > vn1[piv]) piv = j;
    if (piv !== k) {
      for (let i = 0; i < m; i++) {
        const t = f[i * n + k];
        f[i * n + k] = f[i * n + piv];
        f[i * n + piv] = t;
      }
      const tp = perm[k];
      perm[k] = perm[piv];
      perm[piv] = tp;
      vn1[piv] = vn1[k];
      vn2[piv] = vn2[k];
    }
    const tau = reflectColumn(f, m, n, k);
    applyReflectorLeft(f, n, k, tau, f, m, n, k + 1, n, w);
    applyReflectorLeft(f, n, k, tau, c, m, nb, 0, nb, w);
    // Downdate the remaining column norms; recompute when cancellation has eaten the
    // digits (the LAPACK dlaqp2 safeguard of Drmač & Bujanović 2008).
    for (let j = k + 1; j < n; j++) {
      if (vn1[j] === 0) continue;
      const ratio = Math.abs(f[k * n + j]) / vn1[j];
      const temp = Math.max(0, 1 - ratio * ratio);
      const q = vn1[j] / vn2[j];
      if (temp * q * q <= tol3z) {
        vn1[j] = columnNorm(f, m, n, j, k + 1);
        vn2[j] = vn1[j];
      } else vn1[j] *= Math.sqrt(temp);
    }
  }
  const r00 = p > 0 ? Math.abs(f[0]) : 0;
  let rank = 0;
  while (rank < p && Math.abs(f[rank * n + rank]) > rcond * r00) rank++;
  // Complete orthogonal decomposition: reflect columns rank..n−1 of rows 0..rank−1 into the
  // diagonal, from the last row up, so that [R11 R12] = [T 0] Z.
  const zTau = new Float64Array(rank);
  const extra = n - rank;
  if (extra > 0) {
    for (let k = rank - 1; k >= 0; k--) {
      const ok = k * n;
      const alpha = f[ok + k];
      let ss = 0;
      for (let j = rank; j < n; j++) ss += f[ok + j] * f[ok + j];
      if (ss === 0) continue;
      const beta =
        alpha >= 0 ? -Math.hypot(alpha, Math.sqrt(ss)) : Math.hypot(alpha, Math.sqrt(ss));
      const tau = (beta - alpha) / beta;
      const sc = 1 / (alpha - beta);
      for (let j = rank; j < n; j++) f[ok + j] *= sc;
      f[ok + k] = beta;
      zTau[k] = tau;
      for (let i = 0; i < k; i++) {
        const oi = i * n;
        let s = f[oi + k];
        for (let j = rank; j < n; j++) s += f[oi + j] * f[ok + j];
        s *= tau;
        f[oi + k] -= s;
        for (let j = rank; j < n; j++) f[oi + j] -= s * f[ok + j];
      }
    }
  }
  // y = [T⁻¹ c₁; 0] by back substitution on the rank×rank upper triangle.
  const y = new Float64Array(n * nb);
  for (let i = rank - 1; i >= 0; i--) {
    const oi = i * n;
    const yi = i * nb;
    for (let col = 0; col < nb; col++) y[yi + col] = c[i * nb + col];
    for (let k = i + 1; k < rank; k++) {
      const t = f[oi + k];
      const yk = k * nb;
      for (let col = 0; col < nb; col++) y[yi + col] -= t * y[yk + col];
    }
    const inv = 1 / f[oi + i];
    for (let col = 0; col < nb; col++) y[yi + col] *= inv;
  }
  // y ← Zᵀ y = H_{r−1} ⋯ H_0 y; reflector k acts on coordinate k and coordinates rank..n−1.
  if (extra > 0) {
    for (let k = 0; k < rank; k++) {
      const tau = zTau[k];
      if (tau === 0) continue;
      const ok = k * n;
      for (let col = 0; col < nb; col++) {
        let s = y[k * nb + col];
        for (let j = rank; j < n; j++) s += f[ok + j] * y[j * nb + col];
        s *= tau;
        y[k * nb + col] -= s;
        for (let j = rank; j < n; j++) y[j * nb + col] -= s * f[ok + j];
      }
    }
  }
  const x = new Float64Array(n * nb);
  for (let j = 0; j < n; j++) {
    const src = j * nb;
    const dst = perm[j] * nb;
    for (let col = 0; col < nb; col++) x[dst + col] = y[src + col];
  }
  // The residual is recomputed from A and x rather than read off Qᵀb, so it also reflects
  // rounding in x.
  let res2 = 0;
  const ad = a.data;
  for (let i = 0; i < m; i++) {
    for (let col = 0; col < nb; col++) {
      let s = -bData[i * nb + col];
      for (let j = 0; j < n; j++) s += ad[i * n + j] * x[j * nb + col];
      res2 += s * s;
    }
  }
  return {
    x: isVector ? x : { rows: n, cols: nb, data: x },
    residual: Math.sqrt(res2),
    rank,
  };
}
