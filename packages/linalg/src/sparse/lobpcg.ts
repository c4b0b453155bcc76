// Locally optimal block preconditioned conjugate gradient for a few extreme eigenpairs
// (Knyazev, "Toward the optimal preconditioned eigensolver: LOBPCG", SIAM J. Sci. Comput. 23(2),
// 2001), with the basis [X, W, P] orthonormalized by two Gram–Schmidt passes per column
// (dropping dependent directions) instead of the Cholesky-based Rayleigh–Ritz, which breaks
// down when P becomes nearly dependent on X near convergence.
import { checkInteger, checkOptions, checkPositive } from '../validate-arguments.js';
import type { LinearOperator } from '../conjugate-gradient.js';
import { eigh } from '../eigh.js';
import { ConvergenceError, InvalidArgumentError, NonFiniteError, ShapeError } from '../errors.js';
import type { IterativeOptions } from '../iterative-types.js';
import type { Matrix } from '../matrix.js';
import { type Rng, rng } from '../rng.js';
import { assertFinite, throwIfAborted } from '../validate.js';
import type { EigenpairsResult } from './lanczos-eigenpairs.js';

/** Options of {@link lobpcg}. */
export interface LobpcgOptions extends IterativeOptions {
  /** 'smallest' (default) or 'largest' algebraic eigenvalues */
  which?: 'smallest' | 'largest';
  /** applies T ≈ (A − θI)⁻¹ or any SPD approximation of A⁻¹ to a residual (default none) */
  preconditioner?: LinearOperator;
  /** n×k initial block (default Gaussian from `random`) */
  x0?: Matrix;
  /** generator for the default initial block (default rng(0)) */
  random?: Rng;
}

/**
 * The k smallest (or largest) eigenpairs of an n-dimensional symmetric operator by LOBPCG: each
 * step does Rayleigh–Ritz on the span of the current block X, the preconditioned residuals
 * W = T(AX − XΘ) and the previous step's direction P, so the block follows a three-term
 * recurrence like conjugate gradients, with a preconditioner where Lanczos can use none. Stops
 * when every residual ‖Ax_j − θ_j x_j‖ ≤ tol·max|θ|. `iterations` counts block steps (`maxIter`,
 * default 500). Needs 3k < n.
 *
 * @param op - x ↦ A x for symmetric A
 * @param n - dimension
 * @param k - number of eigenpairs, 1 ≤ k with 3k < n
 * @param options - `which`, `preconditioner`, `x0`, `random`, `tol` (default 1e-8), `maxIter`,
 *   `signal`, `onProgress`, `strict`
 * @returns `{ values (ascending), vectors, residuals, residual, iterations, converged, matvecs }`
 * @throws {ConvergenceError} with `strict: true` when tol is not reached
 * @throws {NonFiniteError | ShapeError | InvalidArgumentError | AbortError}
 * @example
 * const a = diag([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * const r = lobpcg((x, out) => matvec(a, x, out), 10, 2);
 * r.values // => ~[1, 2]
 */
export function lobpcg(
  op: LinearOperator,
  n: number,
  k: number,
  optionsIn: LobpcgOptions = {},
): EigenpairsResult {
  return lobpcgAs('lobpcg', op, n, k, optionsIn);
}

/**
 * {@link lobpcg} with its errors naming `fn`, the function the user called.
 *
 * @internal
 */
