import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffFro,
  EPS,
  fro,
  mul,
  orthogonalityError,
  randomSymmetric,
  rngFrom,
  symmetricArb,
  tr,
  withSpectrum,
} from '../test/symmetric-utils.js';
import {
  eigh,
  fromRows,
  type Matrix,
  NonFiniteError,
  NotSymmetricError,
  ShapeError,
  zeros,
} from './index.js';

function reconstruct(v: Matrix, values: Float64Array): Matrix {
  const n = values.length;
  const vl = { rows: n, cols: n, data: new Float64Array(n * n) };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) vl.data[i * n + j] = v.data[i * n + j] * values[j];
  return mul(vl, tr(v));
}

// Backward stability of Householder + QL and of Jacobi: ‖A − VΛVᵀ‖_F ≤ c·n·ε·‖A‖_F and
// ‖VᵀV − I‖ ≤ c·n·ε (Golub & Van Loan §8.3.7); c = 10 covers the constant of the rotations.
const bound = (n: number) => 10 * Math.max(n, 2) * EPS;

describe('eigh', () => {
  it('eigh(a) gives ascending eigenvalues of a 2×2 matrix', () => {
    expect(
      Array.from(
        eigh(
          fromRows([
            [2, 1],
            [1, 2],
          ]),
        ).values,
      ),
    ).toEqual([expect.closeTo(1, 15), expect.closeTo(3, 15)]);
  });

  for (const method of ['jacobi', 'ql', 'auto'] as const) {
    it(`eigh(a, { method: '${method}' }) reconstructs A = VΛVᵀ with orthonormal V and ascending λ`, () => {
      fc.assert(
        fc.property(symmetricArb(1, 12), (a) => {
          const { values, vectors } = eigh(a, { method });
          const n = a.rows;
          const scale = Math.max(fro(a), Number.MIN_VALUE);
          expect(diffFro(reconstruct(vectors, values), a) / scale).toBeLessThanOrEqual(bound(n));
          expect(orthogonalityError(vectors)).toBeLessThanOrEqual(bound(n));
          for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('eigh(a) is backward stable for n = 40 and 100', () => {
    const r = rngFrom(7);
    for (const n of [40, 100]) {
      const a = randomSymmetric(n, r);
      const { values, vectors } = eigh(a);
      expect(diffFro(reconstruct(vectors, values), a) / fro(a)).toBeLessThanOrEqual(bound(n));
      expect(orthogonalityError(vectors)).toBeLessThanOrEqual(bound(n));
    }
  });

  it('eigh(a) with Jacobi and QL agree on the eigenvalues (within nε‖A‖, Weyl)', () => {
    const r = rngFrom(11);
    for (const n of [3, 8, 15]) {
      const a = randomSymmetric(n, r);
      const j = eigh(a, { method: 'jacobi' }).values;
      const q = eigh(a, { method: 'ql' }).values;
      const scale = fro(a);
      for (let i = 0; i < n; i++)
        expect(Math.abs(j[i] - q[i])).toBeLessThanOrEqual(bound(n) * scale);
    }
  });

  it('eigh(a) resolves repeated eigenvalues with an orthonormal eigenbasis', () => {
    const r = rngFrom(3);
    for (const method of ['jacobi', 'ql'] as const) {
      const a = withSpectrum([1, 1, 1, 2, 2, 5], r);
      const { values, vectors } = eigh(a, { method });
      const expected = [1, 1, 1, 2, 2, 5];
      // a is Q diag Qᵀ rounded: its eigenvalues are within nε‖A‖ of the nominal ones.
      for (let i = 0; i < 6; i++)
        expect(Math.abs(values[i] - expected[i])).toBeLessThan(bound(6) * 5);
      expect(orthogonalityError(vectors)).toBeLessThanOrEqual(bound(6));
      expect(diffFro(reconstruct(vectors, values), a) / fro(a)).toBeLessThanOrEqual(bound(6));
    }
  });

  it('eigh(0) gives zero eigenvalues and the identity basis; eigh of 0×0 and 1×1 work', () => {
    const z = eigh(zeros(3, 3));
    expect(Array.from(z.values)).toEqual([0, 0, 0]);
    expect(orthogonalityError(z.vectors)).toBe(0);
    expect(eigh(zeros(0, 0)).values.length).toBe(0);
    const one = eigh(fromRows([[-2.5]]));
    expect(Array.from(one.values)).toEqual([-2.5]);
    expect(Array.from(one.vectors.data)).toEqual([1]);
  });

  it('eigh(a) keeps relative accuracy for diagonal and badly scaled inputs (no overflow/underflow)', () => {
    for (const s of [1e-300, 1e300]) {
      const a = fromRows([
        [2 * s, s],
        [s, 2 * s],
      ]);
      const { values } = eigh(a);
      expect(values[0] / s).toBeCloseTo(1, 14);
      expect(values[1] / s).toBeCloseTo(3, 14);
    }
    const d = eigh(
      fromRows([
        [1e-20, 0, 0],
        [0, 1, 0],
        [0, 0, 1e20],
      ]),
    ).values;
    expect(Array.from(d)).toEqual([1e-20, 1, 1e20]);
  });

  it('eigh(a, { refine: true }) keeps a backward-stable, orthonormal decomposition of an SPD matrix with condition 1e13', () => {
    // Relative accuracy of the small eigenvalues is measured against mpmath in
    // test/accuracy.test.ts; here the refined pairs must stay a valid decomposition and agree
    // with the unrefined ones on the large eigenvalues (Weyl: within c·n·ε·‖A‖).
    const a = withSpectrum([1e-13, 3e-11, 1e-7, 0.5, 1, 2, 3, 4], rngFrom(17));
    const ref = eigh(a, { refine: true });
    const plain = eigh(a, { refine: false });
    for (let i = 3; i < 8; i++)
      expect(Math.abs(ref.values[i] - plain.values[i])).toBeLessThan(bound(8) * 4);
    expect(orthogonalityError(ref.vectors)).toBeLessThanOrEqual(bound(8));
    expect(diffFro(reconstruct(ref.vectors, ref.values), a) / fro(a)).toBeLessThanOrEqual(bound(8));
    expect(ref.values[0]).toBeGreaterThan(0);
    expect(() => eigh(a, { refine: 'x' as 'auto' })).toThrow(/refine/);
  });

  it('eigh(a, { vectors: false }) returns only eigenvalues', () => {
    const a = randomSymmetric(20, rngFrom(5));
    const r = eigh(a, { vectors: false });
    expect(r.vectors.rows).toBe(0);
    expect(Array.from(r.values)).toEqual(Array.from(eigh(a).values));
  });

  it('eigh(a) does not mutate a', () => {
    const a = randomSymmetric(12, rngFrom(9));
    const before = a.data.slice();
    eigh(a);
    eigh(a, { method: 'jacobi' });
    expect(a.data).toEqual(before);
  });

  it('eigh(a) throws NotSymmetricError beyond SYMMETRY_TOLERANCE and accepts rounding-level asymmetry', () => {
    expect(() =>
      eigh(
        fromRows([
          [1, 2],
          [2.001, 1],
        ]),
      ),
    ).toThrow(NotSymmetricError);
    expect(() =>
      eigh(
        fromRows([
          [1, 2],
          [2 * (1 + 1e-14), 1],
        ]),
      ),
    ).not.toThrow();
    expect(() =>
      eigh(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
        { symmetryTolerance: 0 },
      ),
    ).not.toThrow();
  });

  it('eigh(a) throws ShapeError for non-square and NonFiniteError for NaN/Infinity', () => {
    expect(() => eigh(zeros(2, 3))).toThrow(ShapeError);
    expect(() =>
      eigh(
        fromRows([
          [1, Number.NaN],
          [Number.NaN, 1],
        ]),
      ),
    ).toThrow(NonFiniteError);
    expect(() => eigh(fromRows([[Number.POSITIVE_INFINITY]]))).toThrow(NonFiniteError);
    expect(() =>
      eigh(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
        { method: 'x' as 'ql' },
      ),
    ).toThrow(/method/);
  });
});
