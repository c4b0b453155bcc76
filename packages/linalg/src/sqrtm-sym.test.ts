import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  EPS,
  fro,
  isExactlySymmetric,
  mul,
  rngFrom,
  spdArb,
  withSpectrum,
} from '../test/symmetric-utils.js';
import {
  fromRows,
  NotPositiveDefiniteError,
  NotSymmetricError,
  powmSym,
  sqrtmSym,
  zeros,
} from './index.js';

describe('sqrtmSym', () => {
  it('sqrtmSym(a)² = A and the root is exactly symmetric (property, cond ≤ 1e6)', () => {
    fc.assert(
      fc.property(spdArb(1, 8), (a) => {
        const s = sqrtmSym(a);
        expect(isExactlySymmetric(s)).toBe(true);
        // ‖S² − A‖ ≤ c n ε ‖S‖² and ‖S‖² = ‖A‖₂ ≤ ‖A‖_F: a residual bound free of the condition number.
        expect(diffFro(mul(s, s), a)).toBeLessThanOrEqual(20 * a.rows * EPS * fro(a) + 1e-300);
      }),
      { numRuns: 50 },
    );
  });

  it('powmSym(a, 1/2) equals sqrtmSym(a)', () => {
    fc.assert(
      fc.property(spdArb(1, 6), (a) => {
        expect(powmSym(a, 0.5).data).toEqual(sqrtmSym(a).data);
      }),
      { numRuns: 20 },
    );
  });

  it('sqrtmSym(a) accepts positive semidefinite a (zero matrix, rank one)', () => {
    expect(sqrtmSym(zeros(2, 2)).data).toEqual(new Float64Array(4));
    const s = sqrtmSym(
      fromRows([
        [1, 1],
        [1, 1],
      ]),
    );
    expect(
      diffFro(
        mul(s, s),
        fromRows([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBeLessThan(10 * EPS);
  });

  it('sqrtmSym(a) throws NotPositiveDefiniteError with the min eigenvalue for indefinite a', () => {
    expect(() =>
      sqrtmSym(
        fromRows([
          [1, 0],
          [0, -0.5],
        ]),
      ),
    ).toThrow(NotPositiveDefiniteError);
    expect(() =>
      sqrtmSym(
        fromRows([
          [1, 0],
          [0, -0.5],
        ]),
      ),
    ).toThrow(/min eigenvalue -5\.00e-1/);
    expect(() =>
      sqrtmSym(
        fromRows([
          [1, 2],
          [0, 1],
        ]),
      ),
    ).toThrow(NotSymmetricError);
  });

  it('sqrtmSym(a) does not mutate a', () => {
    const a = fromRows([
      [4, 1],
      [1, 3],
    ]);
    const before = a.data.slice();
    sqrtmSym(a);
    expect(a.data).toEqual(before);
  });

  it('sqrtmSym(a, { refine: true }) refines beyond n = 32 and still squares back to A', () => {
    const r = rngFrom(41);
    const n = 40;
    const lam = Array.from({ length: n }, (_, i) => 10 ** (-10 + (10 * i) / (n - 1)));
    const a = withSpectrum(lam, r);
    const s = sqrtmSym(a, { refine: true });
    expect(isExactlySymmetric(s)).toBe(true);
    // residual bound as above: c·n·ε·‖A‖, independent of the condition number (1e10)
    expect(diffFro(mul(s, s), a)).toBeLessThanOrEqual(20 * n * EPS * fro(a));
  });
});
