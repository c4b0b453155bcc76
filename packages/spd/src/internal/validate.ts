// Shared SPD validation: one helper per check so every message has the same form.
import {
  assertSymmetric,
  type Matrix,
  NotPositiveDefiniteError,
  ShapeError,
  SYMMETRY_TOLERANCE,
} from '@rg/linalg';
import { choleskyLower } from '@rg/linalg/kernels';

export const SHRINKAGE_HINT =
  "for rank-deficient covariances use a shrinkage estimator: covariance(x, { estimator: 'lwf' | 'oas' | { shrinkage: 0.1 } })";

/** Validate that `a` is SPD and return its lower Cholesky factor (row-major). */
export function spdCholesky(fn: string, name: string, a: Matrix): Float64Array {
  assertSymmetric(fn, name, a, SYMMETRY_TOLERANCE);
  const n = a.rows;
  if (n === 0) throw new ShapeError(`${fn}(): ${name} must not be empty (is 0×0)`);
  const l = new Float64Array(n * n);
  const failedPivot = choleskyLower(n, a.data, l);
  if (failedPivot >= 0)
    throw new NotPositiveDefiniteError(
      `${fn}(): ${name} is not positive definite (Cholesky pivot ${failedPivot} is ${l[failedPivot * n + failedPivot].toExponential(2)}); ${SHRINKAGE_HINT}`,
      { pivot: failedPivot },
    );
  return l;
}

/** Validate that `a` is SPD. */
export function assertSPD(fn: string, name: string, a: Matrix): void {
  spdCholesky(fn, name, a);
}

/** Validate that `v` is a symmetric matrix of the same size as the base point `p`. */
export function assertTangent(fn: string, name: string, v: Matrix, n: number): void {
  assertSymmetric(fn, name, v, SYMMETRY_TOLERANCE);
  if (v.rows !== n)
    throw new ShapeError(
      `${fn}(): ${name} must be ${n}×${n} like the base point (is ${v.rows}×${v.cols})`,
    );
}

/** Validate that both SPD points have the same size. */
export function assertSameSize(
  fn: string,
  nameA: string,
  a: Matrix,
  nameB: string,
  b: Matrix,
): void {
  if (a.rows !== b.rows)
    throw new ShapeError(
      `${fn}(): ${nameA} (${a.rows}×${a.cols}) and ${nameB} (${b.rows}×${b.cols}) must have the same size`,
    );
}

/** True when `x` is a finite symmetric matrix whose Cholesky factorization succeeds. */
export function isSPD(x: Matrix, tol = SYMMETRY_TOLERANCE): boolean {
  try {
    assertSymmetric('isPoint', 'x', x, tol);
  } catch {
    return false;
  }
  const n = x.rows;
  return n > 0 && choleskyLower(n, x.data, new Float64Array(n * n)) < 0;
}

/** True when `v` is a finite symmetric n×n matrix. */
export function isSym(v: Matrix, n: number, tol = SYMMETRY_TOLERANCE): boolean {
  try {
    assertSymmetric('isTangent', 'v', v, tol);
  } catch {
    return false;
  }
  return v.rows === n;
}
