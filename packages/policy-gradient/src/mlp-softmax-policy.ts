// A softmax policy over a multilayer perceptron's logits (Williams 1992; the policy network of
// Schulman et al. 2017, PPO).
import { checkInteger, checkOptions } from '@rg/linalg';
import type { ActivationName } from '@rg/nn';
import { buildMlp, mlpSpec } from './internal/build-network.js';
import { NetworkPolicy } from './internal/network-policy.js';
import type { Policy } from './policy.js';

/** Options of {@link mlpSoftmaxPolicy} and {@link mlpGaussianPolicy}. */
export interface MlpPolicyOptions {
  /** observation length d */
  inputs: number;
  /** number of actions (softmax) or action dimension (Gaussian) */
  actions: number;
  /** hidden widths (default [64, 64]) */
  hidden?: readonly number[];
  /** hidden activation (default 'tanh') */
  activation?: ActivationName;
  /** seed of the Glorot-normal initialization (default 0) */
  seed?: number;
  /** factor on the last layer's initial weights (default 0.01: a nearly uniform / centred start) */
  outputScale?: number;
}

/**
 * π_θ(a | s) = softmax(f_θ(s))_a with f an @rg/nn MLP (dense layers with `activation` between
 * them); θ = the network's flat parameters, layer by layer (weight then bias).
 *
 * @param options - inputs, actions, hidden, activation, seed, outputScale
 * @throws {InvalidArgumentError} on bad sizes or an unknown activation
 * @example
 * const pi = mlpSoftmaxPolicy({ inputs: 4, actions: 2, hidden: [16] });
 * pi.dim // => 114
 * Math.exp(pi.logProb(pi.initialParameters(), Float64Array.of(0.1, 0, 0.2, 0), 0)) // => ~0.5
 */
export function mlpSoftmaxPolicy(options: MlpPolicyOptions): Policy {
  const fn = 'mlpSoftmaxPolicy';
  const o = checkOptions(fn, 'options', options);
  const d = checkInteger(fn, 'options.inputs', o.inputs, 1);
  const k = checkInteger(fn, 'options.actions', o.actions, 2);
  const net = buildMlp(d, k, mlpSpec(fn, o));
  return new NetworkPolicy(net, d, k, { kind: 'categorical' }).checked();
}
