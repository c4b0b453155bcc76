// Real Schur form by the Francis implicit double-shift QR algorithm (Golub & Van Loan, Matrix Computations, 4th ed., §7.5, Alg. 7.5.2).
import { checkInteger, checkOptions } from './validate-arguments.js';
import { ConvergenceError } from './errors.js';
import { hessenbergInPlace } from './hessenberg.js';
import type { Matrix } from './matrix.js';
import { assertSquare, throwIfAborted } from './validate.js';

const EPS = 2 ** -52;
const SAFMIN = 2 ** -1022;

function signOf(x: number): number {
  return x >= 0 ? 1 : -1;
}

/**
 * Standardize the real 2×2 block [[a, b], [c, d]] by a rotation G = [[cs, −sn], [sn, cs]]
 * so that Gᵀ [[a, b], [c, d]] G is upper triangular (real eigenvalues) or has equal
 * diagonal entries and b·c < 0 (complex pair). Writes
 * `out = [a, b, c, d, cs, sn, re1, im1, re2, im2]` with `im1 ≥ 0`.
 * @internal
 */
export function standardize2x2(
  a: number,
  b: number,
  c: number,
  d: number,
  out: Float64Array,
): void {
  let cs = 1;
  let sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    // a quarter turn swaps the diagonal and moves c above it
    cs = 0;
    sn = 1;
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d === 0 && signOf(b) !== signOf(c)) {
    // already standardized complex pair
  } else {
    const diff = a - d;
    let p = 0.5 * diff;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * signOf(b) * signOf(c);
    const scale = Math.max(Math.abs(p), bcmax);
    // z = (p² + bc)/scale, the scaled discriminant, formed without overflow
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= 4 * EPS) {
      // well-separated real eigenvalues: rotate onto the eigenvector of d + z, where
      // z takes the sign of p so that no cancellation happens in p ± √(p² + bc)
      z = p + signOf(p) * Math.sqrt(scale) * Math.sqrt(z);
      a = d + z;
      d -= (bcmax / z) * bcmis;
      const tau = Math.hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b -= c; // b − c is invariant under rotations
      c = 0;
    } else {
      // complex or nearly equal eigenvalues: the rotation by θ with
      // tan 2θ = −(a − d)/(b + c) equalizes the diagonal; |cos 2θ| is taken ≥ 0
      // so that cs ≥ 1/√2 and sn is formed without cancellation
      const sigma = b + c;
      const tau = Math.hypot(sigma, diff);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * signOf(sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const mid = 0.5 * (a + d);
      a = mid;
      d = mid;
      if (c !== 0) {
        if (b === 0) {
          b = -c;
          c = 0;
          const t = cs;
          cs = -sn;
          sn = t;
        } else if (signOf(b) === signOf(c)) {
          // real after all (b·c > 0): one more rotation onto the eigenvector (√|b|, √|c|)
          const sab = Math.sqrt(Math.abs(b));
          const sac = Math.sqrt(Math.abs(c));
          p = signOf(c) * sab * sac;
          const inv = 1 / Math.sqrt(Math.abs(b + c));
          a = mid + p;
          d = mid - p;
          b -= c;
          c = 0;
          const cs1 = sab * inv;
          const sn1 = sac * inv;
          const t = cs * cs1 - sn * sn1;
          sn = cs * sn1 + sn * cs1;
          cs = t;
        }
      }
    }
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
  out[4] = cs;
  out[5] = sn;
  out[6] = a;
  out[8] = d;
  if (c === 0) {
    out[7] = 0;
    out[9] = 0;
  } else {
    const im = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    out[7] = im;
    out[9] = -im;
  }
}

