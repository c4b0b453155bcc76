// Small-Gain Nash (SGN): a block small-gain condition in a weighted block metric that
// certifies contraction of gradient play in games that are not monotone in the Euclidean
// sense, with explicit projected Euler and RK4 step sizes.
import { InvalidArgumentError, type Matrix, checkOptions, eigvals, checkVector } from '@rg/linalg';
import type { Game } from './game.js';
import {
  type BlockBounds,
  accumulateBounds,
  eulerFactor,
  goldenMin,
  lastBelowOne,
  marginAt,
  maximizeMargin,
  rk4Factor,
  weightedLipschitz,
} from './internal/certificate-math.js';
import { kernelsOf } from './internal/game-kernels.js';
import { sampleJacobians } from './internal/sampling.js';
import type { Region } from './region.js';
import { timescaleBand } from './timescale-band.js';

/** Options of {@link smallGainCertificate}. */
export interface SmallGainOptions {
  /** Jacobian samples in the region for non-affine games (default 64; the centre is one of them) */
  samples?: number;
  /** seed of the sampler (default 0) */
  seed?: number;
  /** evaluate the certificate at these weights instead of maximizing the margin (normalized to sum 1) */
  weights?: ArrayLike<number>;
}

/** What {@link smallGainCertificate} returns. */
export interface SmallGainCertificate {
  /** true when the margin is positive: ẋ = −W F(x) contracts on the region */
  certified: boolean;
  /** block weights w on the simplex (Σ w = 1): the timescales of the certified dynamics */
  weights: Float64Array;
  /** λ_min(M(w)) */
  margin: number;
  /** continuous-time contraction rate of ẋ = −W F(x) in the Euclidean norm (= margin when certified, else 0) */
  rate: number;
  /** the projected Euler step h (per-player steps h·w_i) with the smallest certified factor, m/L² */
  eulerStep: number;
  /** Euler steps below 2m/L² contract */
  eulerStepMax: number;
  /** certified contraction factor per Euler step at `eulerStep`, √(1 − m²/L²) */
  eulerFactor: number;
  /** the RK4 step with the smallest certified factor */
  rk4Step: number;
  /** RK4 steps below this contract (certified factor < 1) */
  rk4StepMax: number;
  /** certified contraction factor per RK4 step at `rk4Step` */
  rk4Factor: number;
  /** two players: the open interval of ratios r = w₂/w₁ that certify (null when empty or N ≠ 2) */
  band: [number, number] | null;
  /** μ_i: per-player strong-monotonicity moduli on the region */
  mu: Float64Array;
  /** L_ij: cross-player Lipschitz constants (N×N, zero diagonal) */
  couplings: Matrix;
  /** Γ_ij = L_ij/μ_i (N×N; Infinity where μ_i ≤ 0 and L_ij > 0) */
  gains: Matrix;
  /** spectral radius of Γ: a certificate exists for some weights iff it is < 1 (and every μ_i > 0) */
  smallGain: number;
  /** L = ‖W𝓛‖₂, the Lipschitz bound of W F used by the step sizes (𝓛_ij = max ‖J_ij‖₂) */
  lipschitz: number;
  /** true when the bounds are exact (constant Jacobian); false when taken from samples */
  exact: boolean;
  /** Jacobians evaluated */
  samples: number;
}

