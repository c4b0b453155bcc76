import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  gaussian,
  maxAbsDiff,
  refMatmul,
} from '../test/dense-reference.js';
import { fromRows, kron, NonFiniteError, toRows } from './index.js';

describe('kron', () => {
  it('kron(a, b) is the block matrix [a_ij B]', () => {
    expect(
      toRows(
        kron(
          fromRows([
            [1, 2],
            [3, 4],
          ]),
          fromRows([
            [0, 1],
            [1, 0],
          ]),
        ),
      ),
    ).toEqual([
      [0, 1, 0, 2],
      [1, 0, 2, 0],
      [0, 3, 0, 4],
      [3, 0, 4, 0],
    ]);
  });

  it('kron(a, b) satisfies the mixed-product rule (A⊗B)(C⊗D) = (AC)⊗(BD)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (p, q, seed) => {
          const a = gaussian(p, q, seed);
          const c = gaussian(q, p, seed + 1);
          const b = gaussian(q, p, seed + 2);
          const d = gaussian(p, q, seed + 3);
          const lhs = refMatmul(kron(a, b), kron(c, d));
          const rhs = kron(refMatmul(a, c), refMatmul(b, d));
          // Sums of p·q products of O(1) Gaussian entries (|·| ≲ 5 each).
          expect(maxAbsDiff(lhs.data, rhs.data)).toBeLessThanOrEqual(1e3 * p * q * EPS);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('kron() throws NonFiniteError on NaN and does not mutate its inputs', () => {
    expect(() => kron(fromRows([[Number.NaN]]), fromRows([[1]]))).toThrow(NonFiniteError);
    const a = fromRows([[1, 2]]);
    const b = fromRows([[3], [4]]);
    expectInputsUnchanged([a, b], () => kron(a, b));
  });
});
