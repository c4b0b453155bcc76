// WebAssembly SIMD (f64x2) implicit-shift QR on an upper bidiagonal matrix with the plane
// rotations applied to the singular-vector rows two lanes at a time (Golub & Van Loan, Matrix
// Computations, 4th ed., Alg. 8.6.1–2; Demmel & Kahan's zero-shift handling of zero diagonals).
// Twin of bidiagonalQR in src/kernels/bidiagonal-svd.ts (same operations in the same order:
// bitwise equal). Arguments are byte offsets into the shared memory.
import { ld, st } from './common';

// Math.hypot from the host (imported as bdsqr.hypot): the same function the TypeScript twin
// calls near under/overflow.
declare function hypot(a: f64, b: f64): f64;

const EPS: f64 = 2.220446049250313e-16;
const SQRT_SAFMIN: f64 = 1.4916681462400413e-154;

function pythag(a: f64, b: f64): f64 {
  const r = Math.sqrt(a * a + b * b);
  return r > 1e-150 && r < 1e150 ? r : hypot(a, b);
}

// row i ← c·row i + s·row j ; row j ← c·row j − s·row i (rows of `len` doubles).
function rotate(z: usize, len: i32, i: i32, j: i32, c: f64, s: f64): void {
  const lb = (<usize>len) << 3;
  const ri = z + <usize>i * lb;
  const rj = z + <usize>j * lb;
  const cs = f64x2.splat(c);
  const ss = f64x2.splat(s);
  let k = 0;
  for (; k + 1 < len; k += 2) {
    const o = (<usize>k) << 3;
    const zi = v128.load(ri + o);
    const zj = v128.load(rj + o);
    v128.store(ri + o, f64x2.add(f64x2.mul(cs, zi), f64x2.mul(ss, zj)));
    v128.store(rj + o, f64x2.sub(f64x2.mul(cs, zj), f64x2.mul(ss, zi)));
  }
  if (k < len) {
    const zi = ld(ri, k);
    const zj = ld(rj, k);
    st(ri, k, c * zi + s * zj);
    st(rj, k, c * zj - s * zi);
  }
}

// Rotations lo, lo+1, …, hi in order (rotation k mixes rows k and k+1), two per pass.
function rotateAscending(z: usize, len: i32, rc: usize, rs: usize, lo: i32, hi: i32): void {
  const lb = (<usize>len) << 3;
  let k = lo;
  for (; k + 1 <= hi; k += 2) {
    const c1 = ld(rc, k);
    const s1 = ld(rs, k);
    const c2 = ld(rc, k + 1);
    const s2 = ld(rs, k + 1);
    const c1s = f64x2.splat(c1);
    const s1s = f64x2.splat(s1);
    const c2s = f64x2.splat(c2);
    const s2s = f64x2.splat(s2);
    const r0 = z + <usize>k * lb;
    const r1 = r0 + lb;
    const r2 = r1 + lb;
    let j = 0;
    for (; j + 1 < len; j += 2) {
      const o = (<usize>j) << 3;
      const z0 = v128.load(r0 + o);
      const z1 = v128.load(r1 + o);
      const z2 = v128.load(r2 + o);
      v128.store(r0 + o, f64x2.add(f64x2.mul(c1s, z0), f64x2.mul(s1s, z1)));
      const t = f64x2.sub(f64x2.mul(c1s, z1), f64x2.mul(s1s, z0));
      v128.store(r1 + o, f64x2.add(f64x2.mul(c2s, t), f64x2.mul(s2s, z2)));
      v128.store(r2 + o, f64x2.sub(f64x2.mul(c2s, z2), f64x2.mul(s2s, t)));
    }
    if (j < len) {
      const z0 = ld(r0, j);
      const z1 = ld(r1, j);
      const z2 = ld(r2, j);
      st(r0, j, c1 * z0 + s1 * z1);
      const t = c1 * z1 - s1 * z0;
      st(r1, j, c2 * t + s2 * z2);
      st(r2, j, c2 * z2 - s2 * t);
    }
  }
  if (k === hi) rotate(z, len, k, k + 1, ld(rc, k), ld(rs, k));
}

/**
 * Implicit-shift QR on the upper bidiagonal (d, f) of order n: singular values (signed,
 * unsorted) into d; rows of ut (length m; 0 for none) and vt (length n) rotated along.
 * `rot` holds 4n doubles. Returns 1, or 0 when some block needed more than 75·n² + 10 steps.
 */
