import { InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  activation,
  columns,
  concat,
  dense,
  dropout,
  embedding,
  fromJSON,
  layerNorm,
  learnedPositions,
  residual,
  sequential,
  sinusoidalEmbedding,
  sinusoidalPositions,
  transformerBlock,
} from './index.js';

describe('toJSON / fromJSON', () => {
  it('a model with every kind of layer survives JSON text exactly: same architecture, parameters and outputs', () => {
    const seq = () =>
      sequential([
        embedding({ vocab: 7, dim: 4, seed: 1 }),
        sinusoidalPositions({ base: 500 }),
        learnedPositions({ maxTokens: 5, dim: 4, seed: 2 }),
        transformerBlock({
          dModel: 4,
          heads: 2,
          hidden: 6,
          causal: true,
          activation: 'relu',
          seed: 3,
          name: 'block',
        }),
        dropout({ rate: 0.1 }),
        layerNorm({ features: 4, eps: 1e-6 }),
        concat([
          columns({ from: 0, to: 2 }),
          sequential([columns({ from: 3, to: 4 }), sinusoidalEmbedding({ dim: 2 })]),
        ]),
        residual(dense({ inputs: 4, outputs: 4, bias: false, seed: 4 })),
        activation('softplus'),
        dense({ inputs: 4, outputs: 7, seed: 5 }),
      ]);
    const model = seq();
    // irrational-looking values, so an inexact number format would show
    for (let i = 0; i < model.dim; i++) model.params[i] += Math.PI * 1e-3 * Math.sin(i * 1.7);
    const text = JSON.stringify(model);
    const copy = fromJSON(text);
    expect(copy.toJSON()).toEqual(model.toJSON());
    expect(Array.from(copy.params)).toEqual(Array.from(model.params));
    expect(copy.parameters().map((p) => p.name)).toEqual(model.parameters().map((p) => p.name));
    const ids = { rows: 2, cols: 5, data: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 0, 1, 2]) };
    const a = model.forward(ids, { tokens: 5 });
    const b = copy.forward(ids, { tokens: 5 });
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
    // the object form works too, and a fresh architecture of the same spec differs only in values
    expect(Array.from(fromJSON(model.toJSON()).params)).toEqual(Array.from(model.params));
    expect(model.toJSON().layer).toEqual(seq().toJSON().layer);
  });

  it('toJSON() writes the architecture and the flat parameters', () => {
    const m = sequential([dense({ inputs: 1, outputs: 2, name: 'in' }), activation('tanh')]);
    m.params.set([1, 2, 3, 4]);
    expect(m.toJSON()).toEqual({
      format: '@rg/nn',
      version: 1,
      layer: {
        kind: 'sequential',
        layers: [
          { kind: 'dense', name: 'in', inputs: 1, outputs: 2, bias: true },
          { kind: 'activation', fn: 'tanh' },
        ],
      },
      params: [1, 2, 3, 4],
    });
  });

  it('fromJSON rejects other formats, unknown kinds and a wrong parameter count', () => {
    const good = dense({ inputs: 1, outputs: 1 }).toJSON();
    expect(() => fromJSON('{')).toThrow(InvalidArgumentError);
    expect(() => fromJSON({ ...good, format: 'other' } as never)).toThrow(/format/);
    expect(() => fromJSON({ ...good, version: 2 } as never)).toThrow(/version/);
    expect(() => fromJSON({ ...good, layer: { kind: 'conv' } })).toThrow(/unknown kind 'conv'/);
    expect(() => fromJSON({ ...good, params: [1] })).toThrow(ShapeError);
    expect(() => fromJSON({ ...good, params: [1, null] } as never)).toThrow(
      /params\[1\] must be a number/,
    );
    expect(() => fromJSON({ ...good, layer: { kind: 'dense', inputs: 0, outputs: 1 } })).toThrow(
      /inputs/,
    );
  });
});
