// Hotelling's T² test of a mean vector (Hotelling 1931): T² = n (x̄ − μ₀)ᵀ S⁻¹ (x̄ − μ₀) with the
// unbiased sample covariance S; under the null (i.i.d. samples, finite covariance, n large)
// T²·(n − d)/(d(n − 1)) follows F(d, n − d). For even d the F tail has a closed form:
// with x = d·f/(d·f + n − d) and b = (n − d)/2, P(F > f) = (1 − x)^b Σ_{j<d/2} Γ(b + j)/(Γ(b) j!) x^j
// (the incomplete beta function with an integer first parameter).
import { type Matrix, solve } from '@rg/linalg';

export interface HotellingResult {
  t2: number;
  p: number;
  n: number;
  d: number;
}

export function hotelling(samples: Float64Array[], mu0: ArrayLike<number>): HotellingResult {
  const n = samples.length;
  const d = mu0.length;
  if (d % 2 !== 0) throw new Error('hotelling: the closed-form tail needs an even dimension');
  const mean = new Float64Array(d);
  for (const x of samples) for (let i = 0; i < d; i++) mean[i] += x[i] / n;
  const S = new Float64Array(d * d);
  for (const x of samples)
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) S[i * d + j] += ((x[i] - mean[i]) * (x[j] - mean[j])) / (n - 1);
  const diff = Float64Array.from(mean, (m, i) => m - mu0[i]);
  const Sm: Matrix = { rows: d, cols: d, data: S };
  const y = solve(Sm, diff);
  let t2 = 0;
  for (let i = 0; i < d; i++) t2 += n * diff[i] * y[i];
  const f = (t2 * (n - d)) / (d * (n - 1));
  const x = (d * f) / (d * f + (n - d));
  const b = (n - d) / 2;
  let term = 1;
  let sum = 1;
  for (let j = 1; j < d / 2; j++) {
    term *= ((b + j - 1) / j) * x;
    sum += term;
  }
  return { t2, p: Math.exp(b * Math.log1p(-x)) * sum, n, d };
}
