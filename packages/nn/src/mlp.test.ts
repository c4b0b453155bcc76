import { fromRows, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { mlp } from '../src/index.js';

describe('mlp', () => {
  it('mlp({ sizes }) lays W_l (fan-in × fan-out) then b_l out in one buffer, as views', () => {
    const net = mlp({ sizes: [3, 4, 2], seed: 3 });
    expect(net.dim).toBe(3 * 4 + 4 + 4 * 2 + 2);
    expect(net.layers[0].W.data.buffer).toBe(net.params.buffer);
    expect(net.layers[1].b.byteOffset).toBe((3 * 4 + 4 + 4 * 2) * 8);
    net.layers[1].b[0] = 7;
    expect(net.params[3 * 4 + 4 + 4 * 2]).toBe(7);
  });

  it('mlp({ seed }) is reproducible and starts with zero biases', () => {
    const a = mlp({ sizes: [2, 3, 1], seed: 5 });
    const b = mlp({ sizes: [2, 3, 1], seed: 5 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.layers[0].b)).toEqual([0, 0, 0]);
  });

  it('forward(X) computes σ_out(σ(X W₁ + b₁) W₂ + b₂)', () => {
    const net = mlp({ sizes: [2, 2, 1], activation: 'relu', outputActivation: 'sigmoid' });
    net.params.set([1, -1, 2, 0.5, 0, 0.1, 1, -2, 0.25]);
    const out = net.forward(fromRows([[1, 2]]));
    // hidden z = [1·1 + 2·2 + 0, 1·(−1) + 2·0.5 + 0.1] = [5, 0.1] → relu → [5, 0.1]
    const z = 5 * 1 + 0.1 * -2 + 0.25;
    expect(out.data[0]).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
  });

  it('rejects bad sizes, unknown activations and misfit inputs with typed errors', () => {
    expect(() => mlp({ sizes: [3] })).toThrow(InvalidArgumentError);
    expect(() => mlp({ sizes: [3, 0] })).toThrow(InvalidArgumentError);
    // @ts-expect-error an unknown activation
    expect(() => mlp({ sizes: [3, 1], activation: 'swish' })).toThrow(InvalidArgumentError);
    expect(() => mlp({ sizes: [3, 1] }).forward(fromRows([[1, 2]]))).toThrow(ShapeError);
  });
});
