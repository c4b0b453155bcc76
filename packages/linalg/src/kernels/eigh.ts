// Symmetric eigendecomposition on raw arrays: Householder tridiagonalization + implicit QL
// (Golub & Van Loan, Matrix Computations, 4th ed., §8.3) or divide and conquer with a compact-WY
// back-transformation (Gu & Eisenstat 1995) for larger n, cyclic Jacobi for small n (Demmel &
// Veselić 1992), optional mixed-precision refinement (Ogita & Aishima 2018).
import {
  jacobiEigen,
  powerOfTwoScale,
  refineEigen,
  sortAscendingToColumns,
} from './symmetric-eigensolvers.js';
import { tridiagonalBackTransform, tridiagonalEigen, tridiagonalReduce } from './tridiagonal.js';
import { tridiagonalDC } from './tridiagonal-dc.js';

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
 * Smallest n for which `eigh` with eigenvectors uses divide and conquer by default: from here
 * on the tridiagonal divide and conquer plus the compact-WY back-transformation (both on the
 * gemm kernel) beat QL with the rotations applied to Qᵀ (measured on Node 20, x86-64).
 *
 * @example
 * EIGH_DC_MIN // => 288
 */
export const EIGH_DC_MIN = 288;

/** The eigensolver of {@link eigh}: see {@link EighKernelOptions.method}. */
export type EighMethod = 'auto' | 'jacobi' | 'ql' | 'dc';

/** Options of the {@link eigh} kernel. */
export interface EighKernelOptions {
  /**
   * n×n output for the eigenvectors as columns (row-major; column j belongs to values[j]);
   * omit it (or pass null) for eigenvalues only, about three times cheaper
   */
  vectors?: Float64Array | null;
  /**
   * mixed-precision refinement of the eigenpairs: true, false, or 'auto' (default: when
   * vectors are computed, n ≤ {@link EIGH_REFINE_AUTO_MAX_N}, the spectrum is semidefinite and
   * max|λ| / min|λ| > {@link EIGH_REFINE_AUTO_RATIO}). `true` without `vectors` computes the
   * eigenvectors internally, so the values get the same relative accuracy
   */
  refine?: boolean | 'auto';
  /**
   * 'jacobi', 'ql', 'dc' (divide and conquer; eigenvalues alone always come from QL) or 'auto'
   * (default: Jacobi for n ≤ {@link EIGH_JACOBI_MAX}, QL below {@link EIGH_DC_MIN}, divide and
   * conquer from there when vectors are wanted)
   */
  method?: EighMethod;
}

/**
 * Eigendecomposition A = V diag(values) Vᵀ of the symmetric n×n row-major `a`, of which
 * only the lower triangle is read (`a` is not modified): ascending eigenvalues into `values`
 * (length n) and, when `options.vectors` is given, orthonormal eigenvectors as its columns.
 * Exact power-of-two scaling keeps squares of tiny or huge entries representable. Backward
 * stable; with refinement the eigenvalues of ill-conditioned semidefinite matrices keep
 * relative accuracy about ε. Workspaces for n ≤ 64 are cached and reused between calls.
 *
 * Aliasing: `values` and `options.vectors` must not overlap `a` or each other.
 *
 * @returns true; false when the iteration did not converge or `a` has a non-finite entry in
 *   its lower triangle, in which case `values` (and `vectors`) are filled with NaN
 * @example
 * import { eigh } from '@rg/linalg/kernels';
 * const values = new Float64Array(2);
 * const vectors = new Float64Array(4);
 * eigh(2, Float64Array.of(2, 1, 1, 2), values, { vectors }); // => true
 * values // => ~[1, 3]
 * Math.abs(vectors[0]) // => ~0.707107
 * @example
 * import { eigh } from '@rg/linalg/kernels';
 * const values = new Float64Array(2);
 * eigh(2, Float64Array.of(4, 0, 0, 1), values); // => true
 * values // => [1, 4]
 */
export function eigh(
  n: number,
  a: Float64Array,
  values: Float64Array,
  options: EighKernelOptions = {},
): boolean {
  return eighKernel(
    n,
    a,
    values,
    options.vectors ?? null,
    options.method ?? 'auto',
    options.refine ?? 'auto',
  );
}

/** An eigendecomposition in fresh buffers, as {@link eigensystem} returns it. */
export interface Eigensystem {
  /** the order of the matrix */
  n: number;
  /** eigenvalues, ascending */
  values: Float64Array;
  /** eigenvectors as the columns of this n×n row-major array */
  vectors: Float64Array;
  /** false when the iteration did not converge or the input was not finite (values are NaN) */
  converged: boolean;
}

