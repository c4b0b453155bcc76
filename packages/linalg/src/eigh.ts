// Symmetric eigendecomposition: Householder tridiagonalization + implicit QL (Golub & Van Loan,
// Matrix Computations, 4th ed., §8.3), cyclic Jacobi for small n (Demmel & Veselić 1992).
import {
  jacobiEigen,
  powerOfTwoScale,
  refineEigen,
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
  /**
   * Mixed-precision refinement of the eigenpairs (Ogita & Aishima 2018; double-double
   * products): true, false, or 'auto' (default: when vectors are computed, n ≤
   * {@link EIGH_REFINE_AUTO_MAX_N}, the spectrum is semidefinite (all λ ≥ 0 or all ≤ 0) and
   * max|λ| / min|λ| > {@link EIGH_REFINE_AUTO_RATIO}).
   * Gives eigenvalues with relative error ≈ ε (and matrix functions with ≈ ε relative error)
   * even when cond(A) approaches 1/ε, at O(30 n³) extra flops per step (usually 2–4 steps).
   */
  refine?: boolean | 'auto';
}

/**
 * Largest n that `refine: 'auto'` refines (the double-double steps cost ~30n³ flops each).
 *
 * @example
 * EIGH_REFINE_AUTO_MAX_N // => 32
 */
export const EIGH_REFINE_AUTO_MAX_N = 32;

/**
 * Spread max|λ| / min|λ| of a semidefinite spectrum above which `refine: 'auto'` refines.
 *
 * @example
 * EIGH_REFINE_AUTO_RATIO // => 10000
 */
export const EIGH_REFINE_AUTO_RATIO = 1e4;

/**
 * Largest n for which `eigh` uses cyclic Jacobi by default: above it Householder + QL is
 * faster (measured with reused workspaces; Jacobi remains available as `method: 'jacobi'`).
 *
 * @example
 * EIGH_JACOBI_MAX // => 3
 */
export const EIGH_JACOBI_MAX = 3;

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
  const refine = options.refine ?? 'auto';
  if (refine !== true && refine !== false && refine !== 'auto')
    throw new InvalidArgumentError(`eigh(): refine must be true, false or 'auto' (got ${refine})`);
  const ok = eighKernel(
    n,
    a.data,
    values,
    wantVectors ? vectors.data : null,
    method === 'jacobi' || (method === 'auto' && n <= EIGH_JACOBI_MAX),
    refine,
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
  refine: boolean | 'auto' = 'auto',
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
  const ws = workspace(n);
  const w = ws.w;
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = src[i * n + j] * inv;
      w[i * n + j] = x;
      w[j * n + i] = x;
    }
  const d = ws.d;
  const zt = vOut ? ws.zt : null;
  let ok: boolean;
  if (jacobi) {
    ok = jacobiEigen(n, w, d, zt);
  } else {
    tridiagonalize(n, w, d, ws.e, zt, ws.work);
    ok = tridiagonalQL(n, d, ws.e, zt, n);
  }
  const order = ws.order;
  sortAscendingToColumns(n, d, values, zt, n, vOut, order);
  if (vOut && ok && n > 1 && wantsRefinement(n, values, refine)) {
    // Refine against the exactly scaled input (both triangles from the lower one).
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        const x = src[i * n + j] * inv;
        w[i * n + j] = x;
        w[j * n + i] = x;
      }
    d.set(values);
    refineEigen(n, w, vOut, d);
    // Refined values may swap order inside a cluster: re-sort values and columns.
    const cols = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cols[j * n + i] = vOut[i * n + j];
    sortAscendingToColumns(n, d, values, cols, n, vOut, order);
  }
  for (let i = 0; i < n; i++) values[i] *= scale;
  return ok;
}

interface Workspace {
  w: Float64Array;
  zt: Float64Array;
  d: Float64Array;
  e: Float64Array;
  work: Float64Array;
  order: Int32Array;
}

// Scratch buffers are reused across calls for small n (the batch case: thousands of
// same-size decompositions), where allocation would otherwise dominate. The kernels are
// synchronous and never re-enter eighKernel, so one workspace per size is safe.
const WORKSPACE_MAX_N = 64;
const workspaces: (Workspace | undefined)[] = [];

function workspace(n: number): Workspace {
  const cached = n <= WORKSPACE_MAX_N ? workspaces[n] : undefined;
  if (cached) return cached;
  const buf = new Float64Array(2 * n * n + 4 * n);
  const ws: Workspace = {
    w: buf.subarray(0, n * n),
    zt: buf.subarray(n * n, 2 * n * n),
    d: buf.subarray(2 * n * n, 2 * n * n + n),
    e: buf.subarray(2 * n * n + n, 2 * n * n + 2 * n),
    work: buf.subarray(2 * n * n + 2 * n, 2 * n * n + 4 * n),
    order: new Int32Array(n),
  };
  if (n <= WORKSPACE_MAX_N) workspaces[n] = ws;
  return ws;
}

function wantsRefinement(n: number, values: Float64Array, refine: boolean | 'auto'): boolean {
  if (refine !== 'auto') return refine;
  if (n > EIGH_REFINE_AUTO_MAX_N) return false;
  // Semidefinite spectra only (values are ascending): that is where relative accuracy is the
  // policy (SPD geometry); indefinite matrices keep LAPACK-level (backward-stable) accuracy.
  // An eigenvalue within n·ε·‖A‖ of zero has an uncertain sign in float64: count it as
  // semidefinite so that refinement can resolve it (e.g. SPD with condition beyond 1/ε).
  const slack = n * 2.220446049250313e-16 * Math.max(-values[0], values[n - 1]);
  if (values[0] < -slack && values[n - 1] > slack) return false;
  const lo = Math.min(Math.abs(values[0]), Math.abs(values[n - 1]));
  const hi = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
  return hi > EIGH_REFINE_AUTO_RATIO * lo;
}
