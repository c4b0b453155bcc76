// Discrete algebraic Riccati equation by the structure-preserving doubling algorithm (Chu, Fan &
// Lin, "A structure-preserving doubling algorithm for continuous-time algebraic Riccati
// equations", Linear Algebra Appl. 396, 2005; discrete form in Lin & Xu, SIAM J. Matrix Anal.
// Appl. 28(1), 2006).
import { dot } from './kernels/dot.js';
import { symmetrizeInPlace } from './kernels/symmetrize-in-place.js';
import { checkOptions } from './validate-arguments.js';
import { eigvals } from './eigvals.js';
import {
  ConvergenceError,
  InvalidArgumentError,
  NotPositiveDefiniteError,
  ShapeError,
} from './errors.js';
import { choleskyLower } from './kernels/cholesky.js';
import { gemm, gemmTransA, gemmTransB } from './kernels/gemm.js';
import { solveTriangularInPlace } from './kernels/solve-triangular.js';
import { luKernel, luSolveKernel } from './lu.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertSquare, assertSymmetric } from './validate.js';

/** Options of {@link solveDiscreteAre}. */
export interface SolveDiscreteAreOptions {
  /** cross-weight S (n×m) of the cost xᵀQx + 2xᵀSu + uᵀRu (default zero) */
  s?: Matrix;
  /** most doubling steps (default 100; a stabilizing solution needs about log₂ of the number of
   * plain Riccati iterations, typically 5–20) */
  maxIter?: number;
  /** stop when the relative change ‖X_{k+1} − X_k‖_F/‖X_{k+1}‖_F falls to `tol` (default 1e-13);
   * the doubling converges quadratically, so the last step is exact to rounding */
  tol?: number;
}

/** ‖x‖_F through the shared dot kernel. */
function frob(x: Float64Array): number {
  return Math.sqrt(dot(x.length, x, x));
}

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] - x[i] !== 0) return false;
  return true;
}

/**
 * Solve the discrete algebraic Riccati equation (DARE)
 * X = AᵀXA − (AᵀXB + S)(R + BᵀXB)⁻¹(BᵀXA + Sᵀ) + Q
 * for its stabilizing solution X (symmetric; A − B(R + BᵀXB)⁻¹(BᵀXA + Sᵀ) has all
 * eigenvalues inside the unit circle), the equation of discrete-time LQR: the optimal policy of
 * x' = Ax + Bu with cost Σ xᵀQx + 2xᵀSu + uᵀRu is u = −Kx, K = (R + BᵀXB)⁻¹(BᵀXA + Sᵀ).
 * Same equation and arguments as SciPy's `solve_discrete_are(a, b, q, r, s=s)`.
 *
 * Method: the structure-preserving doubling algorithm on A₀ = A − BR⁻¹Sᵀ, G₀ = BR⁻¹Bᵀ,
 * H₀ = Q − SR⁻¹Sᵀ: with W = I + G_kH_k,
 * A_{k+1} = A_kW⁻¹A_k, G_{k+1} = G_k + A_kW⁻¹G_kA_kᵀ, H_{k+1} = H_k + A_kᵀH_kW⁻¹A_k,
 * and H_k → X quadratically (the error falls like ρ^{2^k} with ρ the spectral radius of the
 * closed loop). Each step is one LU solve and four products, O(n³). It needs the standard LQR
 * assumptions: (A, B) stabilizable and (A, Q − SR⁻¹Sᵀ) detectable.
 *
 * @param a - n×n state matrix
 * @param b - n×m input matrix
 * @param q - n×n symmetric state weight (positive semidefinite for the LQR assumptions)
 * @param r - m×m symmetric positive definite input weight
 * @param options - `s` (cross weight), `maxIter`, `tol`
 * @returns X, n×n symmetric
 * @throws {ShapeError} when the sizes do not fit
 * @throws {NonFiniteError} when an input holds NaN or ±Infinity
 * @throws {NotSymmetricError} when q or r is not symmetric
 * @throws {NotPositiveDefiniteError} when r is not positive definite
 * @throws {ConvergenceError} when there is no stabilizing solution the doubling can reach:
 *   (A, B) not stabilizable, a closed-loop eigenvalue on the unit circle, or (A, Q) not
 *   detectable (the iteration then stalls, overflows, or ends at a non-stabilizing solution)
 * @example
 * solveDiscreteAre(fromRows([[1]]), fromRows([[1]]), fromRows([[1]]), fromRows([[1]])) // => ~[[1.618034]]
 * solveDiscreteAre(fromRows([[2]]), fromRows([[0]]), fromRows([[1]]), fromRows([[1]])) // => throws ConvergenceError
 */
