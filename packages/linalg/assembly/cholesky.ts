// WebAssembly SIMD (f64x2) Cholesky factorization, row-oriented (Cholesky–Banachiewicz; Golub &
// Van Loan, Matrix Computations, 4th ed., Alg. 4.2.2), of a whole matrix or of the panel of a
// blocked factorization. Twin of choleskyPanel in src/kernels/cholesky.ts: every inner product
// runs in the same two lanes (even and odd k, added at the end, then the odd tail) so both
// backends round identically. Memory is owned by the JS loader; arguments are byte offsets.
import { at, lanes, ld, st } from './common';

/**
 * Factor the panel of width b of the m×b (m ≥ b) lower-trapezoidal block at `l` (row stride
 * `lda` doubles): rows 0..b−1 become the Cholesky factor of the leading b×b block, rows b..m−1
 * the solution X of X L₁₁ᵀ = A₂₁. The strict upper triangle is never read or written; `rd`
 * (b doubles) receives the reciprocals of the diagonal, by which the columns are scaled. Rows
 * go two at a time against columns four at a time (the eight inner products of a 2×4 block
 * share their loads). When m > b, b must be even. Returns -1, or the first index whose pivot is
 * not positive (its value left on the diagonal).
 */
export function cholesky(b: i32, m: i32, lda: i32, l: usize, rd: usize): i32 {
  const nb = (<usize>lda) << 3;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const o0 = l + <usize>i * nb;
    const o1 = o0 + nb;
    const inside = i < b;
    // Columns before the diagonal (rows of the block) or all b (rows below it): an even
    // count either way, so every inner product has even length.
    const jEnd = inside ? i : b;
    let j = 0;
    for (; j + 3 < jEnd; j += 4) tile4(o0, o1, l, nb, rd, j);
    if (j < jEnd) tile2(o0, o1, l, nb, rd, j);
    if (!inside) continue;
    let d0 = f64x2.splat(0);
    let c10 = f64x2.splat(0);
    let d1 = f64x2.splat(0);
    for (let k = 0; k < i; k += 2) {
      const o = (<usize>k) << 3;
      const x0 = v128.load(o0 + o);
      const x1 = v128.load(o1 + o);
      d0 = f64x2.add(d0, f64x2.mul(x0, x0));
      c10 = f64x2.add(c10, f64x2.mul(x1, x0));
      d1 = f64x2.add(d1, f64x2.mul(x1, x1));
    }
    const p = ld(o0, i) - lanes(d0);
    if (!(p > 0)) {
      st(o0, i, p);
      return i;
    }
    const lii = Math.sqrt(p);
    st(o0, i, lii);
    const ri = 1 / lii;
    st(rd, i, ri);
    const l10 = (ld(o1, i) - lanes(c10)) * ri;
    st(o1, i, l10);
    const q = ld(o1, i + 1) - lanes(d1) - l10 * l10;
    if (!(q > 0)) {
      st(o1, i + 1, q);
      return i + 1;
    }
    const l11 = Math.sqrt(q);
    st(o1, i + 1, l11);
    st(rd, i + 1, 1 / l11);
  }
  if (i < m) {
    // one row left: the last of the block when b = m is odd, or the last below it
    const o0 = l + <usize>i * nb;
    const jEnd = i < b ? i : b;
    for (let j = 0; j < jEnd; j++) {
      const p0 = l + <usize>j * nb;
      let acc = f64x2.splat(0);
      let k = 0;
      for (; k + 1 < j; k += 2) {
        const o = (<usize>k) << 3;
        acc = f64x2.add(acc, f64x2.mul(v128.load(o0 + o), v128.load(p0 + o)));
      }
      let s = lanes(acc);
      if (k < j) s += ld(o0, k) * ld(p0, k);
      st(o0, j, (ld(o0, j) - s) * ld(rd, j));
    }
    if (i < b) {
      let acc = f64x2.splat(0);
      let k = 0;
      for (; k + 1 < i; k += 2) {
        const o = (<usize>k) << 3;
        const x = v128.load(o0 + o);
        acc = f64x2.add(acc, f64x2.mul(x, x));
      }
      let s = lanes(acc);
      if (k < i) s += ld(o0, k) * ld(o0, k);
      const p = ld(o0, i) - s;
      if (!(p > 0)) {
        st(o0, i, p);
        return i;
      }
      st(o0, i, Math.sqrt(p));
    }
  }
  return -1;
}

