import { describe, expect, it } from 'vitest';
import { frobeniusNorm, fromRows, NonFiniteError, zeros } from './index.js';

describe('frobeniusNorm', () => {
  it('frobeniusNorm(a) is √Σa_ij², without overflow for huge entries', () => {
    expect(
      frobeniusNorm(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toBe(5);
    expect(frobeniusNorm(zeros(3))).toBe(0);
    expect(frobeniusNorm(fromRows([[3e250], [4e250]])) / 5e250).toBeCloseTo(1, 14);
  });

  it('frobeniusNorm() throws NonFiniteError on Infinity', () => {
    expect(() => frobeniusNorm(fromRows([[Number.POSITIVE_INFINITY]]))).toThrow(NonFiniteError);
  });
});
