// The likelihood-ratio (REINFORCE / GPOMDP) estimate of ∇J(θ), J = E[Σ γᵗ rₜ]: Σₜ γᵗ (Gₜ − bₜ)
// ∇θ log π(aₜ | sₜ) averaged over episodes (Williams 1992; Baxter & Bartlett 2001; Sutton et al.
// 2000 for the policy-gradient theorem it estimates).
import {
  InvalidArgumentError,
  ShapeError,
  checkInRange,
  checkOptions,
  checkVector,
} from '@rg/linalg';
import { kernelsOf, type PolicyKernels } from './internal/network-policy.js';
import { leaveOneOutKernel } from './leave-one-out-baseline.js';
import type { Policy } from './policy.js';
import { returnsToGoKernel } from './returns-to-go.js';
import type { Trajectories } from './rollout.js';

/** Options of {@link policyGradientEstimate}. */
export interface PolicyGradientEstimateOptions {
  /** discount γ in [0, 1] (the environment's `gamma` for its objective) */
  gamma: number;
  /**
   * 'none', 'leave-one-out' (default: the time-indexed mean return-to-go of the other episodes,
   * see {@link leaveOneOutBaseline}), or per-step baseline values bₜ that do not depend on the
   * batch (e.g. a running average from earlier batches)
   */
  baseline?: 'none' | 'leave-one-out' | ArrayLike<number>;
}

/** @internal unchecked per-step weights wₜ = γ^{t−t₀}(Gₜ − bₜ)/E of the score terms */
export function scoreWeights(
  batch: Trajectories,
  gamma: number,
  baseline: 'none' | 'leave-one-out' | ArrayLike<number>,
): Float64Array {
  const T = batch.steps;
  const G = returnsToGoKernel(batch.rewards, gamma, batch.starts, null, new Float64Array(T));
  const w = G.slice();
  if (baseline === 'leave-one-out') {
    const b = leaveOneOutKernel(G, batch.starts, new Float64Array(T));
    for (let t = 0; t < T; t++) w[t] -= b[t];
  } else if (baseline !== 'none') for (let t = 0; t < T; t++) w[t] -= baseline[t];
  const E = batch.episodes;
  for (let e = 0; e < E; e++) {
    let g = 1 / E;
    for (let t = batch.starts[e]; t < batch.starts[e + 1]; t++) {
      w[t] *= g;
      g *= gamma;
    }
  }
  return w;
}

/** @internal unchecked estimate into out */
export function policyGradientKernel(
  policy: PolicyKernels,
  theta: Float64Array,
  batch: Trajectories,
  gamma: number,
  baseline: 'none' | 'leave-one-out' | ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  if (batch.steps === 0) return out.fill(0);
  const w = scoreWeights(batch, gamma, baseline);
  return policy.gradLogProbBatch(theta, batch.observations, batch.actions, w, out);
}

/**
 * The score-function estimate of the policy gradient ∇J(θ) from a batch of episodes sampled
 * under π_θ: ĝ = (1/E) Σₑ Σₜ γᵗ (Gₜ − bₜ) ∇θ log π_θ(aₜ | sₜ), with Gₜ the discounted
 * return-to-go (GPOMDP: the reward at step k only credits the actions before it). Unbiased for
 * the gradient of the discounted return over the episodes' horizon for any baseline that does
 * not depend on the episode it is applied to. One backward pass of the policy network.
 *
 * @param policy - the policy that collected the batch
 * @param theta - its parameters (the ones the batch was sampled with)
 * @param batch - complete episodes from {@link rollout}
 * @param options - gamma, baseline
 * @returns ĝ, length policy.dim (an ascent direction of J)
 * @throws {ShapeError} when theta or a baseline array has the wrong length
 * @throws {InvalidArgumentError} on gamma outside [0, 1] or an unknown baseline
 * @example
 * // one state, two actions, reward 1 for action 1, one-step episodes
 * const mdp = tabularMDP({ P: [1, 1], R: [0, 1], gamma: 0.5, initial: [1], maxSteps: 1 });
 * const pi = softmaxTabularPolicy(1, 2);
 * const batch = rollout(mdp, pi, pi.initialParameters(), { episodes: 4000, seed: 2 });
 * const g = policyGradientEstimate(pi, pi.initialParameters(), batch, { gamma: 0.5 });
 * Math.abs(g[1] - 0.25) < 0.02 // => true
 */
export function policyGradientEstimate(
  policy: Policy,
  theta: Float64Array,
  batch: Trajectories,
  options: PolicyGradientEstimateOptions,
): Float64Array {
  const fn = 'policyGradientEstimate';
  if (!policy || typeof policy.gradLogProbBatch !== 'function')
    throw new InvalidArgumentError(`${fn}(): policy must be a Policy`);
  checkVector(fn, 'theta', theta, policy.dim);
  const o = checkOptions(fn, 'options', options);
  const gamma = checkInRange(fn, 'options.gamma', o.gamma, 0, 1);
  if (!batch || !Number.isInteger(batch.steps) || !(batch.starts instanceof Int32Array))
    throw new InvalidArgumentError(`${fn}(): batch must be Trajectories from rollout()`);
  if (batch.observations.cols !== policy.observationSize)
    throw new ShapeError(`${fn}(): batch observations do not fit the policy`);
  let baseline: 'none' | 'leave-one-out' | ArrayLike<number> = o.baseline ?? 'leave-one-out';
  if (typeof baseline === 'string') {
    if (baseline !== 'none' && baseline !== 'leave-one-out')
      throw new InvalidArgumentError(
        `${fn}(): options.baseline must be 'none', 'leave-one-out' or an array (got '${baseline}')`,
      );
  } else baseline = checkVector(fn, 'options.baseline', baseline, batch.steps, true);
  return policyGradientKernel(
    kernelsOf(policy),
    theta,
    batch,
    gamma,
    baseline,
    new Float64Array(policy.dim),
  );
}
