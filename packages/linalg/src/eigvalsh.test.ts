import { describe, expect, it } from 'vitest';
import { fro, randomSymmetric, rngFrom, withSpectrum } from '../test/symmetric-utils.js';
import {
  eigh,
  eigvalsh,
  fromRows,
  InvalidArgumentError,
  NonFiniteError,
  NotSymmetricError,
  ShapeError,
  zeros,
} from './index.js';

const EPS = 2.220446049250313e-16;

describe('eigvalsh', () => {
  it('eigvalsh(a) equals eigh(a, { vectors: false }).values bit for bit, ascending', () => {
    const r = rngFrom(21);
    for (const n of [1, 2, 5, 16, 33, 70]) {
      const a = randomSymmetric(n, r);
      const v = eigvalsh(a);
      expect(Array.from(v)).toEqual(Array.from(eigh(a, { vectors: false }).values));
      for (let i = 1; i < n; i++) expect(v[i]).toBeGreaterThanOrEqual(v[i - 1]);
    }
  });

  it('eigvalsh(a) recovers a prescribed spectrum within n·ε·‖A‖ (Weyl)', () => {
    const spectrum = [-3, -1, 0.5, 0.5, 2, 7];
    const a = withSpectrum(spectrum, rngFrom(4));
    const v = eigvalsh(a);
    // a is Q diag Qᵀ rounded: its eigenvalues are within c·n·ε·‖A‖ of the nominal ones.
    for (let i = 0; i < spectrum.length; i++)
      expect(Math.abs(v[i] - spectrum[i])).toBeLessThanOrEqual(10 * 6 * EPS * fro(a));
  });

  it('eigvalsh(a, { refine: true }) keeps the relative accuracy of the refined eigh path', () => {
    const a = withSpectrum([1e-14, 1e-9, 1e-3, 1, 2, 3], rngFrom(8));
    expect(Array.from(eigvalsh(a, { refine: true }))).toEqual(
      Array.from(eigh(a, { refine: true }).values),
    );
  });

  it('eigvalsh() validates like eigh(): shape, finiteness, symmetry, options', () => {
    expect(eigvalsh(zeros(0, 0)).length).toBe(0);
    expect(() => eigvalsh(zeros(2, 3))).toThrow(ShapeError);
    expect(() => eigvalsh(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
    expect(() =>
      eigvalsh(
        fromRows([
          [1, 2],
          [3, 1],
        ]),
      ),
    ).toThrow(NotSymmetricError);
    expect(() => eigvalsh(fromRows([[1]]), { refine: 'auto' as unknown as boolean })).toThrow(
      InvalidArgumentError,
    );
  });
});
