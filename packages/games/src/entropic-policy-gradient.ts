// Entropy-regularized policy gradient for two-player Markov games, in the Fisher (natural,
// mirror-descent) geometry or the Euclidean one (Cen, Cheng, Chen, Wei & Chi 2022, "Fast
// Global Convergence of Natural Policy Gradient Methods with Entropy Regularization";
// Cen, Wei & Chi 2021 for games; Mei et al. 2020 for the softmax gradient).
import { InvalidArgumentError, type Matrix, checkVector } from '@rg/linalg';
import { projectedEuler } from './internal/projected-euler.js';
import type { MarkovGame } from './markov-game.js';
import type { GameSolverOptions, GameSolverResult } from './solver-types.js';

/** Options of {@link entropicPolicyGradient}. */
export interface EntropicPolicyGradientOptions extends GameSolverOptions {
  /** 'fisher' (natural policy gradient, the default) or 'euclidean' (vanilla softmax policy gradient) */
  geometry?: 'fisher' | 'euclidean';
  /** starting logits (default 0: uniform policies) */
  theta0?: Float64Array;
}

/** Result of {@link entropicPolicyGradient}. */
export interface EntropicPolicyGradientResult extends GameSolverResult {
  /** the final softmax policies (states × actions) */
  policies: [Matrix, Matrix];
  /** the players' regularized values V_i^τ(s) at the final policies */
  values: [Float64Array, Float64Array];
}

/**
 * Independent entropy-regularized policy gradient for both players of a Markov game, as
 * projected Euler on the game's pseudo-gradient in the chosen geometry.
 *
 * - `'fisher'`: θ_i ← θ_i − h w_i (τθ_i − Q_i^τ)/(1 − γ), i.e.
 *   π_i⁺ ∝ π_i^{1 − h w_i τ/(1−γ)} exp(h w_i Q_i^τ/(1 − γ)): the natural policy gradient
 *   (mirror descent with the KL divergence on each state's simplex). Its fixed point is the
 *   regularized equilibrium π_i ∝ exp(Q_i^τ/τ). Apply {@link smallGainCertificate} to
 *   `game.fisher` to obtain weights (`timescales`) and a safe `step`.
 * - `'euclidean'`: θ_i ← θ_i + h w_i ∇_{θ_i} V_i^τ(ρ), the softmax policy gradient, whose
 *   steps shrink with d_ρ(s)π_i(a|s).
 *
 * The residual is the norm of the pseudo-gradient of the chosen geometry.
 *
 * @param game - a {@link markovGame}
 * @param options - `step` (required), `geometry`, `theta0`, `timescales`, `maxIter` (1000), `tol` (1e-8), `signal`, `onProgress`, `strict`
 * @throws {InvalidArgumentError} when `game` is not a Markov game or step is not positive
 * @throws {ShapeError} when theta0 has the wrong length
 * @example
 * const g = markovGame({
 *   transitions: [[[[1], [1]], [[1], [1]]]],
 *   rewards: [[[[2, 0], [0, 1]]], [[[1, 0], [0, 2]]]],
 *   discount: 0,
 *   entropy: 1,
 * });
 * const r = entropicPolicyGradient(g, { step: 0.5 });
 * r.converged // => true
 * // at the regularized equilibrium each policy is the softmax of its Q-values over τ
 * const [q1] = g.qValues(r.x);
 * r.policies[0].data[0] // => ~0.5712
 * Math.exp(q1.data[0]) / (Math.exp(q1.data[0]) + Math.exp(q1.data[1])) // => ~0.5712
 */
export function entropicPolicyGradient(
  game: MarkovGame,
  options: EntropicPolicyGradientOptions,
): EntropicPolicyGradientResult {
  const fn = 'entropicPolicyGradient';
  if (!game || typeof game !== 'object' || !game.fisher || typeof game.policies !== 'function')
    throw new InvalidArgumentError(`${fn}(): game must be a markovGame`);
  const geometry = options?.geometry ?? 'fisher';
  if (geometry !== 'fisher' && geometry !== 'euclidean')
    throw new InvalidArgumentError(
      `${fn}(): geometry must be 'fisher' or 'euclidean' (got '${String(geometry)}')`,
    );
  const theta0 =
    options?.theta0 === undefined
      ? new Float64Array(game.dim)
      : checkVector(fn, 'theta0', options.theta0, game.dim);
  const r = projectedEuler(fn, geometry === 'fisher' ? game.fisher : game, theta0, options);
  return { ...r, policies: game.policies(r.x), values: game.values(r.x) };
}
