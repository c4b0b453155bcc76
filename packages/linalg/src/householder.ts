// Householder reflector kernels shared by lstsq and randomOrthogonal (LAPACK dlarfg convention; Golub & Van Loan, Matrix Computations, 4th ed., §5.1). qr has its own blocked kernel (kernels/qr.ts).

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