function deflate2x2(
  h: Float64Array,
  n: number,
  qt: Float64Array | null,
  wantT: boolean,
  k: number,
  re: Float64Array,
  im: Float64Array,
  blk: Float64Array,
): void {
  const k1 = k + 1;
  standardize2x2(h[k * n + k], h[k * n + k1], h[k1 * n + k], h[k1 * n + k1], blk);
  h[k * n + k] = blk[0];
  h[k * n + k1] = blk[1];
  h[k1 * n + k] = blk[2];
  h[k1 * n + k1] = blk[3];
  re[k] = blk[6];
  im[k] = blk[7];
  re[k1] = blk[8];
  im[k1] = blk[9];
  const cs = blk[4];
  const sn = blk[5];
  if (cs === 1 && sn === 0) return;
  if (wantT) {
    const r0 = k * n;
    const r1 = k1 * n;
    for (let j = k + 2; j < n; j++) {
      const x = h[r0 + j];
      const y = h[r1 + j];
      h[r0 + j] = cs * x + sn * y;
      h[r1 + j] = cs * y - sn * x;
    }
    for (let i = 0; i < k; i++) {
      const o = i * n + k;
      const x = h[o];
      const y = h[o + 1];
      h[o] = cs * x + sn * y;
      h[o + 1] = cs * y - sn * x;
    }
  }
  if (qt !== null) {
    const r0 = k * n;
    const r1 = k1 * n;
    for (let j = 0; j < n; j++) {
      const x = qt[r0 + j];
      const y = qt[r1 + j];
      qt[r0 + j] = cs * x + sn * y;
      qt[r1 + j] = cs * y - sn * x;
    }
  }
}

/**
 * Francis double-shift QR on the upper Hessenberg `h` (n×n row-major, overwritten).
 * With `wantT` the whole of `h` becomes the real Schur form T (standardized 2×2
 * blocks); without it only the eigenvalues are computed and `h` is left partly
 * updated. `qt`, when given, holds Qᵀ and is pre-multiplied by every transformation's
 * transpose (Q is kept transposed so that its updates run along contiguous rows). Eigenvalues
 * go to `re`/`im` in diagonal order (conjugate pairs adjacent, positive imaginary
 * part first); on a budget overrun the first `unreduced` of them are not computed.
 * Trusts its inputs.
 * @internal
 */
