// WebAssembly SIMD (f64x2) matrix–vector products and the symmetry check of a square matrix
// (Golub & Van Loan, Matrix Computations, 4th ed., §1.1). Twins of src/kernels/gemv.ts and
// symmetricWithin in src/kernels/cholesky.ts: every sum runs in the same two lanes (even and
// odd offsets from the loop start, added at the end, then the odd tail) so both backends round
// identically. Memory is owned by the JS loader; arguments are byte offsets of row-major
// float64 arrays.
import { at, lanes, ld, st } from './common';

/** y = A x for A m×n: four rows per pass, so each pair of x is loaded once for four rows. */
export function gemv(m: i32, n: i32, a: usize, x: usize, y: usize): void {
  const nb = (<usize>n) << 3;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const r0 = a + <usize>i * nb;
    const r1 = r0 + nb;
    const r2 = r1 + nb;
    const r3 = r2 + nb;
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    let k = 0;
    for (; k + 1 < n; k += 2) {
      const o = (<usize>k) << 3;
      const xv = v128.load(x + o);
      s0 = f64x2.add(s0, f64x2.mul(v128.load(r0 + o), xv));
      s1 = f64x2.add(s1, f64x2.mul(v128.load(r1 + o), xv));
      s2 = f64x2.add(s2, f64x2.mul(v128.load(r2 + o), xv));
      s3 = f64x2.add(s3, f64x2.mul(v128.load(r3 + o), xv));
    }
    let t0 = lanes(s0);
    let t1 = lanes(s1);
    let t2 = lanes(s2);
    let t3 = lanes(s3);
    if (k < n) {
      const xk = ld(x, k);
      t0 += ld(r0, k) * xk;
      t1 += ld(r1, k) * xk;
      t2 += ld(r2, k) * xk;
      t3 += ld(r3, k) * xk;
    }
    st(y, i, t0);
    st(y, i + 1, t1);
    st(y, i + 2, t2);
    st(y, i + 3, t3);
  }
  for (; i < m; i++) {
    const r0 = a + <usize>i * nb;
    let s0 = f64x2.splat(0);
    let k = 0;
    for (; k + 1 < n; k += 2) {
      const o = (<usize>k) << 3;
      s0 = f64x2.add(s0, f64x2.mul(v128.load(r0 + o), v128.load(x + o)));
    }
    let t0 = lanes(s0);
    if (k < n) t0 += ld(r0, k) * ld(x, k);
    st(y, i, t0);
  }
}

/**
 * y = Aᵀ x for A m×n (y has n entries): rows in pairs, y_j += (x_i a_ij + x_{i+1} a_{i+1,j}),
 * so A is read row by row.
 */
export function gemvT(m: i32, n: i32, a: usize, x: usize, y: usize): void {
  const nb = (<usize>n) << 3;
  memory.fill(y, 0, nb);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const r0 = a + <usize>i * nb;
    const r1 = r0 + nb;
    const x0 = ld(x, i);
    const x1 = ld(x, i + 1);
    const x0s = f64x2.splat(x0);
    const x1s = f64x2.splat(x1);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const o = (<usize>j) << 3;
      const q = y + o;
      v128.store(
        q,
        f64x2.add(
          v128.load(q),
          f64x2.add(f64x2.mul(x0s, v128.load(r0 + o)), f64x2.mul(x1s, v128.load(r1 + o))),
        ),
      );
    }
    if (j < n) st(y, j, ld(y, j) + (x0 * ld(r0, j) + x1 * ld(r1, j)));
  }
  if (i < m) {
    const r0 = a + <usize>i * nb;
    const x0 = ld(x, i);
    const x0s = f64x2.splat(x0);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const o = (<usize>j) << 3;
      const q = y + o;
      v128.store(q, f64x2.add(v128.load(q), f64x2.mul(x0s, v128.load(r0 + o))));
    }
    if (j < n) st(y, j, ld(y, j) + x0 * ld(r0, j));
  }
}

/**
 * max |a_ij| over the n×n `a` into out[0] and max |a_ij − a_ji| into out[1] (NaN when an entry
 * is NaN; ∞ or NaN when one is infinite), comparing 2×2 tiles with their transposes.
 */
export function symmetryCheck(n: i32, a: usize, out: usize): void {
  const nb = (<usize>n) << 3;
  let big = f64x2.splat(0);
  let diff = f64x2.splat(0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = a + <usize>i * nb;
    const r1 = r0 + nb;
    for (let j = 0; j < i; j += 2) {
      const o = (<usize>j) << 3;
      const x0 = v128.load(r0 + o);
      const x1 = v128.load(r1 + o);
      const c = v128.load(at(a + <usize>j * nb, i));
      const d = v128.load(at(a + <usize>(j + 1) * nb, i));
      big = f64x2.max(big, f64x2.max(f64x2.abs(x0), f64x2.abs(x1)));
      big = f64x2.max(big, f64x2.max(f64x2.abs(c), f64x2.abs(d)));
      const t0 = v128.shuffle<f64>(c, d, 0, 2);
      const t1 = v128.shuffle<f64>(c, d, 1, 3);
      diff = f64x2.max(diff, f64x2.abs(f64x2.sub(x0, t0)));
      diff = f64x2.max(diff, f64x2.abs(f64x2.sub(x1, t1)));
    }
    const x0 = v128.load(at(r0, i));
    const x1 = v128.load(at(r1, i));
    big = f64x2.max(big, f64x2.max(f64x2.abs(x0), f64x2.abs(x1)));
    const e = f64x2.splat(Math.abs(ld(r1, i) - ld(r0, i + 1)));
    diff = f64x2.max(diff, e);
  }
  let bs = max(f64x2.extract_lane(big, 0), f64x2.extract_lane(big, 1));
  let ds = max(f64x2.extract_lane(diff, 0), f64x2.extract_lane(diff, 1));
  if (i < n) {
    // the last row and column when n is odd
    const r = a + <usize>i * nb;
    for (let j = 0; j <= i; j++) {
      const x = ld(r, j);
      const y = ld(a + <usize>j * nb, i);
      bs = max(bs, max(Math.abs(x), Math.abs(y)));
      ds = max(ds, Math.abs(x - y));
    }
  }
  st(out, 0, bs);
  st(out, 1, ds);
}
