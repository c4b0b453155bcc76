import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  EPS,
  fro,
  isExactlySymmetric,
  rngFrom,
  symmetricArb,
  withSpectrum,
} from '../test/symmetric-utils.js';
import {
  eigh,
  fromRows,
  NonFiniteError,
  NotSymmetricError,
  ShapeError,
  symmetricFunction,
} from './index.js';

describe('symmetricFunction', () => {
  it('symmetricFunction(a, f) is exactly symmetric and equals V f(Λ) Vᵀ for known spectra', () => {
    const r = rngFrom(4);
    const lam = [0.5, 1, 2, 7];
    const a = withSpectrum(lam, r);
    const cube = symmetricFunction(a, (x) => x * x * x);
    const ref = withSpectrum(
      lam.map((x) => x ** 3),
      rngFrom(4),
    );
    expect(isExactlySymmetric(cube)).toBe(true);
    // cube and ref share Q; both carry the rounding of a (cond(λ³) ≤ 3·cond · nε relative).
    expect(diffFro(cube, ref) / fro(ref)).toBeLessThan(200 * EPS * 4);
  });

  it('symmetricFunction(a, x => x) reproduces a and f = 1 gives the identity (property)', () => {
    fc.assert(
      fc.property(symmetricArb(1, 10), (a) => {
        const same = symmetricFunction(a, (x) => x);
        expect(isExactlySymmetric(same)).toBe(true);
        // backward stability of eigh: ‖A − VΛVᵀ‖ ≤ c n ε ‖A‖
        expect(diffFro(same, a)).toBeLessThanOrEqual(10 * Math.max(a.rows, 2) * EPS * fro(a));
      }),
      { numRuns: 50 },
    );
  });

  it('symmetricFunction(a, f, { eig }) reuses the given decomposition', () => {
    const a = fromRows([
      [2, 1],
      [1, 2],
    ]);
    const eig = eigh(a);
    expect(symmetricFunction(a, Math.exp, { eig }).data).toEqual(
      symmetricFunction(a, Math.exp).data,
    );
    expect(() =>
      symmetricFunction(a, Math.exp, {
        eig: { values: new Float64Array(1), vectors: eig.vectors },
      }),
    ).toThrow(ShapeError);
  });

  it('symmetricFunction(a, f) rejects asymmetric a, NaN entries and non-finite f values', () => {
    expect(() =>
      symmetricFunction(
        fromRows([
          [1, 2],
          [3, 1],
        ]),
        Math.exp,
      ),
    ).toThrow(NotSymmetricError);
    expect(() => symmetricFunction(fromRows([[Number.NaN]]), Math.exp)).toThrow(NonFiniteError);
    expect(() => symmetricFunction(fromRows([[-1]]), Math.log)).toThrow(NonFiniteError);
  });

  it('symmetricFunction(a, f) does not mutate a', () => {
    const a = fromRows([
      [2, 1],
      [1, 3],
    ]);
    const before = a.data.slice();
    symmetricFunction(a, Math.sqrt);
    expect(a.data).toEqual(before);
  });
});
