// 2-Wasserstein distance between Gaussians in closed form (Dowson & Landau 1982;
// Givens & Shortt 1984); its covariance part is the Bures–Wasserstein distance.
import {
  assertFiniteArray,
  assertSymmetric,
  type Matrix,
  matmul,
  ShapeError,
  sqrtmSym,
  symmetrize,
} from '@rg/linalg';

/**
 * The 2-Wasserstein distance between N(m1, c1) and N(m2, c2):
 * √(‖m1 − m2‖² + tr(c1 + c2 − 2 (c1^½ c2 c1^½)^½)). The trace term is the squared
 * Bures–Wasserstein distance between the covariances (the same quantity @rg/spd's
 * Bures–Wasserstein metric measures; computed here with linalg's symmetric square root).
 * Tested against the same closed form evaluated with SciPy's `sqrtm` (condition numbers
 * up to 1e6). @rg/spd is not a dependency of @rg/ot yet, so linalg's `sqrtmSym` is used directly.
 *
 * @param m1 - mean of the first Gaussian (d)
 * @param c1 - its covariance, symmetric positive semidefinite d×d
 * @param m2 - mean of the second Gaussian (d)
 * @param c2 - its covariance (d×d)
 * @returns W₂ ≥ 0
 * @throws {ShapeError} when the dimensions disagree
 * @throws {NonFiniteError | NotSymmetricError} on non-finite or non-symmetric covariances
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * gaussianW2([0, 0], identity(2), [3, 4], identity(2)) // => 5
 * gaussianW2([0], fromRows([[1]]), [0], fromRows([[4]])) // => 1
 */
export function gaussianW2(
  m1: ArrayLike<number>,
  c1: Matrix,
  m2: ArrayLike<number>,
  c2: Matrix,
): number {
  const fn = 'gaussianW2';
  assertFiniteArray(fn, 'm1', m1);
  assertFiniteArray(fn, 'm2', m2);
  assertSymmetric(fn, 'c1', c1);
  assertSymmetric(fn, 'c2', c2);
  const d = m1.length;
  if (m2.length !== d || c1.rows !== d || c2.rows !== d)
    throw new ShapeError(
      `${fn}(): m1 (${d}), m2 (${m2.length}), c1 (${c1.rows}×${c1.cols}) and c2 (${c2.rows}×${c2.cols}) must share one dimension`,
    );
  let mean = 0;
  for (let k = 0; k < d; k++) mean += (m1[k] - m2[k]) ** 2;
  const r1 = sqrtmSym(c1);
  // r1 c2 r1 is symmetric in exact arithmetic; symmetrize the rounding before sqrtmSym.
  const cross = sqrtmSym(symmetrize(matmul(matmul(r1, c2), r1)));
  let tr = 0;
  for (let k = 0; k < d; k++)
    tr += c1.data[k * d + k] + c2.data[k * d + k] - 2 * cross.data[k * d + k];
  // The trace is ≥ 0 in exact arithmetic; clamp the rounding of nearly equal covariances.
  if (mean < Infinity) return Math.sqrt(mean + Math.max(tr, 0));
  // ‖m1 − m2‖² overflowed although W₂ may fit: scale the mean difference by its largest entry.
  let big = 0;
  for (let k = 0; k < d; k++) big = Math.max(big, Math.abs(m1[k] - m2[k]));
  let s = 0;
  for (let k = 0; k < d; k++) s += ((m1[k] - m2[k]) / big) ** 2;
  return Math.hypot(big * Math.sqrt(s), Math.sqrt(Math.max(tr, 0)));
}
