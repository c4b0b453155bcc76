// The Newton–Schulz iteration toward the orthogonal polar factor of a matrix (Higham 2008,
// "Functions of Matrices", §8.3), with the quintic coefficients of Jordan et al. 2024 ("Muon").
import { gemm, gemmTransB } from '@rg/linalg/kernels';

/** Muon's quintic (a, b, c): p(s) = a·s + b·s³ + c·s⁵, the same for every step. */
export const MUON_COEFFICIENTS: readonly [number, number, number] = [3.4445, -4.775, 2.0315];

/**
 * out ← Newton–Schulz approximation of the polar factor UVᵀ of the m×n row-major `g`:
 * X₀ = G/‖G‖_F, then X ← a·X + (b·A + c·A²)·X with A = XXᵀ for each (a, b, c) triple of
 * `coefficients` (3 numbers per step). A tall matrix is iterated as its transpose, so the
 * Gram matrix is min(m, n)². Each singular value s of X₀ follows the scalar map
 * s ← a·s + b·s³ + c·s⁵ while the singular vectors stay those of G. A zero `g` gives zero.
 * Products run on @rg/linalg's gemm kernels. `out` must not overlap `g`.
 */
export function newtonSchulzInto(
  m: number,
  n: number,
  g: Float64Array,
  out: Float64Array,
  coefficients: ArrayLike<number>,
): void {
  const len = m * n;
  let ss = 0;
  for (let i = 0; i < len; i++) ss += g[i] * g[i];
  const norm = Math.sqrt(ss);
  if (norm === 0 || len === 0) {
    out.fill(0, 0, len);
    return;
  }
  const inv = 1 / norm;
  const tall = m > n;
  const r = tall ? n : m;
  const c = tall ? m : n;
  const x = new Float64Array(len);
  if (tall) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) x[j * m + i] = g[i * n + j] * inv;
  } else for (let i = 0; i < len; i++) x[i] = g[i] * inv;
  const a = new Float64Array(r * r);
  const aa = new Float64Array(r * r);
  const bx = new Float64Array(len);
  const steps = Math.floor(coefficients.length / 3);
  for (let s = 0; s < steps; s++) {
    const ca = coefficients[3 * s];
    const cb = coefficients[3 * s + 1];
    const cc = coefficients[3 * s + 2];
    gemmTransB(r, r, c, x, x, a); // A = XXᵀ
    gemm(r, r, r, a, a, aa); // A²
    for (let i = 0; i < r * r; i++) aa[i] = cb * a[i] + cc * aa[i];
    gemm(r, c, r, aa, x, bx); // (bA + cA²)X
    for (let i = 0; i < len; i++) x[i] = ca * x[i] + bx[i];
  }
  if (tall) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = x[j * m + i];
  } else out.set(x);
}
