// A few eigenpairs of a sparse symmetric matrix: thick-restart Lanczos or LOBPCG on the CSR
// product, or Lanczos on the shift-inverted operator (A − σI)⁻¹ through a sparse Cholesky
// factorization (Ericsson & Ruhe, "The spectral transformation Lanczos method", Math. Comp.
// 35, 1980), as SciPy's eigsh(A, k, sigma=σ).
import { checkOptions } from '../validate-arguments.js';
import { InvalidArgumentError, NotPositiveDefiniteError } from '../errors.js';
import type { IterativeOptions } from '../iterative-types.js';
import type { Matrix } from '../matrix.js';
import type { Rng } from '../rng.js';
import type { CsrMatrix } from './kernels/csr.js';
import { csrMatvec } from './kernels/spmv.js';
import { csrFromTripletsKernel } from './kernels/triplets.js';
import { assertCsr, assertSymmetricCsr } from './csr-matrix.js';
import { type EigenpairsResult, lanczosEigenpairsAs } from './lanczos-eigenpairs.js';
import { lobpcgAs } from './lobpcg.js';
import { sparseCholesky } from './sparse-cholesky.js';

/** Options of {@link sparseEigsh}. */
export interface SparseEigshOptions extends IterativeOptions {
  /** 'smallest' (default) or 'largest' algebraic eigenvalues (with `sigma`: those nearest σ, above it) */
  which?: 'smallest' | 'largest';
  /**
   * shift-invert: find the eigenvalues nearest σ from above by Lanczos on (A − σI)⁻¹, factored
   * once by {@link sparseCholesky}. σ must lie below the smallest eigenvalue (A − σI positive
   * definite): for the smallest eigenpairs of a Laplacian a small negative σ such as −1e-3·‖A‖
   */
  sigma?: number;
  /** 'lanczos' (default) or 'lobpcg' (without sigma) */
  method?: 'lanczos' | 'lobpcg';
  /** Krylov basis size per restart (Lanczos) */
  ncv?: number;
  /** applied to residuals (LOBPCG) */
  preconditioner?: (x: Float64Array, out: Float64Array) => void;
  /** start vector (Lanczos) */
  start?: Float64Array;
  /** initial block (LOBPCG) */
  x0?: Matrix;
  random?: Rng;
}

/**
 * The k smallest or largest eigenpairs of a sparse symmetric matrix. Without `sigma`:
 * thick-restart Lanczos ({@link lanczosEigenpairs}) or {@link lobpcg} on the sparse product; both
 * converge fast for well-separated extreme eigenvalues and slowly for clustered ones (the
 * smallest eigenvalues of a graph Laplacian). With `sigma` below the spectrum, Lanczos on
 * (A − σI)⁻¹ turns the eigenvalues nearest σ into the largest, best-separated ones
 * (μ = 1/(λ − σ)), at the price of one sparse Cholesky factorization.
 *
 * @param a - sparse symmetric n×n matrix
 * @param k - number of eigenpairs
 * @param options - `which`, `sigma`, `method`, `tol` (default 1e-10 Lanczos, 1e-8 LOBPCG),
 *   `maxIter`, `ncv`, `preconditioner`, `start`, `x0`, `random`, `signal`, `onProgress`, `strict`
 * @returns `{ values (ascending), vectors, residuals (‖Av − λv‖ for A itself), residual, iterations, converged, matvecs }`
 * @throws {NotPositiveDefiniteError} when A − σI is not positive definite (σ not below the spectrum)
 * @throws {NotSymmetricError | ShapeError | NonFiniteError | InvalidArgumentError | ConvergenceError | AbortError}
 * @example
 * // the path-graph Laplacian on 50 nodes: λ_j = 2 − 2cos(jπ/50)
 * const n = 50;
 * const i: number[] = [], j: number[] = [], v: number[] = [];
 * for (let q = 0; q < n - 1; q++) i.push(q, q + 1, q, q + 1), j.push(q + 1, q, q, q + 1), v.push(-1, -1, 1, 1);
 * const L = csrFromTriplets(n, n, i, j, v);
 * const r = sparseEigsh(L, 3, { sigma: -1e-3 });
 * r.values // => ~[0, 0.0039465, 0.0157706]
 */