/**
 * The Small-Gain Nash certificate. On the region, take per-player strong monotonicity
 * μ_i = min λ_min(sym ∂F_i/∂x_i) and cross couplings L_ij = max ‖∂F_i/∂x_j‖₂ (exact for
 * affine games; a minimum/maximum over sampled Jacobians otherwise, i.e. an estimate that is
 * only as good as the samples). For weights w > 0 and d_i = ‖x_i − y_i‖,
 *
 * Σ_i w_i ⟨F_i(x) − F_i(y), x_i − y_i⟩ ≥ Σ_i w_i μ_i d_i² − Σ_{i≠j} w_i L_ij d_i d_j = dᵀM(w)d,
 *
 * with the symmetric N×N matrix M(w)_ii = w_i μ_i, M(w)_ij = −(w_i L_ij + w_j L_ji)/2. When
 * m = λ_min(M(w)) > 0, W F is m-strongly monotone in the Euclidean norm, so the weighted flow
 * ẋ = −W F(x) (player i on timescale w_i) contracts at rate m, and equivalently the plain flow
 * ẋ = −F(x) is strongly monotone in the metric ‖·‖_W. Such w exists iff every μ_i > 0 and the
 * gain matrix Γ_ij = L_ij/μ_i has spectral radius < 1 (M-matrix theory); two players: iff
 * L₁₂L₂₁ < μ₁μ₂, with the band 4rμ₁μ₂ > (L₁₂ + rL₂₁)² of ratios r = w₂/w₁. The weights
 * maximize m over the simplex (λ_min(M(w)) is concave in w).
 *
 * Step sizes: with L = ‖W𝓛‖₂ bounding ‖W ∂F/∂x‖, projected Euler x⁺ = Π(x − hWF(x)) has
 * ‖x⁺ − y⁺‖ ≤ √(1 − 2hm + h²L²)‖x − y‖ (Π is non-expansive), so h < 2m/L² contracts and
 * h = m/L² gives the factor √(1 − m²/L²). For RK4, expanding the step's Jacobian around the
 * stage average gives the factor √(1 − 2hm + h²L²) + (hL)²/2 + (hL)³/6 + (hL)⁴/24
 * (unconstrained games; the stages must stay in the region).
 *
 * @param game - the game
 * @param region - where the bounds must hold; optional for affine games (their Jacobian is constant)
 * @param options - `samples` (64), `seed` (0), `weights` (evaluate instead of optimizing)
 * @throws {InvalidArgumentError} when a non-affine game has no region, or weights are not positive
 * @throws {NonFiniteError} when a sampled Jacobian holds NaN or ±Infinity
 * @example
 * import { fromRows } from '@rg/linalg';
 * // Euclidean monotonicity fails (sym part has eigenvalue −0.6) but the small-gain product is 0.6 < 1
 * const g = quadraticGame({ blocks: [[fromRows([[1]]), fromRows([[0.2]])], [fromRows([[3]]), fromRows([[1]])]], b: [[1], [-1]] });
 * const c = smallGainCertificate(g);
 * c.certified // => true
 * c.band // => ~[0.015010, 0.29610]
 * euclideanMonotonicity(g).minEigenvalue // => ~-0.6
 */
export function smallGainCertificate(
  game: Game,
  region?: Region,
  options: SmallGainOptions = {},
): SmallGainCertificate {
  const fn = 'smallGainCertificate';
  checkOptions(fn, 'options', options);
  const K = kernelsOf(fn, game);
  const N = K.players;
  const { jacobians, exact } = sampleJacobians(fn, game, K, region, options);
  const bounds: BlockBounds = {
    mu: new Float64Array(N).fill(Number.POSITIVE_INFINITY),
    lipschitz: new Float64Array(N * N),
  };
  for (const J of jacobians) accumulateBounds(bounds, J, K.offsets);
  const mu = bounds.mu;
  const Lfull = bounds.lipschitz;
  const cross = Float64Array.from(Lfull, (v, k) => (Math.floor(k / N) === k % N ? 0 : v));
  let w: Float64Array;
  if (options.weights !== undefined) {
    w = checkVector(fn, 'weights', options.weights, N, true);
    let s = 0;
    w.forEach((v, i) => {
      if (!(v > 0))
        throw new InvalidArgumentError(`${fn}(): weights[${i}] must be positive (got ${v})`);
      s += v;
    });
    for (let i = 0; i < N; i++) w[i] /= s;
  } else w = maximizeMargin(mu, cross);
  const margin = marginAt(mu, cross, w);
  const certified = margin > 0;
  const L = weightedLipschitz(Lfull, w);
  let eulerStep = 0;
  let eulerStepMax = 0;
  let eFactor = 1;
  let rk4Step = 0;
  let rk4StepMax = 0;
  let rFactor = 1;
  if (certified && L > 0) {
    eulerStepMax = (2 * margin) / (L * L);
    eulerStep = margin / (L * L);
    eFactor = eulerFactor(eulerStep, margin, L);
    const q = (h: number) => rk4Factor(h, margin, L);
    rk4Step = goldenMin(q, 0, eulerStepMax);
    rFactor = q(rk4Step);
    rk4StepMax = lastBelowOne(q, rk4Step, eulerStepMax);
  }
  const gains = new Float64Array(N * N);
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++)
      if (i !== j)
        gains[i * N + j] =
          cross[i * N + j] === 0
            ? 0
            : mu[i] > 0
              ? cross[i * N + j] / mu[i]
              : Number.POSITIVE_INFINITY;
  let smallGain = 0;
  if (gains.every(Number.isFinite)) {
    const ev = eigvals({ rows: N, cols: N, data: gains });
    for (let k = 0; k < N; k++) smallGain = Math.max(smallGain, Math.hypot(ev.re[k], ev.im[k]));
  } else smallGain = Number.POSITIVE_INFINITY;
  return {
    certified,
    weights: w,
    margin,
    rate: certified ? margin : 0,
    eulerStep,
    eulerStepMax,
    eulerFactor: eFactor,
    rk4Step,
    rk4StepMax,
    rk4Factor: rFactor,
    band: N === 2 ? timescaleBand(mu[0], mu[1], cross[1], cross[2]) : null,
    mu,
    couplings: { rows: N, cols: N, data: cross },
    gains: { rows: N, cols: N, data: gains },
    smallGain,
    lipschitz: L,
    exact,
    samples: jacobians.length,
  };
}
