// Gradient descent for matrix sensing with a symmetric (XXᵀ) or asymmetric (FGᵀ) factorization,
// and the one-step modification that removes the dependence of the asymmetric rate on the
// initialization scale (Xiong, Ding & Du 2024, "How over-parameterization slows down gradient
// descent in matrix sensing: the curses of symmetry and initialization").
import {
  checkOptions,
  checkInteger,
  checkPositive,
  checkSeed,
  InvalidArgumentError,
  type Matrix,
  type ProgressInfo,
  rng,
  ShapeError,
  SingularMatrixError,
  throwIfAborted,
} from '@rg/linalg';
import { gemm, gemmTransA, gemmTransB, svd } from '@rg/linalg/kernels';
import type { SensingProblem } from './matrix-sensing.js';

/** Options of {@link sensingGD}. */
export interface SensingGDOptions {
  /** 'symmetric' (default): Z = XXᵀ; 'asymmetric': Z = FGᵀ */
  parametrization?: 'symmetric' | 'asymmetric';
  /** the factors' width k ≥ 1 (k > rank: over-parameterized; default rank + 1) */
  k?: number;
  /** initialization scale α > 0: factor entries N(0, α²/n), so columns have norm ≈ α (default 1e-2) */
  alpha?: number;
  /** step size (default 0.1) */
  lr?: number;
  /** number of gradient steps (default 1000) */
  iterations?: number;
  /**
   * the one-step modification (asymmetric only): before step `at`, replace (F, G) by
   * (F·R, G·R⁻¹) with R = β(FᵀF)^{−1/2} and β² = ‖FGᵀ‖₂, which leaves FGᵀ (and the loss) unchanged
   * and makes FᵀF = β²I (F and G swap roles when G is the better-conditioned factor)
   */
  modification?: { at: number };
  /** seed of the initialization (default 0) */
  seed?: number;
  signal?: AbortSignal;
  /** called every 100 steps with { iteration, residual: ‖Z − M*‖_F, loss } */
  onProgress?: (info: ProgressInfo) => void;
}

/** Result of {@link sensingGD}. */
export interface SensingGDResult {
  /** the final estimate Z = XXᵀ or FGᵀ */
  estimate: Matrix;
  /** the factors: { X } (symmetric) or { F, G } (asymmetric), n×k */
  factors: { X: Matrix } | { F: Matrix; G: Matrix };
  /** ‖Z_t − M*‖_F for t = 0, …, iterations */
  error: Float64Array;
  /** the sensing loss (1/2m)Σ(⟨A_i, Z_t⟩ − y_i)² for t = 0, …, iterations */
  loss: Float64Array;
  iterations: number;
}

function gaussian(rows: number, cols: number, scale: number, random: ReturnType<typeof rng>) {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = scale * random.normal();
  return data;
}

/**
 * Gradient descent on the matrix-sensing loss L(Z) = (1/2m)Σ(⟨A_i, Z⟩ − y_i)² over a
 * factorization, from a small random initialization of scale α:
 * - `symmetric`: Z = XXᵀ, X ← X − lr·(S + Sᵀ)X with S = (1/m)Σ r_i A_i, r_i = ⟨A_i, Z⟩ − y_i.
 *   Over-parameterized (k > r), the error decays only sublinearly: the k − r spurious
 *   directions shrink like 1/t, so ‖Z_t − M*‖_F ~ 1/t and the loss ~ 1/t² (Xiong et al.'s
 *   Ω(1/T²)).
 * - `asymmetric`: Z = FGᵀ, F ← F − lr·SG, G ← G − lr·SᵀF. The imbalance FᵀF − GᵀG is conserved
 *   by gradient flow and is of order α² at initialization; it makes the spurious directions
 *   decay linearly, at a rate proportional to α² (exp(−Ω(α²t))).
 * - `modification: { at }` (asymmetric): once, before step `at`, (F, G) ← (F·R, G·R⁻¹) with
 *   R = β(FᵀF)^{−1/2} and β² = ‖FGᵀ‖₂ (computed from the thin SVD F = USVᵀ as F·R = βUVᵀ,
 *   G·R⁻¹ = G·VSVᵀ/β; if G is better conditioned than F the two swap roles). This is one changed
 *   step of GD in the spirit of Xiong et al.'s method (their exact step is not reproduced
 *   here): FGᵀ and the loss do not change, but afterwards FᵀF = β²I, so the imbalance in the
 *   spurious directions is about β² instead of α², and the linear rate no longer depends on α
 *   (it is set by β² ≈ ‖M*‖₂ and lr).
 *
 * Products run on @rg/linalg's gemm kernels. The sensing operator is applied as the m×n²
 * matrix of `problem.sensing`.
 *
 * @param problem - from {@link matrixSensing} (or any object of that shape)
 * @param options - parametrization, k, alpha, lr, iterations, modification, seed, signal,
 *   onProgress
 * @returns { estimate, factors, error, loss, iterations }
 * @throws {ShapeError} on a malformed problem; {InvalidArgumentError} on a bad option (a
 *   modification with the symmetric parametrization, or `at` outside [0, iterations]);
 *   {SingularMatrixError} when F and G are both rank-deficient at the modification; {AbortError}
 * @example
 * const p = matrixSensing({ n: 5, rank: 1, measurements: 80, seed: 2 });
 * const run = sensingGD(p, { parametrization: 'asymmetric', k: 2, alpha: 0.1, lr: 0.2, iterations: 600, modification: { at: 300 } });
 * run.error[0] > 0.9 // => true
 * run.error[600] < 1e-8 // => true
 */
