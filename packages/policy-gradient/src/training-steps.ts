// Any training algorithm of this package as an iterator over its iterations, for step-by-step
// driving (a browser animation frame per iteration, early stopping by the caller).
import { InvalidArgumentError } from '@rg/linalg';
import type { Environment, VectorEnvironment } from './environment.js';
import { runOf } from './internal/train-loop.js';
import type { Policy } from './policy.js';
import type { TrainProgress, TrainResult } from './train-types.js';

/**
 * Run a training algorithm of this package ({@link vanillaPG}, {@link npgIgt}, {@link nHarpg},
 * {@link harpg}, {@link ppoClip}, {@link mdpo}) one iteration per `next()`: each step yields the
 * iteration's {@link TrainProgress} (with a copy of θ), and the final `next()` returns the
 * {@link TrainResult}. The same seed gives the same iterates as the plain call; stopping early
 * is just not calling `next()` again.
 *
 * @param algorithm - one of the training functions of this package
 * @param env - the environment
 * @param policy - the policy
 * @param options - the algorithm's options
 * @throws {InvalidArgumentError} when `algorithm` is not a training function of this package
 * @example
 * const mdp = randomMDP({ states: 3, actions: 2, seed: 1 });
 * const pi = softmaxTabularPolicy(3, 2);
 * const steps = trainingSteps(vanillaPG, mdp, pi, { maxIterations: 3, lr: 0.5 });
 * const first = steps.next().value;
 * first.iteration // => 1
 * const rest = [...steps]; // the remaining iterations
 * rest.length // => 2
 */
export function trainingSteps<O>(
  algorithm: (env: Environment | VectorEnvironment, policy: Policy, options?: O) => TrainResult,
  env: Environment | VectorEnvironment,
  policy: Policy,
  options?: O,
): Generator<TrainProgress, TrainResult, void> {
  const run = runOf(algorithm);
  if (!run)
    throw new InvalidArgumentError(
      'trainingSteps(): algorithm must be one of vanillaPG, npgIgt, nHarpg, harpg, ppoClip, mdpo',
    );
  return run(env, policy, options) as Generator<TrainProgress, TrainResult, void>;
}
