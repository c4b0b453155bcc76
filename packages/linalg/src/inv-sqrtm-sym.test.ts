import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  identityM,
  isExactlySymmetric,
  maxAbs,
  mul,
  spdArb,
} from '../test/symmetric-utils.js';
import {
  fromRows,
  invSqrtmSym,
  NonFiniteError,
  NotPositiveDefiniteError,
  sqrtmSym,
} from './index.js';

describe('invSqrtmSym', () => {
  it('invSqrtmSym(a) · sqrtmSym(a) = I and the result is exactly symmetric (property, cond ≤ 1e6)', () => {
    fc.assert(
      fc.property(spdArb(1, 8), (a) => {
        const is = invSqrtmSym(a);
        expect(isExactlySymmetric(is)).toBe(true);
        const p = mul(is, sqrtmSym(a));
        const id = identityM(a.rows);
        const err = maxAbs(p.data.map((x, i) => x - id.data[i]));
        // Both factors share V: the product is V diag(λ^-½ λ^½) Vᵀ up to c·n·ε·cond^½ from the
        // non-orthogonality of V and rounding in the two reconstructions; cond^½ ≤ 1e3 here.
        expect(err).toBeLessThanOrEqual(20 * a.rows * EPS * 1e3);
      }),
      { numRuns: 50 },
    );
  });

  it('invSqrtmSym(a) throws NotPositiveDefiniteError for singular or indefinite a', () => {
    expect(() =>
      invSqrtmSym(
        fromRows([
          [1, 0],
          [0, 0],
        ]),
      ),
    ).toThrow(NotPositiveDefiniteError);
    expect(() => invSqrtmSym(fromRows([[-1]]))).toThrow(/min eigenvalue -1\.00e\+0/);
    expect(() => invSqrtmSym(fromRows([[Number.POSITIVE_INFINITY]]))).toThrow(NonFiniteError);
  });
});
