// Matrix exponential by Padé scaling and squaring (Higham, SIAM J. Matrix Anal. Appl. 26(4), 2005; scaling choice of Al-Mohy & Higham, SIAM J. Matrix Anal. Appl. 31(3), 2009).
import { NonFiniteError, SingularMatrixError } from './errors.js';
import { matmul } from './matmul.js';
import type { Matrix } from './matrix.js';
import { assertSquare } from './validate.js';

// θ_m: the largest ‖A‖ for which the [m/m] Padé approximant has backward error ≤ 2⁻⁵³
// (Higham 2005, Table 2.3).
const THETA: Record<number, number> = {
  3: 1.495585217958292e-2,
  5: 2.53939833006323e-1,
  7: 9.504178996162932e-1,
  9: 2.097847961257068,
  13: 5.371920351148152,
};

// Coefficients b_j of the numerator p_m(x) = Σ b_j x^j of the [m/m] Padé approximant of eˣ.
const B3 = [120, 60, 12, 1];
const B5 = [30240, 15120, 3360, 420, 30, 1];
const B7 = [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1];
const B9 = [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1];
const B13 = [
  64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
  10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
];

const UNIT_ROUNDOFF = 2 ** -53;

function mat(n: number, data: Float64Array): Matrix {
  return { rows: n, cols: n, data };
}

function oneNorm(a: Float64Array, n: number, colSums: Float64Array): number {
  colSums.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) colSums[j] += Math.abs(a[o + j]);
  }
  let m = 0;
  for (let j = 0; j < n; j++) if (colSums[j] > m) m = colSums[j];
  return m;
}

/** y = M x (row-major n×n). */
function mv(m: Float64Array, n: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const o = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += m[o + j] * x[j];
    y[i] = s;
  }
}

/** y = Mᵀ x (row-major n×n). */
function mtv(m: Float64Array, n: number, x: Float64Array, y: Float64Array): void {
  y.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * n;
    const xi = x[i];
    if (xi === 0) continue;
    for (let j = 0; j < n; j++) y[j] += m[o + j] * xi;
  }
}

/**
 * Lower estimate of ‖P Q‖₁ without forming the product: Hager's (1984) method as
 * refined by Higham (1988), at most 5 steps of n² work each. The scaling choice only
 * needs it within a small factor.
 */
function productNormEst(p: Float64Array, q: Float64Array, n: number, w: Float64Array): number {
  const x = w.subarray(0, n);
  const y = w.subarray(n, 2 * n);
  const t = w.subarray(2 * n, 3 * n);
  x.fill(1 / n);
  let est = 0;
  let lastJ = -1;
  for (let it = 0; it < 5; it++) {
    mv(q, n, x, t);
    mv(p, n, t, y);
    let e = 0;
    for (let i = 0; i < n; i++) e += Math.abs(y[i]);
    if (e <= est && it > 0) break;
    est = e;
    for (let i = 0; i < n; i++) y[i] = y[i] >= 0 ? 1 : -1;
    mtv(p, n, y, t);
    mtv(q, n, t, x); // x = (PQ)ᵀ sign(PQ x)
    let j = 0;
    let zmax = -1;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(x[i]);
      if (v > zmax) {
        zmax = v;
        j = i;
      }
    }
    if (j === lastJ) break;
    lastJ = j;
    x.fill(0);
    x[j] = 1;
  }
  return est;
}

/**
 * log₂ ‖|A|^p‖₁ (given |A|) computed exactly (|A| is nonnegative, so the 1-norm of its power is
 * the largest entry of 1ᵀ|A|^p) with renormalization so that it never overflows.
 */
