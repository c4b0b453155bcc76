// On-policy MDPO: mirror descent in policy space with a KL proximity term, solved approximately
// by several minibatch gradient steps (Tomar, Shani, Efroni & Ghavamzadeh 2022, "Mirror descent
// policy optimization", §4).
import type { Environment, VectorEnvironment } from './environment.js';
import { actorCriticRun, type SurrogateGradient } from './internal/actor-critic.js';
import { defineAlgorithm } from './internal/train-loop.js';
import type { Policy } from './policy.js';
import type { MdpoOptions } from './train-types.js';

/**
 * On-policy MDPO: iteration k approximately solves the mirror-descent step
 * max_θ E_{s,a∼π_k}[ρ Â] − (1/tₖ) E_s[KL(π_θ(·|s) ‖ π_k(·|s))], ρ = π_θ(a|s)/π_k(a|s), with
 * tₖ = 1 − k/K (K the iteration budget: maxIterations, or maxSamples/batchSteps if smaller), by
 * `epochs` passes of minibatch optimizer steps — a trust region enforced by the KL penalty
 * instead of PPO's clipping, growing stronger as training proceeds. The KL is computed in
 * closed form per state (softmax or Gaussian) and differentiated exactly. Advantages and critic
 * as {@link ppoClip}. Progress `stats`: kl, klWeight (1/tₖ), criticLoss.
 *
 * @param env - an environment or vector environment
 * @param policy - a policy that fits it
 * @param options - the {@link ActorCriticOptions}: batchSteps (2048), epochs (10),
 *   minibatchSize (64), lr (3e-4, Adam), lambda (0.95), critic, criticLr (1e-3), and the
 *   {@link TrainOptions}
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit env
 * @throws {AbortError} when `signal` aborts
 * @example
 * const mdp = randomMDP({ states: 4, actions: 2, seed: 5 });
 * const pi = softmaxTabularPolicy(4, 2);
 * const run = mdpo(mdp, pi, { maxIterations: 5, batchSteps: 256, lr: 0.05, seed: 1 });
 * exactReturn(mdp, pi, run.theta) > exactReturn(mdp, pi, pi.initialParameters()) // => true
 */
export const mdpo = defineAlgorithm<MdpoOptions>(
  (env: Environment | VectorEnvironment, policy: Policy, options: MdpoOptions | undefined) => {
    const surrogate: SurrogateGradient = (k, theta, mb, g, stats) => {
      const m = mb.X.rows;
      const tk = 1 - mb.k / mb.K;
      const values = new Float64Array(m);
      // one forward pass: ∇[mean ρÂ − mean KL(π_θ ‖ π_k)/tₖ]
      k.surrogateGradient(
        theta,
        mb.X,
        mb.A,
        (logp) => {
          const w = new Float64Array(m);
          for (let i = 0; i < m; i++)
            w[i] = (Math.exp(logp[i] - mb.oldLogProbs[i]) * mb.advantages[i]) / m;
          return w;
        },
        { reference: mb.reference, coefficient: 1 / tk, values },
        g,
      );
      let mean = 0;
      for (let i = 0; i < m; i++) mean += values[i];
      stats.kl = (stats.kl ?? 0) + mean / m;
      stats.klWeight = (stats.klWeight ?? 0) + 1 / tk;
    };
    return actorCriticRun('mdpo', env, policy, options, surrogate);
  },
);