export function bdsqr(n: i32, d: usize, f: usize, ut: usize, m: i32, vt: usize, rot: usize): i32 {
  const nb = (<usize>n) << 3;
  const cr = rot;
  const sr = rot + nb;
  const cl = sr + nb;
  const sl = cl + nb;
  let bnorm: f64 = 0;
  for (let i = 0; i < n; i++) bnorm = max(bnorm, Math.abs(ld(d, i)) + Math.abs(ld(f, i)));
  const tiny = EPS * bnorm;
  let budget = 75 * n * n + 10;
  let hi = n - 1;
  while (hi > 0) {
    if (budget-- <= 0) return 0;
    for (let i = 0; i < hi; i++) {
      const fi = Math.abs(ld(f, i));
      if (fi <= EPS * (Math.abs(ld(d, i)) + Math.abs(ld(d, i + 1))) || fi <= SQRT_SAFMIN * bnorm)
        st(f, i, 0);
    }
    while (hi > 0 && ld(f, hi - 1) === 0) hi--;
    if (hi === 0) break;
    let lo = hi - 1;
    while (lo > 0 && ld(f, lo - 1) !== 0) lo--;
    let zeroAt = -1;
    for (let i = lo; i <= hi; i++) {
      if (Math.abs(ld(d, i)) <= tiny) {
        st(d, i, 0);
        zeroAt = i;
        break;
      }
    }
    if (zeroAt >= 0) {
      const i = zeroAt;
      if (i < hi) {
        // Chase f[i] along row i with left rotations against rows i+1..hi.
        let x = ld(f, i);
        st(f, i, 0);
        for (let j = i + 1; j <= hi && x !== 0; j++) {
          const r = pythag(ld(d, j), x);
          const c = ld(d, j) / r;
          const s = x / r;
          st(d, j, r);
          if (j < hi) {
            x = -s * ld(f, j);
            st(f, j, c * ld(f, j));
          } else {
            x = 0;
          }
          if (ut !== 0) rotate(ut, m, j, i, c, s);
        }
      } else {
        // d[hi] = 0: chase f[hi-1] up column hi with right rotations against columns hi-1..lo.
        let x = ld(f, hi - 1);
        st(f, hi - 1, 0);
        for (let j = hi - 1; j >= lo && x !== 0; j--) {
          const r = pythag(ld(d, j), x);
          const c = ld(d, j) / r;
          const s = x / r;
          st(d, j, r);
          if (j > lo) {
            x = -s * ld(f, j - 1);
            st(f, j - 1, c * ld(f, j - 1));
          } else {
            x = 0;
          }
          if (vt !== 0) rotate(vt, n, j, hi, c, s);
        }
      }
      continue;
    }
    // Wilkinson shift from the trailing 2×2 of BᵀB restricted to the block.
    const dm = ld(d, hi - 1);
    const dn = ld(d, hi);
    const fm = ld(f, hi - 1);
    const fl = hi - 1 > lo ? ld(f, hi - 2) : 0;
    const tmm = dm * dm + fl * fl;
    const tmn = dm * fm;
    const tnn = dn * dn + fm * fm;
    const delta = 0.5 * (tmm - tnn);
    const den = delta + (delta >= 0 ? 1 : -1) * Math.sqrt(delta * delta + tmn * tmn);
    const mu = den === 0 ? tnn : tnn - (tmn * tmn) / den;
    let y = ld(d, lo) * ld(d, lo) - mu;
    let z = ld(d, lo) * ld(f, lo);
    for (let k = lo; k < hi; k++) {
      // Right rotation on columns k, k+1 zeroing z against y.
      let r = pythag(y, z);
      let c: f64 = r === 0 ? 1 : y / r;
      let s: f64 = r === 0 ? 0 : z / r;
      if (k > lo) st(f, k - 1, r);
      const dk = ld(d, k);
      const fk = ld(f, k);
      const dk1 = ld(d, k + 1);
      let bkk = c * dk + s * fk;
      let bk1 = c * fk - s * dk;
      const bulge = s * dk1;
      let bk1k1 = c * dk1;
      st(cr, k, c);
      st(sr, k, s);
      // Left rotation on rows k, k+1 zeroing the bulge below the diagonal.
      r = pythag(bkk, bulge);
      c = r === 0 ? 1 : bkk / r;
      s = r === 0 ? 0 : bulge / r;
      st(d, k, r);
      bkk = c * bk1 + s * bk1k1;
      bk1k1 = c * bk1k1 - s * bk1;
      bk1 = bkk;
      st(f, k, bk1);
      st(d, k + 1, bk1k1);
      if (k < hi - 1) {
        z = s * ld(f, k + 1);
        st(f, k + 1, c * ld(f, k + 1));
        y = bk1;
      }
      st(cl, k, c);
      st(sl, k, s);
    }
    if (vt !== 0) rotateAscending(vt, n, cr, sr, lo, hi - 1);
    if (ut !== 0) rotateAscending(ut, m, cl, sl, lo, hi - 1);
  }
  return 1;
}