/**
 * {@link eigh} into freshly allocated buffers, eigenvectors included: the convenient form for
 * code that keeps the decomposition (for {@link reconstruct}, {@link toEigenbasis},
 * {@link daleckiiKrein}).
 *
 * @param options - `refine` and `method` as for {@link eigh}
 * @example
 * import { eigensystem } from '@rg/linalg/kernels';
 * const e = eigensystem(2, Float64Array.of(3, 0, 0, 1));
 * e.values // => [1, 3]
 * e.vectors // => [0, 1, 1, 0]
 */
export function eigensystem(
  n: number,
  a: Float64Array,
  options: Omit<EighKernelOptions, 'vectors'> = {},
): Eigensystem {
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  const converged = eigh(n, a, values, { ...options, vectors });
  return { n, values, vectors, converged };
}

/**
 * The {@link eigh} kernel without the options object, called directly by the main entry's
 * wrappers. Not part of the kernels entry.
 */
export function eighKernel(
  n: number,
  src: Float64Array,
  values: Float64Array,
  vOut: Float64Array | null,
  m: EighMethod = 'auto',
  refine: boolean | 'auto' = 'auto',
): boolean {
  let maxAbs = 0;
  let poison = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = Math.abs(src[i * n + j]);
      // x − x is 0 for finite x and NaN otherwise
      poison += x - x;
      if (x > maxAbs) maxAbs = x;
    }
  if (poison !== 0) {
    values.fill(Number.NaN, 0, n);
    if (vOut) vOut.fill(Number.NaN, 0, n * n);
    return false;
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
  // Values-only with refine: true: the refinement needs the eigenvectors, kept internally.
  let vecs = vOut;
  if (!vecs && refine === true && n > 1) {
    ws.v ??= new Float64Array(n * n);
    vecs = ws.v;
  }
  const w = ws.w;
  scaledCopy(n, src, inv, w);
  const d = ws.d;
  let ok: boolean;
  const jacobi = m === 'jacobi' || (m === 'auto' && n <= EIGH_JACOBI_MAX);
  if (vecs && !jacobi && (m === 'dc' || (m === 'auto' && n >= EIGH_DC_MIN))) {
    // Divide and conquer on T, then V = Q Z by blocked reflectors: already ascending.
    tridiagonalReduce(n, w, d, ws.e, ws.work);
    ok = tridiagonalDC(n, d, ws.e, vecs);
    if (ok) tridiagonalBackTransform(n, w, ws.work.subarray(2 * n, 3 * n), vecs);
    values.set(d.subarray(0, n));
  } else {
    const zt = vecs ? ws.zt : null;
    ok = jacobi ? jacobiEigen(n, w, d, zt) : tridiagonalEigen(n, w, d, ws.e, zt, ws.work);
    sortAscendingToColumns(n, d, values, zt, n, vecs, ws.order);
  }
  if (vecs && ok && n > 1 && wantsRefinement(n, values, refine)) {
    // Refine against the exactly scaled input (both triangles from the lower one).
    scaledCopy(n, src, inv, w);
    d.set(values);
    refineEigen(n, w, vecs, d);
    // Refined values may swap order inside a cluster: re-sort values and columns.
    const cols = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cols[j * n + i] = vecs[i * n + j];
    sortAscendingToColumns(n, d, values, cols, n, vecs, ws.order);
  }
  for (let i = 0; i < n; i++) values[i] *= scale;
  if (!ok) {
    values.fill(Number.NaN, 0, n);
    if (vOut) vOut.fill(Number.NaN, 0, n * n);
  }
  return ok;
}

/** Both triangles of w from the lower triangle of src, times the exact power of two `inv`. */
function scaledCopy(n: number, src: Float64Array, inv: number, w: Float64Array): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = src[i * n + j] * inv;
      w[i * n + j] = x;
      w[j * n + i] = x;
    }
}

interface Workspace {
  w: Float64Array;
  /** eigenvectors kept internally for the values-only refinement (allocated on demand) */
  v?: Float64Array;
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
  const buf = new Float64Array(2 * n * n + 5 * n);
  const ws: Workspace = {
    w: buf.subarray(0, n * n),
    zt: buf.subarray(n * n, 2 * n * n),
    d: buf.subarray(2 * n * n, 2 * n * n + n),
    e: buf.subarray(2 * n * n + n, 2 * n * n + 2 * n),
    work: buf.subarray(2 * n * n + 2 * n, 2 * n * n + 5 * n),
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
