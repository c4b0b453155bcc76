import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  fixture,
  fromNested,
  gaussian,
  refMatmul,
} from '../test/dense-reference.js';
import {
  det,
  fromRows,
  InvalidArgumentError,
  identity,
  logDet,
  NonFiniteError,
  ShapeError,
  SingularMatrixError,
  signedLogDet,
  zeros,
} from './index.js';

interface SquareCase {
  name: string;
  a: number[][];
  det: number;
  exactlySingular: boolean;
  logAbsDet?: number;
  signDet?: number;
  condF?: number;
  numpy: { det: number; slogdetLogAbs: number };
}
interface SPDCase {
  name: string;
  a: number[][];
  logDet?: number;
  cond2?: number;
  numpy?: { logDet: number };
}

describe('det / logDet / signedLogDet', () => {
  it('det(a) is multiplicative: det(AB) = det(A)·det(B) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer(), (n, seed) => {
        const a = gaussian(n, n, seed);
        const b = gaussian(n, n, seed + 1);
        const lhs = signedLogDet(refMatmul(a, b));
        const ra = signedLogDet(a);
        const rb = signedLogDet(b);
        expect(lhs.sign).toBe(ra.sign * rb.sign);
        // Each log|det| carries relative perturbation ~ n·eps·κ; κ of an 8x8 Gaussian is
        // rarely above 1e4, so 1e-8 absolute is a generous but meaningful bound.
        expect(Math.abs(lhs.logAbs - ra.logAbs - rb.logAbs)).toBeLessThanOrEqual(1e-8);
      }),
      { numRuns: 40 },
    );
  });

  it('det, signedLogDet and logDet match the 60-digit reference on general fixtures', () => {
    for (const c of fixture<SquareCase>('dense-square').cases) {
      const a = fromNested(c.a);
      const n = a.rows;
      if (c.exactlySingular) {
        // Rounding may leave a pivot of order eps·‖A‖ (the 1..9 case), exactly as LAPACK.
        expect(Math.abs(det(a)), c.name).toBeLessThanOrEqual(16 * n * EPS * 81);
        continue;
      }
      const { sign, logAbs } = signedLogDet(a);
      expect(sign, c.name).toBe(c.signDet);
      // |Δ log|det|| ≤ Σ|Δu_ii/u_ii| ≲ n·eps·κ_F(A) to first order.
      const tol = Math.max(n * EPS * (c.condF ?? 1), 4 * EPS) * Math.max(1, n);
      expect(Math.abs(logAbs - (c.logAbsDet ?? 0)), c.name).toBeLessThanOrEqual(tol);
      expect(Math.abs(det(a) / c.det - 1), c.name).toBeLessThanOrEqual(tol * 2);
      if (sign > 0) expect(logDet(a)).toBe(logAbs);
      else expect(() => logDet(a), c.name).toThrow(InvalidArgumentError);
    }
  });

  it('logDet(a) of SPD fixtures up to condition 1e14 is within n·eps·κ of the reference', () => {
    for (const c of fixture<SPDCase>('dense-spd').cases) {
      if (c.logDet === undefined || !c.cond2) continue;
      const a = fromNested(c.a);
      const n = a.rows;
      // d log det A = tr(A⁻¹ dA), so a backward error of n·eps·‖A‖ moves it by ≤ n²·eps·κ.
      expect(Math.abs(logDet(a) - c.logDet), c.name).toBeLessThanOrEqual(
        Math.max(n * n * EPS * c.cond2, 4 * EPS),
      );
    }
  });

  it('signedLogDet of a singular matrix is { sign: 0, logAbs: -Infinity } and logDet throws SingularMatrixError', () => {
    expect(signedLogDet(zeros(3))).toEqual({ sign: 0, logAbs: Number.NEGATIVE_INFINITY });
    expect(
      signedLogDet(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ).sign,
    ).toBe(0);
    expect(() => logDet(zeros(2))).toThrow(SingularMatrixError);
    expect(det(zeros(3))).toBe(0);
  });

  it('det of large well-scaled matrices overflows while signedLogDet stays finite', () => {
    const a = identity(400);
    for (let i = 0; i < 400; i++) a.data[i * 400 + i] = 10;
    expect(det(a)).toBe(Number.POSITIVE_INFINITY);
    expect(signedLogDet(a).logAbs).toBeCloseTo(400 * Math.log(10), 9);
  });

  it('det/logDet/signedLogDet reject non-square and non-finite input, naming themselves, and do not mutate', () => {
    expect(() => det(zeros(2, 3))).toThrow(ShapeError);
    expect(() => logDet(zeros(2, 3))).toThrow(/^logDet\(\)/);
    expect(() => signedLogDet(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
    const a = gaussian(4, 4, 1);
    expectInputsUnchanged([a], () => {
      det(a);
      signedLogDet(a);
    });
  });
});
