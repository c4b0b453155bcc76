// LU factorization with partial pivoting, right-looking row-oriented elimination (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 3.4.1).
import { gemmDispatch } from './kernels/backend.js';
import type { Matrix } from './matrix.js';
import { assertSquare } from './validate.js';

/** Result of {@link lu}: P A = L U packed in one matrix. */
export interface LUResult {
  /** L (strictly lower part, unit diagonal implied) and U (upper part incl. diagonal) packed in one n×n matrix */
  lu: Matrix;
  /** row i of P A is row `pivots[i]` of A (a permutation of 0..n−1) */
  pivots: Int32Array;
  /** determinant of P: +1 or −1 */
  sign: number;
}

/**
 * LU factorization with partial (row) pivoting: P A = L U, L unit lower triangular with
 * |l_ij| ≤ 1, U upper triangular. Never throws on a singular matrix: a zero pivot column is
 * skipped and the zero stays on U's diagonal (as LAPACK `dgetrf` does); `solve`, `inverse`
 * and `det` decide what singular means for them.
 *
 * @param a - square n×n matrix
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * const f = lu(fromRows([[1, 2], [3, 4]]));
 * f.pivots // => [1, 0]
 * f.lu // => ~[[3, 4], [0.3333, 0.6667]]
 * f.sign // => -1
 */
export function lu(a: Matrix): LUResult {
  assertSquare('lu', 'a', a);
  const n = a.rows;
  const data = a.data.slice();
  const pivots = new Int32Array(n);
  const sign = luKernel(data, n, pivots);
  return { lu: { rows: n, cols: n, data }, pivots, sign };
}

/** Below this size the unblocked kernel wins (the trailing products are too thin for gemm). */
const BLOCKED_MIN = 96;
/** Panel width of the blocked factorization. */
const NB = 32;
/** Rows of the trailing update per gemm call (bounds the product buffer to CHUNK·n doubles). */
const CHUNK = 64;
let packL = new Float64Array(0);
let packU = new Float64Array(0);
let prod = new Float64Array(0);

/**
 * Unvalidated in-place kernel on a row-major n×n array; fills `pivots` (row i of P A is row
 * pivots[i] of A) and returns det(P). Large matrices use the blocked right-looking form
 * (LAPACK dgetrf: panel factorization, triangular solve for the U block row, trailing update
 * A₂₂ −= L₂₁U₁₂ as a matrix product on the shared gemm kernel, WebAssembly SIMD where
 * available); small ones the unblocked kernel. Both choose the same pivots in exact arithmetic.
 */
export function luKernel(d: Float64Array, n: number, pivots: Int32Array): number {
  return n < BLOCKED_MIN ? luUnblocked(d, n, pivots) : luBlocked(d, n, pivots);
}

function luBlocked(d: Float64Array, n: number, pivots: Int32Array): number {
  for (let i = 0; i < n; i++) pivots[i] = i;
  let sign = 1;
  if (packL.length < n * NB) packL = new Float64Array(n * NB);
  if (packU.length < n * NB) packU = new Float64Array(n * NB);
  if (prod.length < n * CHUNK) prod = new Float64Array(n * CHUNK);
  for (let kb = 0; kb < n; kb += NB) {
    const b = Math.min(NB, n - kb);
    const ke = kb + b;
    // Panel: unblocked elimination on columns kb..ke−1, rows kb..n−1, with full-row swaps.
    for (let k = kb; k < ke; k++) {
      sign *= pivotRow(d, n, k, pivots);
      const ok = k * n;
      const ukk = d[ok + k];
      if (ukk === 0) continue;
      const inv = 1 / ukk;
      for (let i = k + 1; i < n; i++) {
        const oi = i * n;
        const lik = d[oi + k] * inv;
        d[oi + k] = lik;
        if (lik === 0) continue;
        for (let j = k + 1; j < ke; j++) d[oi + j] -= lik * d[ok + j];
      }
    }
    const n2 = n - ke;
    if (n2 === 0) break;
    // U₁₂ = L₁₁⁻¹ A₁₂ (unit lower, forward substitution on whole rows).
    for (let i = kb + 1; i < ke; i++) {
      const oi = i * n;
      for (let k = kb; k < i; k++) {
        const lik = d[oi + k];
        if (lik === 0) continue;
        const ok = k * n;
        for (let j = ke; j < n; j++) d[oi + j] -= lik * d[ok + j];
      }
    }
    // Pack U₁₂ (b×n2) once; the trailing rows go through in chunks against it.
    for (let r = 0; r < b; r++) packU.set(d.subarray((kb + r) * n + ke, (kb + r + 1) * n), r * n2);
    for (let i0 = ke; i0 < n; i0 += CHUNK) {
      const m2 = Math.min(CHUNK, n - i0);
      for (let r = 0; r < m2; r++)
        packL.set(d.subarray((i0 + r) * n + kb, (i0 + r) * n + ke), r * b);
      // gemm declines (returns false) when an operand overflowed to ±Infinity or NaN; the
      // plain loop then carries the non-finite values into U the way the unblocked kernel would.
      if ((gemmDispatch(false, false, m2, n2, b, packL, packU, prod) as unknown) === false)
        directProduct(m2, n2, b, packL, packU, prod);
      for (let r = 0; r < m2; r++) {
        const oi = (i0 + r) * n + ke;
        const op = r * n2;
        for (let j = 0; j < n2; j++) d[oi + j] -= prod[op + j];
      }
    }
  }
  return sign;
}

