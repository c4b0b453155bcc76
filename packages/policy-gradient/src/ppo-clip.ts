// PPO with the clipped surrogate objective (Schulman, Wolski, Dhariwal, Radford & Klimov 2017,
// "Proximal policy optimization algorithms", eq. 7).
import { checkInRange } from '@rg/linalg';
import type { Environment, VectorEnvironment } from './environment.js';
import { actorCriticRun, type SurrogateGradient } from './internal/actor-critic.js';
import { defineAlgorithm } from './internal/train-loop.js';
import type { Policy } from './policy.js';
import type { PpoClipOptions } from './train-types.js';

/**
 * PPO-clip: each iteration collects `batchSteps` steps, computes GAE(λ) advantages Â with a
 * learned critic, and runs `epochs` passes of minibatch optimizer steps on
 * L(θ) = mean min(ρÂ, clip(ρ, 1 − ε, 1 + ε)Â), ρ = π_θ(a|s)/π_old(a|s): the gradient ρÂ∇log π
 * where the unclipped term is the minimum, 0 where the clip is active. Progress `stats`:
 * clipFraction, approxKl (mean of ρ − 1 − log ρ), criticLoss.
 *
 * @param env - an environment or vector environment
 * @param policy - a policy that fits it
 * @param options - clip (0.2) and the {@link ActorCriticOptions}: batchSteps (2048), epochs
 *   (10), minibatchSize (64), lr (3e-4, Adam), lambda (0.95), critic, criticLr (1e-3), and the
 *   {@link TrainOptions}
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit env
 * @throws {AbortError} when `signal` aborts
 * @example
 * const mdp = randomMDP({ states: 4, actions: 2, seed: 5 });
 * const pi = softmaxTabularPolicy(4, 2);
 * const run = ppoClip(mdp, pi, { maxIterations: 5, batchSteps: 256, lr: 0.05, seed: 1 });
 * exactReturn(mdp, pi, run.theta) > exactReturn(mdp, pi, pi.initialParameters()) // => true
 */
export const ppoClip = defineAlgorithm<PpoClipOptions>(
  (env: Environment | VectorEnvironment, policy: Policy, options: PpoClipOptions | undefined) => {
    const eps = checkInRange('ppoClip', 'options.clip', options?.clip ?? 0.2, 0, 1, true);
    const surrogate: SurrogateGradient = (k, theta, mb, g, stats) => {
      const m = mb.X.rows;
      let clipped = 0;
      let kl = 0;
      // one forward pass: the weights ρÂ/m (0 where the clip is active) from the log-probabilities
      k.surrogateGradient(
        theta,
        mb.X,
        mb.A,
        (logp) => {
          const w = new Float64Array(m);
          for (let i = 0; i < m; i++) {
            const lr = logp[i] - mb.oldLogProbs[i];
            const ratio = Math.exp(lr);
            const a = mb.advantages[i];
            kl += ratio - 1 - lr;
            if ((a > 0 && ratio > 1 + eps) || (a < 0 && ratio < 1 - eps)) clipped++;
            else w[i] = (ratio * a) / m;
          }
          return w;
        },
        null,
        g,
      );
      stats.clipFraction = (stats.clipFraction ?? 0) + clipped / m;
      stats.approxKl = (stats.approxKl ?? 0) + kl / m;
    };
    return actorCriticRun('ppoClip', env, policy, options, surrogate);
  },
);
