// WebAssembly SIMD (f64x2) Householder tridiagonalization of a symmetric matrix with the
// symmetric matrix-vector product and the rank-2 update fused into one pass per step, and the
// accumulation of Qᵀ two reflectors at a time (Golub & Van Loan, Matrix Computations, 4th ed.,
// §8.3.1). Twin of tridiagonalize in src/kernels/symmetric-eigensolvers.ts: every sum is split
// into the same two lanes (even and odd offsets from the loop start, added at the end) so both
// backends round identically. Memory is owned by the JS loader; arguments are byte offsets of
// row-major float64 arrays.
import { at, lanes, ld, st } from './common';

/**
 * Tridiagonalize the symmetric n×n `a` (lower triangle read; overwritten): diagonal into d,
 * sub-diagonal into e (e[n−1] = 0), the Householder vector of step k into row k of `a`
 * (columns k+1..n−1) and its β into betas (`work` + 2n doubles). With qt ≠ 0, Qᵀ is formed
 * there. `work` holds 3n doubles.
 */
export function tridiagonalize(n: i32, a: usize, d: usize, e: usize, qt: usize, work: usize): void {
  const nb = (<usize>n) << 3;
  let p = work;
  let wp = work + nb;
  const betas = work + 2 * nb;
  for (let k = 0; k < n - 2; k++) {
    const rk = a + <usize>k * nb;
    const pending = k > 0;
    const vp = rk - nb; // v of step k−1: row k−1, columns ≥ k
    if (pending) {
      const vpk = ld(vp, k);
      const wpk = ld(wp, k);
      for (let i = k; i < n; i++) {
        const q = at(a + <usize>i * nb, k);
        store<f64>(q, load<f64>(q) - (ld(vp, i) * wpk + ld(wp, i) * vpk));
      }
    }
    // Column k below the diagonal into row k (the upper triangle is never read).
    for (let j = k + 1; j < n; j++) st(rk, j, ld(a + <usize>j * nb, k));
    st(d, k, ld(rk, k));
    let scale: f64 = 0;
    for (let j = k + 1; j < n; j++) scale += Math.abs(ld(rk, j));
    let beta: f64 = 0;
    if (scale === 0) {
      st(e, k, 0);
    } else {
      let acc = f64x2.splat(0);
      const sc = f64x2.splat(scale);
      let j = k + 1;
      for (; j + 1 < n; j += 2) {
        const x = f64x2.div(v128.load(at(rk, j)), sc);
        v128.store(at(rk, j), x);
        acc = f64x2.add(acc, f64x2.mul(x, x));
      }
      let sigma = lanes(acc);
      if (j < n) {
        const x = ld(rk, j) / scale;
        st(rk, j, x);
        sigma += x * x;
      }
      const x0 = ld(rk, k + 1);
      const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
      st(rk, k + 1, x0 - alpha);
      beta = 1 / (sigma - alpha * x0);
      st(e, k, alpha * scale);
    }
    st(betas, k, beta);
    // One pass over rows k+1..n−1: apply step k−1's update A −= v wᵀ + w vᵀ to the row's
    // lower part, then accumulate p = A v from it (a dot for p_i, an axpy into p_j, j < i).
    for (let j = k + 1; j < n; j++) st(p, j, 0);
    for (let i = k + 1; i < n; i++) {
      const ri = a + <usize>i * nb;
      const vi = ld(rk, i);
      const vis = f64x2.splat(vi);
      let acc = f64x2.splat(0);
      let j = k + 1;
      if (pending) {
        const vpi = ld(vp, i);
        const wpi = ld(wp, i);
        const vps = f64x2.splat(vpi);
        const wps = f64x2.splat(wpi);
        for (; j + 1 < i; j += 2) {
          const q = at(ri, j);
          const x = f64x2.sub(
            v128.load(q),
            f64x2.add(f64x2.mul(vps, v128.load(at(wp, j))), f64x2.mul(wps, v128.load(at(vp, j)))),
          );
          v128.store(q, x);
          acc = f64x2.add(acc, f64x2.mul(x, v128.load(at(rk, j))));
          const pj = at(p, j);
          v128.store(pj, f64x2.add(v128.load(pj), f64x2.mul(x, vis)));
        }
        let s = lanes(acc);
        for (; j < i; j++) {
          const x = ld(ri, j) - (vpi * ld(wp, j) + wpi * ld(vp, j));
          st(ri, j, x);
          s += x * ld(rk, j);
          st(p, j, ld(p, j) + x * vi);
        }
        const x = ld(ri, i) - (vpi * ld(wp, i) + wpi * ld(vp, i));
        st(ri, i, x);
        st(p, i, ld(p, i) + (s + x * vi));
      } else {
        for (; j + 1 < i; j += 2) {
          const x = v128.load(at(ri, j));
          acc = f64x2.add(acc, f64x2.mul(x, v128.load(at(rk, j))));
          const pj = at(p, j);
          v128.store(pj, f64x2.add(v128.load(pj), f64x2.mul(x, vis)));
        }
        let s = lanes(acc);
        for (; j < i; j++) {
          const x = ld(ri, j);
          s += x * ld(rk, j);
          st(p, j, ld(p, j) + x * vi);
        }
        st(p, i, ld(p, i) + (s + ld(ri, i) * vi));
      }
    }
    // w = βp − (β²pᵀv/2) v becomes the pending update of the next step.
    const bs = f64x2.splat(beta);
    let acc = f64x2.splat(0);
    let j = k + 1;
    for (; j + 1 < n; j += 2) {
      const q = at(p, j);
      const x = f64x2.mul(v128.load(q), bs);
      v128.store(q, x);
      acc = f64x2.add(acc, f64x2.mul(x, v128.load(at(rk, j))));
    }
    let pv = lanes(acc);
    if (j < n) {
      const x = ld(p, j) * beta;
      st(p, j, x);
      pv += x * ld(rk, j);
    }
    const half = 0.5 * beta * pv;
    for (let i = k + 1; i < n; i++) st(p, i, ld(p, i) - half * ld(rk, i));
    const t = wp;
    wp = p;
    p = t;
  }
  if (n >= 2) {
    const r0 = a + <usize>(n - 2) * nb;
    const r1 = r0 + nb;
    if (n >= 3) {
      const vp = r0 - nb;
      const v0 = ld(vp, n - 2);
      const v1 = ld(vp, n - 1);
      const w0 = ld(wp, n - 2);
      const w1 = ld(wp, n - 1);
      st(r0, n - 2, ld(r0, n - 2) - (v0 * w0 + w0 * v0));
      st(r1, n - 2, ld(r1, n - 2) - (v1 * w0 + w1 * v0));
      st(r1, n - 1, ld(r1, n - 1) - (v1 * w1 + w1 * v1));
    }
    st(d, n - 2, ld(r0, n - 2));
    st(e, n - 2, ld(r1, n - 2));
    st(betas, n - 2, 0);
  }
  if (n >= 1) {
    st(d, n - 1, ld(a + <usize>(n - 1) * nb, n - 1));
    st(e, n - 1, 0);
  }
  if (qt !== 0) formQt(n, a, betas, qt);
}

