import { describe, expect, it } from 'vitest';
import { fromRows, NonFiniteError, ShapeError, trace, zeros } from './index.js';

describe('trace', () => {
  it('trace(a) sums the diagonal', () => {
    expect(
      trace(
        fromRows([
          [1, 9, 9],
          [9, -2, 9],
          [9, 9, 0.5],
        ]),
      ),
    ).toBe(-0.5);
    expect(trace(zeros(0))).toBe(0);
  });

  it('trace() throws ShapeError on non-square and NonFiniteError on NaN', () => {
    expect(() => trace(zeros(2, 3))).toThrow(/trace\(\): a must be square \(is 2×3\)/);
    expect(() => trace(zeros(2, 3))).toThrow(ShapeError);
    expect(() => trace(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
  });
});
