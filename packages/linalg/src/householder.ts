// Householder reflector kernels shared by qr and lstsq (LAPACK dlarfg convention; Golub & Van Loan, Matrix Computations, 4th ed., §5.1).

/**
 * Reflect column k of the row-major m×n array `d` (rows k..m−1): afterwards d[k, k] = β and
 * rows k+1..m−1 of column k hold v (v_k = 1 implied) with (I − τ v vᵀ) x = β e₁.
 * Returns τ (0 when the column below the diagonal is already zero).
 */
export function reflectColumn(d: Float64Array, m: number, n: number, k: number): number {
  const alpha = d[k * n + k];
  let ss = 0;
  let big = 0;
  for (let i = k + 1; i < m; i++) {
    const v = d[i * n + k];
    ss += v * v;
    const a = v < 0 ? -v : v;
    if (a > big) big = a;
  }
  if (big === 0) return 0;
  let sigma: number;
  if (ss < Number.POSITIVE_INFINITY && ss > 1e-280) sigma = Math.sqrt(ss);
  else {
    // Rescale only when the plain sum of squares over- or underflowed.
    let s2 = 0;
    for (let i = k + 1; i < m; i++) {
      const v = d[i * n + k] / big;
      s2 += v * v;
    }
    sigma = big * Math.sqrt(s2);
  }
  const norm = Math.hypot(alpha, sigma);
  const beta = alpha >= 0 ? -norm : norm;
  const tau = (beta - alpha) / beta;
  const scale = 1 / (alpha - beta);
  for (let i = k + 1; i < m; i++) d[i * n + k] *= scale;
  d[k * n + k] = beta;
  return tau;
}

/**
 * Apply H_k = I − τ v vᵀ (v stored in column k of `v`, rows k+1..m−1, v_k = 1) from the left
 * to columns c0..c1−1 of the row-major m×nc array `x`, using `w` (length ≥ nc) as scratch.
 * Row-oriented: w = vᵀ X is accumulated one contiguous row of X at a time.
 */
export function applyReflectorLeft(
  v: Float64Array,
  vn: number,
  k: number,
  tau: number,
  x: Float64Array,
  m: number,
  nc: number,
  c0: number,
  c1: number,
  w: Float64Array,
): void {
  if (tau === 0 || c0 >= c1) return;
  const ok = k * nc;
  for (let j = c0; j < c1; j++) w[j] = x[ok + j];
  for (let i = k + 1; i < m; i++) {
    const vi = v[i * vn + k];
    if (vi === 0) continue;
    const oi = i * nc;
    for (let j = c0; j < c1; j++) w[j] += vi * x[oi + j];
  }
  for (let j = c0; j < c1; j++) {
    w[j] *= tau;
    x[ok + j] -= w[j];
  }
  for (let i = k + 1; i < m; i++) {
    const vi = v[i * vn + k];
    if (vi === 0) continue;
    const oi = i * nc;
    for (let j = c0; j < c1; j++) x[oi + j] -= vi * w[j];
  }
}

/**
 * Apply the product of the two reflectors stored in columns k and k+1 of `v` (v_k = e_k + …,
 * v_{k+1} = e_{k+1} + …) to columns c0..c1−1 of the row-major m×nc array `x`, in one read
 * pass and one update pass (compact WY form with a 2×2 T, Schreiber & Van Loan 1989):
 * H_k H_{k+1} = I − V T Vᵀ with T = [[τ₀, −τ₀τ₁ v₀ᵀv₁], [0, τ₁]].
 * `transposed` applies (H_k H_{k+1})ᵀ = H_{k+1} H_k (factorization: H_k acts first);
 * otherwise H_k H_{k+1} (accumulation of Q). `w0`, `w1` are scratch of length ≥ nc.
 */
export function applyReflectorPairLeft(
  v: Float64Array,
  vn: number,
  k: number,
  tau0: number,
  tau1: number,
  transposed: boolean,
  x: Float64Array,
  m: number,
  nc: number,
  c0: number,
  c1: number,
  w0: Float64Array,
  w1: Float64Array,
): void {
  if (c0 >= c1) return;
  const k1 = k + 1;
  // s = v₀ᵀv₁ over the rows where both are nonzero (row k+1 holds v₀'s entry and v₁'s 1).
  let s = v[k1 * vn + k];
  for (let i = k1 + 1; i < m; i++) s += v[i * vn + k] * v[i * vn + k1];
  const ok = k * nc;
  const ok1 = k1 * nc;
  const v0k1 = v[k1 * vn + k];
  for (let j = c0; j < c1; j++) {
    const xk1 = x[ok1 + j];
    w0[j] = x[ok + j] + v0k1 * xk1;
    w1[j] = xk1;
  }
  for (let i = k1 + 1; i < m; i++) {
    const a0 = v[i * vn + k];
    const a1 = v[i * vn + k1];
    const oi = i * nc;
    for (let j = c0; j < c1; j++) {
      const xij = x[oi + j];
      w0[j] += a0 * xij;
      w1[j] += a1 * xij;
    }
  }
  const t01 = -tau0 * tau1 * s;
  for (let j = c0; j < c1; j++) {
    const p = w0[j];
    const q = w1[j];
    if (transposed) {
      w0[j] = tau0 * p;
      w1[j] = t01 * p + tau1 * q;
    } else {
      w0[j] = tau0 * p + t01 * q;
      w1[j] = tau1 * q;
    }
  }
  for (let j = c0; j < c1; j++) {
    x[ok + j] -= w0[j];
    x[ok1 + j] -= v0k1 * w0[j] + w1[j];
  }
  for (let i = k1 + 1; i < m; i++) {
    const a0 = v[i * vn + k];
    const a1 = v[i * vn + k1];
    const oi = i * nc;
    for (let j = c0; j < c1; j++) x[oi + j] -= a0 * w0[j] + a1 * w1[j];
  }
}
