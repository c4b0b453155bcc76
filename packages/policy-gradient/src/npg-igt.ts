// N-PG-IGT: normalized policy gradient with implicit gradient transport (Fatkhullin, Barakat,
// Kireeva & He 2023, "Stochastic policy gradient methods: improved sample complexity for
// Fisher-non-degenerate policies", Algorithm 1; IGT from Arnold et al. 2019).
import { checkInteger } from '@rg/linalg';
import type { Environment, VectorEnvironment } from './environment.js';
import { schedulesOf } from './internal/schedules.js';
import {
  baselineOf,
  defineAlgorithm,
  norm,
  ScoreEstimator,
  TrainLoop,
} from './internal/train-loop.js';
import type { Policy } from './policy.js';
import type { NpgIgtOptions, TrainProgress, TrainResult } from './train-types.js';

function* run(
  env: Environment | VectorEnvironment,
  policy: Policy,
  options: NpgIgtOptions | undefined,
): Generator<TrainProgress, TrainResult, void> {
  const fn = 'npgIgt';
  const loop = new TrainLoop(fn, env, policy, options);
  const o = options ?? {};
  const batch = checkInteger(fn, 'options.batchEpisodes', o.batchEpisodes ?? 1, 1);
  const estimator = new ScoreEstimator(baselineOf(fn, o.baseline, batch, 'running'), loop.gamma);
  const sched = schedulesOf(fn, o, 4 / 5);
  const n = policy.dim;
  const x = loop.theta;
  const prev = x.slice();
  const tilde = new Float64Array(n);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  for (let t = 0; !loop.done; t++) {
    const eta = sched.eta(t);
    const step = sched.lr(t);
    // gradient at the transported point x̃ = x + (1/η − 1)(x − x_prev)
    const c = 1 / eta - 1;
    for (let i = 0; i < n; i++) tilde[i] = x[i] + c * (x[i] - prev[i]);
    const b = loop.collect(tilde, batch);
    estimator.gradient(loop.kernels, tilde, b, g);
    estimator.observe(b);
    for (let i = 0; i < n; i++) d[i] = (1 - eta) * d[i] + eta * g[i];
    prev.set(x);
    const dn = norm(d);
    // normalized ascent step on J (descent on −J)
    if (dn > 0) for (let i = 0; i < n; i++) x[i] += (step * d[i]) / dn;
    yield loop.finish({ lr: step, eta, directionNorm: dn, gradientNorm: norm(g) });
  }
  return loop.result();
}

/**
 * N-PG-IGT (normalized policy gradient with implicit gradient transport), ascent form:
 * with ηₜ = η₀(2/(t+2))^{4/5} and γₜ = γ₀·2/(t+2), sample `batchEpisodes` episodes at the
 * transported point x̃ₜ = xₜ + (1/ηₜ − 1)(xₜ − xₜ₋₁), estimate g = ĝ(x̃ₜ), average it into the
 * direction dₜ = (1 − ηₜ)dₜ₋₁ + ηₜ g, and step xₜ₊₁ = xₜ + γₜ dₜ/‖dₜ‖. The extrapolation makes
 * the momentum average an estimate of the gradient at xₜ itself; normalization makes the step
 * length γₜ regardless of the gradient's scale. Sample complexity O(ε^{−2.5}) to an ε-stationary
 * point (O(ε^{−2.5}) globally for Fisher-non-degenerate policies), one trajectory per
 * iteration by default. The exponents are options (`lrDecay`, `etaDecay`).
 *
 * @param env - an environment or vector environment
 * @param policy - a policy that fits it
 * @param options - lr (γ₀ = 0.1), lrDecay (1), eta0 (1), etaDecay (0.8), batchEpisodes (1),
 *   baseline ('running'), and the {@link TrainOptions}
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit env
 * @throws {AbortError} when `signal` aborts
 * @example
 * const mdp = randomMDP({ states: 3, actions: 2, seed: 1 });
 * const pi = softmaxTabularPolicy(3, 2);
 * const run = npgIgt(mdp, pi, { maxIterations: 200, lr: 1, seed: 2 });
 * exactReturn(mdp, pi, run.theta) > exactReturn(mdp, pi, pi.initialParameters()) // => true
 */
export const npgIgt = defineAlgorithm<NpgIgtOptions>(run);