function log2AbsPowerNorm(absA: Float64Array, n: number, p: number, w: Float64Array): number {
  let v = w.subarray(0, n);
  let u = w.subarray(n, 2 * n);
  v.fill(1);
  let logScale = 0;
  for (let k = 0; k < p; k++) {
    u.fill(0);
    for (let i = 0; i < n; i++) {
      const vi = v[i];
      if (vi === 0) continue;
      const o = i * n;
      for (let j = 0; j < n; j++) u[j] += vi * absA[o + j];
    }
    let m = 0;
    for (let j = 0; j < n; j++) if (u[j] > m) m = u[j];
    if (m === 0) return Number.NEGATIVE_INFINITY;
    const e = Math.floor(Math.log2(m));
    const f = 2 ** -e;
    for (let j = 0; j < n; j++) u[j] *= f;
    logScale += e;
    const t = v;
    v = u;
    u = t;
  }
  let m = 0;
  for (let j = 0; j < n; j++) if (v[j] > m) m = v[j];
  return logScale + Math.log2(m);
}

/** |c_{2m+1}| = (m!)² / ((2m)! (2m+1)!), the leading coefficient of the Padé error. */
function padeErrorCoefficient(m: number): number {
  let c = 1;
  for (let i = 1; i <= m; i++) c *= i / (m + i); // m!/(2m)!·m! = Π i/(m+i)
  for (let i = 1; i <= 2 * m + 1; i++) c /= i;
  return c;
}

/**
 * Extra squarings ℓ(A, m) of Al-Mohy & Higham (2009, eq. (5.1)) that keep the relative
 * backward error of r_m(2^{-s}A) near the unit roundoff when ‖A‖ grossly overestimates
 * the decay of ‖A^k‖ (non-normal A), given log₂‖|A|^{2m+1}‖₁ and log₂‖A‖₁ for the
 * scaled A.
 */
function ell(log2AbsPow: number, log2Norm: number, m: number): number {
  if (!Number.isFinite(log2AbsPow)) return 0;
  const log2Alpha = Math.log2(padeErrorCoefficient(m)) + log2AbsPow - log2Norm;
  return Math.max(Math.ceil((log2Alpha - Math.log2(UNIT_ROUNDOFF)) / (2 * m)), 0);
}

/**
 * r_m = (V − U)⁻¹(V + U), formed as I + 2 (V − U)⁻¹ U in place of `u`, with LU and
 * partial pivoting: the identity is added after the solve instead of being carried
 * through it, which avoids rounding the small correction against the large V.
 */
function padeSolve(u: Float64Array, v: Float64Array, n: number): void {
  for (let i = 0; i < n * n; i++) {
    v[i] -= u[i];
    u[i] *= 2;
  }
  const lu = v;
  const x = u;
  for (let k = 0; k < n; k++) {
    let p = k;
    let pmax = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const val = Math.abs(lu[i * n + k]);
      if (val > pmax) {
        pmax = val;
        p = i;
      }
    }
    if (pmax === 0)
      throw new SingularMatrixError('expm(): the Padé denominator is singular (pivot 0)', k);
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j];
        lu[k * n + j] = lu[p * n + j];
        lu[p * n + j] = t;
        const s = x[k * n + j];
        x[k * n + j] = x[p * n + j];
        x[p * n + j] = s;
      }
    }
    const ok = k * n;
    const inv = 1 / lu[ok + k];
    for (let i = k + 1; i < n; i++) {
      const oi = i * n;
      const l = lu[oi + k] * inv;
      if (l === 0) continue;
      lu[oi + k] = l;
      for (let j = k + 1; j < n; j++) lu[oi + j] -= l * lu[ok + j];
      for (let j = 0; j < n; j++) x[oi + j] -= l * x[ok + j];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const oi = i * n;
    for (let k = i + 1; k < n; k++) {
      const f = lu[oi + k];
      if (f === 0) continue;
      const ok = k * n;
      for (let j = 0; j < n; j++) x[oi + j] -= f * x[ok + j];
    }
    const inv = 1 / lu[oi + i];
    for (let j = 0; j < n; j++) x[oi + j] *= inv;
  }
  for (let i = 0; i < n; i++) x[i * n + i] += 1;
}

/**
 * U = A·Σ b_{2j+1} A^{2j} and V = Σ b_{2j} A^{2j} for the [m/m] Padé approximant,
 * m ∈ {3, 5, 7, 9}, given the even powers A², A⁴, A⁶ (A⁸ is formed when needed).
 */