export function lobpcgAs(
  fn: string,
  op: LinearOperator,
  n: number,
  k: number,
  optionsIn: LobpcgOptions,
): EigenpairsResult {
  const options: LobpcgOptions = checkOptions(fn, 'options', optionsIn);
  if (typeof op !== 'function')
    throw new InvalidArgumentError(`${fn}(): op must be a function (x, out) => void`);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${fn}(): n must be a positive integer (got ${n})`);
  if (!Number.isInteger(k) || k < 1 || 3 * k >= n)
    throw new InvalidArgumentError(
      `${fn}(): k must be a positive integer with 3k < n = ${n} (got ${k}); use eigh for small problems`,
    );
  const {
    which = 'smallest',
    tol = 1e-8,
    maxIter = 500,
    signal,
    onProgress,
    strict = false,
    preconditioner,
  } = options;
  if (which !== 'largest' && which !== 'smallest')
    throw new InvalidArgumentError(
      `${fn}(): which must be 'smallest' or 'largest' (got ${String(which)})`,
    );
  checkPositive(fn, 'tol', tol, true);
  checkInteger(fn, 'maxIter', maxIter, 1);
  if (preconditioner !== undefined && typeof preconditioner !== 'function')
    throw new InvalidArgumentError(`${fn}(): preconditioner must be a function (x, out) => void`);
  const sign = which === 'largest' ? -1 : 1;
  let matvecs = 0;
  const tmp = new Float64Array(n);
  const apply = (x: Float64Array, out: Float64Array) => {
    op(x, out);
    matvecs++;
    for (let i = 0; i < n; i++) {
      const v = out[i];
      if (v - v !== 0) throw new NonFiniteError(`${fn}(): op returned ${v} at index ${i}`, i);
      out[i] = sign * v;
    }
  };
  // blocks are stored as contiguous rows (column vectors of the math), m vectors of length n
  const X = new Float64Array(k * n);
  if (options.x0 !== undefined) {
    const x0 = options.x0;
    assertFinite(fn, 'x0', x0);
    if (x0.rows !== n || x0.cols !== k)
      throw new ShapeError(`${fn}(): x0 must be ${n}×${k} (got ${x0.rows}×${x0.cols})`);
    for (let c = 0; c < k; c++) for (let q = 0; q < n; q++) X[c * n + q] = x0.data[q * k + c];
  } else {
    const random = options.random ?? rng(0);
    for (let i = 0; i < X.length; i++) X[i] = random.normal();
  }
  const maxBasis = 3 * k;
  const S = new Float64Array(maxBasis * n);
  const AS = new Float64Array(maxBasis * n);
  const AX = new Float64Array(k * n);
  let P: Float64Array | null = null;
  let AP: Float64Array | null = null;
  const theta = new Float64Array(k);
  const residuals = new Float64Array(k);
  let iterations = 0;
  let worst = Number.POSITIVE_INFINITY;
  let scale = 0;

  // initial Rayleigh–Ritz on X alone
  let m = orthonormalize(X, null, k, n, 0);
  if (m < k) throw new InvalidArgumentError(`${fn}(): x0 must have linearly independent columns`);
  for (let c = 0; c < k; c++)
    apply(X.subarray(c * n, (c + 1) * n), AX.subarray(c * n, (c + 1) * n));
  rayleighRitz(X, AX, k, k, n, theta, null, null);
  for (;;) {
    throwIfAborted(fn, signal);
    // recompute AX from X (a tracked AX drifts with rounding), residuals R = AX − XΘ into W
    for (let c = 0; c < k; c++)
      apply(X.subarray(c * n, (c + 1) * n), AX.subarray(c * n, (c + 1) * n));
    scale = 0;
    for (let c = 0; c < k; c++) {
      const o = c * n;
      let t = 0;
      let xx = 0;
      for (let q = 0; q < n; q++) {
        t += X[o + q] * AX[o + q];
        xx += X[o + q] * X[o + q];
      }
      theta[c] = t / xx;
      scale = Math.max(scale, Math.abs(theta[c]));
    }
    worst = 0;
    const W = S.subarray(k * n, 2 * k * n);
    for (let c = 0; c < k; c++) {
      const o = c * n;
      let r = 0;
      for (let q = 0; q < n; q++) {
        const v = AX[o + q] - theta[c] * X[o + q];
        W[o + q] = v;
        r += v * v;
      }
      residuals[c] = Math.sqrt(r);
      worst = Math.max(worst, residuals[c] / (scale || 1));
    }
    onProgress?.({ iteration: iterations, residual: worst, matvecs });
    if (worst <= tol || iterations >= maxIter) break;
    iterations++;
    if (preconditioner)
      for (let c = 0; c < k; c++) {
        const wc = W.subarray(c * n, (c + 1) * n);
        preconditioner(wc, tmp);
        wc.set(tmp);
      }
    // basis [X, W, P] and its image, orthonormalized together (column operations commute with A)
    S.set(X, 0);
    AS.set(AX, 0);
    let cols = 2 * k;
    for (let c = 0; c < k; c++)
      apply(S.subarray((k + c) * n, (k + c + 1) * n), AS.subarray((k + c) * n, (k + c + 1) * n));
    if (P && AP) {
      S.set(P, 2 * k * n);
      AS.set(AP, 2 * k * n);
      cols = 3 * k;
    }
    m = orthonormalize(S, AS, cols, n, k);
    const C = rayleighRitz(S, AS, m, k, n, theta, X, AX);
    // P = the W/P components of the new block, with their images
    P ??= new Float64Array(k * n);
    AP ??= new Float64Array(k * n);
    P.fill(0);
    AP.fill(0);
    for (let c = 0; c < k; c++)
      for (let l = k; l < m; l++) {
        const s = C[l * k + c];
        const o = l * n;
        const po = c * n;
        for (let q = 0; q < n; q++) {
          P[po + q] += s * S[o + q];
          AP[po + q] += s * AS[o + q];
        }
      }
  }
  const converged = worst <= tol;
  if (!converged && strict)
    throw new ConvergenceError(
      `${fn}(): relative residual ${worst.toExponential(2)} > tol ${tol.toExponential(0)} after ${iterations} iterations`,
      { iterations, residual: worst },
    );
  const idx = Array.from({ length: k }, (_, c) => c).sort(
    (x, y) => sign * theta[x] - sign * theta[y],
  );
  const values = Float64Array.from(idx, (c) => sign * theta[c]);
  const vec = new Float64Array(n * k);
  const res = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const c = idx[j];
    for (let q = 0; q < n; q++) vec[q * k + j] = X[c * n + q];
    res[j] = residuals[c];
  }
  return {
    values,
    vectors: { rows: n, cols: k, data: vec },
    residuals: res,
    residual: worst,
    iterations,
    converged,
    matvecs,
  };
}

/**
 * Orthonormalize the first `cols` rows of B in place by two modified Gram–Schmidt passes,
 * applying the same column operations to AB (when given); rows whose norm falls below 1e-10 of
 * their original norm are dropped (the rest are compacted). The first `keep` rows are assumed
 * orthonormal already. Returns the number of rows kept.
 */
function orthonormalize(
  B: Float64Array,
  AB: Float64Array | null,
  cols: number,
  n: number,
  keep: number,
): number {
  let m = keep;
  for (let c = keep; c < cols; c++) {
    const o = c * n;
    let norm0 = 0;
    for (let q = 0; q < n; q++) norm0 += B[o + q] * B[o + q];
    norm0 = Math.sqrt(norm0);
    if (!(norm0 > 0)) continue;
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < m; i++) {
        const io = i * n;
        let d = 0;
        for (let q = 0; q < n; q++) d += B[io + q] * B[o + q];
        for (let q = 0; q < n; q++) B[o + q] -= d * B[io + q];
        if (AB) for (let q = 0; q < n; q++) AB[o + q] -= d * AB[io + q];
      }
    let norm = 0;
    for (let q = 0; q < n; q++) norm += B[o + q] * B[o + q];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-10 * norm0)) continue;
    const mo = m * n;
    for (let q = 0; q < n; q++) B[mo + q] = B[o + q] / norm;
    if (AB) for (let q = 0; q < n; q++) AB[mo + q] = AB[o + q] / norm;
    m++;
  }
  return m;
}

/**
 * Rayleigh–Ritz on the m orthonormal rows of S with images AS: the k smallest Ritz pairs go
 * into theta and (when X, AX are given) into X = Sᵀ C, AX = ASᵀ C. Returns C (m×k, row-major).
 * With X = null the block S itself is rotated (initial step, m = k).
 */
function rayleighRitz(
  S: Float64Array,
  AS: Float64Array,
  m: number,
  k: number,
  n: number,
  theta: Float64Array,
  X: Float64Array | null,
  AX: Float64Array | null,
): Float64Array {
  const G = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i; j < m; j++) {
      let s = 0;
      const io = i * n;
      const jo = j * n;
      for (let q = 0; q < n; q++) s += S[io + q] * AS[jo + q] + S[jo + q] * AS[io + q];
      G[i * m + j] = G[j * m + i] = 0.5 * s;
    }
  const e = eigh({ rows: m, cols: m, data: G });
  const C = new Float64Array(m * k);
  for (let i = 0; i < m; i++) for (let c = 0; c < k; c++) C[i * k + c] = e.vectors.data[i * m + c];
  for (let c = 0; c < k; c++) theta[c] = e.values[c];
  const outX = X ?? new Float64Array(k * n);
  const outAX = AX ?? new Float64Array(k * n);
  outX.fill(0);
  outAX.fill(0);
  for (let c = 0; c < k; c++)
    for (let l = 0; l < m; l++) {
      const s = C[l * k + c];
      const o = l * n;
      const xo = c * n;
      for (let q = 0; q < n; q++) {
        outX[xo + q] += s * S[o + q];
        outAX[xo + q] += s * AS[o + q];
      }
    }
  if (!X) {
    S.set(outX.subarray(0, k * n));
    AS.set(outAX.subarray(0, k * n));
  }
  return C;
}
