import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectInputsUnchanged, gaussian, refTranspose } from '../test/dense-reference.js';
import { fromRows, ShapeError, transpose } from './index.js';

describe('transpose', () => {
  it('transpose(a) swaps rows and columns exactly, for sizes across the 32-wide tiles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer(),
        (m, n, seed) => {
          const a = gaussian(m, n, seed);
          const t = transpose(a);
          expect(t.rows).toBe(n);
          expect(t.cols).toBe(m);
          expect(Array.from(t.data)).toEqual(Array.from(refTranspose(a).data));
          expect(Array.from(transpose(t).data)).toEqual(Array.from(a.data));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('transpose() throws ShapeError on a malformed matrix and does not mutate its input', () => {
    expect(() => transpose({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(ShapeError);
    const a = fromRows([[1, 2, 3]]);
    expectInputsUnchanged([a], () => transpose(a));
  });
});
