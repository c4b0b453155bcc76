// WebAssembly SIMD (f64x2) implicit QL on a symmetric tridiagonal matrix with Wilkinson-type
// shifts, the plane rotations applied to the eigenvector rows two lanes at a time (Golub & Van
// Loan, Matrix Computations, 4th ed., §8.3.5). Twin of tridiagonalQL in
// src/kernels/symmetric-eigensolvers.ts (same operations in the same order: bitwise equal).
import { ld, st } from './common';

// Math.hypot from the host (imported as ql.hypot): the same function the TypeScript twin
// calls near under/overflow.
declare function hypot(a: f64, b: f64): f64;

const EPS: f64 = 2.220446049250313e-16;
const SQRT_SAFMIN: f64 = 1.4916681462400413e-154;

function pythag(a: f64, b: f64): f64 {
  const r = Math.sqrt(a * a + b * b);
  return r > 1e-150 && r < 1e150 ? r : hypot(a, b);
}

/**
 * Implicit QL on the tridiagonal (d, e): eigenvalues into d (unsorted), the rows of zt
 * (row-major, nz columns; 0 for none) rotated along. `rot` holds 2n doubles. Returns 1, or 0
 * when an eigenvalue needed more than maxSweeps steps.
 */
export function ql(
  n: i32,
  d: usize,
  e: usize,
  zt: usize,
  nz: i32,
  rot: usize,
  maxSweeps: i32,
): i32 {
  const rc = rot;
  const rs = rot + ((<usize>n) << 3);
  st(e, n - 1, 0);
  let ok = 1;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      let m = l;
      // relative deflation test (LAPACK's dsteqr), the twin of symmetric-eigensolvers.ts
      for (; m < n - 1; m++) {
        const em = Math.abs(ld(e, m));
        if (
          em <= EPS * Math.sqrt(Math.abs(ld(d, m))) * Math.sqrt(Math.abs(ld(d, m + 1))) ||
          em <= SQRT_SAFMIN
        )
          break;
      }
      if (m === l) break;
      if (iter++ === maxSweeps) {
        ok = 0;
        break;
      }
      let g = (ld(d, l + 1) - ld(d, l)) / (2 * ld(e, l));
      let r = Math.sqrt(g * g + 1);
      if (r === Infinity) r = Math.abs(g);
      g = ld(d, m) - ld(d, l) + ld(e, l) / (g + (g >= 0 ? r : -r));
      let s: f64 = 1;
      let c: f64 = 1;
      let p: f64 = 0;
      let i = m - 1;
      let underflow = false;
      for (; i >= l; i--) {
        const f = s * ld(e, i);
        const b = c * ld(e, i);
        r = pythag(f, g);
        st(e, i + 1, r);
        if (r === 0) {
          st(d, i + 1, ld(d, i + 1) - p);
          st(e, m, 0);
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = ld(d, i + 1) - p;
        r = (ld(d, i) - g) * s + 2 * c * b;
        p = s * r;
        st(d, i + 1, g + p);
        g = c * r - b;
        st(rc, i, c);
        st(rs, i, s);
      }
      if (zt !== 0) rotateRows(zt, nz, rc, rs, m - 1, i + 1);
      if (underflow) continue;
      st(d, l, ld(d, l) - p);
      st(e, l, g);
      st(e, m, 0);
    }
  }
  return ok;
}

// Rotations hi, hi−1, …, lo (rotation i mixes rows i and i+1), two per pass over a row triple.
function rotateRows(zt: usize, nz: i32, rc: usize, rs: usize, hi: i32, lo: i32): void {
  const nb = (<usize>nz) << 3;
  let i = hi;
  for (; i - 1 >= lo; i -= 2) {
    const c1 = ld(rc, i);
    const s1 = ld(rs, i);
    const c2 = ld(rc, i - 1);
    const s2 = ld(rs, i - 1);
    const c1s = f64x2.splat(c1);
    const s1s = f64x2.splat(s1);
    const c2s = f64x2.splat(c2);
    const s2s = f64x2.splat(s2);
    const r0 = zt + <usize>(i - 1) * nb;
    const r1 = r0 + nb;
    const r2 = r1 + nb;
    let k = 0;
    for (; k + 1 < nz; k += 2) {
      const o = (<usize>k) << 3;
      const z2 = v128.load(r2 + o);
      const z1 = v128.load(r1 + o);
      const z0 = v128.load(r0 + o);
      v128.store(r2 + o, f64x2.add(f64x2.mul(s1s, z1), f64x2.mul(c1s, z2)));
      const t = f64x2.sub(f64x2.mul(c1s, z1), f64x2.mul(s1s, z2));
      v128.store(r1 + o, f64x2.add(f64x2.mul(s2s, z0), f64x2.mul(c2s, t)));
      v128.store(r0 + o, f64x2.sub(f64x2.mul(c2s, z0), f64x2.mul(s2s, t)));
    }
    if (k < nz) {
      const z2 = ld(r2, k);
      const z1 = ld(r1, k);
      const z0 = ld(r0, k);
      st(r2, k, s1 * z1 + c1 * z2);
      const t = c1 * z1 - s1 * z2;
      st(r1, k, s2 * z0 + c2 * t);
      st(r0, k, c2 * z0 - s2 * t);
    }
  }
  if (i === lo) {
    const c = ld(rc, i);
    const s = ld(rs, i);
    const cs = f64x2.splat(c);
    const ss = f64x2.splat(s);
    const r0 = zt + <usize>i * nb;
    const r1 = r0 + nb;
    let k = 0;
    for (; k + 1 < nz; k += 2) {
      const o = (<usize>k) << 3;
      const z1 = v128.load(r1 + o);
      const z0 = v128.load(r0 + o);
      v128.store(r1 + o, f64x2.add(f64x2.mul(ss, z0), f64x2.mul(cs, z1)));
      v128.store(r0 + o, f64x2.sub(f64x2.mul(cs, z0), f64x2.mul(ss, z1)));
    }
    if (k < nz) {
      const z1 = ld(r1, k);
      const z0 = ld(r0, k);
      st(r1, k, s * z0 + c * z1);
      st(r0, k, c * z0 - s * z1);
    }
  }
}