export function solveDiscreteAre(
  a: Matrix,
  b: Matrix,
  q: Matrix,
  r: Matrix,
  optionsIn: SolveDiscreteAreOptions = {},
): Matrix {
  const options: SolveDiscreteAreOptions = checkOptions('solveDiscreteAre', 'options', optionsIn);
  const fn = 'solveDiscreteAre';
  assertSquare(fn, 'a', a);
  assertFinite(fn, 'b', b);
  assertSymmetric(fn, 'q', q);
  assertSymmetric(fn, 'r', r);
  const n = a.rows;
  const m = b.cols;
  if (b.rows !== n) throw new ShapeError(`${fn}(): b must have ${n} rows like a (has ${b.rows})`);
  if (q.rows !== n)
    throw new ShapeError(`${fn}(): q must be ${n}×${n} like a (is ${q.rows}×${q.cols})`);
  if (r.rows !== m)
    throw new ShapeError(`${fn}(): r must be ${m}×${m} (b.cols × b.cols), is ${r.rows}×${r.cols}`);
  const { s, maxIter = 100, tol = 1e-13 } = options;
  if (s !== undefined) {
    assertFinite(fn, 'options.s', s);
    if (s.rows !== n || s.cols !== m)
      throw new ShapeError(`${fn}(): options.s must be ${n}×${m} like b (is ${s.rows}×${s.cols})`);
  }
  if (!Number.isInteger(maxIter) || maxIter < 1)
    throw new InvalidArgumentError(
      `${fn}(): options.maxIter must be a positive integer (got ${maxIter})`,
    );
  if (!(tol >= 0 && tol < 1))
    throw new InvalidArgumentError(`${fn}(): options.tol must be in [0, 1) (got ${tol})`);
  if (n === 0) return { rows: 0, cols: 0, data: new Float64Array(0) };

  // R = LLᵀ; Y = L⁻¹Bᵀ (m×n) gives G₀ = YᵀY = BR⁻¹Bᵀ, PSD by construction.
  const L = new Float64Array(m * m);
  const bad = choleskyLower(m, r.data, L);
  if (bad >= 0)
    throw new NotPositiveDefiniteError(
      `${fn}(): r must be positive definite (Cholesky pivot ${bad} is ${L[bad * m + bad].toExponential(2)})`,
      { pivot: bad },
    );
  const Y = new Float64Array(m * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Y[j * n + i] = b.data[i * m + j];
  solveTriangularInPlace(m, n, L, Y, { lower: true });
  let A = Float64Array.from(a.data);
  let G = new Float64Array(n * n);
  let H = Float64Array.from(q.data);
  if (m > 0) gemmTransA(n, n, m, Y, Y, G);
  if (s !== undefined && m > 0) {
    // Z = L⁻¹Sᵀ: A₀ = A − YᵀZ = A − BR⁻¹Sᵀ, H₀ = Q − ZᵀZ = Q − SR⁻¹Sᵀ
    const Z = new Float64Array(m * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Z[j * n + i] = s.data[i * m + j];
    solveTriangularInPlace(m, n, L, Z, { lower: true });
    const t = new Float64Array(n * n);
    gemmTransA(n, n, m, Y, Z, t);
    for (let i = 0; i < n * n; i++) A[i] -= t[i];
    gemmTransA(n, n, m, Z, Z, t);
    for (let i = 0; i < n * n; i++) H[i] -= t[i];
  }
  symmetrizeInPlace(n, G);
  symmetrizeInPlace(n, H);

  const W = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const Y1 = new Float64Array(n * n);
  const Y2 = new Float64Array(n * n);
  const T = new Float64Array(n * n);
  let An = new Float64Array(n * n);
  let Gn = new Float64Array(n * n);
  let Hn = new Float64Array(n * n);
  let change = Number.POSITIVE_INFINITY;
  let iterations = 0;
  const solveW = (rhs: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      const o = piv[i] * n;
      for (let c = 0; c < n; c++) out[i * n + c] = rhs[o + c];
    }
    luSolveKernel(W, n, out, n);
  };
  while (iterations < maxIter) {
    iterations++;
    // W = I + GH; G and H are PSD under the assumptions, so W is nonsingular
    gemm(n, n, n, G, H, W);
    for (let i = 0; i < n; i++) W[i * n + i] += 1;
    luKernel(W, n, piv);
    solveW(A, Y1); // W⁻¹A
    solveW(G, Y2); // W⁻¹G
    gemm(n, n, n, A, Y1, An);
    gemm(n, n, n, A, Y2, T);
    gemmTransB(n, n, n, T, A, Gn);
    for (let i = 0; i < n * n; i++) Gn[i] += G[i];
    gemm(n, n, n, H, Y1, T);
    gemmTransA(n, n, n, A, T, Hn);
    let diff = 0;
    for (let i = 0; i < n * n; i++) {
      const d = Hn[i];
      Hn[i] = H[i] + d;
      diff += d * d;
    }
    symmetrizeInPlace(n, Gn);
    symmetrizeInPlace(n, Hn);
    [A, An] = [An, A];
    [G, Gn] = [Gn, G];
    [H, Hn] = [Hn, H];
    if (!allFinite(H) || !allFinite(A))
      throw new ConvergenceError(
        `${fn}(): the doubling iteration overflowed after ${iterations} steps: there is no stabilizing solution ((a, b) not stabilizable, or a closed-loop eigenvalue on the unit circle)`,
        { iterations, residual: Number.POSITIVE_INFINITY },
      );
    const norm = frob(H);
    change = norm === 0 ? Math.sqrt(diff) : Math.sqrt(diff) / norm;
    if (change <= tol) break;
  }
  if (!(change <= tol))
    throw new ConvergenceError(
      `${fn}(): the doubling iteration did not converge in ${iterations} steps (relative change ${change.toExponential(2)}): the closed loop has an eigenvalue on or near the unit circle, or (a, b) is not stabilizable`,
      { iterations, residual: change },
    );

  // A stabilizing solution makes A − BK stable; (A, Q) not detectable can end elsewhere.
  let X = H;
  let step = riccatiStep(a, b, q, r, s, X);
  if (!(step.radius < 1))
    throw new ConvergenceError(
      `${fn}(): the iteration converged to a solution whose closed loop has spectral radius ${step.radius.toPrecision(4)} ≥ 1: (a, q) is not detectable, so the doubling cannot reach the stabilizing solution`,
      { iterations, residual: change },
    );
  // Newton (Hewer 1971) defect correction: the doubling's forward error grows with ‖G‖ (a
  // nearly singular r); E − A_clᵀ E A_cl = F(X) brings the residual F(X) back to the rounding
  // level. One or two steps suffice from the doubling's result.
  for (let k = 0; k < 2 && step.relativeResidual > 8 * n * EPS; k++) {
    const E = steinSolve(step.closedLoop, step.residual, n);
    const next = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) next[i] = X[i] + E[i];
    symmetrizeInPlace(n, next);
    const tried = riccatiStep(a, b, q, r, s, next);
    if (!(tried.relativeResidual < step.relativeResidual) || !(tried.radius < 1)) break;
    X = next;
    step = tried;
  }
  return { rows: n, cols: n, data: X };
}

