import { fromRows, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { adam, sgd } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import { randomMatrix } from '../test/finite-differences.js';
import {
  activation,
  attention,
  dense,
  embedding,
  layerNorm,
  residual,
  sequential,
  transformerBlock,
} from './index.js';

describe('parameters', () => {
  it('sequential([...]) names parameters by path and lays them out in order in one flat vector', () => {
    const model = sequential([
      dense({ inputs: 2, outputs: 3 }),
      activation('relu'),
      residual(
        sequential([
          layerNorm({ features: 3, name: 'norm' }),
          dense({ inputs: 3, outputs: 3, name: 'proj' }),
        ]),
      ),
      dense({ inputs: 3, outputs: 1, bias: false, name: 'head' }),
    ]);
    const ps = model.parameters();
    expect(ps.map((p) => p.name)).toEqual([
      'layer1.weight',
      'layer1.bias',
      'layer3.norm.weight',
      'layer3.norm.bias',
      'layer3.proj.weight',
      'layer3.proj.bias',
      'head.weight',
    ]);
    expect(ps.map((p) => [p.value.rows, p.value.cols])).toEqual([
      [2, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [3, 3],
      [1, 3],
      [3, 1],
    ]);
    expect(model.dim).toBe(6 + 3 + 3 + 3 + 9 + 3 + 3);
    let offset = 0;
    for (const p of ps) {
      expect(p.value.data.buffer).toBe(model.params.buffer);
      expect(p.value.data.byteOffset).toBe(offset * 8);
      expect(p.grad?.data.buffer).toBe(model.grads.buffer);
      offset += p.value.data.length;
    }
    // a nested model is a contiguous view into the outer one
    const inner = model.layers[2].layers[0];
    expect(inner.params.byteOffset).toBe((6 + 3) * 8);
    inner.params[0] = 42;
    expect(model.params[9]).toBe(42);
  });

  it('optimizer steps on parameters() change params in place; backward accumulates until zeroGrad', () => {
    const model = sequential([
      dense({ inputs: 2, outputs: 2, seed: 1 }),
      activation('tanh'),
      dense({ inputs: 2, outputs: 1, seed: 2 }),
    ]);
    const x = fromRows([
      [1, -1],
      [0.5, 2],
    ]);
    const y = model.forward(x);
    model.backward({ ...y, data: Float64Array.from([1, 1]) });
    const once = Float64Array.from(model.grads);
    model.forward(x);
    model.backward({ ...y, data: Float64Array.from([1, 1]) });
    expect(Array.from(model.grads)).toEqual(Array.from(once).map((g) => 2 * g));
    const before = Float64Array.from(model.params);
    const view = model.params;
    sgd({ lr: 0.1 }).step(model.parameters());
    expect(model.params).toBe(view);
    for (let i = 0; i < before.length; i++)
      expect(model.params[i]).toBeCloseTo(before[i] - 0.1 * 2 * once[i], 15);
    model.zeroGrad();
    expect(model.grads.every((g) => g === 0)).toBe(true);
    // adam keeps its state per parameter name
    const opt = adam({ lr: 0.01 });
    opt.step(model.parameters());
    expect(Object.keys(opt.state().params)).toEqual(model.parameters().map((p) => p.name));
  });

  it('a layer keeps its values when put into a container; a layer belongs to one container', () => {
    const d = dense({ inputs: 2, outputs: 2, seed: 3 });
    const values = Float64Array.from(d.params);
    const model = sequential([d]);
    expect(Array.from(model.params)).toEqual(Array.from(values));
    expect(() => sequential([d])).toThrow(InvalidArgumentError);
    const e = dense({ inputs: 2, outputs: 2 });
    expect(() => sequential([e, e])).toThrow(InvalidArgumentError);
    // @ts-expect-error not a layer
    expect(() => sequential([{ forward: () => null }])).toThrow(/made by @rg\/nn/);
    expect(() =>
      sequential([
        dense({ inputs: 2, outputs: 2, name: 'a' }),
        dense({ inputs: 2, outputs: 2, name: 'a' }),
      ]),
    ).toThrow(/named 'a.weight'/);
  });

  it('one shared rng() gives layers different starts; a seed reproduces them', () => {
    const a = transformerBlock({ dModel: 4, heads: 2, seed: 5 });
    const b = transformerBlock({ dModel: 4, heads: 2, seed: 5 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    const att = attention({ dModel: 4 });
    const [q, , k] = att.parameters();
    expect(Array.from(q.value.data)).not.toEqual(Array.from(k.value.data));
    expect(Array.from(embedding({ vocab: 3, dim: 2, seed: 1 }).params)).toEqual(
      Array.from(embedding({ vocab: 3, dim: 2, seed: 1 }).params),
    );
  });

  it('backward and the R-operator check their arguments and the forward state', () => {
    const model = sequential([dense({ inputs: 2, outputs: 2 }), activation('tanh')]);
    expect(() => model.backward(fromRows([[1, 1]]))).toThrow(/call forward\(\) first/);
    model.forward(fromRows([[1, 2]]));
    expect(() => model.backward(fromRows([[1, 1, 1]]))).toThrow(ShapeError);
    expect(() => model.rBackward(fromRows([[1, 1]]), null)).toThrow(/rForward/);
    expect(() => model.rForward(null, new Float64Array(3))).toThrow(ShapeError);
    // a forward of the inner layer replaces the state the outer backward needs
    model.layers[0].forward(fromRows([[3, 4]]));
    expect(() => model.backward(fromRows([[1, 1]]))).toThrow(/another forward pass/);
    expect(() => model.forward(randomMatrix(1, 3, 1))).toThrow(/takes 2 input columns/);
    expect(() => model.forward(fromRows([[1, Number.NaN]]))).toThrow(/NaN/);
    expect(() => dense({ inputs: 0, outputs: 1 })).toThrow(InvalidArgumentError);
    // @ts-expect-error an unknown activation
    expect(() => activation('swish')).toThrow(InvalidArgumentError);
    expect(() => embedding({ vocab: 3, dim: 2 }).forward(fromRows([[3]]))).toThrow(
      /token ids in \[0, 3\)/,
    );
  });
});
