// Internal helpers shared by the symmetric matrix functions (spectral calculus on A = V Λ Vᵀ;
// Higham, Functions of Matrices, 2008, §1.2 and §3.2). Not re-exported.
import type { EighResult } from './eigh.js';
import { EIGH_JACOBI_MAX, eighKernel } from './eigh.js';
import {
  ConvergenceError,
  NotPositiveDefiniteError,
  ShapeError,
  SingularMatrixError,
} from './errors.js';
import type { Matrix } from './matrix.js';
import { assertSymmetric } from './validate.js';

const EPS = 2.220446049250313e-16;

/** Validate `a` (symmetric) and return its eigendecomposition, reusing `eig` when given. */
export function spectrumOf(
  fn: string,
  name: string,
  a: Matrix,
  eig?: EighResult,
  refine: boolean | 'auto' = 'auto',
): EighResult {
  assertSymmetric(fn, name, a);
  const n = a.rows;
  if (eig) {
    if (
      !eig.values ||
      eig.values.length !== n ||
      !eig.vectors ||
      eig.vectors.rows !== n ||
      eig.vectors.cols !== n
    )
      throw new ShapeError(
        `${fn}(): options.eig must be the eigendecomposition of ${name} (${n} values, ${n}×${n} vectors)`,
      );
    return eig;
  }
  const values = new Float64Array(n);
  const vectors: Matrix = { rows: n, cols: n, data: new Float64Array(n * n) };
  if (n > 0 && !eighKernel(n, a.data, values, vectors.data, n <= EIGH_JACOBI_MAX, refine))
    throw new ConvergenceError(`${fn}(): eigendecomposition of ${name} did not converge`, {
      iterations: -1,
      residual: Number.NaN,
    });
  return { values, vectors };
}

/**
 * Check the spectrum for the domain of a function: 'positive' (λ > 0), 'nonnegative'
 * (λ ≥ −nε·max|λ|, tiny negatives from rounding clamped to 0 in a copy), 'nonzero'.
 * Returns the (possibly clamped) values.
 */
export function checkSpectrum(
  fn: string,
  name: string,
  values: Float64Array,
  domain: 'positive' | 'nonnegative' | 'nonzero' | 'any',
): Float64Array {
  const n = values.length;
  if (domain === 'any' || n === 0) return values;
  let minV = Number.POSITIVE_INFINITY;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] < minV) minV = values[i];
    const x = Math.abs(values[i]);
    if (x > maxAbs) maxAbs = x;
  }
  if (domain === 'positive') {
    if (!(minV > 0))
      throw new NotPositiveDefiniteError(
        `${fn}(): ${name} must be symmetric positive definite (min eigenvalue ${minV.toExponential(2)})`,
        { minEigenvalue: minV },
      );
    return values;
  }
  if (domain === 'nonnegative') {
    // A PSD matrix with a zero eigenvalue computes as ±nε‖A‖ (Weyl); accept and clamp that.
    const slack = n * EPS * maxAbs;
    if (minV < -slack)
      throw new NotPositiveDefiniteError(
        `${fn}(): ${name} must be symmetric positive semidefinite (min eigenvalue ${minV.toExponential(2)})`,
        { minEigenvalue: minV },
      );
    if (minV >= 0) return values;
    const out = values.slice();
    for (let i = 0; i < n; i++) if (out[i] < 0) out[i] = 0;
    return out;
  }
  for (let i = 0; i < n; i++)
    if (values[i] === 0)
      throw new SingularMatrixError(`${fn}(): ${name} is singular (eigenvalue ${i} is 0)`, i);
  return values;
}

/**
 * V diag(w) Vᵀ with V (n×n, eigenvectors as columns): only the lower triangle is computed
 * and mirrored, so the result is exactly symmetric.
 */
export function reconstruct(v: Matrix, w: ArrayLike<number>): Matrix {
  const n = v.rows;
  const vd = v.data;
  const scaled = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < n; k++) scaled[ri + k] = vd[ri + k] * w[k];
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += scaled[ri + k] * vd[rj + k];
      out[ri + j] = s;
      out[rj + i] = s;
    }
  }
  return { rows: n, cols: n, data: out };
}

/** Vᵀ M V (n×n), computed as (Vᵀ M) V with row-major i-k-j loops. */
export function toEigenbasis(v: Matrix, m: Matrix): Float64Array {
  const n = v.rows;
  const vd = v.data;
  const md = m.data;
  const t = new Float64Array(n * n);
  // t = Vᵀ M: t[i][j] = Σ_k V[k][i] M[k][j]
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    for (let i = 0; i < n; i++) {
      const vki = vd[rk + i];
      if (vki === 0) continue;
      const ri = i * n;
      for (let j = 0; j < n; j++) t[ri + j] += vki * md[rk + j];
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < n; k++) {
      const tik = t[ri + k];
      if (tik === 0) continue;
      const rk = k * n;
      for (let j = 0; j < n; j++) out[ri + j] += tik * vd[rk + j];
    }
  }
  return out;
}

/** V M Vᵀ (n×n); mirrored from the lower triangle when `symmetric` is true. */
export function fromEigenbasis(v: Matrix, m: Float64Array, symmetric: boolean): Matrix {
  const n = v.rows;
  const vd = v.data;
  // t = V M
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < n; k++) {
      const vik = vd[ri + k];
      if (vik === 0) continue;
      const rk = k * n;
      for (let j = 0; j < n; j++) t[ri + j] += vik * m[rk + j];
    }
  }
  // out = t Vᵀ: out[i][j] = Σ_k t[i][k] V[j][k] (contiguous row dots)
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const jEnd = symmetric ? i + 1 : n;
    for (let j = 0; j < jEnd; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += t[ri + k] * vd[rj + k];
      out[ri + j] = s;
      if (symmetric) out[rj + i] = s;
    }
  }
  return { rows: n, cols: n, data: out };
}

/** True when m is exactly symmetric. */
export function isExactlySymmetric(m: Matrix): boolean {
  const n = m.rows;
  if (m.cols !== n) return false;
  const d = m.data;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) if (d[i * n + j] !== d[j * n + i]) return false;
  return true;
}
