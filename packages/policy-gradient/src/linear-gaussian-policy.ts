// The linear-Gaussian policy a ~ N(sᵀW + b, diag σ²), the policy class of the LQR (Fazel et al.
// 2018, "Global convergence of policy gradient methods for the linear quadratic regulator").
import { checkInteger, checkOptions } from '@rg/linalg';
import { dense } from '@rg/nn';
import { logStdOf } from './gaussian-policy.js';
import { NetworkPolicy } from './internal/network-policy.js';
import type { Policy } from './policy.js';

/** Options of {@link linearGaussianPolicy}. */
export interface LinearGaussianPolicyOptions {
  /** observation length d */
  inputs: number;
  /** action dimension m */
  actions: number;
  /** add a bias to the mean (default false: the LQR's u = −Kx has none) */
  bias?: boolean;
  /** initial log standard deviation, one number or one per action (default 0) */
  logStd?: number | ArrayLike<number>;
  /** learn the log standard deviations (default true) or keep them fixed */
  learnStd?: boolean;
}

/**
 * a ~ N(sᵀW (+ b), diag e^{2ℓ}) with W d×m (θ[0 … dm), row-major), the optional bias, then ℓ when
 * learned; W starts at zero. For the LQR's u = −Kx the gain is K = −Wᵀ.
 *
 * @param options - inputs, actions, bias, logStd, learnStd
 * @throws {InvalidArgumentError} on sizes that are not positive integers, or a bad logStd
 * @example
 * const pi = linearGaussianPolicy({ inputs: 2, actions: 1, logStd: -1, learnStd: false });
 * pi.dim // => 2
 * pi.logProb(Float64Array.of(1, 0), Float64Array.of(2, 5), Float64Array.of(2)) // => ~0.081061
 */
export function linearGaussianPolicy(options: LinearGaussianPolicyOptions): Policy {
  const fn = 'linearGaussianPolicy';
  const o = checkOptions(fn, 'options', options);
  const d = checkInteger(fn, 'options.inputs', o.inputs, 1);
  const m = checkInteger(fn, 'options.actions', o.actions, 1);
  const net = dense({ inputs: d, outputs: m, bias: o.bias === true, init: 'zeros' });
  return new NetworkPolicy(net, d, m, {
    kind: 'gaussian',
    logStd: logStdOf(fn, o.logStd, m),
    learnStd: o.learnStd !== false,
  }).checked();
}
