import { describe, expect, it } from 'vitest';
import { expectInputsUnchanged } from '../test/dense-reference.js';
import { axpy, axpyInPlace, NonFiniteError, ShapeError, vector } from './index.js';

describe('axpy', () => {
  it('axpy(alpha, x, y) returns αx + y and leaves x and y unchanged', () => {
    const x = vector([1, -2, 3]);
    const y = vector([0.5, 0.5, 0.5]);
    expectInputsUnchanged([x, y], () =>
      expect(Array.from(axpy(-2, x, y))).toEqual([-1.5, 4.5, -5.5]),
    );
  });

  it('axpyInPlace(alpha, x, y) overwrites y with αx + y and returns it', () => {
    const x = vector([1, 2]);
    const y = vector([3, 4]);
    const r = axpyInPlace(0.5, x, y);
    expect(r).toBe(y);
    expect(Array.from(y)).toEqual([3.5, 5]);
    expect(Array.from(x)).toEqual([1, 2]);
  });

  it('axpy() rejects mismatched lengths, non-finite alpha and non-finite entries', () => {
    expect(() => axpy(1, vector([1]), vector([1, 2]))).toThrow(ShapeError);
    expect(() => axpy(Number.NaN, vector([1]), vector([1]))).toThrow(NonFiniteError);
    expect(() => axpyInPlace(1, Float64Array.of(Number.NaN), vector([1]))).toThrow(
      /axpyInPlace\(\): x\[0\]/,
    );
  });
});
