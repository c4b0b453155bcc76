// The tabular softmax policy π(a | s) ∝ exp θ_{s,a} (Sutton & Barto 2018, §13.1; Agarwal et al.
// 2021, "On the theory of policy gradient methods").
import { checkInteger } from '@rg/linalg';
import { embedding } from '@rg/nn';
import { NetworkPolicy } from './internal/network-policy.js';
import type { Policy } from './policy.js';

/**
 * The tabular softmax policy π_θ(a | s) = exp θ_{s,a} / Σ_b exp θ_{s,b} with θ an S×A table
 * (row-major: θ[s·A + a]), starting uniform (θ₀ = 0). Observations are state indices ([s]), as
 * {@link tabularMDP} delivers them; the table is an @rg/nn `embedding` layer.
 *
 * @param states - S ≥ 1
 * @param actions - A ≥ 2
 * @throws {InvalidArgumentError} when S or A is not a positive integer (A ≥ 2)
 * @example
 * const pi = softmaxTabularPolicy(3, 2);
 * pi.dim // => 6
 * Math.exp(pi.logProb(pi.initialParameters(), Float64Array.of(2), 1)) // => ~0.5
 */
export function softmaxTabularPolicy(states: number, actions: number): Policy {
  const fn = 'softmaxTabularPolicy';
  checkInteger(fn, 'states', states, 1);
  checkInteger(fn, 'actions', actions, 2);
  const net = embedding({ vocab: states, dim: actions });
  net.params.fill(0);
  return new NetworkPolicy(net, 1, actions, { kind: 'categorical' }).checked();
}
