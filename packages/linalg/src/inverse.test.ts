import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  fixture,
  fromNested,
  gaussian,
  maxAbs,
  maxAbsDiff,
  refIdentity,
  refMatmul,
  relDiff,
} from '../test/dense-reference.js';
import {
  fromRows,
  inverse,
  NonFiniteError,
  ShapeError,
  SingularMatrixError,
  zeros,
} from './index.js';

interface SquareCase {
  name: string;
  a: number[][];
  exactlySingular: boolean;
  inverse?: number[][];
  condF?: number;
  numpy: { inverse?: number[][] };
}

describe('inverse', () => {
  it('inverse(a) satisfies A·A⁻¹ ≈ I with residual ≤ c·n·eps·‖A‖‖A⁻¹‖ (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.integer(), (n, seed) => {
        const a = gaussian(n, n, seed);
        const x = inverse(a);
        // Higham ASNA §14.3: the residual A X − I of an LU-based inverse is bounded by
        // c·n·eps·|A||X|; use the max norms of both factors.
        const bound = 4 * n * n * EPS * maxAbs(a.data) * maxAbs(x.data);
        expect(maxAbsDiff(refMatmul(x, a).data, refIdentity(n).data)).toBeLessThanOrEqual(
          Math.max(bound, 4 * EPS),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('inverse(a) matches the 60-digit reference within n·eps·κ on every nonsingular fixture', () => {
    for (const c of fixture<SquareCase>('dense-square').cases) {
      if (c.exactlySingular || !c.inverse || !c.condF) continue;
      const a = fromNested(c.a);
      const err = relDiff(inverse(a).data, c.inverse.flat());
      const errLapack = c.numpy.inverse ? relDiff(c.numpy.inverse.flat(), c.inverse.flat()) : 0;
      expect(err, c.name).toBeLessThanOrEqual(
        Math.max(a.rows * EPS * c.condF, 2 * errLapack, 2 * EPS),
      );
    }
  });

  it('inverse(a) throws SingularMatrixError on singular fixtures', () => {
    for (const c of fixture<SquareCase>('dense-square').cases)
      if (c.exactlySingular)
        expect(() => inverse(fromNested(c.a)), c.name).toThrow(SingularMatrixError);
    expect(() =>
      inverse(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toThrow(/^inverse\(\): a is singular/);
  });

  it('inverse() rejects non-square and non-finite input and does not mutate its input', () => {
    expect(() => inverse(zeros(1, 2))).toThrow(ShapeError);
    expect(() => inverse(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
    const a = gaussian(5, 5, 2);
    expectInputsUnchanged([a], () => inverse(a));
  });
});
