// Golub–Kahan–Reinsch SVD kernels: Householder bidiagonalization and implicit-shift QR on the
// bidiagonal (Golub & Van Loan, Matrix Computations, 4th ed., §8.6, Algorithms 5.4.2 and 8.6.1–2).
// Internal layer: inputs are trusted. Singular vectors are kept TRANSPOSED (row i = vector i)
// so every plane rotation touches two contiguous rows. These are the TypeScript twins of
// assembly/bidiagonal.ts and assembly/bdsqr.ts (dot products in the same two lanes): both
// backends round identically.
import { pythag, SQRT_SAFMIN } from './symmetric-eigensolvers.js';

const EPS = 2.220446049250313e-16;

/**
 * Σ_{j=lo}^{hi−1} x[xo+j]·y[yo+j] in two lanes (even and odd offsets from lo, added at the end),
 * then the odd tail: the order of the WebAssembly twins.
 */
function dot2(
  x: Float64Array,
  xo: number,
  y: Float64Array,
  yo: number,
  lo: number,
  hi: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let j = lo;
  for (; j + 1 < hi; j += 2) {
    s0 += x[xo + j] * y[yo + j];
    s1 += x[xo + j + 1] * y[yo + j + 1];
  }
  let s = s0 + s1;
  if (j < hi) s += x[xo + j] * y[yo + j];
  return s;
}

/**
 * Bidiagonalize the m×n (m ≥ n) row-major `w` (overwritten): W = U_B B V_Bᵀ with B upper
 * bidiagonal (diagonal `d`, super-diagonal `f`, f[i] couples i and i+1, f[n-1] = 0).
 * Writes U_Bᵀ (its first `ur` rows, ur = n or m) into `ut` (ur×m) and V_Bᵀ into `vt` (n×n).
 */
