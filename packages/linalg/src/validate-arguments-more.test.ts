import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFunction,
  checkInRange,
  checkInteger,
  checkPositive,
  checkMatrix,
  checkOutput,
  checkSeed,
  checkVector,
  describeValue,
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
      /^f\(\): gamma must be a number in \[0, 1\] \(got '0\.5'\)/,
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

// The value descriptions that came from @rg/ot's private validators: every shared validator
// says what the bad value was (an array's length, an object's keys, a string in quotes).
describe('describeValue', () => {
  it('describes every kind of value, and the validators use it', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue([1, 2, 3])).toBe('an array of length 3');
    expect(describeValue({})).toBe('an empty object');
    expect(describeValue({ n: 1, m: 2 })).toBe('an object with keys n, m');
    expect(describeValue('1e-9')).toBe("'1e-9'");
    expect(describeValue(-0.5)).toBe('-0.5');
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(describeValue(3n)).toBe('3');
    expect(describeValue(new Float32Array(2))).toBe('a Float32Array of length 2');
    expect(describeValue(new Int8Array(3))).toBe('an Int8Array of length 3');
    expect(describeValue(new DataView(new ArrayBuffer(4)))).toBe('a DataView of length 4');
    expect(describeValue(new Map())).toBe('a Map');
    expect(describeValue(new AbortController().signal)).toBe('an AbortSignal');
    expect(describeValue(Object.create(null))).toBe('an empty object');
    // a big object or string is cut, not printed whole
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(describeValue(many)).toBe('an object with keys k0, k1, k2, k3, k4, k5, k6, k7, …');
    expect(describeValue('x'.repeat(100))).toBe(`'${'x'.repeat(40)}…'`);
    expect(() => checkPositive('sinkhorn', 'reg', {})).toThrow(
      /^sinkhorn\(\): reg must be a finite number > 0 \(got an empty object\)$/,
    );
    expect(() => checkPositive('sinkhorn', 'tol', '1e-9', true)).toThrow(
      /^sinkhorn\(\): tol must be a finite number ≥ 0 \(got '1e-9'\)$/,
    );
    expect(() => checkInteger('emd', 'maxIter', { n: 1 }, 0)).toThrow(
      /^emd\(\): maxIter must be a non-negative integer \(got an object with keys n\)$/,
    );
    expect(() => checkInteger('emd', 'maxIter', [1], 1)).toThrow(
      /^emd\(\): maxIter must be an integer ≥ 1 \(got an array of length 1\)$/,
    );
    expect(() => checkInteger('f', 'k', 9, 0, 8)).toThrow(
      /^f\(\): k must be an integer in \[0, 8\] \(got 9\)$/,
    );
  });
});
