import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  gaussian,
  maxAbs,
  refMatmul,
  refTranspose,
} from '../test/dense-reference.js';
import {
  fromRows,
  type Matrix,
  NonFiniteError,
  ShapeError,
  SingularMatrixError,
  solveTriangular,
  vector,
  zeros,
} from './index.js';

/** A random well-conditioned triangular matrix (dominant diagonal) with garbage in the other triangle. */
function triangular(
  n: number,
  lower: boolean,
  unit: boolean,
  seed: number,
): { t: Matrix; clean: Matrix } {
  const t = gaussian(n, n, seed);
  const clean = { rows: n, cols: n, data: new Float64Array(n * n) };
  for (let i = 0; i < n; i++) {
    t.data[i * n + i] = (t.data[i * n + i] >= 0 ? 1 : -1) * (n + Math.abs(t.data[i * n + i]));
    for (let j = 0; j < n; j++) {
      const inTri = lower ? j <= i : j >= i;
      if (inTri) clean.data[i * n + j] = i === j && unit ? 1 : t.data[i * n + j];
    }
  }
  return { t, clean };
}

describe('solveTriangular', () => {
  it('solveTriangular(t, b, { lower, transpose, unitDiagonal }) solves T X = B or Tᵀ X = B reading one triangle only (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (n, k, lower, transpose, unitDiagonal, seed) => {
          const { t, clean } = triangular(n, lower, unitDiagonal, seed);
          const b = gaussian(n, k, seed + 1);
          const x = solveTriangular(t, b, { lower, transpose, unitDiagonal });
          const op = transpose ? refTranspose(clean) : clean;
          const r = refMatmul(op, x);
          // Substitution is backward stable componentwise: |b − T x| ≤ γ_n |T||x| (Higham ASNA Thm 8.5).
          const bound = 2 * n * EPS * maxAbs(clean.data) * maxAbs(x.data) * n;
          for (let i = 0; i < r.data.length; i++)
            expect(Math.abs(r.data[i] - b.data[i])).toBeLessThanOrEqual(bound + 2 * EPS);
          const xv = solveTriangular(
            t,
            b.data.slice(0, n).map((_, i) => b.data[i * k]),
            { lower, transpose, unitDiagonal },
          );
          for (let i = 0; i < n; i++) expect(xv[i]).toBeCloseTo(x.data[i * k], 12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('solveTriangular() throws SingularMatrixError on a zero diagonal unless unitDiagonal', () => {
    const t = fromRows([
      [1, 0],
      [5, 0],
    ]);
    expect(() => solveTriangular(t, vector([1, 1]), { lower: true })).toThrow(SingularMatrixError);
    expect(() => solveTriangular(t, vector([1, 1]), { lower: true })).toThrow(/t\[1, 1\] is 0/);
    expect(
      Array.from(solveTriangular(t, vector([1, 1]), { lower: true, unitDiagonal: true })),
    ).toEqual([1, -4]);
  });

  it('solveTriangular() rejects bad shapes and non-finite input and does not mutate its inputs', () => {
    const t = fromRows([
      [2, 0],
      [1, 4],
    ]);
    expect(() => solveTriangular(zeros(2, 3), vector([1, 1]), { lower: true })).toThrow(ShapeError);
    expect(() => solveTriangular(t, vector([1, 1, 1]), { lower: true })).toThrow(
      /solveTriangular\(\): b has length 3/,
    );
    expect(() => solveTriangular(t, Float64Array.of(Number.NaN, 1), { lower: true })).toThrow(
      NonFiniteError,
    );
    const b = vector([1, 2]);
    expectInputsUnchanged([t, b], () => solveTriangular(t, b, { lower: false, transpose: true }));
  });
});
