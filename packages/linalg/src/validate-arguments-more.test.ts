import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFunction,
  checkInRange,
  checkMatrix,
  checkOutput,
  checkSeed,
  checkVector,
  fromRows,
  InvalidArgumentError,
  NonFiniteError,
  ShapeError,
} from '../src/index.js';

// The validators that replaced the private copies in @rg/games and @rg/policy-gradient.
describe('checkInRange', () => {
  it('accepts exactly the numbers inside the interval, ends open or closed as asked', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.constantFrom(0, 1, Number.NaN)),
        fc.boolean(),
        fc.boolean(),
        (x, lo, hi) => {
          const inside = (lo ? x > 0 : x >= 0) && (hi ? x < 1 : x <= 1);
          if (inside) expect(checkInRange('f', 'g', x, 0, 1, lo, hi)).toBe(x);
          else expect(() => checkInRange('f', 'g', x, 0, 1, lo, hi)).toThrow(InvalidArgumentError);
        },
      ),
    );
    expect(() => checkInRange('f', 'gamma', '0.5', 0, 1)).toThrow(
      /^f\(\): gamma must be a number in \[0, 1\] \(got "0\.5"\)/,
    );
    expect(() => checkInRange('f', 'gamma', 0, 0, 1, true, true)).toThrow(/\(0, 1\)/);
  });
});

describe('checkSeed, checkFunction, checkOutput', () => {
  it('seeds are safe integers, negative ones included', () => {
    expect(checkSeed('f', 'seed', -7)).toBe(-7);
    for (const bad of [1.5, Number.NaN, 2 ** 60, '3', null])
      expect(() => checkSeed('f', 'seed', bad)).toThrow(/^f\(\): seed must be a safe integer/);
  });
  it('functions', () => {
    const g = () => 1;
    expect(checkFunction('f', 'g', g)).toBe(g);
    expect(() => checkFunction('f', 'g', null, '(x) => number')).toThrow(
      /^f\(\): g must be a function \(x\) => number \(got null\)/,
    );
  });
  it('output buffers', () => {
    const out = new Float64Array(2);
    expect(checkOutput('f', 'out', out, 2)).toBe(out);
    expect(checkOutput('f', 'out', undefined, 3)).toEqual(new Float64Array(3));
    for (const bad of [null, [0, 0], new Float64Array(3), new Float32Array(2)])
      expect(() => checkOutput('f', 'out', bad, 2)).toThrow(ShapeError);
  });
});

describe('checkVector and checkMatrix', () => {
  it('vectors: Float64Array returned as is unless copied, arrays copied, bad ones refused', () => {
    const v = Float64Array.of(1, 2);
    expect(checkVector('f', 'v', v)).toBe(v);
    expect(checkVector('f', 'v', v, 2, true)).not.toBe(v);
    expect(checkVector('f', 'v', v, 2, true)).toEqual(v);
    expect(checkVector('f', 'v', [3, 4], 2)).toEqual(Float64Array.of(3, 4));
    expect(() => checkVector('f', 'v', null)).toThrow(ShapeError);
    expect(() => checkVector('f', 'v', 'ab')).toThrow(ShapeError);
    expect(() => checkVector('f', 'v', [1], 2)).toThrow(/^f\(\): v has length 1, expected 2/);
    expect(() => checkVector('f', 'v', [1, Number.POSITIVE_INFINITY])).toThrow(NonFiniteError);
  });
  it('matrices: well-formed, finite, of the shape asked', () => {
    const a = fromRows([[1, 2]]);
    expect(checkMatrix('f', 'a', a)).toBe(a);
    expect(checkMatrix('f', 'a', a, 1)).toBe(a);
    expect(() => checkMatrix('f', 'a', a, 2, 2)).toThrow(/^f\(\): a is 1×2, expected 2×2/);
    expect(() => checkMatrix('f', 'a', { rows: -1, cols: 0, data: new Float64Array(0) })).toThrow(
      ShapeError,
    );
    expect(() => checkMatrix('f', 'a', fromRows([[1, Number.NaN]]))).toThrow(NonFiniteError);
  });
});
