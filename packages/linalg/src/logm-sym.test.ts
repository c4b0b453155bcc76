import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  EPS,
  fro,
  isExactlySymmetric,
  spdArb,
  symmetricArb,
} from '../test/symmetric-utils.js';
import {
  expmSym,
  fromRows,
  invSqrtmSym,
  logmSym,
  NotPositiveDefiniteError,
  NotSymmetricError,
  powmSym,
} from './index.js';

describe('logmSym', () => {
  it('expmSym(logmSym(a)) = A for SPD a (property, cond ≤ 1e6)', () => {
    fc.assert(
      fc.property(spdArb(1, 8), (a) => {
        const l = logmSym(a);
        expect(isExactlySymmetric(l)).toBe(true);
        // exp∘log is computed through two eigendecompositions; each is backward stable with
        // c·n·ε·‖·‖ error and exp maps an absolute error δ in log λ to a relative one in λ,
        // so ‖exp(log A) − A‖ ≤ c·n·ε·‖A‖·(1 + ‖log A‖) with ‖log A‖ ≤ 7 here.
        const back = expmSym(l);
        expect(diffFro(back, a)).toBeLessThanOrEqual(20 * a.rows * EPS * fro(a) * (1 + fro(l)));
      }),
      { numRuns: 50 },
    );
  });

  it('logmSym(expmSym(s)) = S for symmetric s with entries in [−2, 2] (property)', () => {
    fc.assert(
      fc.property(symmetricArb(1, 6, 2), (s) => {
        const back = logmSym(expmSym(s));
        const n = s.rows;
        // exp(S) has condition e^(λmax−λmin) ≤ e^(2‖S‖_F); its eigenvalues carry absolute error
        // c·n·ε·‖exp S‖, which log turns into c·n·ε·cond(exp S) absolute error in S.
        const bound = 20 * n * EPS * Math.exp(2 * fro(s)) * (1 + fro(s));
        expect(diffFro(back, s)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 30 },
    );
  });

  it('logmSym(a) throws NotPositiveDefiniteError (min eigenvalue in the message) and NotSymmetricError', () => {
    expect(() =>
      logmSym(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(NotPositiveDefiniteError);
    expect(() =>
      logmSym(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(/min eigenvalue -1\.00e\+0/);
    expect(() =>
      logmSym(
        fromRows([
          [1, 2],
          [2.1, 1],
        ]),
      ),
    ).toThrow(NotSymmetricError);
  });

  it('logmSym, expmSym, invSqrtmSym and powmSym do not mutate their input', () => {
    const a = fromRows([
      [4, 1],
      [1, 3],
    ]);
    const before = a.data.slice();
    logmSym(a);
    expmSym(a);
    invSqrtmSym(a);
    powmSym(a, 0.3);
    expect(a.data).toEqual(before);
  });
});
