// Monte Carlo evaluation of a policy: the average return of independent episodes.
import { rng, checkInteger, checkOptions, checkSeed, checkVector } from '@rg/linalg';
import type { Environment, VectorEnvironment } from './environment.js';
import { kernelsOf } from './internal/network-policy.js';
import type { Policy } from './policy.js';
import { checkEnvironment, rolloutKernel } from './rollout.js';

/** Options of {@link evaluatePolicy}. */
export interface EvaluatePolicyOptions {
  /** number of episodes (default 10) */
  episodes?: number;
  /** seed (default 0): a fixed seed evaluates every θ on the same random numbers */
  seed?: number;
}

/** What {@link evaluatePolicy} returns. */
export interface PolicyEvaluationEstimate {
  /** mean undiscounted return */
  readonly mean: number;
  /** sample standard deviation of the returns (0 for one episode) */
  readonly std: number;
  /** mean discounted return (the environment's gamma) */
  readonly discountedMean: number;
  /** mean episode length */
  readonly meanLength: number;
  readonly episodes: number;
}

/**
 * The average return of π_θ over `episodes` independent episodes, with its standard deviation:
 * the evaluation for `TrainOptions.evaluate` when no exact return is available. With a fixed
 * seed (common random numbers) differences between two θ are far less noisy than the returns.
 *
 * @param env - an environment or vector environment
 * @param policy - a policy that fits it
 * @param theta - the parameters
 * @param options - episodes, seed
 * @throws {InvalidArgumentError} when the policy does not fit env, or on bad options
 * @example
 * const env = cartPole();
 * const pi = linearSoftmaxPolicy({ inputs: 4, actions: 2 });
 * const e = evaluatePolicy(env, pi, pi.initialParameters(), { episodes: 20 });
 * e.mean > 8 && e.mean < 50 // => true
 */
export function evaluatePolicy(
  env: Environment | VectorEnvironment,
  policy: Policy,
  theta: Float64Array,
  options: EvaluatePolicyOptions = {},
): PolicyEvaluationEstimate {
  const fn = 'evaluatePolicy';
  checkEnvironment(fn, env, policy);
  checkVector(fn, 'theta', theta, policy.dim);
  const o = checkOptions(fn, 'options', options);
  const E = checkInteger(fn, 'options.episodes', o.episodes ?? 10, 1);
  const b = rolloutKernel(
    env,
    kernelsOf(policy),
    policy.actionSize,
    theta,
    E,
    0,
    rng(checkSeed(fn, 'options.seed', o.seed ?? 0)),
    env.gamma,
  );
  let mean = 0;
  let disc = 0;
  for (let e = 0; e < E; e++) {
    mean += b.returns[e];
    disc += b.discountedReturns[e];
  }
  mean /= E;
  let v = 0;
  for (let e = 0; e < E; e++) v += (b.returns[e] - mean) ** 2;
  return {
    mean,
    std: E > 1 ? Math.sqrt(v / (E - 1)) : 0,
    discountedMean: disc / E,
    meanLength: b.steps / E,
    episodes: E,
  };
}
