// HARPG: Hessian-aided recursive policy gradient without normalization (Fatkhullin, Barakat,
// Kireeva & He 2023, Algorithm 2).
import type { Environment, VectorEnvironment } from './environment.js';
import { harpgRun } from './internal/harpg-run.js';
import { defineAlgorithm } from './internal/train-loop.js';
import type { Policy } from './policy.js';
import type { HarpgOptions } from './train-types.js';

/**
 * HARPG: the recursion of {@link nHarpg} with the plain step xₜ₊₁ = xₜ + γₜ dₜ (no
 * normalization), so the step length follows the gradient's scale; γ₀ needs to be chosen for
 * the problem's scale accordingly.
 *
 * @param env - an environment or vector environment
 * @param policy - a policy that fits it
 * @param options - as {@link nHarpg}
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit env
 * @throws {AbortError} when `signal` aborts
 * @example
 * const mdp = randomMDP({ states: 3, actions: 2, seed: 1 });
 * const pi = softmaxTabularPolicy(3, 2);
 * const run = harpg(mdp, pi, { maxIterations: 200, lr: 0.05, seed: 1 });
 * exactReturn(mdp, pi, run.theta) > exactReturn(mdp, pi, pi.initialParameters()) // => true
 */
export const harpg = defineAlgorithm<HarpgOptions>(
  (env: Environment | VectorEnvironment, policy: Policy, options: HarpgOptions | undefined) =>
    harpgRun('harpg', false, env, policy, options),
);
