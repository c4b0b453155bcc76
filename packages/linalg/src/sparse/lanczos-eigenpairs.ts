// A few extreme eigenpairs of a symmetric operator by thick-restart Lanczos (Wu & Simon,
// "Thick-restart Lanczos method for large symmetric eigenvalue problems", SIAM J. Matrix Anal.
// Appl. 22(2), 2000; Stewart's Krylov–Schur restart, 2001), with full reorthogonalization.
import { checkInteger, checkOptions, checkPositive } from '../validate-arguments.js';
import type { LinearOperator } from '../conjugate-gradient.js';
import { eigh } from '../eigh.js';
import { ConvergenceError, InvalidArgumentError, NonFiniteError } from '../errors.js';
import type { IterativeOptions, IterativeResult } from '../iterative-types.js';
import type { Matrix } from '../matrix.js';
import { dot } from '../kernels/dot.js';
import { type Rng, rng } from '../rng.js';
import { normalizeInPlace, startVector } from '../start-vector.js';
import { throwIfAborted } from '../validate.js';

/** Result of {@link lanczosEigenpairs}, {@link lobpcg} and {@link sparseEigsh}. */
export interface EigenpairsResult extends IterativeResult {
  /** the k eigenvalues found, ascending */
  values: Float64Array;
  /** n×k matrix of orthonormal eigenvectors as columns (column j belongs to values[j]) */
  vectors: Matrix;
  /** ‖A v_j − λ_j v_j‖₂ per pair, measured with one final product per pair */
  residuals: Float64Array;
  /** largest residual relative to the spectral scale max|θ| of the Rayleigh–Ritz problem */
  residual: number;
  /** number of operator applications (restarts are counted in `iterations`) */
  matvecs: number;
}

/** Options of {@link lanczosEigenpairs}. */
export interface LanczosEigenpairsOptions extends IterativeOptions {
  /** 'largest' (default) or 'smallest' algebraic eigenvalues */
  which?: 'largest' | 'smallest';
  /** Krylov basis size per restart cycle (default min(n, max(2k + 1, k + 20))) */
  ncv?: number;
  /** starting vector (default Gaussian from `random`) */
  start?: Float64Array;
  /** generator for the start and for restarts after an invariant subspace (default rng(0)) */
  random?: Rng;
}

/**
 * The k largest (or smallest) eigenvalues and eigenvectors of an n-dimensional symmetric
 * operator by thick-restart Lanczos: build an orthonormal Krylov basis of `ncv` vectors (two
 * Gram–Schmidt passes per vector, so no spurious copies), solve the small Rayleigh–Ritz problem
 * with {@link eigh}, keep the best k + (ncv − k)/2 Ritz vectors plus the residual direction, and
 * continue. A Ritz pair (θ, y) has residual ‖Ay − θy‖ = β|s_m|, read off the small problem; the
 * run stops when every wanted pair has β|s_m| ≤ tol·max|θ|. `iterations` counts restart cycles
 * (`maxIter`, default 300). Eigenvalues in the interior of the spectrum converge slowly: for the
 * smallest eigenvalues of a Laplacian use {@link sparseEigsh} with a shift `sigma`.
 *
 * @param op - x ↦ A x for symmetric A
 * @param n - dimension
 * @param k - number of eigenpairs, 1 ≤ k < n (k = n is allowed when ncv = n)
 * @param options - `which`, `ncv`, `tol` (default 1e-10), `maxIter`, `start`, `random`,
 *   `signal`, `onProgress`, `strict`
 * @returns `{ values (ascending), vectors, residuals, residual, iterations, converged, matvecs }`
 * @throws {ConvergenceError} with `strict: true` when tol is not reached in maxIter cycles
 * @throws {NonFiniteError | ShapeError | InvalidArgumentError | AbortError}
 * @example
 * const a = diag([1, 2, 3, 4, 5, 6, 7, 8]);
 * const r = lanczosEigenpairs((x, out) => matvec(a, x, out), 8, 2);
 * r.values // => ~[7, 8]
 * r // => { converged: true }
 */