export function francisInPlace(
  h: Float64Array,
  n: number,
  qt: Float64Array | null,
  wantT: boolean,
  re: Float64Array,
  im: Float64Array,
  maxSweeps: number,
  fn = 'schur',
  signal?: AbortSignal,
): { converged: boolean; iterations: number; unreduced: number } {
  const smlnum = SAFMIN * (n / EPS);
  const blk = new Float64Array(10);
  let hi = n - 1;
  let its = 0;
  let total = 0;
  while (hi >= 0) {
    // look for a negligible subdiagonal entry h[l][l−1] (l ≤ hi)
    let l = hi;
    for (; l > 0; l--) {
      const sub = Math.abs(h[l * n + l - 1]);
      if (sub <= smlnum) break;
      const hll = h[l * n + l];
      const hpp = h[(l - 1) * n + l - 1];
      let tst = Math.abs(hpp) + Math.abs(hll);
      if (tst === 0) {
        if (l >= 2) tst += Math.abs(h[(l - 1) * n + l - 2]);
        if (l + 1 <= hi) tst += Math.abs(h[(l + 1) * n + l]);
      }
      if (sub <= EPS * tst) {
        // Ahues & Tisseur (1997): deflate only when it perturbs eigenvalues by no more
        // than the backward error eps·‖H‖ would, which keeps small eigenvalues accurate
        const up = Math.abs(h[(l - 1) * n + l]);
        const ab = Math.max(sub, up);
        const ba = Math.min(sub, up);
        const dd = Math.abs(hpp - hll);
        const aa = Math.max(Math.abs(hll), dd);
        const bb = Math.min(Math.abs(hll), dd);
        const s = aa + ab;
        if (ba * (ab / s) <= Math.max(smlnum, EPS * (bb * (aa / s)))) break;
      }
    }
    if (l > 0) h[l * n + l - 1] = 0;
    if (l === hi) {
      re[hi] = h[hi * n + hi];
      im[hi] = 0;
      hi -= 1;
      its = 0;
      continue;
    }
    if (l === hi - 1) {
      deflate2x2(h, n, qt, wantT, l, re, im, blk);
      hi -= 2;
      its = 0;
      continue;
    }
    if (total >= maxSweeps) return { converged: false, iterations: total, unreduced: hi + 1 };
    // an abort check every 16 sweeps costs nothing next to an O(n²) sweep
    if ((total & 15) === 0) throwIfAborted(fn, signal);
    its++;
    total++;

    // shifts: eigenvalues of the trailing 2×2 block, or exceptional ones (GVL §7.5.6)
    // every 10 sweeps without deflation, to break cycles such as permutation matrices
    let h11: number;
    let h12: number;
    let h21: number;
    let h22: number;
    if (its % 20 === 10) {
      const s = Math.abs(h[(l + 1) * n + l]) + Math.abs(h[(l + 2) * n + l + 1]);
      h11 = 0.75 * s + h[l * n + l];
      h12 = -0.4375 * s;
      h21 = s;
      h22 = h11;
    } else if (its % 20 === 0) {
      const s = Math.abs(h[hi * n + hi - 1]) + Math.abs(h[(hi - 1) * n + hi - 2]);
      h11 = 0.75 * s + h[hi * n + hi];
      h12 = -0.4375 * s;
      h21 = s;
      h22 = h11;
    } else {
      h11 = h[(hi - 1) * n + hi - 1];
      h12 = h[(hi - 1) * n + hi];
      h21 = h[hi * n + hi - 1];
      h22 = h[hi * n + hi];
    }
    // first column of (H − σ₁I)(H − σ₂I) divided by s = |h_ll − σ-ish| + |h[l+1][l]|:
    // every product below has a factor ≤ 1, so nothing overflows, and the differences
    // keep it accurate when the shifts are close to h[l][l]
    const hll = h[l * n + l];
    const h10 = h[(l + 1) * n + l];
    const sc = Math.abs(hll - h22) + Math.abs(h10);
    const h10s = h10 / sc;
    let x = h10s * h[l * n + l + 1] + (hll - h11) * ((hll - h22) / sc) - h21 * (h12 / sc);
    let y = h10s * (hll + h[(l + 1) * n + l + 1] - h11 - h22);
    let z = h10s * h[(l + 2) * n + l + 1];

    const jEnd = wantT ? n : hi + 1;
    const iStart = wantT ? 0 : l;
    for (let k = l; k < hi; k++) {
      const three = k < hi - 1;
      if (k > l) {
        x = h[k * n + k - 1];
        y = h[(k + 1) * n + k - 1];
        z = three ? h[(k + 2) * n + k - 1] : 0;
      }
      const scl = Math.abs(x) + Math.abs(y) + Math.abs(z);
      if (scl === 0) continue;
      const xs = x / scl;
      const ys = y / scl;
      const zs = z / scl;
      if (ys === 0 && zs === 0) continue;
      const norm = Math.sqrt(xs * xs + ys * ys + zs * zs);
      const beta = xs >= 0 ? -norm : norm;
      const tau = (beta - xs) / beta;
      const inv = 1 / (xs - beta);
      const v1 = ys * inv;
      const v2 = zs * inv;
      const r0 = k * n;
      const r1 = r0 + n;
      if (k > l) {
        h[r0 + k - 1] = beta * scl;
        h[r1 + k - 1] = 0;
        if (three) h[r1 + n + k - 1] = 0;
      }
      if (three) {
        const r2 = r1 + n;
        for (let j = k; j < jEnd; j++) {
          const a0 = h[r0 + j];
          const a1 = h[r1 + j];
          const a2 = h[r2 + j];
          const s = tau * (a0 + v1 * a1 + v2 * a2);
          h[r0 + j] = a0 - s;
          h[r1 + j] = a1 - s * v1;
          h[r2 + j] = a2 - s * v2;
        }
        const iEnd = Math.min(k + 3, hi);
        for (let i = iStart; i <= iEnd; i++) {
          const o = i * n + k;
          const a0 = h[o];
          const a1 = h[o + 1];
          const a2 = h[o + 2];
          const s = tau * (a0 + v1 * a1 + v2 * a2);
          h[o] = a0 - s;
          h[o + 1] = a1 - s * v1;
          h[o + 2] = a2 - s * v2;
        }
        if (qt !== null) {
          const r2 = r1 + n;
          for (let j = 0; j < n; j++) {
            const a0 = qt[r0 + j];
            const a1 = qt[r1 + j];
            const a2 = qt[r2 + j];
            const s = tau * (a0 + v1 * a1 + v2 * a2);
            qt[r0 + j] = a0 - s;
            qt[r1 + j] = a1 - s * v1;
            qt[r2 + j] = a2 - s * v2;
          }
        }
      } else {
        for (let j = k; j < jEnd; j++) {
          const a0 = h[r0 + j];
          const a1 = h[r1 + j];
          const s = tau * (a0 + v1 * a1);
          h[r0 + j] = a0 - s;
          h[r1 + j] = a1 - s * v1;
        }
        for (let i = iStart; i <= hi; i++) {
          const o = i * n + k;
          const a0 = h[o];
          const a1 = h[o + 1];
          const s = tau * (a0 + v1 * a1);
          h[o] = a0 - s;
          h[o + 1] = a1 - s * v1;
        }
        if (qt !== null) {
          for (let j = 0; j < n; j++) {
            const a0 = qt[r0 + j];
            const a1 = qt[r1 + j];
            const s = tau * (a0 + v1 * a1);
            qt[r0 + j] = a0 - s;
            qt[r1 + j] = a1 - s * v1;
          }
        }
      }
    }
  }
  return { converged: true, iterations: total, unreduced: 0 };
}

