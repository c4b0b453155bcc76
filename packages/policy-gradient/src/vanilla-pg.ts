// REINFORCE with a baseline: θ ← θ + α ĝ with the GPOMDP score-function estimate ĝ (Williams
// 1992, "Simple statistical gradient-following algorithms for connectionist reinforcement
// learning"; Baxter & Bartlett 2001).
import { checkInteger, checkPositive } from '@rg/linalg';
import { sgd } from '@rg/optim';
import type { Environment, VectorEnvironment } from './environment.js';
import {
  baselineOf,
  defineAlgorithm,
  norm,
  ScoreEstimator,
  TrainLoop,
} from './internal/train-loop.js';
import type { Policy } from './policy.js';
import type { TrainProgress, TrainResult, VanillaPGOptions } from './train-types.js';

function* run(
  env: Environment | VectorEnvironment,
  policy: Policy,
  options: VanillaPGOptions | undefined,
): Generator<TrainProgress, TrainResult, void> {
  const fn = 'vanillaPG';
  const loop = new TrainLoop(fn, env, policy, options);
  const o = options ?? {};
  const batch = checkInteger(fn, 'options.batchEpisodes', o.batchEpisodes ?? 10, 1);
  const estimator = new ScoreEstimator(
    baselineOf(fn, o.baseline, batch, batch >= 2 ? 'leave-one-out' : 'running'),
    loop.gamma,
  );
  const optimizer = o.optimizer ?? sgd({ lr: checkPositive(fn, 'options.lr', o.lr ?? 0.01) });
  const g = new Float64Array(policy.dim);
  const descent = new Float64Array(policy.dim);
  while (!loop.done) {
    const b = loop.collect(loop.theta, batch);
    estimator.gradient(loop.kernels, loop.theta, b, g);
    estimator.observe(b);
    for (let i = 0; i < g.length; i++) descent[i] = -g[i];
    optimizer.stepInPlace(loop.theta, descent);
    yield loop.finish({ gradientNorm: norm(g), lr: optimizer.lr });
  }
  return loop.result();
}

/**
 * Vanilla policy gradient (REINFORCE with a baseline): each iteration samples `batchEpisodes`
 * episodes at θ, forms the score-function estimate ĝ of ∇J ({@link policyGradientEstimate}:
 * returns-to-go, discounting γᵗ, a baseline) and takes one optimizer step on −ĝ — plain SGD
 * θ ← θ + lr·ĝ by default, or any @rg/optim optimizer (`adam({ lr })`, schedules, …). Seeded,
 * reports progress, honours `signal`; {@link trainingSteps} runs it one iteration at a time.
 *
 * @param env - an environment or vector environment
 * @param policy - a policy that fits it
 * @param options - batchEpisodes (10), baseline ('leave-one-out'), optimizer or lr (0.01), and
 *   the {@link TrainOptions}
 * @returns the final θ and the history of returns against samples
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit env
 * @throws {AbortError} when `signal` aborts
 * @example
 * const mdp = randomMDP({ states: 3, actions: 2, seed: 1 });
 * const pi = softmaxTabularPolicy(3, 2);
 * const before = exactReturn(mdp, pi, pi.initialParameters());
 * const run = vanillaPG(mdp, pi, { maxIterations: 30, lr: 0.5, seed: 1 });
 * exactReturn(mdp, pi, run.theta) > before // => true
 * run.history.length // => 30
 */
export const vanillaPG = defineAlgorithm<VanillaPGOptions>(run);