function padeLow(
  m: number,
  a: Float64Array,
  pows: Float64Array[],
  n: number,
  u: Float64Array,
  v: Float64Array,
  tmp: Float64Array,
): void {
  const b = m === 3 ? B3 : m === 5 ? B5 : m === 7 ? B7 : B9;
  const half = (m - 1) / 2; // highest even power index used: A^{2·half}
  tmp.fill(0);
  v.fill(0);
  for (let i = 0; i < n; i++) {
    tmp[i * n + i] = b[1];
    v[i * n + i] = b[0];
  }
  for (let k = 1; k <= half; k++) {
    const p = pows[k - 1];
    const bo = b[2 * k + 1];
    const be = b[2 * k];
    for (let i = 0; i < n * n; i++) {
      tmp[i] += bo * p[i];
      v[i] += be * p[i];
    }
  }
  matmul(mat(n, a), mat(n, tmp), mat(n, u));
}

/**
 * The matrix exponential e^A of a general real square matrix: Padé approximants of
 * degree 3, 5, 7, 9 or 13 with scaling and squaring (Higham 2005), with the number of
 * squarings chosen from ‖A^k‖^{1/k} and the ℓ correction of Al-Mohy & Higham (2009),
 * the algorithm of `scipy.linalg.expm`, so non-normal matrices are not overscaled.
 * Costs about 6–7 products plus one per squaring and one LU solve.
 *
 * @param a - square, finite (not modified)
 * @returns e^a
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity, or e^a overflows float64
 * @example
 * expm(zeros(2)) // => [[1, 0], [0, 1]]
 * expm(fromRows([[0, 1], [0, 0]])) // => [[1, 1], [0, 1]]
 * expm(fromRows([[0, -Math.PI / 2], [Math.PI / 2, 0]])) // => ~[[0, -1], [1, 0]]
 * expm(diag([1, 2])).data[3] // => ~7.389056
 */
