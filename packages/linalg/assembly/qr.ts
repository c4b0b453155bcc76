// WebAssembly SIMD (f64x2) Householder QR of a panel stored transposed (row c = column c of the
// panel, so every reflector is a contiguous vector), and the accumulation of Qᵀ from such
// reflectors (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 5.2.1 and §5.1.6; LAPACK
// dgeqr2/dorg2r with the dlarfg convention). Twin of src/kernels/qr.ts: every sum runs in the
// same two lanes (even and odd offsets from the loop start, added at the end, then the odd
// tail) so both backends round identically. Arguments are byte offsets into the shared memory.
import { at, lanes, ld, st } from './common';

// Math.hypot from the host (imported as qr.hypot): the same function the TypeScript twin calls.
declare function hypot(a: f64, b: f64): f64;

// Σ_{i=lo}^{len−1} x_i y_i in two lanes, then the odd tail.
function dotFrom(x: usize, y: usize, lo: i32, len: i32): f64 {
  let acc = f64x2.splat(0);
  let i = lo;
  for (; i + 1 < len; i += 2)
    acc = f64x2.add(acc, f64x2.mul(v128.load(at(x, i)), v128.load(at(y, i))));
  let s = lanes(acc);
  if (i < len) s += ld(x, i) * ld(y, i);
  return s;
}

// y_i −= w·x_i for i = lo..len−1.
function axpyFrom(w: f64, x: usize, y: usize, lo: i32, len: i32): void {
  const ws = f64x2.splat(w);
  let i = lo;
  for (; i + 1 < len; i += 2) {
    const q = at(y, i);
    v128.store(q, f64x2.sub(v128.load(q), f64x2.mul(ws, v128.load(at(x, i)))));
  }
  if (i < len) st(y, i, ld(y, i) - w * ld(x, i));
}

/**
 * Householder QR of the b rows (stride `lda` doubles, `len` entries each) at `a`, each row a
 * column of the panel: reflector c maps row c's entries c.. to β e_c (β on the diagonal, v below
 * it with v_c = 1 implied, τ into tau[c]) and is applied to rows c+1..b−1.
 */
export function geqr2t(len: i32, b: i32, a: usize, lda: i32, tau: usize): void {
  const nb = (<usize>lda) << 3;
  const p = min(b, len);
  for (let c = 0; c < p; c++) {
    const x = a + <usize>c * nb;
    const alpha = ld(x, c);
    const ss = dotFrom(x, x, c + 1, len);
    let t: f64 = 0;
    let sigma: f64 = 0;
    if (ss < Infinity && ss > 1e-280) sigma = Math.sqrt(ss);
    else {
      // Rescale only when the plain sum of squares over- or underflowed (or is zero).
      let big: f64 = 0;
      for (let i = c + 1; i < len; i++) big = max(big, Math.abs(ld(x, i)));
      if (big > 0) {
        let s2: f64 = 0;
        for (let i = c + 1; i < len; i++) {
          const v = ld(x, i) / big;
          s2 += v * v;
        }
        sigma = big * Math.sqrt(s2);
      }
    }
    if (sigma > 0) {
      const norm = hypot(alpha, sigma);
      const beta = alpha >= 0 ? -norm : norm;
      t = (beta - alpha) / beta;
      const scale = 1 / (alpha - beta);
      const ss2 = f64x2.splat(scale);
      let i = c + 1;
      for (; i + 1 < len; i += 2) {
        const q = at(x, i);
        v128.store(q, f64x2.mul(v128.load(q), ss2));
      }
      if (i < len) st(x, i, ld(x, i) * scale);
      st(x, c, beta);
    }
    st(tau, c, t);
    if (t === 0) continue;
    for (let d = c + 1; d < b; d++) {
      const y = a + <usize>d * nb;
      const w = t * (ld(y, c) + dotFrom(x, y, c + 1, len));
      st(y, c, ld(y, c) - w);
      axpyFrom(w, x, y, c + 1, len);
    }
  }
}

/**
 * Qᵀ ← Qᵀ H_{p−1} ⋯ H_0 for the reflectors of {@link geqr2t} (rows of `v`, stride `ldv`, τ in
 * tau), applied to the `rows` rows of `q` (stride `ldq`, `len` entries each), last reflector
 * first: with q = [I 0] on entry this forms the first rows of Qᵀ. Row r only meets reflectors
 * c ≤ r while it still is e_r, so reflector c touches rows c.. .
 */
export function org2rt(
  len: i32,
  p: i32,
  v: usize,
  ldv: i32,
  tau: usize,
  rows: i32,
  q: usize,
  ldq: i32,
): void {
  const vb = (<usize>ldv) << 3;
  const qb = (<usize>ldq) << 3;
  for (let c = p - 1; c >= 0; c--) {
    const t = ld(tau, c);
    if (t === 0) continue;
    const x = v + <usize>c * vb;
    for (let r = c; r < rows; r++) {
      const y = q + <usize>r * qb;
      const w = t * (ld(y, c) + dotFrom(x, y, c + 1, len));
      st(y, c, ld(y, c) - w);
      axpyFrom(w, x, y, c + 1, len);
    }
  }
}
