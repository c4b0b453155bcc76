// N-HARPG: normalized Hessian-aided recursive policy gradient (Fatkhullin, Barakat, Kireeva & He
// 2023, "Stochastic policy gradient methods: improved sample complexity for Fisher-non-degenerate
// policies", Algorithm 2 with normalized steps).
import type { Environment, VectorEnvironment } from './environment.js';
import { harpgRun } from './internal/harpg-run.js';
import { defineAlgorithm } from './internal/train-loop.js';
import type { Policy } from './policy.js';
import type { HarpgOptions } from './train-types.js';

/**
 * N-HARPG (normalized Hessian-aided recursive policy gradient), ascent form. Iteration t ≥ 1:
 * draw q ~ U(0, 1) and one trajectory τ̂ at x̂ = q xₜ + (1 − q) xₜ₋₁; with Δ = xₜ − xₜ₋₁ form the
 * second-order correction v = ∇²Φ(x̂; τ̂)Δ + ∇Φ(x̂; τ̂)⟨∇log p(τ̂ | x̂), Δ⟩ (Φ the
 * per-trajectory GPOMDP surrogate, ∇²Φ through the policy's exact log-likelihood HVP), an
 * unbiased estimate of ∇J(xₜ) − ∇J(xₜ₋₁); sample one trajectory at xₜ for ĝ(xₜ); then
 * dₜ = (1 − ηₜ)(dₜ₋₁ + v) + ηₜ ĝ(xₜ) and xₜ₊₁ = xₜ + γₜ dₜ/‖dₜ‖, with ηₜ = η₀·2/(t+2) and
 * γₜ = γ₀·2/(t+2). Two trajectories per iteration (one at t = 0), single loop, sample
 * complexity O(ε^{−2}) to a first-order stationary point.
 *
 * @param env - an environment or vector environment
 * @param policy - a policy that fits it
 * @param options - lr (γ₀ = 0.1), lrDecay (1), eta0 (1), etaDecay (1), batchEpisodes (1 per
 *   trajectory draw), baseline ('running'), and the {@link TrainOptions}
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit env
 * @throws {AbortError} when `signal` aborts
 * @example
 * const mdp = randomMDP({ states: 3, actions: 2, seed: 1 });
 * const pi = softmaxTabularPolicy(3, 2);
 * const run = nHarpg(mdp, pi, { maxIterations: 200, lr: 0.5, seed: 1 });
 * exactReturn(mdp, pi, run.theta) > exactReturn(mdp, pi, pi.initialParameters()) // => true
 * run.history[1].episodes // => 3
 */
export const nHarpg = defineAlgorithm<HarpgOptions>(
  (env: Environment | VectorEnvironment, policy: Policy, options: HarpgOptions | undefined) =>
    harpgRun('nHarpg', true, env, policy, options),
);
