// Rebuild a model from the JSON that `layer.toJSON()` writes: architecture, then parameters.
import { assertFiniteArray, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { activation } from './activation.js';
import { attention } from './attention.js';
import { columns } from './columns.js';
import { concat } from './concat.js';
import { dense } from './dense.js';
import { dropout } from './dropout.js';
import { embedding } from './embedding.js';
import type { ActivationName } from './internal/activation-kernels.js';
import { layerNorm } from './layer-norm.js';
import type { Layer, LayerSpec, ModelJSON } from './layer.js';
import { learnedPositions } from './learned-positions.js';
import { residual } from './residual.js';
import { sequential } from './sequential.js';
import { sinusoidalEmbedding } from './sinusoidal-embedding.js';
import { sinusoidalPositions } from './sinusoidal-positions.js';

// biome-ignore lint/suspicious/noExplicitAny: spec options are checked by each layer's factory
type AnySpec = LayerSpec & Record<string, any>;

function build(spec: AnySpec, where: string): Layer {
  if (spec === null || typeof spec !== 'object' || typeof spec.kind !== 'string')
    throw new InvalidArgumentError(`fromJSON(): ${where} must be a layer spec { kind, … }`);
  const name = spec.name;
  const children = (): Layer[] => {
    if (!Array.isArray(spec.layers))
      throw new InvalidArgumentError(`fromJSON(): ${where}.layers must be an array of layer specs`);
    return spec.layers.map((c, i) => build(c as AnySpec, `${where}.layers[${i}]`));
  };
  switch (spec.kind) {
    case 'dense':
      return dense({
        inputs: spec.inputs,
        outputs: spec.outputs,
        bias: spec.bias,
        init: 'zeros',
        name,
      });
    case 'activation':
      return activation(spec.fn as ActivationName, { name });
    case 'embedding':
      return embedding({ vocab: spec.vocab, dim: spec.dim, name });
    case 'layerNorm':
      return layerNorm({ features: spec.features, eps: spec.eps, name });
    case 'attention':
      return attention({
        dModel: spec.dModel,
        heads: spec.heads,
        causal: spec.causal,
        bias: spec.bias,
        name,
      });
    case 'sinusoidalPositions':
      return sinusoidalPositions({ base: spec.base, name });
    case 'learnedPositions':
      return learnedPositions({ maxTokens: spec.maxTokens, dim: spec.dim, name });
    case 'sinusoidalEmbedding':
      return sinusoidalEmbedding({ dim: spec.dim, base: spec.base, name });
    case 'columns':
      return columns({ from: spec.from, to: spec.to, name });
    case 'dropout':
      return dropout({ rate: spec.rate, name });
    case 'residual': {
      const inner = children();
      if (inner.length !== 1)
        throw new InvalidArgumentError(`fromJSON(): ${where} (residual) must hold one layer`);
      return residual(inner[0], { name });
    }
    case 'concat':
      return concat(children(), { name });
    case 'sequential':
      return sequential(children(), { name });
    default:
      throw new InvalidArgumentError(`fromJSON(): ${where} has an unknown kind '${spec.kind}'`);
  }
}

/**
 * Rebuild a layer or model saved with `toJSON()` (or `JSON.stringify(model)`): the same
 * architecture and exactly the same parameters (float64 values survive JSON), so the rebuilt
 * model computes bit for bit the same outputs.
 *
 * @param json - a {@link ModelJSON} object or its JSON text
 * @returns the model
 * @throws {InvalidArgumentError} on a wrong format, an unknown layer kind, bad options or a non-number parameter
 * @throws {ShapeError} when the number of parameters does not match the architecture
 * @throws {NonFiniteError} on a non-finite parameter
 * @example
 * import { fromRows } from '@rg/linalg';
 * const model = sequential([dense({ inputs: 2, outputs: 4, seed: 1 }), activation('gelu'), dense({ inputs: 4, outputs: 1, seed: 2 })]);
 * const copy = fromJSON(JSON.stringify(model));
 * const x = fromRows([[0.5, -1]]);
 * copy.forward(x).data[0] === model.forward(x).data[0] // => true
 */
export function fromJSON(json: ModelJSON | string): Layer {
  let obj: ModelJSON;
  if (typeof json === 'string') {
    try {
      obj = JSON.parse(json) as ModelJSON;
    } catch {
      throw new InvalidArgumentError('fromJSON(): json is not valid JSON text');
    }
  } else obj = json;
  if (obj === null || typeof obj !== 'object' || obj.format !== '@rg/nn')
    throw new InvalidArgumentError(
      "fromJSON(): json must be what toJSON() writes (format '@rg/nn')",
    );
  if (obj.version !== 1)
    throw new InvalidArgumentError(
      `fromJSON(): unsupported version ${obj.version} (this is version 1)`,
    );
  const layer = build(obj.layer as AnySpec, 'layer');
  const params = obj.params;
  if (!Array.isArray(params) || params.length !== layer.dim)
    throw new ShapeError(
      `fromJSON(): params must hold ${layer.dim} numbers for this architecture (has ${Array.isArray(params) ? params.length : 'none'})`,
    );
  for (let i = 0; i < params.length; i++)
    if (typeof params[i] !== 'number')
      throw new InvalidArgumentError(
        `fromJSON(): params[${i}] must be a number (got ${params[i]})`,
      );
  assertFiniteArray('fromJSON', 'params', params);
  layer.params.set(params);
  return layer;
}
