import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/dense-reference.js';
import {
  type DividedDifference,
  dividedDifferenceExp,
  dividedDifferenceGeneric,
  dividedDifferenceInvSqrt,
  dividedDifferenceLog,
  dividedDifferencePower,
  dividedDifferenceSqrt,
} from './index.js';

interface Case {
  fn: 'log' | 'exp' | 'sqrt' | 'invSqrt' | 'power';
  theta?: number;
  x: number;
  y: number;
  ref: number;
}
const cases = fixture<Case>('divided-differences').cases;
const EPS = 2 ** -52;

function kernelFor(c: Case): DividedDifference {
  switch (c.fn) {
    case 'log':
      return dividedDifferenceLog;
    case 'exp':
      return dividedDifferenceExp;
    case 'sqrt':
      return dividedDifferenceSqrt;
    case 'invSqrt':
      return dividedDifferenceInvSqrt;
    case 'power':
      return dividedDifferencePower(c.theta as number);
  }
}

describe('divided-difference table', () => {
  it('every named form matches the 60-digit mpmath value on near-equal pairs and wide spreads', () => {
    // Each form is a handful of correctly rounded operations with no cancellation, so a few ε
    // remain (4ε). Powers add the error of Math.pow itself, which V8 computes as exp(y·log x)
    // and which loses about |y·log x|·ε for extreme x: for x^{θ−1} at x ≈ 1e-300 that is up to
    // ≈ 690·|θ − 1|·ε, measured 28ε for θ = 0.01; the bound below allows it only there.
    const seen = new Set<string>();
    for (const c of cases) {
      const got = kernelFor(c)(c.x, c.y);
      const rel = Math.abs(got - c.ref) / Math.abs(c.ref);
      const powLoss =
        c.fn === 'power'
          ? Math.max(
              Math.abs(((c.theta as number) - 1) * Math.log(c.x)),
              Math.abs(((c.theta as number) - 1) * Math.log(c.y)),
            ) / 16
          : 0;
      expect(rel, `${c.fn}${c.theta ?? ''}[${c.x}, ${c.y}]`).toBeLessThanOrEqual(
        (4 + powLoss) * EPS,
      );
      seen.add(c.fn);
    }
    expect([...seen].sort()).toEqual(['exp', 'invSqrt', 'log', 'power', 'sqrt']);
    expect(cases.length).toBeGreaterThan(2000);
  });

  it('f[x, y] = f[y, x], and f[x, x] is the derivative', () => {
    const named: [DividedDifference, (x: number) => number][] = [
      [dividedDifferenceLog, (x) => 1 / x],
      [(x, y) => dividedDifferenceExp(x / 1e4, y / 1e4), (x) => Math.exp(x / 1e4)],
      [dividedDifferenceSqrt, (x) => 0.5 / Math.sqrt(x)],
      [dividedDifferenceInvSqrt, (x) => -0.5 / (x * Math.sqrt(x))],
      [dividedDifferencePower(0.3), (x) => 0.3 * x ** -0.7],
      [dividedDifferencePower(-1.5), (x) => -1.5 * x ** -2.5],
    ];
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (x, y) => {
          for (const [dd, df] of named) {
            expect(dd(x, y)).toBe(dd(y, x));
            // derivative formulas above round a couple of times more than the kernels
            expect(Math.abs(dd(x, x) - df(x))).toBeLessThanOrEqual(4 * EPS * Math.abs(df(x)));
          }
        },
      ),
    );
  });

  it('dividedDifferenceGeneric(f, df) is the quotient far apart and df at the midpoint within ε^⅓', () => {
    const dd = dividedDifferenceGeneric(Math.sin, Math.cos);
    expect(dd(0.2, 1.3)).toBe((Math.sin(0.2) - Math.sin(1.3)) / (0.2 - 1.3));
    expect(dd(0.7, 0.7)).toBe(Math.cos(0.7));
    const h = 1e-7;
    expect(dd(1 + h, 1)).toBe(Math.cos(0.5 * (1 + h + 1)));
    // The midpoint rule has error |f'''|·h²/24 relative to the true divided difference.
    const exact = (Math.sin(1 + h) - Math.sin(1)) / h;
    expect(Math.abs(dd(1 + h, 1) - exact)).toBeLessThan(1e-8);
  });

  it('the power form agrees with the named forms where they coincide (θ = ½, −½, 1)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1e8, noNaN: true }),
        fc.double({ min: 1e-8, max: 1e8, noNaN: true }),
        (x, y) => {
          const sq = dividedDifferenceSqrt(x, y);
          const isq = dividedDifferenceInvSqrt(x, y);
          // both sides are within a few ε of the same number
          expect(Math.abs(dividedDifferencePower(0.5)(x, y) - sq)).toBeLessThanOrEqual(
            8 * EPS * sq,
          );
          expect(Math.abs(dividedDifferencePower(-0.5)(x, y) - isq)).toBeLessThanOrEqual(
            8 * EPS * Math.abs(isq),
          );
          expect(dividedDifferencePower(1)(x, y)).toBe(1);
        },
      ),
    );
  });
});
