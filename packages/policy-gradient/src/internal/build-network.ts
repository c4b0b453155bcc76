// Small networks for the policy constructors, built from @rg/nn layers.
import { rng, checkInteger, checkPositive, checkSeed } from '@rg/linalg';
import { type ActivationName, activation, dense, type Layer, sequential } from '@rg/nn';
import { InvalidArgumentError } from '@rg/linalg';

const ACTIVATIONS: readonly ActivationName[] = [
  'tanh',
  'relu',
  'softplus',
  'gelu',
  'sigmoid',
  'identity',
];

/** @internal validated MLP options */
export interface MlpSpec {
  hidden: number[];
  activation: ActivationName;
  seed: number;
  outputScale: number;
}

export function mlpSpec(
  fn: string,
  o: {
    hidden?: readonly number[];
    activation?: ActivationName;
    seed?: number;
    outputScale?: number;
  },
): MlpSpec {
  const hidden = o.hidden ?? [64, 64];
  if (!Array.isArray(hidden) || hidden.length === 0)
    throw new InvalidArgumentError(`${fn}(): options.hidden must be a non-empty array of widths`);
  hidden.forEach((h, i) => {
    checkInteger(fn, `options.hidden[${i}]`, h, 1);
  });
  const act = o.activation ?? 'tanh';
  if (!ACTIVATIONS.includes(act))
    throw new InvalidArgumentError(
      `${fn}(): options.activation must be one of ${ACTIVATIONS.join(', ')} (got ${String(act)})`,
    );
  return {
    hidden: [...hidden],
    activation: act,
    seed: checkSeed(fn, 'options.seed', o.seed ?? 0),
    outputScale: checkPositive(fn, 'options.outputScale', o.outputScale ?? 0.01),
  };
}

/**
 * inputs → hidden… → outputs with Glorot-normal weights and zero biases; the last layer's
 * weights are multiplied by `outputScale` so that the initial policy is nearly uniform
 * (categorical) or centred (Gaussian), the usual initialization of policy networks.
 */
export function buildMlp(inputs: number, outputs: number, spec: MlpSpec): Layer {
  const r = rng(spec.seed);
  const layers: Layer[] = [];
  let width = inputs;
  for (const h of spec.hidden) {
    layers.push(dense({ inputs: width, outputs: h, seed: r }), activation(spec.activation));
    width = h;
  }
  const last = dense({ inputs: width, outputs, seed: r });
  layers.push(last);
  const model = sequential(layers);
  const w = last.parameters()[0].value.data;
  for (let i = 0; i < w.length; i++) w[i] *= spec.outputScale;
  return model;
}