export function sensingGD(
  problem: SensingProblem,
  options: SensingGDOptions = {},
): SensingGDResult {
  const fn = 'sensingGD';
  const p = problem;
  if (!p || typeof p !== 'object' || !p.sensing || !p.truth || !(p.y instanceof Float64Array))
    throw new ShapeError(
      `${fn}(): problem must come from matrixSensing() ({ sensing, y, truth, … })`,
    );
  const n = p.truth.rows;
  const nn = n * n;
  const m = p.y.length;
  if (
    p.truth.cols !== n ||
    p.truth.data.length !== nn ||
    p.sensing.rows !== m ||
    p.sensing.cols !== nn ||
    p.sensing.data.length !== m * nn ||
    m < 1 ||
    n < 1
  )
    throw new ShapeError(
      `${fn}(): problem.sensing must be m×n² (${m}×${nn}) for y of length m and an n×n truth`,
    );
  checkOptions(fn, 'options', options);
  const param = options.parametrization ?? 'symmetric';
  if (param !== 'symmetric' && param !== 'asymmetric')
    throw new InvalidArgumentError(
      `${fn}(): parametrization must be 'symmetric' or 'asymmetric' (got ${String(param)})`,
    );
  const k = options.k ?? Math.min(n, (Number.isInteger(p.rank) ? p.rank : 1) + 1);
  checkInteger(fn, 'k', k, 1);
  const alpha = options.alpha ?? 1e-2;
  checkPositive(fn, 'alpha', alpha);
  const lr = options.lr ?? 0.1;
  checkPositive(fn, 'lr', lr);
  const iterations = options.iterations ?? 1000;
  checkInteger(fn, 'iterations', iterations, 0);
  const mod = options.modification;
  let modifyAt = -1;
  if (mod !== undefined) {
    if (param !== 'asymmetric')
      throw new InvalidArgumentError(`${fn}(): modification needs parametrization 'asymmetric'`);
    checkInteger(fn, 'modification.at', mod?.at, 0, iterations);
    modifyAt = mod.at;
  }
  const seed = options.seed ?? 0;
  checkSeed(fn, 'seed', seed);
  const { signal, onProgress } = options;
  throwIfAborted(fn, signal);

  const random = rng(seed);
  const scale = alpha / Math.sqrt(n);
  const asym = param === 'asymmetric';
  const f = gaussian(n, k, scale, random);
  const g = asym ? gaussian(n, k, scale, random) : f;
  const a = p.sensing.data;
  const y = p.y;
  const truth = p.truth.data;
  const z = new Float64Array(nn);
  const res = new Float64Array(m);
  const s = new Float64Array(nn);
  const gradF = new Float64Array(n * k);
  const gradG = new Float64Array(n * k);
  const error = new Float64Array(iterations + 1);
  const loss = new Float64Array(iterations + 1);

  const evaluate = (t: number): void => {
    gemmTransB(n, n, k, f, g, z);
    gemm(m, 1, nn, a, z, res);
    let l = 0;
    for (let i = 0; i < m; i++) {
      res[i] -= y[i];
      l += res[i] * res[i];
    }
    loss[t] = l / (2 * m);
    let e = 0;
    for (let i = 0; i < nn; i++) e += (z[i] - truth[i]) ** 2;
    error[t] = Math.sqrt(e);
  };

  for (let t = 0; ; t++) {
    if (t === modifyAt) rebalance(fn, n, k, f, g, z);
    evaluate(t);
    if (onProgress && t % 100 === 0)
      onProgress({ iteration: t, residual: error[t], loss: loss[t] });
    if (t === iterations) break;
    if (t % 64 === 0) throwIfAborted(fn, signal);
    // S = (1/m) Σ r_i A_i
    gemmTransA(nn, 1, m, a, res, s);
    const inv = 1 / m;
    for (let i = 0; i < nn; i++) s[i] *= inv;
    if (asym) {
      gemm(n, k, n, s, g, gradF); // S G
      gemmTransA(n, k, n, s, f, gradG); // Sᵀ F
      for (let i = 0; i < n * k; i++) {
        f[i] -= lr * gradF[i];
        g[i] -= lr * gradG[i];
      }
    } else {
      for (let i = 0; i < n; i++)
        for (let j = i; j < n; j++) {
          const v = s[i * n + j] + s[j * n + i];
          s[i * n + j] = v;
          s[j * n + i] = v;
        }
      gemm(n, k, n, s, f, gradF); // (S + Sᵀ) X
      for (let i = 0; i < n * k; i++) f[i] -= lr * gradF[i];
    }
  }
  const mat = (data: Float64Array): Matrix => ({ rows: n, cols: k, data });
  return {
    estimate: { rows: n, cols: n, data: z },
    factors: asym ? { F: mat(f), G: mat(g) } : { X: mat(f) },
    error,
    loss,
    iterations,
  };
}