export function sparseEigsh(
  a: CsrMatrix,
  k: number,
  optionsIn: SparseEigshOptions = {},
): EigenpairsResult {
  const options: SparseEigshOptions = checkOptions('sparseEigsh', 'options', optionsIn);
  const fn = 'sparseEigsh';
  assertCsr(fn, 'a', a, true);
  assertSymmetricCsr(fn, 'a', a);
  const n = a.rows;
  const { which = 'smallest', sigma, method = 'lanczos', ...rest } = options;
  if (which !== 'largest' && which !== 'smallest')
    throw new InvalidArgumentError(
      `${fn}(): which must be 'smallest' or 'largest' (got ${String(which)})`,
    );
  if (method !== 'lanczos' && method !== 'lobpcg')
    throw new InvalidArgumentError(
      `${fn}(): method must be 'lanczos' or 'lobpcg' (got ${String(method)})`,
    );
  const op = (x: Float64Array, out: Float64Array) => csrMatvec(a, x, out);
  if (sigma === undefined) {
    if (method === 'lobpcg') return lobpcgAs(fn, op, n, k, { ...rest, which });
    return lanczosEigenpairsAs(fn, op, n, k, { ...rest, which });
  }
  if (typeof sigma !== 'number' || !Number.isFinite(sigma))
    throw new InvalidArgumentError(`${fn}(): sigma must be a finite number (got ${sigma})`);
  if (method !== 'lanczos' || which !== 'smallest')
    throw new InvalidArgumentError(
      `${fn}(): sigma works with method 'lanczos' and which 'smallest' (the eigenvalues nearest σ from above)`,
    );
  // A − σI: the triplets of A plus −σ on the diagonal (duplicates are summed)
  const nnz = a.rowPtr[n];
  const ri = new Int32Array(nnz + n);
  const ci = new Int32Array(nnz + n);
  const vals = new Float64Array(nnz + n);
  for (let i = 0; i < n; i++)
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      ri[p] = i;
      ci[p] = a.colIndex[p];
      vals[p] = a.values[p];
    }
  for (let i = 0; i < n; i++) {
    ri[nnz + i] = i;
    ci[nnz + i] = i;
    vals[nnz + i] = -sigma;
  }
  let factor: ReturnType<typeof sparseCholesky>;
  try {
    factor = sparseCholesky(csrFromTripletsKernel(n, n, ri, ci, vals));
  } catch (e) {
    if (e instanceof NotPositiveDefiniteError)
      throw new NotPositiveDefiniteError(
        `${fn}(): a − sigma·I is not positive definite: sigma = ${sigma} must lie below the smallest eigenvalue`,
        { pivot: e.pivot },
      );
    throw e;
  }
  const inv = lanczosEigenpairsAs(fn, (x, out) => factor.solve(x, out), n, k, {
    ...rest,
    which: 'largest',
  });
  // μ = 1/(λ − σ): the largest μ are the λ nearest σ; map back and recompute residuals on A
  const values = new Float64Array(k);
  const order = Array.from({ length: k }, (_, c) => k - 1 - c); // μ ascending → λ descending
  const vec = new Float64Array(n * k);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const residuals = new Float64Array(k);
  let scale = 0;
  for (let c = 0; c < k; c++) {
    const src = order[c];
    values[c] = sigma + 1 / inv.values[src];
    scale = Math.max(scale, Math.abs(values[c]));
  }
  let worst = 0;
  for (let c = 0; c < k; c++) {
    const src = order[c];
    for (let q = 0; q < n; q++) {
      x[q] = inv.vectors.data[q * k + src];
      vec[q * k + c] = x[q];
    }
    csrMatvec(a, x, y);
    let r = 0;
    for (let q = 0; q < n; q++) r += (y[q] - values[c] * x[q]) ** 2;
    residuals[c] = Math.sqrt(r);
    worst = Math.max(worst, residuals[c] / (scale || 1));
  }
  return {
    values,
    vectors: { rows: n, cols: k, data: vec },
    residuals,
    residual: worst,
    iterations: inv.iterations,
    converged: inv.converged,
    matvecs: inv.matvecs + k,
  };
}
