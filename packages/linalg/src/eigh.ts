// Symmetric eigendecomposition: Householder tridiagonalization + implicit QL (Golub & Van Loan,
// Matrix Computations, 4th ed., §8.3), cyclic Jacobi for small n (Demmel & Veselić 1992).
import {
  jacobiEigen,
  powerOfTwoScale,
  sortAscendingToColumns,
  tridiagonalize,
  tridiagonalQL,
} from './eigh-kernels.js';
import { ConvergenceError, InvalidArgumentError } from './errors.js';
import type { Matrix } from './matrix.js';
import { assertSymmetric, SYMMETRY_TOLERANCE } from './validate.js';

/** Result of {@link eigh}: A = V diag(values) Vᵀ. */
export interface EighResult {
  /** eigenvalues in ascending order */
  values: Float64Array;
  /** orthonormal eigenvectors as columns (column j belongs to values[j]); empty 0×0 when `vectors: false` */
  vectors: Matrix;
}

/** Options of {@link eigh}. */
export interface EighOptions {
  /** compute eigenvectors (default true) */
  vectors?: boolean;
  /**
   * 'jacobi' (cyclic Jacobi: slower for large n, high relative accuracy), 'ql' (tridiagonal QL)
   * or 'auto' (default: Jacobi for n ≤ {@link EIGH_JACOBI_MAX}, QL above)
   */
  method?: 'auto' | 'jacobi' | 'ql';
  /** relative asymmetry accepted (default {@link SYMMETRY_TOLERANCE}); only the lower triangle is used */
  symmetryTolerance?: number;
}

/** Largest n for which `eigh` uses cyclic Jacobi by default (measured crossover, see bench). */
export const EIGH_JACOBI_MAX = 8;

/**
 * Eigendecomposition of a real symmetric matrix: ascending eigenvalues and orthonormal
 * eigenvectors with A = V diag(λ) Vᵀ. Only the lower triangle is read once symmetry has been
 * checked. Backward stable: each eigenvalue is exact for A + δA with ‖δA‖ ≈ n ε ‖A‖.
 *
 * @param a - symmetric n×n matrix (relative asymmetry ≤ `symmetryTolerance`)
 * @returns `{ values, vectors }`
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @throws {NotSymmetricError} when `a` is not symmetric within tolerance
 * @example
 * eigh(fromRows([[2, 1], [1, 2]])).values // => [1, 3]
 * @example
 * const { values, vectors } = eigh(fromRows([[4, 0], [0, 1]]));
 * values // => [1, 4]
 * Math.abs(vectors.data[1]) // => 1
 */
export function eigh(a: Matrix, options: EighOptions = {}): EighResult {
  assertSymmetric('eigh', 'a', a, options.symmetryTolerance ?? SYMMETRY_TOLERANCE);
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'jacobi' && method !== 'ql')
    throw new InvalidArgumentError(
      `eigh(): method must be 'auto', 'jacobi' or 'ql' (got ${method})`,
    );
  const wantVectors = options.vectors ?? true;
  const n = a.rows;
  const values = new Float64Array(n);
  const vectors: Matrix = wantVectors
    ? { rows: n, cols: n, data: new Float64Array(n * n) }
    : { rows: 0, cols: 0, data: new Float64Array(0) };
  if (n === 0) return { values, vectors };
  const ok = eighKernel(
    n,
    a.data,
    values,
    wantVectors ? vectors.data : null,
    method === 'jacobi' || (method === 'auto' && n <= EIGH_JACOBI_MAX),
  );
  if (!ok)
    throw new ConvergenceError(`eigh(): the ${method} iteration did not converge (n = ${n})`, {
      iterations: -1,
      residual: Number.NaN,
    });
  return { values, vectors };
}

/**
 * Trusting kernel behind {@link eigh}: reads the lower triangle of the n×n row-major `src`,
 * writes ascending eigenvalues into `values` and eigenvectors as columns into `vOut`.
 * Exact power-of-two scaling keeps squares of tiny or huge entries representable.
 */
export function eighKernel(
  n: number,
  src: Float64Array,
  values: Float64Array,
  vOut: Float64Array | null,
  jacobi: boolean,
): boolean {
  let maxAbs = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = Math.abs(src[i * n + j]);
      if (x > maxAbs) maxAbs = x;
    }
  if (maxAbs === 0) {
    values.fill(0);
    if (vOut) {
      vOut.fill(0);
      for (let i = 0; i < n; i++) vOut[i * n + i] = 1;
    }
    return true;
  }
  const scale = powerOfTwoScale(maxAbs);
  const inv = 1 / scale;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = src[i * n + j] * inv;
      w[i * n + j] = x;
      w[j * n + i] = x;
    }
  const d = new Float64Array(n);
  const zt = vOut ? new Float64Array(n * n) : null;
  let ok: boolean;
  if (jacobi) {
    ok = jacobiEigen(n, w, d, zt);
  } else {
    const e = new Float64Array(n);
    const work = new Float64Array(2 * n);
    tridiagonalize(n, w, d, e, zt, work);
    ok = tridiagonalQL(n, d, e, zt, n);
  }
  for (let i = 0; i < n; i++) d[i] *= scale;
  sortAscendingToColumns(n, d, values, zt, n, vOut, new Int32Array(n));
  return ok;
}
