// One-sided (Hestenes) Jacobi SVD: plane rotations orthogonalize the columns of X directly, so
// singular values keep high relative accuracy for matrices that are well conditioned up to
// column scaling, and XᵀX is never formed (Demmel & Veselić 1992, "Jacobi's method is more
// accurate than QR", SIAM J. Matrix Anal. Appl. 13(4); Hestenes 1958).

const HALF_EPS = 2 ** -53;
const MAX_SWEEPS = 80;

/** Options of {@link oneSidedJacobi}. */
export interface OneSidedJacobiOptions {
  /**
   * false (default): X is `a`, stored m×n; true: X is the transpose of `a`, which is then
   * stored n×m (its rows are X's columns, the layout the rotations work on, so no copy
   * transposes it)
   */
  transpose?: boolean;
  /**
   * n×n output: when given, the rotations are accumulated into J and its columns, the right
   * singular vectors of X (the eigenvectors of XᵀX), are written here in the order of `s`
   */
  vectors?: Float64Array | null;
  /** order of the singular values in `s` (default 'descending') */
  order?: 'ascending' | 'descending';
}

/**
 * Singular values of an m×n matrix X by one-sided Jacobi: rotations J with XJ = B, B having
 * orthogonal columns, so σ_j = ‖b_j‖ and, with `vectors`, X = U diag(σ) Jᵀ and
 * XᵀX = J diag(σ²) Jᵀ. Use it for the eigendecomposition of a Gram matrix M·Mᵀ from its
 * factor M (X = Mᵀ, `transpose: true`): eigenvalues σ², eigenvectors J, with relative
 * accuracy where eigh of the formed product would only give ε·‖M‖² absolutely.
 * A pair of columns is rotated while |x_pᵀx_q| > m·(ε/2)·‖x_p‖·‖x_q‖; at most 80 sweeps.
 *
 * Aliasing: `s` and `options.vectors` must not overlap `a`; `a` is not modified.
 *
 * @param s - length n: the singular values (n − m of them are 0 when m < n)
 * @returns true when a sweep found every pair orthogonal; false after 80 sweeps, which is
 *   what exactly rank-deficient X (m < n, or dependent columns) gives: the relative test keeps
 *   rotating the rounding noise of its zero columns, while the singular values are as accurate
 * @example
 * import { oneSidedJacobi } from '@rg/linalg/kernels';
 * const s = new Float64Array(2);
 * oneSidedJacobi(2, 2, Float64Array.of(3, 0, 0, -4), s); // => true
 * s // => [4, 3]
 * @example
 * import { oneSidedJacobi } from '@rg/linalg/kernels';
 * // eigendecomposition of M·Mᵀ = [[2, 1], [1, 2]] from its factor M = [[1, 1, 0], [1, 0, 1]]
 * const m = Float64Array.of(1, 1, 0, 1, 0, 1);
 * const s = new Float64Array(2);
 * const vectors = new Float64Array(4);
 * oneSidedJacobi(3, 2, m, s, { transpose: true, vectors, order: 'ascending' });
 * s.map((x) => x * x) // => ~[1, 3]
 * Math.abs(vectors[0]) // => ~0.707107
 */
export function oneSidedJacobi(
  m: number,
  n: number,
  a: Float64Array,
  s: Float64Array,
  options: OneSidedJacobiOptions = {},
): boolean {
  // c holds the columns of X as contiguous rows (n rows of length m); jt the columns of J.
  const c = new Float64Array(n * m);
  if (options.transpose) c.set(a.subarray(0, n * m));
  else for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c[j * m + i] = a[i * n + j];
  const vectors = options.vectors ?? null;
  let jt: Float64Array | null = null;
  if (vectors) {
    jt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) jt[i * n + i] = 1;
  }
  let converged = false;
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    converged = true;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        const po = p * m;
        const qo = q * m;
        for (let i = 0; i < m; i++) {
          const x = c[po + i];
          const y = c[qo + i];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= m * HALF_EPS * Math.sqrt(alpha * beta)) continue;
        converged = false;
        // Rutishauser's stable rotation: t = tan θ, the smaller root.
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < m; i++) {
          const x = c[po + i];
          const y = c[qo + i];
          c[po + i] = cs * x - sn * y;
          c[qo + i] = sn * x + cs * y;
        }
        if (jt) {
          const pn = p * n;
          const qn = q * n;
          for (let i = 0; i < n; i++) {
            const u = jt[pn + i];
            const v = jt[qn + i];
            jt[pn + i] = cs * u - sn * v;
            jt[qn + i] = sn * u + cs * v;
          }
        }
      }
  }
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let v = 0;
    for (let i = 0; i < m; i++) v += c[j * m + i] ** 2;
    norms[j] = Math.sqrt(v);
  }
  const ascending = options.order === 'ascending';
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) =>
    ascending ? norms[x] - norms[y] : norms[y] - norms[x],
  );
  for (let k = 0; k < n; k++) {
    const j = order[k];
    s[k] = norms[j];
    if (vectors && jt) for (let i = 0; i < n; i++) vectors[i * n + k] = jt[j * n + i];
  }
  return converged;
}