export function expm(a: Matrix): Matrix {
  assertSquare('expm', 'a', a);
  const n = a.rows;
  const nn = n * n;
  if (n === 0) return mat(0, new Float64Array(0));
  if (isDiagonal(a.data, n)) {
    // exp acts entrywise on a diagonal: exact to one rounding, as SciPy does too
    const out = new Float64Array(nn);
    for (let i = 0; i < n; i++) out[i * n + i] = Math.exp(a.data[i * n + i]);
    return finish(out, n, oneNorm(a.data, n, new Float64Array(n)));
  }
  const work = new Float64Array(3 * n);
  const a0 = new Float64Array(a.data);
  const norm0 = oneNorm(a0, n, work);
  // Above 2⁶⁴ the powers A², A⁴, A⁶ below could overflow before any scaling is
  // chosen: halve A exactly `pre` times first and square that many more times at the
  // end (only matrices whose exponential overflows anyway, or a nilpotent/strongly
  // decaying one, get here).
  const pre = norm0 > 2 ** 64 ? Math.ceil(Math.log2(norm0)) - 64 : 0;
  if (pre > 0) {
    const f = 2 ** -pre;
    for (let i = 0; i < nn; i++) a0[i] *= f;
  }
  const norm = norm0 * 2 ** -pre;
  const a2 = matmul(mat(n, a0), mat(n, a0)).data;
  const a4 = matmul(mat(n, a2), mat(n, a2)).data;
  const a6 = matmul(mat(n, a2), mat(n, a4)).data;
  const d4 = oneNorm(a4, n, work) ** 0.25;
  const d6 = oneNorm(a6, n, work) ** (1 / 6);
  const log2Norm = Math.log2(norm);
  const absA = a0.map(Math.abs);
  const u = new Float64Array(nn);
  const v = new Float64Array(nn);
  const tmp = new Float64Array(nn);

  const eta1 = Math.max(d4, d6);
  let m = 0;
  if (eta1 <= THETA[3] && ell(log2AbsPowerNorm(absA, n, 7, work), log2Norm, 3) === 0) m = 3;
  else if (eta1 <= THETA[5] && ell(log2AbsPowerNorm(absA, n, 11, work), log2Norm, 5) === 0) m = 5;
  let d8 = 0;
  if (m === 0) {
    d8 = productNormEst(a4, a4, n, work) ** (1 / 8);
    const eta3 = Math.max(d6, d8);
    if (eta3 <= THETA[7] && ell(log2AbsPowerNorm(absA, n, 15, work), log2Norm, 7) === 0) m = 7;
    else if (eta3 <= THETA[9] && ell(log2AbsPowerNorm(absA, n, 19, work), log2Norm, 9) === 0) m = 9;
  }
  if (m !== 0) {
    const pows = [a2, a4, a6];
    if (m === 9) pows.push(matmul(mat(n, a4), mat(n, a4)).data);
    padeLow(m, a0, pows, n, u, v, tmp);
    padeSolve(u, v, n);
    return square(u, v, n, pre, norm0);
  }

  const eta4 = Math.max(d8, productNormEst(a4, a6, n, work) ** 0.1);
  const eta5 = Math.min(Math.max(d6, d8), eta4);
  let s = Math.max(Math.ceil(Math.log2(eta5 / THETA[13])), 0);
  s += ell(log2AbsPowerNorm(absA, n, 27, work) - 27 * s, log2Norm - s, 13);
  // scaling by 2^{-s} is exact, so the powers are rescaled instead of recomputed
  const f1 = 2 ** -s;
  const f2 = f1 * f1;
  const f4 = f2 * f2;
  const f6 = f4 * f2;
  for (let i = 0; i < nn; i++) {
    a0[i] *= f1;
    a2[i] *= f2;
    a4[i] *= f4;
    a6[i] *= f6;
  }
  // U = A[A6(b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]
  // V = A6(b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I
  const b = B13;
  for (let i = 0; i < nn; i++) tmp[i] = b[13] * a6[i] + b[11] * a4[i] + b[9] * a2[i];
  matmul(mat(n, a6), mat(n, tmp), mat(n, u));
  for (let i = 0; i < nn; i++) u[i] += b[7] * a6[i] + b[5] * a4[i] + b[3] * a2[i];
  for (let i = 0; i < n; i++) u[i * n + i] += b[1];
  matmul(mat(n, a0), mat(n, u), mat(n, tmp));
  for (let i = 0; i < nn; i++) v[i] = b[12] * a6[i] + b[10] * a4[i] + b[8] * a2[i];
  matmul(mat(n, a6), mat(n, v), mat(n, u));
  for (let i = 0; i < nn; i++) v[i] = u[i] + b[6] * a6[i] + b[4] * a4[i] + b[2] * a2[i];
  for (let i = 0; i < n; i++) v[i * n + i] += b[0];
  u.set(tmp);
  padeSolve(u, v, n);
  return square(u, v, n, s + pre, norm0);
}

/** x^(2^s) by repeated squaring, ping-ponging between `x` and the scratch `y`. */
function square(x: Float64Array, y: Float64Array, n: number, s: number, norm: number): Matrix {
  for (let k = 0; k < s; k++) {
    assertNoOverflow(x, n * n, norm);
    matmul(mat(n, x), mat(n, x), mat(n, y));
    const t = x;
    x = y;
    y = t;
  }
  return finish(x, n, norm);
}

function isDiagonal(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) if (i !== j && a[o + j] !== 0) return false;
  }
  return true;
}

function assertNoOverflow(x: Float64Array, len: number, norm: number): void {
  for (let i = 0; i < len; i++) {
    const t = x[i];
    if (t - t !== 0)
      throw new NonFiniteError(
        `expm(): e^a overflows float64 (‖a‖₁ = ${norm.toExponential(3)})`,
        i,
      );
  }
}

function finish(x: Float64Array, n: number, norm: number): Matrix {
  assertNoOverflow(x, n * n, norm);
  return mat(n, x);
}
