// A diagonal Gaussian policy around a multilayer perceptron's output (Schulman et al. 2015, TRPO,
// and 2017, PPO: state-independent log standard deviations).
import { checkInteger, checkOptions } from '@rg/linalg';
import { logStdOf } from './gaussian-policy.js';
import { buildMlp, mlpSpec } from './internal/build-network.js';
import { NetworkPolicy } from './internal/network-policy.js';
import type { MlpPolicyOptions } from './mlp-softmax-policy.js';
import type { Policy } from './policy.js';

/** Options of {@link mlpGaussianPolicy}. */
export interface MlpGaussianPolicyOptions extends MlpPolicyOptions {
  /** initial log standard deviation, one number or one per action (default 0) */
  logStd?: number | ArrayLike<number>;
  /** learn the log standard deviations (default true) */
  learnStd?: boolean;
}

/**
 * a ~ N(f_θ(s), diag e^{2ℓ}) with f an @rg/nn MLP; θ = (network parameters, ℓ).
 *
 * @param options - inputs, actions, hidden, activation, seed, outputScale, logStd, learnStd
 * @throws {InvalidArgumentError} on bad sizes, an unknown activation or a bad logStd
 * @example
 * const pi = mlpGaussianPolicy({ inputs: 3, actions: 1, hidden: [8], logStd: -0.5 });
 * pi.dim // => 42
 * pi.initialParameters()[41] // => -0.5
 */
export function mlpGaussianPolicy(options: MlpGaussianPolicyOptions): Policy {
  const fn = 'mlpGaussianPolicy';
  const o = checkOptions(fn, 'options', options);
  const d = checkInteger(fn, 'options.inputs', o.inputs, 1);
  const m = checkInteger(fn, 'options.actions', o.actions, 1);
  const net = buildMlp(d, m, mlpSpec(fn, o));
  return new NetworkPolicy(net, d, m, {
    kind: 'gaussian',
    logStd: logStdOf(fn, o.logStd, m),
    learnStd: o.learnStd !== false,
  }).checked();
}