// Columns j..j+3 of rows o0, o1: eight inner products over k < j, then the 4×4 triangle.
function tile4(o0: usize, o1: usize, l: usize, nb: usize, rd: usize, j: i32): void {
  const p0 = l + <usize>j * nb;
  const p1 = p0 + nb;
  const p2 = p1 + nb;
  const p3 = p2 + nb;
  let a00 = f64x2.splat(0);
  let a01 = f64x2.splat(0);
  let a02 = f64x2.splat(0);
  let a03 = f64x2.splat(0);
  let a10 = f64x2.splat(0);
  let a11 = f64x2.splat(0);
  let a12 = f64x2.splat(0);
  let a13 = f64x2.splat(0);
  for (let k = 0; k < j; k += 2) {
    const o = (<usize>k) << 3;
    const x0 = v128.load(o0 + o);
    const x1 = v128.load(o1 + o);
    let y = v128.load(p0 + o);
    a00 = f64x2.add(a00, f64x2.mul(x0, y));
    a10 = f64x2.add(a10, f64x2.mul(x1, y));
    y = v128.load(p1 + o);
    a01 = f64x2.add(a01, f64x2.mul(x0, y));
    a11 = f64x2.add(a11, f64x2.mul(x1, y));
    y = v128.load(p2 + o);
    a02 = f64x2.add(a02, f64x2.mul(x0, y));
    a12 = f64x2.add(a12, f64x2.mul(x1, y));
    y = v128.load(p3 + o);
    a03 = f64x2.add(a03, f64x2.mul(x0, y));
    a13 = f64x2.add(a13, f64x2.mul(x1, y));
  }
  const l10 = ld(p1, j);
  const l20 = ld(p2, j);
  const l21 = ld(p2, j + 1);
  const l30 = ld(p3, j);
  const l31 = ld(p3, j + 1);
  const l32 = ld(p3, j + 2);
  const r0 = ld(rd, j);
  const r1 = ld(rd, j + 1);
  const r2 = ld(rd, j + 2);
  const r3 = ld(rd, j + 3);
  const b0 = (ld(o0, j) - lanes(a00)) * r0;
  const b1 = (ld(o0, j + 1) - lanes(a01) - b0 * l10) * r1;
  const b2 = (ld(o0, j + 2) - lanes(a02) - b0 * l20 - b1 * l21) * r2;
  const b3 = (ld(o0, j + 3) - lanes(a03) - b0 * l30 - b1 * l31 - b2 * l32) * r3;
  const c0 = (ld(o1, j) - lanes(a10)) * r0;
  const c1 = (ld(o1, j + 1) - lanes(a11) - c0 * l10) * r1;
  const c2 = (ld(o1, j + 2) - lanes(a12) - c0 * l20 - c1 * l21) * r2;
  const c3 = (ld(o1, j + 3) - lanes(a13) - c0 * l30 - c1 * l31 - c2 * l32) * r3;
  st(o0, j, b0);
  st(o0, j + 1, b1);
  st(o0, j + 2, b2);
  st(o0, j + 3, b3);
  st(o1, j, c0);
  st(o1, j + 1, c1);
  st(o1, j + 2, c2);
  st(o1, j + 3, c3);
}

// Columns j, j+1 of rows o0, o1.
function tile2(o0: usize, o1: usize, l: usize, nb: usize, rd: usize, j: i32): void {
  const p0 = l + <usize>j * nb;
  const p1 = p0 + nb;
  let a00 = f64x2.splat(0);
  let a01 = f64x2.splat(0);
  let a10 = f64x2.splat(0);
  let a11 = f64x2.splat(0);
  for (let k = 0; k < j; k += 2) {
    const o = (<usize>k) << 3;
    const x0 = v128.load(o0 + o);
    const x1 = v128.load(o1 + o);
    const y0 = v128.load(p0 + o);
    const y1 = v128.load(p1 + o);
    a00 = f64x2.add(a00, f64x2.mul(x0, y0));
    a01 = f64x2.add(a01, f64x2.mul(x0, y1));
    a10 = f64x2.add(a10, f64x2.mul(x1, y0));
    a11 = f64x2.add(a11, f64x2.mul(x1, y1));
  }
  const l10 = ld(p1, j);
  const r0 = ld(rd, j);
  const r1 = ld(rd, j + 1);
  const b0 = (ld(o0, j) - lanes(a00)) * r0;
  const c0 = (ld(o1, j) - lanes(a10)) * r0;
  st(o0, j, b0);
  st(o1, j, c0);
  st(o0, j + 1, (ld(o0, j + 1) - lanes(a01) - b0 * l10) * r1);
  st(o1, j + 1, (ld(o1, j + 1) - lanes(a11) - c0 * l10) * r1);
}

/** Zero the strict upper triangle of the n×n `a` (before a full copy-back). */
export function zeroUpper(n: i32, a: usize): void {
  const nb = (<usize>n) << 3;
  for (let i = 0; i < n - 1; i++)
    memory.fill(at(a + <usize>i * nb, i + 1), 0, (<usize>(n - 1 - i)) << 3);
}
