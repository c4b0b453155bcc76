// Any training algorithm of this package as an iterator over its iterations, for step-by-step
// driving (a browser animation frame per iteration, early stopping by the caller).
import { checkOptions, InvalidArgumentError } from '@rg/linalg';
import { runOf } from './internal/train-loop.js';
import type { TrainProgress, TrainResult } from './train-types.js';

/**
 * Run a training algorithm of this package ({@link vanillaPG}, {@link npgIgt}, {@link nHarpg},
 * {@link harpg}, {@link ppoClip}, {@link mdpo} on an environment; {@link grpo}, {@link capo},
 * {@link g2rl} on a token task) one iteration per `next()`: each step yields the iteration's
 * {@link TrainProgress} (with a copy of θ), and the final `next()` returns the
 * {@link TrainResult}. The same seed gives the same iterates as the plain call; stopping early
 * is just not calling `next()` again — what a page that trains live drives, one animation
 * frame per iteration.
 *
 * @param algorithm - one of the training functions of this package
 * @param env - the environment (or token task)
 * @param policy - the policy (or sequence policy)
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
 * const task = reverseTask({ length: 2, trainSize: 20, testSize: 10 });
 * const seq = trainingSteps(grpo, task, transformerPolicy({ maxTokens: 5, dModel: 8 }), { maxIterations: 2, promptsPerIteration: 2, groupSize: 2 });
 * seq.next().value.stats.entropy > 0 // => true
 */
export function trainingSteps<E, P, O>(
  algorithm: (env: E, policy: P, options?: O) => TrainResult,
  env: E,
  policy: P,
  options?: O,
): Generator<TrainProgress, TrainResult, void> {
  const fn = 'trainingSteps';
  const run = runOf(algorithm);
  if (!run)
    throw new InvalidArgumentError(
      `${fn}(): algorithm must be one of vanillaPG, npgIgt, nHarpg, harpg, ppoClip, mdpo, grpo, capo, g2rl`,
    );
  // what a generator checks runs at its first next(): refuse missing arguments now
  if (env === null || typeof env !== 'object')
    throw new InvalidArgumentError(`${fn}(): env must be an environment or a token task`);
  if (policy === null || typeof policy !== 'object')
    throw new InvalidArgumentError(`${fn}(): policy must be a Policy or a SequencePolicy`);
  checkOptions(fn, 'options', options as object | undefined);
  return run(env, policy, options);
}