const EPS = 2 ** -52;

interface RiccatiStep {
  /** F(X) = AᵀXA − X − M(R + BᵀXB)⁻¹Mᵀ + Q, M = AᵀXB + S */
  residual: Float64Array;
  /** ‖F(X)‖_F / max(‖Q‖_F, ‖X‖_F, ‖AᵀXA‖_F) */
  relativeResidual: number;
  /** A − BK, K = (R + BᵀXB)⁻¹Mᵀ */
  closedLoop: Float64Array;
  /** spectral radius of the closed loop */
  radius: number;
}

/** The residual and closed loop of the DARE at X (m = 0 allowed: K = 0). */
function riccatiStep(
  a: Matrix,
  b: Matrix,
  q: Matrix,
  r: Matrix,
  s: Matrix | undefined,
  x: Float64Array,
): RiccatiStep {
  const n = a.rows;
  const m = b.cols;
  const xa = new Float64Array(n * n);
  gemm(n, n, n, x, a.data, xa);
  const atxa = new Float64Array(n * n);
  gemmTransA(n, n, n, a.data, xa, atxa);
  const cl = Float64Array.from(a.data);
  const res = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) res[i] = atxa[i] - x[i] + q.data[i];
  if (m > 0) {
    const xb = new Float64Array(n * m);
    gemm(n, m, n, x, b.data, xb);
    const M = new Float64Array(m * m); // R + BᵀXB
    gemmTransA(m, m, n, b.data, xb, M);
    for (let i = 0; i < m * m; i++) M[i] += r.data[i];
    const Mt = new Float64Array(m * n); // BᵀXA + Sᵀ
    gemmTransA(m, n, n, b.data, xa, Mt);
    if (s !== undefined)
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Mt[j * n + i] += s.data[i * m + j];
    const piv = new Int32Array(m);
    luKernel(M, m, piv);
    const K = new Float64Array(m * n);
    for (let i = 0; i < m; i++) K.set(Mt.subarray(piv[i] * n, piv[i] * n + n), i * n);
    luSolveKernel(M, m, K, n);
    const t = new Float64Array(n * n);
    gemm(n, n, m, b.data, K, t);
    for (let i = 0; i < n * n; i++) cl[i] -= t[i];
    gemmTransA(n, n, m, Mt, K, t); // M(R + BᵀXB)⁻¹Mᵀ
    for (let i = 0; i < n * n; i++) res[i] -= t[i];
  }
  symmetrizeInPlace(n, res);
  const scale = Math.max(frob(q.data), frob(x), frob(atxa));
  const relativeResidual = scale === 0 ? frob(res) : frob(res) / scale;
  let radius = Number.POSITIVE_INFINITY;
  if (allFinite(cl)) {
    const ev = eigvals({ rows: n, cols: n, data: cl });
    radius = 0;
    for (let i = 0; i < n; i++) radius = Math.max(radius, Math.hypot(ev.re[i], ev.im[i]));
  }
  return { residual: res, relativeResidual, closedLoop: cl, radius };
}

/** E = Σ_k (Aᵀ)^k F A^k for a stable A, by Smith's doubling (E ← E + AᵀEA, A ← A²). */
function steinSolve(a: Float64Array, f: Float64Array, n: number): Float64Array {
  let E = Float64Array.from(f);
  let A = Float64Array.from(a);
  let En = new Float64Array(n * n);
  let An = new Float64Array(n * n);
  const t = new Float64Array(n * n);
  for (let k = 0; k < 64; k++) {
    gemm(n, n, n, E, A, t);
    gemmTransA(n, n, n, A, t, En);
    const inc = frob(En);
    for (let i = 0; i < n * n; i++) En[i] += E[i];
    gemm(n, n, n, A, A, An);
    [E, En] = [En, E];
    [A, An] = [An, A];
    if (!(inc > EPS * frob(E))) break;
  }
  return E;
}
