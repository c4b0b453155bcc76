// The discrete-time linear-quadratic regulator (Kalman 1960; Bertsekas, "Dynamic Programming and
// Optimal Control", vol. I, §4.1) as an environment, with its Riccati-optimal linear policy.
import {
  assertSymmetric,
  cholesky,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
  type Rng,
  ShapeError,
  solveDiscreteAre,
  checkInRange,
  checkInteger,
  checkMatrix,
  checkOptions,
  checkPositive,
} from '@rg/linalg';
import {
  choleskyLower,
  dot,
  gemm,
  gemmTransA,
  gemmTransB,
  solveTriangularInPlace,
} from '@rg/linalg/kernels';
import type { Action, Environment, StepResult } from './environment.js';
import { type BoxSpace, unboundedBox } from './spaces.js';
import { defaultHorizon } from './tabular-mdp.js';

/** Options of {@link lqr}. */
export interface LqrOptions {
  /** n×n state matrix: x' = Ax + Bu (+ w) */
  A: Matrix;
  /** n×m input matrix */
  B: Matrix;
  /** n×n symmetric positive semidefinite state cost */
  Q: Matrix;
  /** m×m symmetric positive definite action cost */
  R: Matrix;
  /** discount factor in (0, 1) (default 0.9) */
  gamma?: number;
  /** time limit (default: the smallest H with γ^H ≤ 1e-8) */
  maxSteps?: number;
  /** covariance of the initial state x₀ ~ N(0, Σ₀), SPD (default the identity) */
  initialCovariance?: Matrix;
  /** standard deviation of the process noise w ~ N(0, σ²I) (default 0) */
  noiseStd?: number;
  /**
   * an episode terminates (`done`) when a state entry exceeds this in absolute value, so that a
   * destabilizing gain gives large but finite returns instead of overflow (default 1e6)
   */
  stateLimit?: number;
}

/** A linear-quadratic regulator: an {@link Environment} with its optimal solution. */
export interface LQR extends Environment {
  readonly observationSpace: BoxSpace;
  readonly actionSpace: BoxSpace;
  readonly A: Matrix;
  readonly B: Matrix;
  readonly Q: Matrix;
  readonly R: Matrix;
  readonly initialCovariance: Matrix;
  readonly noiseStd: number;
  readonly stateLimit: number;
  /** X, the stabilizing solution of the discounted Riccati equation (cost-to-go xᵀXx) */
  readonly riccati: Matrix;
  /** K* = γ(R + γBᵀXB)⁻¹BᵀXA: the optimal policy is u = −K*x (m×n) */
  readonly optimalGain: Matrix;
  /**
   * The exact expected return E[Σ_{t<maxSteps} γᵗ rₜ] of the policy u = −Kx + σε, ε ~ N(0, I),
   * by propagating the state covariance (ignoring `stateLimit`); `actionStd` is σ (a number, or
   * one per action).
   */
  expectedReturn(K: Matrix, actionStd?: number | ArrayLike<number>): number;
}

class LqrEnv implements LQR {
  readonly name = 'LQR';
  readonly observationSpace: BoxSpace;
  readonly actionSpace: BoxSpace;
  readonly gamma: number;
  readonly maxSteps: number;
  readonly riccati: Matrix;
  readonly optimalGain: Matrix;
  private readonly n: number;
  private readonly m: number;
  private readonly x: Float64Array;
  private readonly chol0: Matrix;
  private random: Rng | null = null;
  private t = 0;

  constructor(
    readonly A: Matrix,
    readonly B: Matrix,
    readonly Q: Matrix,
    readonly R: Matrix,
    readonly initialCovariance: Matrix,
    readonly noiseStd: number,
    readonly stateLimit: number,
    gamma: number,
    maxSteps: number,
  ) {
    this.n = A.rows;
    this.m = B.cols;
    this.gamma = gamma;
    this.maxSteps = maxSteps;
    this.observationSpace = unboundedBox(this.n);
    this.actionSpace = unboundedBox(this.m);
    this.x = new Float64Array(this.n);
    this.chol0 = cholesky(initialCovariance);
    // discounting is the undiscounted problem on (√γA, √γB)
    const g = Math.sqrt(gamma);
    const As = { rows: this.n, cols: this.n, data: A.data.map((v) => g * v) };
    const Bs = { rows: this.n, cols: this.m, data: B.data.map((v) => g * v) };
    const X = solveDiscreteAre(As, Bs, Q, R);
    this.riccati = X;
    this.optimalGain = gainOf(As, Bs, R, X);
  }

