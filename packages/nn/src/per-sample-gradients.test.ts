import { fromRows, InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { dense, perSampleGradients } from './index.js';

describe('perSampleGradients(model, x, y)', () => {
  it('rows are the per-sample gradients of ½(wx + b − y)²; params and grads are not changed', () => {
    const model = dense({ inputs: 1, outputs: 1 });
    model.params.set([2, 1]);
    model.grads.set([7, -7]);
    const G = perSampleGradients(model, fromRows([[1], [3]]), fromRows([[0], [1]]));
    // residual r = 2x + 1 − y: sample 0 r = 3 → [r·x, r] = [3, 3]; sample 1 r = 6 → [18, 6]
    expect(Array.from(G.data)).toEqual([3, 3, 18, 6]);
    expect(Array.from(model.params)).toEqual([2, 1]);
    expect(Array.from(model.grads)).toEqual([7, -7]);
  });

  it('options = null is a typed error naming perSampleGradients (issue #15)', () => {
    const model = dense({ inputs: 1, outputs: 1 });
    const call = () =>
      perSampleGradients(model, fromRows([[1]]), fromRows([[0]]), 'mse', null as never);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(/^perSampleGradients\(\): options must be an options object/);
  });
});