export function bidiagonalize(
  m: number,
  n: number,
  w: Float64Array,
  d: Float64Array,
  f: Float64Array,
  ut: Float64Array | null,
  ur: number,
  vt: Float64Array | null,
  work: Float64Array,
): void {
  // betaL[k], betaR[k]: reflector coefficients; left vectors stay in column k (rows k..m-1),
  // right vectors in row k (columns k+1..n-1).
  const betaL = work.subarray(0, n);
  const betaR = work.subarray(n, 2 * n);
  const tmp = work.subarray(2 * n, 2 * n + Math.max(m, n));
  for (let k = 0; k < n; k++) {
    // Left reflector on column k, rows k..m-1.
    let scale = 0;
    for (let i = k; i < m; i++) scale += Math.abs(w[i * n + k]);
    if (scale === 0) {
      d[k] = 0;
      betaL[k] = 0;
    } else {
      let sigma = 0;
      for (let i = k; i < m; i++) {
        const x = w[i * n + k] / scale;
        w[i * n + k] = x;
        sigma += x * x;
      }
      const x0 = w[k * n + k];
      const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
      w[k * n + k] = x0 - alpha;
      const beta = 1 / (sigma - alpha * x0);
      betaL[k] = beta;
      d[k] = alpha * scale;
      // W[k:, k+1:] −= β v (vᵀ W[k:, k+1:]), accumulated row by row (contiguous).
      for (let j = k + 1; j < n; j++) tmp[j] = 0;
      for (let i = k; i < m; i++) {
        const ri = i * n;
        const vi = w[ri + k];
        if (vi === 0) continue;
        for (let j = k + 1; j < n; j++) tmp[j] += vi * w[ri + j];
      }
      for (let j = k + 1; j < n; j++) tmp[j] *= beta;
      for (let i = k; i < m; i++) {
        const ri = i * n;
        const vi = w[ri + k];
        if (vi === 0) continue;
        for (let j = k + 1; j < n; j++) w[ri + j] -= vi * tmp[j];
      }
    }
    // Right reflector on row k, columns k+1..n-1.
    if (k >= n - 2) {
      betaR[k] = 0;
      f[k] = k === n - 2 ? w[k * n + k + 1] : 0;
      continue;
    }
    const rk = k * n;
    scale = 0;
    for (let j = k + 1; j < n; j++) scale += Math.abs(w[rk + j]);
    if (scale === 0) {
      f[k] = 0;
      betaR[k] = 0;
      continue;
    }
    let sigma = 0;
    for (let j = k + 1; j < n; j++) {
      const x = w[rk + j] / scale;
      w[rk + j] = x;
      sigma += x * x;
    }
    const x0 = w[rk + k + 1];
    const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
    w[rk + k + 1] = x0 - alpha;
    const beta = 1 / (sigma - alpha * x0);
    betaR[k] = beta;
    f[k] = alpha * scale;
    // W[k+1:, k+1:] −= (W v) (β v)ᵀ
    for (let i = k + 1; i < m; i++) {
      const ri = i * n;
      const s = dot2(w, ri, w, rk, k + 1, n) * beta;
      if (s === 0) continue;
      for (let j = k + 1; j < n; j++) w[ri + j] -= s * w[rk + j];
    }
  }
  f[n - 1] = 0;
  if (ut) {
    // U_Bᵀ (first ur rows) = E_urᵀ H_{n-1} ··· H_0, by right multiplication from the last
    // reflector; rows below k are still unit rows when H_k is applied. Reflectors are taken in
    // pairs (H_k, H_{k−1}): both dot products come from one pass over the row.
    ut.fill(0);
    for (let i = 0; i < ur; i++) ut[i * m + i] = 1;
    const v1 = new Float64Array(m);
    const v2 = new Float64Array(m);
    let k = n - 1;
    for (; k >= 1; k -= 2) {
      const b1 = betaL[k];
      const b2 = betaL[k - 1];
      for (let j = k; j < m; j++) v1[j] = b1 === 0 ? 0 : w[j * n + k];
      for (let j = k - 1; j < m; j++) v2[j] = b2 === 0 ? 0 : w[j * n + k - 1];
      const v12 = dot2(v1, 0, v2, 0, k, m);
      for (let i = k; i < ur; i++) {
        const ri = i * m;
        const s1 = b1 * dot2(ut, ri, v1, 0, k, m);
        const s2 = b2 * (dot2(ut, ri, v2, 0, k, m) - s1 * v12);
        if (s1 === 0 && s2 === 0) continue;
        ut[ri + k - 1] -= s2 * v2[k - 1];
        for (let j = k; j < m; j++) ut[ri + j] -= s1 * v1[j] + s2 * v2[j];
      }
      if (b2 !== 0 && k - 1 < ur) {
        const r = (k - 1) * m;
        const s2 = b2 * v2[k - 1];
        for (let j = k - 1; j < m; j++) ut[r + j] -= s2 * v2[j];
      }
    }
    if (k === 0 && betaL[0] !== 0) {
      const beta = betaL[0];
      for (let j = 0; j < m; j++) v1[j] = w[j * n];
      for (let i = 0; i < ur; i++) {
        const ri = i * m;
        const s = dot2(ut, ri, v1, 0, 0, m) * beta;
        if (s === 0) continue;
        for (let j = 0; j < m; j++) ut[ri + j] -= s * v1[j];
      }
    }
  }
  if (vt) {
    // V_Bᵀ = G_{n-3} ··· G_0 (right reflectors stored in rows, columns k+1..), same pairing.
    vt.fill(0);
    for (let i = 0; i < n; i++) vt[i * n + i] = 1;
    let k = n - 3;
    for (; k >= 1; k -= 2) {
      const b1 = betaR[k];
      const b2 = betaR[k - 1];
      const r1 = k * n;
      const r2 = (k - 1) * n;
      const v12 = b1 !== 0 && b2 !== 0 ? dot2(w, r1, w, r2, k + 1, n) : 0;
      for (let i = k + 1; i < n; i++) {
        const ri = i * n;
        const s1 = b1 * dot2(vt, ri, w, r1, k + 1, n);
        const s2 = b2 * (dot2(vt, ri, w, r2, k + 1, n) - s1 * v12);
        if (s1 === 0 && s2 === 0) continue;
        vt[ri + k] -= s2 * w[r2 + k];
        for (let j = k + 1; j < n; j++) vt[ri + j] -= s1 * w[r1 + j] + s2 * w[r2 + j];
      }
      if (b2 !== 0) {
        const rk = k * n;
        const s2 = b2 * w[r2 + k];
        for (let j = k; j < n; j++) vt[rk + j] -= s2 * w[r2 + j];
      }
    }
    if (k === 0 && betaR[0] !== 0) {
      const beta = betaR[0];
      for (let i = 1; i < n; i++) {
        const ri = i * n;
        const s = dot2(vt, ri, w, 0, 1, n) * beta;
        if (s === 0) continue;
        for (let j = 1; j < n; j++) vt[ri + j] -= s * w[j];
      }
    }
  }
}