  reset(rng: Rng): Float64Array {
    if (!rng || typeof rng.normal !== 'function')
      throw new InvalidArgumentError('LQR.reset(): rng must be a generator from rng(seed)');
    this.random = rng;
    const n = this.n;
    const z = Float64Array.from({ length: n }, () => rng.normal());
    const L = this.chol0.data;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += L[i * n + j] * z[j];
      this.x[i] = s;
    }
    this.t = 0;
    return this.x.slice();
  }

  step(action: Action): StepResult {
    const fn = 'LQR.step';
    if (this.random === null) throw new InvalidArgumentError(`${fn}(): call reset(rng) first`);
    if (this.t >= this.maxSteps)
      throw new InvalidArgumentError(`${fn}(): the episode has ended; call reset(rng)`);
    const n = this.n;
    const m = this.m;
    const u = typeof action === 'number' ? Float64Array.of(action) : action;
    if (!(u instanceof Float64Array) || u.length !== m)
      throw new ShapeError(`${fn}(): action must be a Float64Array of length ${m}`);
    for (let i = 0; i < m; i++)
      if (u[i] - u[i] !== 0)
        throw new InvalidArgumentError(`${fn}(): action[${i}] is ${u[i]} (must be finite)`);
    const x = this.x;
    const { A, B, Q, R } = this;
    let cost = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost += x[i] * Q.data[i * n + j] * x[j];
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) cost += u[i] * R.data[i * m + j] * u[j];
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A.data[i * n + j] * x[j];
      for (let j = 0; j < m; j++) s += B.data[i * m + j] * u[j];
      if (this.noiseStd > 0) s += this.noiseStd * this.random.normal();
      next[i] = s;
    }
    x.set(next);
    this.t++;
    let done = false;
    for (let i = 0; i < n; i++) if (!(Math.abs(next[i]) <= this.stateLimit)) done = true;
    if (done) this.t = this.maxSteps;
    return { state: next, reward: -cost, done, truncated: !done && this.t >= this.maxSteps };
  }

  expectedReturn(K: Matrix, actionStd: number | ArrayLike<number> = 0): number {
    const fn = 'LQR.expectedReturn';
    const n = this.n;
    const m = this.m;
    checkMatrix(fn, 'K', K, m, n);
    const sd = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const v = typeof actionStd === 'number' ? actionStd : actionStd?.[i];
      sd[i] = checkPositive(
        fn,
        typeof actionStd === 'number' ? 'actionStd' : `actionStd[${i}]`,
        v,
        true,
      );
    }
    if (typeof actionStd !== 'number' && actionStd.length !== m)
      throw new ShapeError(`${fn}(): actionStd must have ${m} entries`);
    const { A, B, Q, R } = this;
    // closed loop A_K = A − BK, stage cost matrix M = Q + KᵀRK
    const AK = new Float64Array(n * n);
    gemm(n, n, m, B.data, K.data, AK);
    for (let i = 0; i < n * n; i++) AK[i] = A.data[i] - AK[i];
    const RK = new Float64Array(m * n);
    gemm(m, n, m, R.data, K.data, RK);
    const M = new Float64Array(n * n);
    gemmTransA(n, n, m, K.data, RK, M);
    for (let i = 0; i < n * n; i++) M[i] += Q.data[i];
    // noise covariance added each step: B diag(σ²) Bᵀ + σ_w² I; its action cost tr(R diag σ²)
    const BS = new Float64Array(n * m);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < m; k++) BS[i * m + k] = B.data[i * m + k] * sd[k] * sd[k];
    const N = new Float64Array(n * n);
    gemmTransB(n, n, m, BS, B.data, N);
    for (let i = 0; i < n; i++) N[i * n + i] += this.noiseStd * this.noiseStd;
    let actionNoiseCost = 0;
    for (let k = 0; k < m; k++) actionNoiseCost += R.data[k * m + k] * sd[k] * sd[k];
    // Σₜ₊₁ = A_K Σₜ A_Kᵀ + N, cost Σₜ γᵗ (tr(M Σₜ) + tr(R diag σ²))
    const S = Float64Array.from(this.initialCovariance.data);
    const T = new Float64Array(n * n);
    let total = 0;
    let discount = 1;
    for (let t = 0; t < this.maxSteps; t++) {
      total += discount * (actionNoiseCost + dot(n * n, M, S));
      discount *= this.gamma;
      gemmTransB(n, n, n, S, AK, T);
      gemm(n, n, n, AK, T, S);
      for (let i = 0; i < n * n; i++) S[i] += N[i];
    }
    return -total;
  }
}

