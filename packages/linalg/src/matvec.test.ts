import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  gaussian,
  maxAbsDiff,
  refMatmul,
  refTranspose,
} from '../test/dense-reference.js';
import { fromRows, matvec, matvecTransA, NonFiniteError, ShapeError, vector } from './index.js';

describe('matvec / matvecTransA', () => {
  it('matvec(a, x) and matvecTransA(a, x) match the triple-loop product within n·eps·|A||x|', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (m, n, seed) => {
          const a = gaussian(m, n, seed);
          const x = gaussian(n, 1, seed + 1).data;
          const y = gaussian(m, 1, seed + 2).data;
          // Entries are O(1) Gaussians, so |A||x| ≤ n·max|a|·max|x| ≲ 25n.
          expect(
            maxAbsDiff(matvec(a, x), refMatmul(a, { rows: n, cols: 1, data: x }).data),
          ).toBeLessThanOrEqual(50 * n * n * EPS);
          expect(
            maxAbsDiff(
              matvecTransA(a, y),
              refMatmul(refTranspose(a), { rows: m, cols: 1, data: y }).data,
            ),
          ).toBeLessThanOrEqual(50 * m * m * EPS);
        },
      ),
    );
  });

  it('matvec(a, x, out) writes into out and returns it', () => {
    const out = new Float64Array(2);
    const r = matvec(
      fromRows([
        [1, 2],
        [3, 4],
      ]),
      vector([1, -1]),
      out,
    );
    expect(r).toBe(out);
    expect(Array.from(out)).toEqual([-1, -1]);
    const out2 = new Float64Array([9, 9]);
    expect(
      Array.from(
        matvecTransA(
          fromRows([
            [1, 2],
            [3, 4],
          ]),
          vector([1, -1]),
          out2,
        ),
      ),
    ).toEqual([-2, -2]);
  });

  it('matvec() rejects wrong lengths, aliasing out and non-finite entries; inputs are unchanged', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const x = vector([1, 2]);
    expect(() => matvec(a, vector([1]))).toThrow(ShapeError);
    expect(() => matvec(a, x, new Float64Array(3))).toThrow(ShapeError);
    expect(() => matvec(a, x, x)).toThrow(/must not alias/);
    expect(() => matvecTransA(fromRows([[1, 2]]), vector([1, 2]))).toThrow(
      /matvecTransA\(\): x has length 2/,
    );
    expect(() =>
      matvec(
        fromRows([
          [Number.NaN, 1],
          [1, 1],
        ]),
        x,
      ),
    ).toThrow(NonFiniteError);
    expectInputsUnchanged([a, x], () => {
      matvec(a, x);
      matvecTransA(a, x);
    });
  });
});
