// Test helpers: seeded random SPD matrices with a prescribed spectrum, built independently of
// the code under test (Gram–Schmidt on Gaussian columns).
import { cholesky, eigh, type Matrix, type Rng, rng } from '@rg/linalg';

export function randomOrthogonalTest(n: number, r: Rng): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) q[i] = r.normal();
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += q[i * n + j] * q[i * n + k];
      for (let i = 0; i < n; i++) q[i * n + j] -= d * q[i * n + k];
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += q[i * n + j] ** 2;
    s = Math.sqrt(s);
    for (let i = 0; i < n; i++) q[i * n + j] /= s;
  }
  return q;
}

/** Q diag(λ) Qᵀ with log-uniform eigenvalues in [1/√cond, √cond]·scale. */
export function randomSPD(n: number, seed: number, cond = 10, scale = 1): Matrix {
  const r = rng(seed);
  const q = randomOrthogonalTest(n, r);
  const lam = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = n === 1 ? 0.5 : i / (n - 1);
    lam[i] = scale * cond ** (u - 0.5) * (i === 0 || i === n - 1 ? 1 : Math.exp(0.1 * r.normal()));
  }
  return fromSpectrum(q, lam, n);
}

export function fromSpectrum(q: Float64Array, lam: ArrayLike<number>, n: number): Matrix {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[i * n + k] * lam[k] * q[j * n + k];
      data[i * n + j] = s;
      data[j * n + i] = s;
    }
  return { rows: n, cols: n, data };
}

export function randomSymmetric(n: number, seed: number, scale = 1): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = scale * r.normal();
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  return { rows: n, cols: n, data };
}

export function randomMatrix(n: number, seed: number): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) data[i] = r.normal() + (i % (n + 1) === 0 ? 2 : 0);
  return { rows: n, cols: n, data };
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.rows;
  const m = b.cols;
  const k = a.cols;
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += a.data[i * k + t] * b.data[t * m + j];
      data[i * m + j] = s;
    }
  return { rows: n, cols: m, data };
}

export function transposeM(a: Matrix): Matrix {
  const data = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) data[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data };
}

/** W X Wᵀ, symmetrized. */
export function congruenceM(w: Matrix, x: Matrix): Matrix {
  const r = matMul(matMul(w, x), transposeM(w));
  const n = r.rows;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (r.data[i * n + j] + r.data[j * n + i]);
      r.data[i * n + j] = v;
      r.data[j * n + i] = v;
    }
  return r;
}

export function scaleM(a: Matrix, s: number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((x) => x * s) };
}

export function frobDiff(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s);
}

export function frobNorm(a: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] ** 2;
  return Math.sqrt(s);
}

/** Relative Frobenius error ‖a − b‖/‖b‖. */
export function relErr(a: Matrix, b: Matrix): number {
  return frobDiff(a, b) / frobNorm(b);
}

/**
 * First-order bound on the rounding error |Δd²| of the Bures–Wasserstein squared distance as
 * computed from C = LᵀQL (P = LLᵀ) formed in float64: the product's rounding is
 * |ΔC| ≤ n·ε·|Lᵀ||Q||L| entrywise, which moves the eigenvalue μᵢ by ≤ n·ε·wᵢᵀ|Q|wᵢ (wᵢ = |L||uᵢ|,
 * uᵢ its eigenvector) and √μᵢ by that over 2√μᵢ; d² = tr P + tr Q − 2Σ√μᵢ doubles it. Evaluated
 * from the float64 factor and eigenvectors: a bound needs no more digits than that.
 */
export function bwFidelityRoundingBound(p: Matrix, q: Matrix): number {
  const n = p.rows;
  const l = cholesky(p);
  const { values: mu, vectors: u } = eigh(congruenceM(transposeM(l), q));
  let s = 0;
  for (let i = 0; i < n; i++) {
    const w = new Float64Array(n);
    for (let r = 0; r < n; r++)
      for (let k = 0; k <= r; k++) w[r] += Math.abs(l.data[r * n + k] * u.data[k * n + i]);
    let wqw = 0;
    for (let r = 0; r < n; r++)
      for (let k = 0; k < n; k++) wqw += w[r] * Math.abs(q.data[r * n + k]) * w[k];
    s += (n * Number.EPSILON * wqw) / (2 * Math.sqrt(mu[i]));
  }
  return 2 * s;
}