/** prod = L·U for packed row-major L (m×k) and U (k×n), by plain i-k-j loops. */
function directProduct(
  m: number,
  n: number,
  k: number,
  l: Float64Array,
  u: Float64Array,
  out: Float64Array,
): void {
  out.fill(0, 0, m * n);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++) {
      const lip = l[i * k + p];
      for (let j = 0; j < n; j++) out[i * n + j] += lip * u[p * n + j];
    }
}

/**
 * Unblocked kernel.
 *
 * Pivot columns are taken in pairs: column k+1 is brought up to date (and its pivot chosen)
 * before the trailing block is touched, so the trailing rows receive one fused rank-2 update
 * (two multiply-adds per load and store) instead of two rank-1 sweeps. Same pivots and same
 * arithmetic per entry as the textbook order, in half the memory traffic.
 */
function luUnblocked(d: Float64Array, n: number, pivots: Int32Array): number {
  for (let i = 0; i < n; i++) pivots[i] = i;
  let sign = 1;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const k1 = k + 1;
    sign *= pivotRow(d, n, k, pivots);
    const ok = k * n;
    const ok1 = k1 * n;
    const ukk = d[ok + k];
    // Column k's multipliers and the update of column k+1 only.
    if (ukk !== 0) {
      const inv = 1 / ukk;
      const u = d[ok + k1];
      for (let i = k1; i < n; i++) {
        const oi = i * n;
        const lik = d[oi + k] * inv;
        d[oi + k] = lik;
        d[oi + k1] -= lik * u;
      }
    }
    sign *= pivotRow(d, n, k1, pivots);
    const u1 = d[ok1 + k1];
    const inv1 = u1 !== 0 ? 1 / u1 : 0;
    // Row k+1 gets its pending update from row k.
    const l1k = d[ok1 + k];
    if (l1k !== 0) for (let j = k1 + 1; j < n; j++) d[ok1 + j] -= l1k * d[ok + j];
    for (let i = k1 + 1; i < n; i++) {
      const oi = i * n;
      const lik = d[oi + k];
      const lik1 = d[oi + k1] * inv1;
      d[oi + k1] = lik1;
      if (lik === 0 && lik1 === 0) continue;
      for (let j = k1 + 1; j < n; j++) d[oi + j] -= lik * d[ok + j] + lik1 * d[ok1 + j];
    }
  }
  if (k < n) sign *= pivotRow(d, n, k, pivots);
  return sign;
}

/** Partial pivoting on column k (rows k..n−1): swap the largest entry up; returns ±1. */
function pivotRow(d: Float64Array, n: number, k: number, pivots: Int32Array): number {
  let p = k;
  let maxAbs = Math.abs(d[k * n + k]);
  for (let i = k + 1; i < n; i++) {
    const v = Math.abs(d[i * n + k]);
    if (v > maxAbs) {
      maxAbs = v;
      p = i;
    }
  }
  if (p === k) return 1;
  const ok = k * n;
  const op = p * n;
  for (let j = 0; j < n; j++) {
    const t = d[ok + j];
    d[ok + j] = d[op + j];
    d[op + j] = t;
  }
  const t = pivots[k];
  pivots[k] = pivots[p];
  pivots[p] = t;
  return -1;
}

/**
 * Unvalidated kernel: overwrite the row-major n×m right-hand sides `x` (already permuted,
 * x = P b) with U⁻¹ L⁻¹ x, using the packed factor `f`.
 */
export function luSolveKernel(f: Float64Array, n: number, x: Float64Array, m: number): void {
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    const xi = i * m;
    for (let k = 0; k < i; k++) {
      const lik = f[oi + k];
      if (lik === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xi + c] -= lik * x[xk + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const oi = i * n;
    const xi = i * m;
    for (let k = i + 1; k < n; k++) {
      const uik = f[oi + k];
      if (uik === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xi + c] -= uik * x[xk + c];
    }
    const inv = 1 / f[oi + i];
    for (let c = 0; c < m; c++) x[xi + c] *= inv;
  }
}

/**
 * Index of the first pivot that is singular to working precision, |u_kk| ≤ eps·max|a_ij|,
 * or -1. Setting such a pivot to zero changes P A by l_k·u_kk·e_kᵀ (|l_ik| ≤ 1), a relative
 * perturbation of order eps, so A is indistinguishable from a singular matrix.
 */
export function singularPivot(f: Float64Array, n: number, maxAbsA: number): number {
  const threshold = Number.EPSILON * maxAbsA;
  for (let k = 0; k < n; k++) {
    const u = f[k * n + k];
    if (!(Math.abs(u) > threshold)) return k;
  }
  return -1;
}

// Largest factor kept in the reusable work buffer (256×256 doubles = 512 KiB).
const SCRATCH_MAX = 256 * 256;
let scratch = new Float64Array(0);

/**
 * A copy of `src` in a module-level work buffer when it is small, else a fresh copy. Fresh
 * 32 KiB+ typed arrays cost as much as a 64×64 factorization in V8 (external backing stores),
 * and the factor of solve/inverse/det never escapes, so it can live in a reused buffer.
 * Safe because these kernels never call back into user code while the buffer is in use.
 */
export function workCopy(src: Float64Array): Float64Array {
  const len = src.length;
  if (len > SCRATCH_MAX) return src.slice();
  if (scratch.length < len)
    scratch = new Float64Array(Math.max(len, Math.min(SCRATCH_MAX, 2 * scratch.length)));
  const w = scratch.subarray(0, len);
  w.set(src);
  return w;
}

/** max |a_ij| (used to scale the singularity threshold). */
export function maxAbs(d: Float64Array): number {
  let m = 0;
  for (let i = 0; i < d.length; i++) {
    const v = Math.abs(d[i]);
    if (v > m) m = v;
  }
  return m;
}
