// WebAssembly SIMD (f64x2) Householder bidiagonalization W = U_B B V_Bᵀ of an m×n (m ≥ n)
// row-major matrix and the accumulation of U_Bᵀ and V_Bᵀ two reflectors at a time (Golub & Van
// Loan, Matrix Computations, 4th ed., Alg. 5.4.2). Twin of bidiagonalize in
// src/kernels/bidiagonal-svd.ts: the same operations in the same order, every dot product in
// the same two lanes (even and odd offsets from the loop start, added at the end, then the odd
// tail), so both backends round identically. Arguments are byte offsets into the shared memory.
import { at, lanes, ld, st } from './common';

// Σ_{j=lo}^{hi−1} x_j y_j in two lanes, then the odd tail.
function dot(x: usize, y: usize, lo: i32, hi: i32): f64 {
  let acc = f64x2.splat(0);
  let j = lo;
  for (; j + 1 < hi; j += 2)
    acc = f64x2.add(acc, f64x2.mul(v128.load(at(x, j)), v128.load(at(y, j))));
  let s = lanes(acc);
  if (j < hi) s += ld(x, j) * ld(y, j);
  return s;
}

// y_j −= (s1·x1_j + s2·x2_j) for j = lo..hi−1 (x2 = 0: y_j −= s1·x1_j).
function update2(y: usize, s1: f64, x1: usize, s2: f64, x2: usize, lo: i32, hi: i32): void {
  const a = f64x2.splat(s1);
  const b = f64x2.splat(s2);
  let j = lo;
  if (x2 === 0) {
    for (; j + 1 < hi; j += 2) {
      const q = at(y, j);
      v128.store(q, f64x2.sub(v128.load(q), f64x2.mul(a, v128.load(at(x1, j)))));
    }
    if (j < hi) st(y, j, ld(y, j) - s1 * ld(x1, j));
    return;
  }
  for (; j + 1 < hi; j += 2) {
    const q = at(y, j);
    v128.store(
      q,
      f64x2.sub(
        v128.load(q),
        f64x2.add(f64x2.mul(a, v128.load(at(x1, j))), f64x2.mul(b, v128.load(at(x2, j)))),
      ),
    );
  }
  if (j < hi) st(y, j, ld(y, j) - (s1 * ld(x1, j) + s2 * ld(x2, j)));
}

/**
 * Bidiagonalize the m×n `w` (overwritten): diagonal into d, super-diagonal into f; with ut ≠ 0
 * the first `ur` rows of U_Bᵀ into ut (ur×m), with vt ≠ 0 V_Bᵀ into vt (n×n). `work` holds
 * 3n + 3·max(m, n) doubles.
 */
export function bidiagonalize(
  m: i32,
  n: i32,
  w: usize,
  d: usize,
  f: usize,
  ut: usize,
  ur: i32,
  vt: usize,
  work: usize,
): void {
  const nb = (<usize>n) << 3;
  const mx = max(m, n);
  const betaL = work;
  const betaR = work + nb;
  const tmp = work + 2 * nb;
  const v1 = tmp + ((<usize>mx) << 3);
  const v2 = v1 + ((<usize>mx) << 3);
  for (let k = 0; k < n; k++) {
    // Left reflector on column k, rows k..m-1 (sequential sums down the column).
    let scale: f64 = 0;
    for (let i = k; i < m; i++) scale += Math.abs(ld(w + <usize>i * nb, k));
    if (scale === 0) {
      st(d, k, 0);
      st(betaL, k, 0);
    } else {
      let sigma: f64 = 0;
      for (let i = k; i < m; i++) {
        const q = at(w + <usize>i * nb, k);
        const x = load<f64>(q) / scale;
        store<f64>(q, x);
        sigma += x * x;
      }
      const rk = w + <usize>k * nb;
      const x0 = ld(rk, k);
      const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
      st(rk, k, x0 - alpha);
      const beta = 1 / (sigma - alpha * x0);
      st(betaL, k, beta);
      st(d, k, alpha * scale);
      // W[k:, k+1:] −= β v (vᵀ W[k:, k+1:]), the product accumulated row by row.
      memory.fill(at(tmp, k + 1), 0, (<usize>(n - k - 1)) << 3);
      for (let i = k; i < m; i++) {
        const ri = w + <usize>i * nb;
        const vi = ld(ri, k);
        if (vi === 0) continue;
        const vs = f64x2.splat(vi);
        let j = k + 1;
        for (; j + 1 < n; j += 2) {
          const q = at(tmp, j);
          v128.store(q, f64x2.add(v128.load(q), f64x2.mul(vs, v128.load(at(ri, j)))));
        }
        if (j < n) st(tmp, j, ld(tmp, j) + vi * ld(ri, j));
      }
      const bs = f64x2.splat(beta);
      let j = k + 1;
      for (; j + 1 < n; j += 2) {
        const q = at(tmp, j);
        v128.store(q, f64x2.mul(v128.load(q), bs));
      }
      if (j < n) st(tmp, j, ld(tmp, j) * beta);
      for (let i = k; i < m; i++) {
        const ri = w + <usize>i * nb;
        const vi = ld(ri, k);
        if (vi === 0) continue;
        update2(ri, vi, tmp, 0, 0, k + 1, n);
      }
    }
    // Right reflector on row k, columns k+1..n-1.
    if (k >= n - 2) {
      st(betaR, k, 0);
      st(f, k, k === n - 2 ? ld(w + <usize>k * nb, k + 1) : 0);
      continue;
    }
    const rk = w + <usize>k * nb;
    scale = 0;
    for (let j = k + 1; j < n; j++) scale += Math.abs(ld(rk, j));
    if (scale === 0) {
      st(f, k, 0);
      st(betaR, k, 0);
      continue;
    }
    let sigma: f64 = 0;
    for (let j = k + 1; j < n; j++) {
      const x = ld(rk, j) / scale;
      st(rk, j, x);
      sigma += x * x;
    }
    const x0 = ld(rk, k + 1);
    const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
    st(rk, k + 1, x0 - alpha);
    const beta = 1 / (sigma - alpha * x0);
    st(betaR, k, beta);
    st(f, k, alpha * scale);
    // W[k+1:, k+1:] −= (W v) (β v)ᵀ
    for (let i = k + 1; i < m; i++) {
      const ri = w + <usize>i * nb;
      const s = dot(ri, rk, k + 1, n) * beta;
      if (s === 0) continue;
      update2(ri, s, rk, 0, 0, k + 1, n);
    }
  }
  st(f, n - 1, 0);
  if (ut !== 0) accumulateU(m, n, w, ut, ur, betaL, v1, v2);
  if (vt !== 0) accumulateV(n, w, vt, betaR);
}

