import { describe, expect, it } from 'vitest';
import { expectInputsUnchanged } from '../test/dense-reference.js';
import {
  add,
  fromRows,
  hadamard,
  NonFiniteError,
  ShapeError,
  scale,
  sub,
  toRows,
} from './index.js';

// add, sub, scale and hadamard share one shape: entrywise maps validated the same way.
describe('add / sub / scale / hadamard', () => {
  const a = fromRows([
    [1, -2],
    [3.5, 0],
  ]);
  const b = fromRows([
    [0.5, 2],
    [-1, 4],
  ]);

  it('add(a, b), sub(a, b), hadamard(a, b) and scale(a, s) act entrywise', () => {
    expect(toRows(add(a, b))).toEqual([
      [1.5, 0],
      [2.5, 4],
    ]);
    expect(toRows(sub(a, b))).toEqual([
      [0.5, -4],
      [4.5, -4],
    ]);
    expect(toRows(hadamard(a, b))).toEqual([
      [0.5, -4],
      [-3.5, 0],
    ]);
    expect(toRows(scale(a, -2))).toEqual([
      [-2, 4],
      [-7, -0],
    ]);
  });

  it('they throw ShapeError on different shapes and NonFiniteError on NaN/Infinity', () => {
    const c = fromRows([[1, 2, 3]]);
    expect(() => add(a, c)).toThrow(ShapeError);
    expect(() => sub(a, c)).toThrow(/sub\(\): a \(2×2\) and b \(1×3\)/);
    expect(() => hadamard(a, c)).toThrow(ShapeError);
    expect(() =>
      add(
        a,
        fromRows([
          [1, Number.NaN],
          [1, 1],
        ]),
      ),
    ).toThrow(/add\(\): b\[0, 1\] is NaN/);
    expect(() => scale(a, Number.POSITIVE_INFINITY)).toThrow(NonFiniteError);
  });

  it('they do not mutate their inputs', () => {
    expectInputsUnchanged([a, b], () => {
      add(a, b);
      sub(a, b);
      hadamard(a, b);
      scale(a, 3);
    });
  });
});
