// Symmetric Lanczos tridiagonalization with optional full reorthogonalization (Lanczos 1950; Golub & Van Loan, Matrix Computations, 4th ed., Alg. 10.1.1 and §10.3.1).
import { guardAllocation } from './allocation.js';
import { checkOptions } from './validate-arguments.js';
import type { LinearOperator } from './conjugate-gradient.js';
import { ConvergenceError, InvalidArgumentError, NonFiniteError } from './errors.js';
import type { IterativeOptions, IterativeResult } from './iterative-types.js';
import type { Matrix } from './matrix.js';
import { type Rng, rng } from './rng.js';
import { startVector } from './start-vector.js';
import { throwIfAborted } from './validate.js';

/** Options of {@link lanczos}. */
export interface LanczosOptions extends IterativeOptions {
  /**
   * 'full' (default): re-orthogonalize every new vector against all previous ones (two
   * classical Gram–Schmidt passes), keeping the basis orthonormal to working precision;
   * 'none': the plain three-term recurrence (O(n) memory, loses orthogonality as Ritz values
   * converge, which produces spurious copies of them)
   */
  reorthogonalize?: 'full' | 'none';
  /** starting vector (normalized internally; default: Gaussian from `random`) */
  start?: Float64Array;
  /** generator for the default start vector (default rng(0)) */
  random?: Rng;
  /** return the Lanczos vectors (default true with 'full', false with 'none') */
  basis?: boolean;
}

/** Result of {@link lanczos}: A V ≈ V T with T = tridiag(beta, alpha, beta). */
export interface LanczosResult extends IterativeResult {
  /** diagonal of T (length = iterations) */
  alpha: Float64Array;
  /** off-diagonal of T (length = iterations − 1) */
  beta: Float64Array;
  /** n×iterations matrix whose columns are the Lanczos vectors (when requested) */
  basis?: Matrix;
  /** ‖A V − V T‖₂ = the norm of the last remainder vector, β_m */
  residual: number;
}

/**
 * Run up to k steps of the symmetric Lanczos process on an n-dimensional symmetric operator,
 * building the tridiagonal T = Vᵀ A V whose eigenvalues (Ritz values) approximate the extreme
 * eigenvalues of A, and whose eigenvectors' first components give Gauss quadrature weights
 * (stochastic Lanczos quadrature). The process stops early when the Krylov space is invariant
 * (β ≤ tol·‖T‖); `converged` says whether that happened, i.e. whether the Ritz values are
 * eigenvalues of A to within tol·‖T‖. A run of k < n steps on a generic operator ends with
 * `converged: false`; that is the normal case for quadrature, where T itself is the goal.
 *
 * @param op - x ↦ A x for symmetric A
 * @param n - dimension
 * @param k - number of steps (basis size), clamped to n
 * @param options - `reorthogonalize`, `start`, `random`, `basis`, `tol` (default 1e-12),
 *   `maxIter` (a further cap on the steps, default k), `signal`, `onProgress`, `strict`
 * @throws {ConvergenceError} with `strict: true` when the space did not become invariant
 * @throws {NonFiniteError | ShapeError | InvalidArgumentError | AbortError}
 * @example
 * const a = diag([1, 2, 3]);
 * const r = lanczos((x, out) => matvec(a, x, out), 3, 3);
 * r.alpha.reduce((s, v) => s + v) // => ~6.0000
 * r // => { converged: true, iterations: 3 }
 */
export function lanczos(
  op: LinearOperator,
  n: number,
  k: number,
  optionsIn: LanczosOptions = {},
): LanczosResult {
  const fn = 'lanczos';
  const options: LanczosOptions = checkOptions(fn, 'options', optionsIn);
  if (typeof op !== 'function')
    throw new InvalidArgumentError(`${fn}(): op must be a function (x, out) => void`);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${fn}(): n must be a positive integer (got ${n})`);
  if (!Number.isInteger(k) || k < 1)
    throw new InvalidArgumentError(`${fn}(): k must be a positive integer (got ${k})`);
  const {
    reorthogonalize = 'full',
    start,
    tol = 1e-12,
    maxIter = k,
    signal,
    onProgress,
    strict = false,
  } = options;
  if (!Number.isInteger(maxIter) || maxIter < 1)
    throw new InvalidArgumentError(`${fn}(): maxIter must be a positive integer (got ${maxIter})`);
  if (reorthogonalize !== 'full' && reorthogonalize !== 'none')
    throw new InvalidArgumentError(
      `${fn}(): reorthogonalize must be 'full' or 'none' (got ${String(reorthogonalize)})`,
    );
  if (!(tol >= 0)) throw new InvalidArgumentError(`${fn}(): tol must be ≥ 0 (got ${tol})`);
  const full = reorthogonalize === 'full';
  const keepBasis = options.basis ?? full;
  const steps = Math.min(k, n, maxIter);
  guardAllocation(fn, n, 8, 'vector');
  if (full || keepBasis) guardAllocation(fn, steps * n, 8, 'Krylov basis');
  let v = startVector(fn, new Float64Array(n), start, options.random ?? rng(0));
  // Vectors are kept as contiguous rows of `store` (steps×n) so that reorthogonalization
  // streams through memory; the basis is transposed to columns at the end.
  const store = full || keepBasis ? new Float64Array(steps * n) : null;
  let vPrev = new Float64Array(n);
  const w = new Float64Array(n);
  const alpha = new Float64Array(steps);
  const beta = new Float64Array(steps);
  let normT = 0;
  let m = 0;
  let residual = 0;
  let betaPrev = 0;
  while (m < steps) {
    throwIfAborted(fn, signal);
    store?.set(v, m * n);
    op(v, w);
    for (let i = 0; i < n; i++) {
      const x = w[i];
      if (x - x !== 0) throw new NonFiniteError(`${fn}(): op returned ${x} at index ${i}`, i);
    }
    let a = 0;
    for (let i = 0; i < n; i++) a += v[i] * w[i];
    for (let i = 0; i < n; i++) w[i] -= a * v[i] + betaPrev * vPrev[i];
    if (full && store) {
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j <= m; j++) {
          const o = j * n;
          let c = 0;
          for (let i = 0; i < n; i++) c += store[o + i] * w[i];
          if (j === m) a += c;
          for (let i = 0; i < n; i++) w[i] -= c * store[o + i];
        }
      }
    }
    alpha[m] = a;
    let b = 0;
    for (let i = 0; i < n; i++) b += w[i] * w[i];
    b = Math.sqrt(b);
    beta[m] = b;
    m++;
    normT = Math.max(normT, Math.abs(a) + b + betaPrev);
    residual = b;
    onProgress?.({ iteration: m, residual: b, alpha: a, beta: b });
    if (b <= tol * normT) break;
    if (m === steps) break;
    const t = vPrev;
    vPrev = v;
    v = t;
    for (let i = 0; i < n; i++) v[i] = w[i] / b;
    betaPrev = b;
  }
  const converged = residual <= tol * normT;
  if (!converged && strict)
    throw new ConvergenceError(
      `${fn}(): the Krylov space is not invariant after ${m} steps (β = ${residual.toExponential(2)} > tol·‖T‖)`,
      { iterations: m, residual },
    );
  const result: LanczosResult = {
    alpha: alpha.slice(0, m),
    beta: beta.slice(0, Math.max(0, m - 1)),
    iterations: m,
    converged,
    residual,
  };
  if (keepBasis && store) {
    const basis = new Float64Array(n * m);
    for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) basis[i * m + j] = store[j * n + i];
    result.basis = { rows: n, cols: m, data: basis };
  }
  return result;
}
