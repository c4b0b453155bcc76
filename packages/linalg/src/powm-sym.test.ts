import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  EPS,
  fro,
  identityM,
  isExactlySymmetric,
  mul,
  spdArb,
  symmetricArb,
} from '../test/symmetric-utils.js';
import {
  fromRows,
  InvalidArgumentError,
  invSqrtmSym,
  NotPositiveDefiniteError,
  powmSym,
  SingularMatrixError,
} from './index.js';

describe('powmSym', () => {
  it('powmSym(a, 2) = A·A and powmSym(a, 1) = A for symmetric a (property)', () => {
    fc.assert(
      fc.property(symmetricArb(1, 6), (a) => {
        const sq = powmSym(a, 2);
        expect(isExactlySymmetric(sq)).toBe(true);
        // spectral A² vs product: both backward stable, error c·n·ε·‖A‖²
        expect(diffFro(sq, mul(a, a))).toBeLessThanOrEqual(20 * a.rows * EPS * fro(a) ** 2);
        expect(diffFro(powmSym(a, 1), a)).toBeLessThanOrEqual(20 * a.rows * EPS * fro(a));
      }),
      { numRuns: 40 },
    );
  });

  it('powmSym(a, p) · powmSym(a, −p) = I for SPD a and p = 0.3 (cond ≤ 1e6)', () => {
    fc.assert(
      fc.property(spdArb(1, 6), (a) => {
        const p = mul(powmSym(a, 0.3), powmSym(a, -0.3));
        // cond(A^0.3) ≤ (1e6)^0.3 ≈ 63; the product error is c·n·ε·cond(A^0.3)
        expect(diffFro(p, identityM(a.rows))).toBeLessThanOrEqual(20 * a.rows * EPS * 63);
      }),
      { numRuns: 30 },
    );
  });

  it('powmSym(a, -0.5) equals invSqrtmSym(a)', () => {
    const a = fromRows([
      [4, 1],
      [1, 3],
    ]);
    expect(diffFro(powmSym(a, -0.5), invSqrtmSym(a))).toBeLessThan(4 * EPS);
  });

  it('powmSym(a, p) validates p and the spectrum', () => {
    expect(() => powmSym(fromRows([[1]]), Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => powmSym(fromRows([[-1]]), 0.5)).toThrow(NotPositiveDefiniteError);
    expect(() => powmSym(fromRows([[0]]), -1)).toThrow(SingularMatrixError);
    expect(powmSym(fromRows([[-2]]), -1).data[0]).toBe(-0.5);
  });
});