/**
 * (F, G) ← (F·R, G·R⁻¹) with R = β(FᵀF)^{−1/2} = βVS⁻¹Vᵀ from the thin SVD F = USVᵀ, so that
 * F·R = βUVᵀ; β² = ‖FGᵀ‖₂. When G is the better-conditioned factor (its spurious directions
 * have not shrunk) the roles swap. FGᵀ is unchanged; z holds it on return.
 */
function rebalance(
  fn: string,
  n: number,
  k: number,
  f: Float64Array,
  g: Float64Array,
  z: Float64Array,
): void {
  gemmTransB(n, n, k, f, g, z);
  const sv = new Float64Array(n);
  svd(n, n, z, sv);
  const beta = Math.sqrt(sv[0]);
  const factor = (a: Float64Array) => {
    const s = new Float64Array(k);
    const u = new Float64Array(n * k);
    const v = new Float64Array(k * k);
    svd(n, k, a, s, { u, v });
    return { s, u, v, conditioning: s[k - 1] / s[0] };
  };
  const ff = factor(f);
  const gg = factor(g);
  const whitenF = ff.conditioning >= gg.conditioning;
  const { s, u, v, conditioning } = whitenF ? ff : gg;
  if (!(conditioning > Math.max(n, k) * Number.EPSILON) || !(beta > 0))
    throw new SingularMatrixError(
      `${fn}(): F and G are both rank-deficient at the modification step (smallest relative singular value ${conditioning.toExponential(2)}); use a larger alpha or an earlier modification.at`,
    );
  // the whitened factor becomes βUVᵀ; the other one X becomes X·VSVᵀ/β
  const white = whitenF ? f : g;
  const other = whitenF ? g : f;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      let acc = 0;
      for (let l = 0; l < k; l++) acc += u[i * k + l] * v[j * k + l];
      white[i * k + j] = beta * acc;
    }
  const m = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let acc = 0;
      for (let l = 0; l < k; l++) acc += v[i * k + l] * s[l] * v[j * k + l];
      m[i * k + j] = acc / beta;
    }
  const tmp = new Float64Array(n * k);
  gemm(n, k, k, other, m, tmp);
  other.set(tmp);
}
