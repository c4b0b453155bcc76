// A diagonal Gaussian policy around the output of any @rg/nn network, with state-independent
// log standard deviations (Williams 1992; the parametrization of Schulman et al. 2015, TRPO).
import {
  InvalidArgumentError,
  checkFiniteNumber,
  checkInteger,
  checkOptions,
  checkVector,
} from '@rg/linalg';
import type { Layer } from '@rg/nn';
import { outputWidth } from './categorical-policy.js';
import { NetworkPolicy } from './internal/network-policy.js';
import type { Policy } from './policy.js';

/** Options of {@link gaussianPolicy}. */
export interface GaussianPolicyOptions {
  /** columns of one observation row the network reads */
  observationSize: number;
  /** initial log standard deviation: one number for all action dimensions, or one each (default 0) */
  logStd?: number | ArrayLike<number>;
  /** learn the log standard deviations (the last entries of θ; default true) or keep them fixed */
  learnStd?: boolean;
}

/** @internal validated log standard deviations */
export function logStdOf(
  fn: string,
  v: number | ArrayLike<number> | undefined,
  d: number,
): Float64Array {
  if (v === undefined) return new Float64Array(d);
  if (typeof v === 'number')
    return new Float64Array(d).fill(checkFiniteNumber(fn, 'options.logStd', v));
  return checkVector(fn, 'options.logStd', v, d, true);
}

/**
 * π_θ(a | s) = N(a; f_θ(s), diag e^{2ℓ}) for any @rg/nn network f whose output row i is the mean
 * action at observation row i. θ = (network parameters, ℓ) when `learnStd` (default), else the
 * network parameters alone with ℓ fixed. The network belongs to the policy from now on.
 *
 * @param network - an @rg/nn layer; its output width is the action dimension
 * @param options - observationSize, logStd, learnStd
 * @throws {InvalidArgumentError} when network is not an @rg/nn layer, or on a bad logStd
 * @example
 * import { dense } from '@rg/nn';
 * const pi = gaussianPolicy(dense({ inputs: 3, outputs: 2, bias: false }), { observationSize: 3, logStd: -1 });
 * pi.dim // => 8
 * pi.initialParameters().slice(6) // => [-1, -1]
 */
export function gaussianPolicy(network: Layer, options: GaussianPolicyOptions): Policy {
  const fn = 'gaussianPolicy';
  const o = checkOptions(fn, 'options', options);
  const d = checkInteger(fn, 'options.observationSize', o.observationSize, 1);
  const k = outputWidth(fn, network, d);
  if (k < 1) throw new InvalidArgumentError(`${fn}(): network must have at least one output`);
  return new NetworkPolicy(network, d, k, {
    kind: 'gaussian',
    logStd: logStdOf(fn, o.logStd, k),
    learnStd: o.learnStd !== false,
  }).checked();
}