function rotateRows(
  z: Float64Array,
  len: number,
  i: number,
  j: number,
  c: number,
  s: number,
): void {
  // row i ← c·row i + s·row j ; row j ← −s·row i + c·row j
  const ri = i * len;
  const rj = j * len;
  for (let k = 0; k < len; k++) {
    const zi = z[ri + k];
    const zj = z[rj + k];
    z[ri + k] = c * zi + s * zj;
    z[rj + k] = c * zj - s * zi;
  }
}

/**
 * Apply rotations lo, lo+1, …, hi in order (rotation k mixes rows k and k+1 like
 * {@link rotateRows}), two per pass over a row triple: three loads and stores instead of four.
 */
function applyRotationsAscending(
  z: Float64Array,
  len: number,
  rc: Float64Array,
  rs: Float64Array,
  lo: number,
  hi: number,
): void {
  let k = lo;
  for (; k + 1 <= hi; k += 2) {
    const c1 = rc[k];
    const s1 = rs[k];
    const c2 = rc[k + 1];
    const s2 = rs[k + 1];
    const r0 = k * len;
    const r1 = r0 + len;
    const r2 = r1 + len;
    for (let j = 0; j < len; j++) {
      const z0 = z[r0 + j];
      const z1 = z[r1 + j];
      const z2 = z[r2 + j];
      z[r0 + j] = c1 * z0 + s1 * z1;
      const t = c1 * z1 - s1 * z0;
      z[r1 + j] = c2 * t + s2 * z2;
      z[r2 + j] = c2 * z2 - s2 * t;
    }
  }
  if (k === hi) rotateRows(z, len, k, k + 1, rc[k], rs[k]);
}

/**
 * Implicit-shift QR on the upper bidiagonal (d, f) of order n. On return `d` holds the singular
 * values (signed, unsorted); rows of `ut` (length m) and `vt` (length n) have been rotated so
 * that B = Uᵀ-rows × diag(d) × Vᵀ-rows still reconstructs. Returns false when some block
 * needed more than 75·n steps.
 */
