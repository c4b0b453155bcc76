import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  EPS,
  fro,
  identityM,
  isExactlySymmetric,
  mul,
  symmetricArb,
} from '../test/symmetric-utils.js';
import { expmSym, fromRows, NonFiniteError, NotSymmetricError, zeros } from './index.js';

describe('expmSym', () => {
  it('expmSym(a) · expmSym(−a) = I and exp(A) is exactly symmetric (property)', () => {
    fc.assert(
      fc.property(symmetricArb(1, 6, 1), (a) => {
        const e = expmSym(a);
        expect(isExactlySymmetric(e)).toBe(true);
        const neg = { rows: a.rows, cols: a.cols, data: a.data.map((x) => -x) };
        const p = mul(e, expmSym(neg));
        // each factor has relative error c·n·ε; their norms multiply to ≤ e^(2‖A‖₂) ≤ e^(2‖A‖_F)
        const bound = 20 * a.rows * EPS * Math.exp(2 * fro(a));
        expect(diffFro(p, identityM(a.rows))).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 40 },
    );
  });

  it('expmSym(0) = I and expmSym of a diagonal matrix exponentiates the diagonal', () => {
    expect(expmSym(zeros(3, 3)).data).toEqual(identityM(3).data);
    const d = expmSym(
      fromRows([
        [1, 0],
        [0, -2],
      ]),
    );
    expect(d.data[0]).toBe(Math.exp(1));
    expect(d.data[3]).toBe(Math.exp(-2));
  });

  it('expmSym(a) throws NonFiniteError on overflow and NotSymmetricError on asymmetric input', () => {
    expect(() => expmSym(fromRows([[800]]))).toThrow(NonFiniteError);
    expect(() =>
      expmSym(
        fromRows([
          [0, 1],
          [0, 0],
        ]),
      ),
    ).toThrow(NotSymmetricError);
  });

  it('expmSym(a) agrees with the power series for a small matrix', () => {
    const a = fromRows([
      [0.1, 0.2],
      [0.2, -0.3],
    ]);
    let term = identityM(2);
    let sum = identityM(2);
    for (let k = 1; k < 30; k++) {
      term = mul(term, a);
      term = { rows: 2, cols: 2, data: term.data.map((x) => x / k) };
      sum = { rows: 2, cols: 2, data: sum.data.map((x, i) => x + term.data[i]) };
    }
    expect(diffFro(expmSym(a), sum)).toBeLessThan(10 * EPS);
  });
});
