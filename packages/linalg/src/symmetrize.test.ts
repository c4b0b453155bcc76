import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectInputsUnchanged, gaussian } from '../test/dense-reference.js';
import { ShapeError, symmetrize, zeros } from './index.js';

describe('symmetrize', () => {
  it('symmetrize(a) is (A + Aᵀ)/2, exactly symmetric and idempotent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer(), (n, seed) => {
        const a = gaussian(n, n, seed);
        const s = symmetrize(a);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            expect(s.data[i * n + j]).toBe(s.data[j * n + i]);
            expect(s.data[i * n + j]).toBe(0.5 * (a.data[i * n + j] + a.data[j * n + i]));
          }
        expect(Array.from(symmetrize(s).data)).toEqual(Array.from(s.data));
      }),
      { numRuns: 30 },
    );
  });

  it('symmetrize() throws ShapeError on non-square input and does not mutate its input', () => {
    expect(() => symmetrize(zeros(2, 3))).toThrow(ShapeError);
    const a = gaussian(4, 4, 1);
    expectInputsUnchanged([a], () => symmetrize(a));
  });
});
