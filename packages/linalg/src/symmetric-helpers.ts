// Internal helpers shared by the symmetric matrix functions (spectral calculus on A = V Λ Vᵀ;
// Higham, Functions of Matrices, 2008, §1.2 and §3.2). Not re-exported.
import type { EighResult } from './eigh.js';
import {
  ConvergenceError,
  NotPositiveDefiniteError,
  ShapeError,
  SingularMatrixError,
} from './errors.js';
import { eighKernel } from './kernels/eigh.js';
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
  if (n > 0 && !eighKernel(n, a.data, values, vectors.data, 'auto', refine))
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