/**
 * Multiply `h` by a power of two (exact) so that its largest entry lies in
 * [2⁻²⁵⁰, 2²⁵⁰] when it was outside: the QR iteration forms products of two entries,
 * which must neither overflow nor underflow. Returns the exponent e applied (h ← 2ᵉh).
 * @internal
 */
export function scaleIntoRange(h: Float64Array): number {
  let m = 0;
  for (let i = 0; i < h.length; i++) {
    const v = Math.abs(h[i]);
    if (v > m) m = v;
  }
  if (m === 0 || (m >= 2 ** -250 && m <= 2 ** 250)) return 0;
  const e = -Math.floor(Math.log2(m));
  // two steps: 2^e itself may not be representable when |e| > 1023
  const f1 = 2 ** Math.trunc(e / 2);
  const f2 = 2 ** (e - Math.trunc(e / 2));
  for (let i = 0; i < h.length; i++) h[i] = h[i] * f1 * f2;
  return e;
}

/** Multiply every entry by 2^e in two exact steps. @internal */
export function scalePow2(x: Float64Array, e: number): void {
  if (e === 0) return;
  const f1 = 2 ** Math.trunc(e / 2);
  const f2 = 2 ** (e - Math.trunc(e / 2));
  for (let i = 0; i < x.length; i++) x[i] = x[i] * f1 * f2;
}

/**
 * Largest |h[i][i−1]| of the leading `unreduced` rows, scaled by 2^{−e}: how far the
 * block that did not converge is from deflating (reported in a ConvergenceError).
 * @internal
 */
export function unreducedResidual(
  h: Float64Array,
  n: number,
  unreduced: number,
  e: number,
): number {
  let m = 0;
  for (let i = 1; i < unreduced; i++) m = Math.max(m, Math.abs(h[i * n + i - 1]));
  return m * 2 ** -e;
}

