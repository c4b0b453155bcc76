// A softmax policy over the logits of any @rg/nn network (Williams 1992; Sutton et al. 2000).
import { InvalidArgumentError, type Matrix, checkInteger, checkOptions } from '@rg/linalg';
import type { Layer } from '@rg/nn';
import { NetworkPolicy } from './internal/network-policy.js';
import type { Policy } from './policy.js';

/** Options of {@link categoricalPolicy}. */
export interface CategoricalPolicyOptions {
  /** columns of one observation row the network reads */
  observationSize: number;
}

/** @internal the width of a network's output for one observation row (a probe forward pass) */
export function outputWidth(fn: string, network: Layer, observationSize: number): number {
  if (
    !network ||
    typeof network.forward !== 'function' ||
    typeof network.rForward !== 'function' ||
    !(network.params instanceof Float64Array)
  )
    throw new InvalidArgumentError(`${fn}(): network must be a layer made by @rg/nn`);
  const probe: Matrix = {
    rows: 1,
    cols: observationSize,
    data: new Float64Array(observationSize),
  };
  const out = network.forward(probe);
  if (out.rows !== 1)
    throw new InvalidArgumentError(
      `${fn}(): network must map each observation row to one output row (got ${out.rows} rows for 1)`,
    );
  return out.cols;
}

/**
 * π_θ(a | s) = softmax(f_θ(s))_a for any @rg/nn network f whose output row i holds the logits of
 * observation row i (θ = the network's parameters). The network belongs to the policy from now
 * on: the policy writes θ into it before every pass.
 *
 * @param network - an @rg/nn layer (dense, sequential, embedding, …) with output width = number
 *   of actions ≥ 2
 * @param options - observationSize
 * @throws {InvalidArgumentError} when network is not an @rg/nn layer or has fewer than two outputs
 * @example
 * import { activation, dense, sequential } from '@rg/nn';
 * const net = sequential([dense({ inputs: 4, outputs: 8 }), activation('tanh'), dense({ inputs: 8, outputs: 2 })]);
 * const pi = categoricalPolicy(net, { observationSize: 4 });
 * pi.dim // => 58
 * pi.actions // => 2
 */
export function categoricalPolicy(network: Layer, options: CategoricalPolicyOptions): Policy {
  const fn = 'categoricalPolicy';
  const o = checkOptions(fn, 'options', options);
  const d = checkInteger(fn, 'options.observationSize', o.observationSize, 1);
  const k = outputWidth(fn, network, d);
  if (k < 2)
    throw new InvalidArgumentError(`${fn}(): network must output at least two logits (has ${k})`);
  return new NetworkPolicy(network, d, k, { kind: 'categorical' }).checked();
}