export function bidiagonalQR(
  n: number,
  d: Float64Array,
  f: Float64Array,
  ut: Float64Array | null,
  m: number,
  vt: Float64Array | null,
): boolean {
  let bnorm = 0;
  for (let i = 0; i < n; i++) bnorm = Math.max(bnorm, Math.abs(d[i]) + Math.abs(f[i]));
  // Diagonal entries below ε‖B‖ are set to zero and chased out, which changes B by at most ε‖B‖.
  const tiny = EPS * bnorm;
  let budget = 75 * n * n + 10;
  const cr = new Float64Array(n);
  const sr = new Float64Array(n);
  const cl = new Float64Array(n);
  const sl = new Float64Array(n);
  let hi = n - 1;
  while (hi > 0) {
    if (budget-- <= 0) return false;
    // Negligible super-diagonals (relative test, keeps graded singular values accurate).
    for (let i = 0; i < hi; i++) {
      const fi = Math.abs(f[i]);
      if (fi <= EPS * (Math.abs(d[i]) + Math.abs(d[i + 1])) || fi <= SQRT_SAFMIN * bnorm) f[i] = 0;
    }
    while (hi > 0 && f[hi - 1] === 0) hi--;
    if (hi === 0) break;
    let lo = hi - 1;
    while (lo > 0 && f[lo - 1] !== 0) lo--;
    // Block lo..hi is unreduced. Handle zero diagonals first.
    let zeroAt = -1;
    for (let i = lo; i <= hi; i++) {
      if (Math.abs(d[i]) <= tiny) {
        d[i] = 0;
        zeroAt = i;
        break;
      }
    }
    if (zeroAt >= 0) {
      const i = zeroAt;
      if (i < hi) {
        // Chase f[i] along row i with left rotations against rows i+1..hi.
        let x = f[i];
        f[i] = 0;
        for (let j = i + 1; j <= hi && x !== 0; j++) {
          const r = pythag(d[j], x);
          const c = d[j] / r;
          const s = x / r;
          d[j] = r;
          if (j < hi) {
            x = -s * f[j];
            f[j] = c * f[j];
          } else {
            x = 0;
          }
          if (ut) rotateRows(ut, m, j, i, c, s);
        }
      } else {
        // d[hi] = 0: chase f[hi-1] up column hi with right rotations against columns hi-1..lo.
        let x = f[hi - 1];
        f[hi - 1] = 0;
        for (let j = hi - 1; j >= lo && x !== 0; j--) {
          const r = pythag(d[j], x);
          const c = d[j] / r;
          const s = x / r;
          d[j] = r;
          if (j > lo) {
            x = -s * f[j - 1];
            f[j - 1] = c * f[j - 1];
          } else {
            x = 0;
          }
          if (vt) rotateRows(vt, n, j, hi, c, s);
        }
      }
      continue;
    }
    // Wilkinson shift from the trailing 2×2 of BᵀB restricted to the block.
    const dm = d[hi - 1];
    const dn = d[hi];
    const fm = f[hi - 1];
    const fl = hi - 1 > lo ? f[hi - 2] : 0;
    const tmm = dm * dm + fl * fl;
    const tmn = dm * fm;
    const tnn = dn * dn + fm * fm;
    const delta = 0.5 * (tmm - tnn);
    const den = delta + (delta >= 0 ? 1 : -1) * Math.sqrt(delta * delta + tmn * tmn);
    const mu = den === 0 ? tnn : tnn - (tmn * tmn) / den;
    let y = d[lo] * d[lo] - mu;
    let z = d[lo] * f[lo];
    for (let k = lo; k < hi; k++) {
      // Right rotation on columns k, k+1 zeroing z against y.
      let r = pythag(y, z);
      let c = r === 0 ? 1 : y / r;
      let s = r === 0 ? 0 : z / r;
      if (k > lo) f[k - 1] = r;
      const dk = d[k];
      const fk = f[k];
      const dk1 = d[k + 1];
      let bkk = c * dk + s * fk;
      let bk1 = c * fk - s * dk;
      const bulge = s * dk1;
      let bk1k1 = c * dk1;
      cr[k] = c;
      sr[k] = s;
      // Left rotation on rows k, k+1 zeroing the bulge below the diagonal.
      r = pythag(bkk, bulge);
      c = r === 0 ? 1 : bkk / r;
      s = r === 0 ? 0 : bulge / r;
      d[k] = r;
      bkk = c * bk1 + s * bk1k1;
      bk1k1 = c * bk1k1 - s * bk1;
      bk1 = bkk;
      f[k] = bk1;
      d[k + 1] = bk1k1;
      if (k < hi - 1) {
        z = s * f[k + 1];
        f[k + 1] = c * f[k + 1];
        y = bk1;
      }
      cl[k] = c;
      sl[k] = s;
    }
    // The rotations do not feed back into the bidiagonal: apply the sweep's sequences at once.
    if (vt) applyRotationsAscending(vt, n, cr, sr, lo, hi - 1);
    if (ut) applyRotationsAscending(ut, m, cl, sl, lo, hi - 1);
  }
  return true;
}