/** K = (R + BᵀXB)⁻¹BᵀXA for the given (already discount-scaled) A and B. */
function gainOf(A: Matrix, B: Matrix, R: Matrix, X: Matrix): Matrix {
  const n = A.rows;
  const m = B.cols;
  const XB = new Float64Array(n * m);
  gemm(n, m, n, X.data, B.data, XB);
  const G = new Float64Array(m * m); // R + BᵀXB, SPD
  gemmTransA(m, m, n, B.data, XB, G);
  for (let i = 0; i < m * m; i++) G[i] += R.data[i];
  const K = new Float64Array(m * n); // BᵀXA, then solved in place
  gemmTransA(m, n, n, XB, A.data, K);
  const L = new Float64Array(m * m);
  choleskyLower(m, G, L);
  solveTriangularInPlace(m, n, L, K, { lower: true });
  solveTriangularInPlace(m, n, L, K, { lower: true, transpose: true });
  return { rows: m, cols: n, data: K };
}

/**
 * A discrete-time linear-quadratic regulator as an environment: x' = Ax + Bu + w, reward
 * −(xᵀQx + uᵀRu), x₀ ~ N(0, Σ₀), episodes truncated after `maxSteps` (and terminated when a
 * state entry leaves ±`stateLimit`, which only a destabilizing gain reaches). Its optimal policy for the
 * discounted objective is linear, u = −K*x with K* from the discrete algebraic Riccati equation
 * of (√γA, √γB, Q, R) (solved by {@link solveDiscreteAre} of @rg/linalg); Gaussian exploration
 * u = −Kx + σε and process noise do not change it (certainty equivalence), so a trained linear
 * Gaussian policy should converge to K*. `expectedReturn(K, σ)` is the exact objective.
 *
 * @param options - A, B, Q, R, gamma, maxSteps, initialCovariance, noiseStd
 * @throws {ShapeError} when the matrix sizes do not fit
 * @throws {NotPositiveDefiniteError} when R or initialCovariance is not positive definite
 * @throws {ConvergenceError} when the Riccati equation has no stabilizing solution
 * @example
 * import { fromRows } from '@rg/linalg';
 * const one = fromRows([[1]]);
 * const env = lqr({ A: one, B: one, Q: one, R: one, gamma: 0.9 });
 * env.optimalGain // => ~[[0.5884]]
 * env.expectedReturn(env.optimalGain) > env.expectedReturn(fromRows([[0.4]])) // => true
 */
export function lqr(options: LqrOptions): LQR {
  const fn = 'lqr';
  const o = checkOptions(fn, 'options', options);
  const A = checkMatrix(fn, 'options.A', o.A);
  const n = A.rows;
  if (A.cols !== n) throw new ShapeError(`${fn}(): options.A must be square (is ${n}×${A.cols})`);
  const B = checkMatrix(fn, 'options.B', o.B, n);
  const m = B.cols;
  if (m < 1) throw new ShapeError(`${fn}(): options.B must have at least one column`);
  const Q = checkMatrix(fn, 'options.Q', o.Q, n, n);
  const R = checkMatrix(fn, 'options.R', o.R, m, m);
  const gamma = checkInRange(fn, 'options.gamma', o.gamma ?? 0.9, 0, 1, true, true);
  const maxSteps =
    o.maxSteps === undefined
      ? defaultHorizon(gamma)
      : checkInteger(fn, 'options.maxSteps', o.maxSteps, 1);
  const S0 =
    o.initialCovariance === undefined
      ? {
          rows: n,
          cols: n,
          data: Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0)),
        }
      : checkMatrix(fn, 'options.initialCovariance', o.initialCovariance, n, n);
  const noiseStd = checkPositive(fn, 'options.noiseStd', o.noiseStd ?? 0, true);
  const stateLimit = checkPositive(fn, 'options.stateLimit', o.stateLimit ?? 1e6);
  assertSymmetric(fn, 'options.Q', Q);
  for (const [name, M] of [
    ['options.R', R],
    ['options.initialCovariance', S0],
  ] as const) {
    assertSymmetric(fn, name, M);
    const bad = choleskyLower(M.rows, M.data, new Float64Array(M.rows * M.rows));
    if (bad >= 0)
      throw new NotPositiveDefiniteError(`${fn}(): ${name} must be positive definite`, {
        pivot: bad,
      });
  }
  const copy = (M: Matrix): Matrix => ({ rows: M.rows, cols: M.cols, data: M.data.slice() });
  return new LqrEnv(
    copy(A),
    copy(B),
    copy(Q),
    copy(R),
    copy(S0),
    noiseStd,
    stateLimit,
    gamma,
    maxSteps,
  );
}