export function lanczosEigenpairs(
  op: LinearOperator,
  n: number,
  k: number,
  optionsIn: LanczosEigenpairsOptions = {},
): EigenpairsResult {
  return lanczosEigenpairsAs('lanczosEigenpairs', op, n, k, optionsIn);
}

/**
 * {@link lanczosEigenpairs} with its errors naming `fn`, the function the user called.
 *
 * @internal
 */
export function lanczosEigenpairsAs(
  fn: string,
  op: LinearOperator,
  n: number,
  k: number,
  optionsIn: LanczosEigenpairsOptions,
): EigenpairsResult {
  const options: LanczosEigenpairsOptions = checkOptions(fn, 'options', optionsIn);
  if (typeof op !== 'function')
    throw new InvalidArgumentError(`${fn}(): op must be a function (x, out) => void`);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${fn}(): n must be a positive integer (got ${n})`);
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new InvalidArgumentError(`${fn}(): k must be an integer in [1, n = ${n}] (got ${k})`);
  const {
    which = 'largest',
    tol = 1e-10,
    maxIter = 300,
    signal,
    onProgress,
    strict = false,
  } = options;
  if (which !== 'largest' && which !== 'smallest')
    throw new InvalidArgumentError(
      `${fn}(): which must be 'largest' or 'smallest' (got ${String(which)})`,
    );
  checkPositive(fn, 'tol', tol, true);
  checkInteger(fn, 'maxIter', maxIter, 1);
  const ncv = options.ncv ?? Math.min(n, Math.max(2 * k + 1, k + 20));
  if (!Number.isInteger(ncv) || ncv > n || (ncv <= k && ncv !== n))
    throw new InvalidArgumentError(
      `${fn}(): ncv must be an integer in (k, n] or equal to n (got ${ncv} with k = ${k}, n = ${n})`,
    );
  const random = options.random ?? rng(0);
  const V = new Float64Array(ncv * n); // basis vectors as contiguous rows
  const v0 = V.subarray(0, n);
  startVector(fn, v0, options.start, random);

  const T = new Float64Array(ncv * ncv);
  const w = new Float64Array(n);
  const h = new Float64Array(ncv);
  const fresh = new Float64Array(ncv * n);
  let j0 = 0;
  let matvecs = 0;
  let cycles = 0;
  let beta = 0;
  let normEst = 0;
  let theta: Float64Array = new Float64Array(0);
  let S: Float64Array = new Float64Array(0);
  let wanted: number[] = [];
  let worst = Number.POSITIVE_INFINITY;
  for (;;) {
    throwIfAborted(fn, signal);
    cycles++;
    for (let j = j0; j < ncv; j++) {
      const vj = V.subarray(j * n, (j + 1) * n);
      op(vj, w);
      matvecs++;
      for (let i = 0; i < n; i++) {
        const x = w[i];
        if (x - x !== 0) throw new NonFiniteError(`${fn}(): op returned ${x} at index ${i}`, i);
      }
      h.fill(0, 0, j + 1);
      for (let pass = 0; pass < 2; pass++)
        for (let i = 0; i <= j; i++) {
          const o = i * n;
          let c = 0;
          for (let q = 0; q < n; q++) c += V[o + q] * w[q];
          h[i] += c;
          for (let q = 0; q < n; q++) w[q] -= c * V[o + q];
        }
      for (let i = 0; i <= j; i++) {
        T[i * ncv + j] = h[i];
        T[j * ncv + i] = h[i];
      }
      beta = Math.sqrt(dot(n, w, w));
      normEst = Math.max(normEst, Math.abs(h[j]) + beta);
      if (j + 1 < ncv) {
        const next = V.subarray((j + 1) * n, (j + 2) * n);
        if (beta > 1e-12 * normEst) {
          for (let q = 0; q < n; q++) next[q] = w[q] / beta;
        } else {
          // invariant subspace: continue from a random direction orthogonal to the basis
          // (T gets no coupling, the exact eigenvalues found so far stay)
          randomOrthogonal(next, V, j + 1, n, random);
        }
      }
    }
    // Rayleigh–Ritz on T (ncv × ncv)
    const e = eigh({ rows: ncv, cols: ncv, data: T.slice() });
    theta = e.values;
    S = e.vectors.data;
    let scale = 0;
    for (let i = 0; i < ncv; i++) scale = Math.max(scale, Math.abs(theta[i]));
    wanted = [];
    for (let q = 0; q < k; q++) wanted.push(which === 'largest' ? ncv - 1 - q : q);
    worst = 0;
    for (const idx of wanted)
      worst = Math.max(worst, Math.abs(beta * S[(ncv - 1) * ncv + idx]) / (scale || 1));
    onProgress?.({ iteration: cycles, residual: worst, matvecs });
    if (worst <= tol || ncv === n || cycles >= maxIter) break;
    // thick restart: keep p Ritz vectors from the wanted end, then the residual direction
    const p = Math.min(ncv - 1, k + Math.floor((ncv - k) / 2));
    const keep: number[] = [];
    for (let q = 0; q < p; q++) keep.push(which === 'largest' ? ncv - 1 - q : q);
    fresh.fill(0, 0, p * n);
    for (let c = 0; c < p; c++) {
      const o = c * n;
      const col = keep[c];
      for (let l = 0; l < ncv; l++) {
        const s = S[l * ncv + col];
        if (s === 0) continue;
        const vo = l * n;
        for (let q = 0; q < n; q++) fresh[o + q] += s * V[vo + q];
      }
    }
    V.set(fresh.subarray(0, p * n));
    T.fill(0);
    for (let c = 0; c < p; c++) T[c * ncv + c] = theta[keep[c]];
    const next = V.subarray(p * n, (p + 1) * n);
    if (beta > 1e-12 * normEst) for (let q = 0; q < n; q++) next[q] = w[q] / beta;
    else randomOrthogonal(next, V, p, n, random);
    j0 = p;
  }
  const converged = worst <= tol || ncv === n;
  if (!converged && strict)
    throw new ConvergenceError(
      `${fn}(): relative Ritz residual ${worst.toExponential(2)} > tol ${tol.toExponential(0)} after ${cycles} restart cycles`,
      { iterations: cycles, residual: worst },
    );
  // Ritz vectors of the wanted pairs, ascending by eigenvalue
  const order = wanted.slice().sort((x, y) => theta[x] - theta[y]);
  const values = Float64Array.from(order, (i) => theta[i]);
  const vec = new Float64Array(n * k);
  const y = new Float64Array(n);
  const residuals = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    y.fill(0);
    for (let l = 0; l < ncv; l++) {
      const s = S[l * ncv + order[c]];
      if (s === 0) continue;
      const vo = l * n;
      for (let q = 0; q < n; q++) y[q] += s * V[vo + q];
    }
    normalizeInPlace(y);
    for (let q = 0; q < n; q++) vec[q * k + c] = y[q];
    op(y, w);
    matvecs++;
    let r = 0;
    for (let q = 0; q < n; q++) r += (w[q] - values[c] * y[q]) ** 2;
    residuals[c] = Math.sqrt(r);
  }
  return {
    values,
    vectors: { rows: n, cols: k, data: vec },
    residuals,
    residual: worst,
    iterations: cycles,
    converged,
    matvecs,
  };
}

/** A random unit vector orthogonal to the first m rows of V (two Gram–Schmidt passes). */
function randomOrthogonal(
  out: Float64Array,
  V: Float64Array,
  m: number,
  n: number,
  random: Rng,
): void {
  for (;;) {
    for (let q = 0; q < n; q++) out[q] = random.normal();
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < m; i++) {
        const o = i * n;
        let c = 0;
        for (let q = 0; q < n; q++) c += V[o + q] * out[q];
        for (let q = 0; q < n; q++) out[q] -= c * V[o + q];
      }
    if (normalizeInPlace(out) > 1e-8) return;
  }
}