/**
 * Qᵀ = H_{n−3} ··· H_0 into qt from the reflectors in the rows of `a`, two reflectors per
 * pass over the trailing block (both dot products from one read of each row).
 */
function formQt(n: i32, a: usize, betas: usize, qt: usize): void {
  const nb = (<usize>n) << 3;
  memory.fill(qt, 0, <usize>n * nb);
  for (let i = 0; i < n; i++) st(qt + <usize>i * nb, i, 1);
  let k = n - 3;
  for (; k >= 1; k -= 2) {
    const b1 = ld(betas, k);
    const b2 = ld(betas, k - 1);
    const r1 = a + <usize>k * nb;
    const r2 = r1 - nb;
    let acc = f64x2.splat(0);
    let j = k + 1;
    for (; j + 1 < n; j += 2)
      acc = f64x2.add(acc, f64x2.mul(v128.load(at(r1, j)), v128.load(at(r2, j))));
    let v12 = lanes(acc);
    if (j < n) v12 += ld(r1, j) * ld(r2, j);
    for (let i = k + 1; i < n; i++) {
      const ri = qt + <usize>i * nb;
      let a1 = f64x2.splat(0);
      let a2 = f64x2.splat(0);
      j = k + 1;
      for (; j + 1 < n; j += 2) {
        const x = v128.load(at(ri, j));
        a1 = f64x2.add(a1, f64x2.mul(x, v128.load(at(r1, j))));
        a2 = f64x2.add(a2, f64x2.mul(x, v128.load(at(r2, j))));
      }
      let d1 = lanes(a1);
      let d2 = lanes(a2);
      if (j < n) {
        const x = ld(ri, j);
        d1 += x * ld(r1, j);
        d2 += x * ld(r2, j);
      }
      const s1 = b1 * d1;
      const s2 = b2 * (d2 - s1 * v12);
      st(ri, k, ld(ri, k) - s2 * ld(r2, k));
      const s1s = f64x2.splat(s1);
      const s2s = f64x2.splat(s2);
      j = k + 1;
      for (; j + 1 < n; j += 2) {
        const q = at(ri, j);
        v128.store(
          q,
          f64x2.sub(
            v128.load(q),
            f64x2.add(f64x2.mul(s1s, v128.load(at(r1, j))), f64x2.mul(s2s, v128.load(at(r2, j)))),
          ),
        );
      }
      if (j < n) st(ri, j, ld(ri, j) - (s1 * ld(r1, j) + s2 * ld(r2, j)));
    }
    if (b2 !== 0) {
      const s2 = b2 * ld(r2, k);
      const rk = qt + <usize>k * nb;
      for (j = k; j < n; j++) st(rk, j, ld(rk, j) - s2 * ld(r2, j));
    }
  }
  if (k === 0 && ld(betas, 0) !== 0) {
    const beta = ld(betas, 0);
    for (let i = 1; i < n; i++) {
      const ri = qt + <usize>i * nb;
      let acc = f64x2.splat(0);
      let j = 1;
      for (; j + 1 < n; j += 2)
        acc = f64x2.add(acc, f64x2.mul(v128.load(at(ri, j)), v128.load(at(a, j))));
      let s = lanes(acc);
      if (j < n) s += ld(ri, j) * ld(a, j);
      s *= beta;
      const ss = f64x2.splat(s);
      j = 1;
      for (; j + 1 < n; j += 2) {
        const q = at(ri, j);
        v128.store(q, f64x2.sub(v128.load(q), f64x2.mul(ss, v128.load(at(a, j)))));
      }
      if (j < n) st(ri, j, ld(ri, j) - s * ld(a, j));
    }
  }
}
