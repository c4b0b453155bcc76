// The linear softmax (Gibbs) policy π(a | s) ∝ exp(sᵀW + b)_a (Sutton et al. 2000, §3).
import { checkInteger, checkOptions } from '@rg/linalg';
import { dense } from '@rg/nn';
import { NetworkPolicy } from './internal/network-policy.js';
import type { Policy } from './policy.js';

/** Options of {@link linearSoftmaxPolicy}. */
export interface LinearSoftmaxPolicyOptions {
  /** observation length d */
  inputs: number;
  /** number of actions A ≥ 2 */
  actions: number;
  /** add a bias per action (default true) */
  bias?: boolean;
}

/**
 * The linear softmax policy π_θ(a | s) = softmax(sᵀW + b)_a with W d×A (θ[0 … dA), row-major)
 * and b (θ[dA … dA + A)), starting uniform (θ₀ = 0); an @rg/nn `dense` layer.
 *
 * @param options - inputs, actions, bias
 * @throws {InvalidArgumentError} on sizes that are not positive integers (A ≥ 2)
 * @example
 * const pi = linearSoftmaxPolicy({ inputs: 4, actions: 2 });
 * pi.dim // => 10
 * const theta = pi.initialParameters();
 * theta[5] = 1; // w_{2,1}: a positive third observation favours action 1
 * Math.exp(pi.logProb(theta, Float64Array.of(0, 0, 2, 0), 1)) // => ~0.8808
 */
export function linearSoftmaxPolicy(options: LinearSoftmaxPolicyOptions): Policy {
  const fn = 'linearSoftmaxPolicy';
  const o = checkOptions(fn, 'options', options);
  const d = checkInteger(fn, 'options.inputs', o.inputs, 1);
  const k = checkInteger(fn, 'options.actions', o.actions, 2);
  const net = dense({ inputs: d, outputs: k, bias: o.bias !== false, init: 'zeros' });
  return new NetworkPolicy(net, d, k, { kind: 'categorical' }).checked();
}