// U_Bᵀ (first ur rows) = E_urᵀ H_{n-1} ··· H_0 by right multiplication from the last reflector,
// two reflectors (H_k, H_{k−1}) per pass over a row.
function accumulateU(
  m: i32,
  n: i32,
  w: usize,
  ut: usize,
  ur: i32,
  betaL: usize,
  v1: usize,
  v2: usize,
): void {
  const nb = (<usize>n) << 3;
  const mb = (<usize>m) << 3;
  memory.fill(ut, 0, <usize>ur * mb);
  for (let i = 0; i < ur; i++) st(ut + <usize>i * mb, i, 1);
  let k = n - 1;
  for (; k >= 1; k -= 2) {
    const b1 = ld(betaL, k);
    const b2 = ld(betaL, k - 1);
    for (let j = k; j < m; j++) st(v1, j, b1 === 0 ? 0 : ld(w + <usize>j * nb, k));
    for (let j = k - 1; j < m; j++) st(v2, j, b2 === 0 ? 0 : ld(w + <usize>j * nb, k - 1));
    const v12 = dot(v1, v2, k, m);
    for (let i = k; i < ur; i++) {
      const ri = ut + <usize>i * mb;
      const s1 = b1 * dot(ri, v1, k, m);
      const s2 = b2 * (dot(ri, v2, k, m) - s1 * v12);
      if (s1 === 0 && s2 === 0) continue;
      st(ri, k - 1, ld(ri, k - 1) - s2 * ld(v2, k - 1));
      update2(ri, s1, v1, s2, v2, k, m);
    }
    if (b2 !== 0 && k - 1 < ur) {
      const r = ut + <usize>(k - 1) * mb;
      const s2 = b2 * ld(v2, k - 1);
      update2(r, s2, v2, 0, 0, k - 1, m);
    }
  }
  if (k === 0 && ld(betaL, 0) !== 0) {
    const beta = ld(betaL, 0);
    for (let j = 0; j < m; j++) st(v1, j, ld(w + <usize>j * nb, 0));
    for (let i = 0; i < ur; i++) {
      const ri = ut + <usize>i * mb;
      const s = dot(ri, v1, 0, m) * beta;
      if (s === 0) continue;
      update2(ri, s, v1, 0, 0, 0, m);
    }
  }
}

// V_Bᵀ = G_{n-3} ··· G_0 (right reflectors in the rows of w, columns k+1..), same pairing.
function accumulateV(n: i32, w: usize, vt: usize, betaR: usize): void {
  const nb = (<usize>n) << 3;
  memory.fill(vt, 0, <usize>n * nb);
  for (let i = 0; i < n; i++) st(vt + <usize>i * nb, i, 1);
  let k = n - 3;
  for (; k >= 1; k -= 2) {
    const b1 = ld(betaR, k);
    const b2 = ld(betaR, k - 1);
    const r1 = w + <usize>k * nb;
    const r2 = r1 - nb;
    const v12 = b1 !== 0 && b2 !== 0 ? dot(r1, r2, k + 1, n) : 0;
    for (let i = k + 1; i < n; i++) {
      const ri = vt + <usize>i * nb;
      const s1 = b1 * dot(ri, r1, k + 1, n);
      const s2 = b2 * (dot(ri, r2, k + 1, n) - s1 * v12);
      if (s1 === 0 && s2 === 0) continue;
      st(ri, k, ld(ri, k) - s2 * ld(r2, k));
      update2(ri, s1, r1, s2, r2, k + 1, n);
    }
    if (b2 !== 0) {
      const rk = vt + <usize>k * nb;
      const s2 = b2 * ld(r2, k);
      update2(rk, s2, r2, 0, 0, k, n);
    }
  }
  if (k === 0 && ld(betaR, 0) !== 0) {
    const beta = ld(betaR, 0);
    for (let i = 1; i < n; i++) {
      const ri = vt + <usize>i * nb;
      const s = dot(ri, w, 1, n) * beta;
      if (s === 0) continue;
      update2(ri, s, w, 0, 0, 1, n);
    }
  }
}