/** Square row-major transpose in place. @internal */
export function transposeInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const t = a[i * n + j];
      a[i * n + j] = a[j * n + i];
      a[j * n + i] = t;
    }
}

/** Default budget of Francis sweeps for an n×n matrix (LAPACK's 30 per eigenvalue). */
export function defaultSchurSweeps(n: number): number {
  return 30 * Math.max(10, n);
}

/** Options of {@link schur}. */
export interface SchurOptions {
  /** most Francis double-shift sweeps in total (default 30·max(10, n)) */
  maxIter?: number;
  /** throw a ConvergenceError instead of reporting `converged: false` */
  strict?: boolean;
  /** cancels the iteration (an AbortError is thrown) */
  signal?: AbortSignal;
}

/** Result of {@link schur}: `a = q t qᵀ`. */
export interface SchurResult {
  /** quasi-upper-triangular real Schur form with standardized 2×2 blocks */
  t: Matrix;
  /** orthogonal Schur vectors */
  q: Matrix;
  /** eigenvalues in diagonal order, real parts */
  re: Float64Array;
  /** eigenvalues in diagonal order, imaginary parts (conjugate pairs adjacent, + first) */
  im: Float64Array;
  /** Francis sweeps used */
  iterations: number;
  /** false only when the sweep budget ran out (then `t` is not fully reduced) */
  converged: boolean;
}

/**
 * Real Schur decomposition `a = q t qᵀ`: `q` orthogonal, `t` quasi-upper-triangular
 * with 1×1 blocks (real eigenvalues) and standardized 2×2 blocks
 * `[[α, β], [γ, α]]` with `β·γ < 0` (the complex pair `α ± i√(−βγ)`), as LAPACK's
 * `dhseqr` and `scipy.linalg.schur` produce. Householder reduction to Hessenberg
 * form, then Francis implicit double-shift QR with Ahues–Tisseur deflation and
 * exceptional shifts. No balancing (it would make `q` non-orthogonal).
 *
 * @param a - square, finite (not modified)
 * @param options - `maxIter` (total sweeps, default 30·max(10, n)), `strict`, `signal`
 * @returns `{ t, q, re, im, iterations, converged }`
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @throws {ConvergenceError} with `strict: true` when the sweep budget runs out
 * @throws {AbortError} when `signal` is aborted
 * @example
 * const { t, q } = schur(fromRows([[0, -2], [1, 0]]));
 * t.data[0] - t.data[3] // => 0
 * t.data[1] * t.data[2] // => ~-2
 * schur(fromRows([[1, 2], [0, 3]])).t // => [[1, 2], [0, 3]]
 */
export function schur(a: Matrix, optionsIn: SchurOptions = {}): SchurResult {
  const options: SchurOptions = checkOptions('schur', 'options', optionsIn);
  assertSquare('schur', 'a', a);
  const n = a.rows;
  const maxIter = options.maxIter ?? defaultSchurSweeps(n);
  checkInteger('schur', 'maxIter', maxIter, 0);
  const h = new Float64Array(a.data);
  const q = new Float64Array(n * n);
  const e = scaleIntoRange(h);
  hessenbergInPlace(h, n, q, new Float64Array(3 * n));
  transposeInPlace(q, n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const { converged, iterations, unreduced } = francisInPlace(
    h,
    n,
    q,
    true,
    re,
    im,
    maxIter,
    'schur',
    options.signal,
  );
  transposeInPlace(q, n);
  scalePow2(h, -e);
  scalePow2(re, -e);
  scalePow2(im, -e);
  if (!converged && options.strict)
    throw new ConvergenceError(
      `schur(): Francis QR did not converge in ${iterations} sweeps (maxIter ${maxIter})`,
      { iterations, residual: unreducedResidual(h, n, unreduced, 0) },
    );
  return {
    t: { rows: n, cols: n, data: h },
    q: { rows: n, cols: n, data: q },
    re,
    im,
    iterations,
    converged,
  };
}
