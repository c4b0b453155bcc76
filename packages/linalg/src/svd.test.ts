import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  fro,
  mul,
  orthogonalityError,
  rectArb,
  rngFrom,
  tr,
} from '../test/symmetric-utils.js';
import { fromRows, type Matrix, NonFiniteError, ShapeError, svd, zeros } from './index.js';

function reconstructionError(a: Matrix, u: Matrix, s: Float64Array, v: Matrix): number {
  const k = s.length;
  const us = { rows: a.rows, cols: k, data: new Float64Array(a.rows * k) };
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < k; j++) us.data[i * k + j] = u.data[i * u.cols + j] * s[j];
  const vk = { rows: a.cols, cols: k, data: new Float64Array(a.cols * k) };
  for (let i = 0; i < a.cols; i++)
    for (let j = 0; j < k; j++) vk.data[i * k + j] = v.data[i * v.cols + j];
  const r = mul(us, tr(vk));
  let e = 0;
  for (let i = 0; i < r.data.length; i++) e += (r.data[i] - a.data[i]) ** 2;
  return Math.sqrt(e);
}

// Golub–Kahan–Reinsch is backward stable: ‖A − UΣVᵀ‖_F ≤ c·max(m,n)·ε‖A‖_F and the factors are
// orthonormal to c·max(m,n)·ε (Golub & Van Loan §8.6.3); c = 10 covers the rotation constants.
const bound = (m: number, n: number) => 10 * Math.max(m, n, 2) * EPS;

describe('svd', () => {
  it('svd(a) gives descending singular values of a diagonal matrix with signs moved into V', () => {
    const { u, s, v } = svd(
      fromRows([
        [3, 0],
        [0, -4],
      ]),
    );
    expect(Array.from(s)).toEqual([4, 3]);
    expect(
      reconstructionError(
        fromRows([
          [3, 0],
          [0, -4],
        ]),
        u,
        s,
        v,
      ),
    ).toBe(0);
  });

  for (const full of [false, true]) {
    it(`svd(a, { full: ${full} }) reconstructs A = UΣVᵀ with orthonormal U, V and descending s ≥ 0`, () => {
      fc.assert(
        fc.property(rectArb(12, 12), (a) => {
          const { u, s, v } = svd(a, { full });
          const m = a.rows;
          const n = a.cols;
          const k = Math.min(m, n);
          expect(s.length).toBe(k);
          expect([u.rows, u.cols]).toEqual([m, full ? m : k]);
          expect([v.rows, v.cols]).toEqual([n, full ? n : k]);
          expect(reconstructionError(a, u, s, v) / fro(a)).toBeLessThanOrEqual(bound(m, n));
          expect(orthogonalityError(u)).toBeLessThanOrEqual(bound(m, n));
          expect(orthogonalityError(v)).toBeLessThanOrEqual(bound(m, n));
          for (let i = 0; i < k; i++) {
            expect(s[i]).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
          }
        }),
        { numRuns: 80 },
      );
    });
  }

  it('svd(a) of a rank-deficient rectangle gives zero singular values to ε·s₀', () => {
    const r = rngFrom(21);
    for (const [m, n, rank] of [
      [9, 6, 3],
      [6, 9, 2],
      [30, 20, 5],
    ]) {
      const b = { rows: m, cols: rank, data: new Float64Array(m * rank).map(() => r.normal()) };
      const c = { rows: rank, cols: n, data: new Float64Array(rank * n).map(() => r.normal()) };
      const a = mul(b, c);
      const { u, s, v } = svd(a);
      for (let i = rank; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(bound(m, n) * s[0]);
      expect(s[rank - 1]).toBeGreaterThan(1e-3 * s[0]);
      expect(reconstructionError(a, u, s, v) / fro(a)).toBeLessThanOrEqual(bound(m, n));
      expect(orthogonalityError(u)).toBeLessThanOrEqual(bound(m, n));
      expect(orthogonalityError(v)).toBeLessThanOrEqual(bound(m, n));
    }
  });

  it('svd(a) handles zero matrices, zero rows and exact zeros on the bidiagonal', () => {
    const z = svd(zeros(4, 3), { full: true });
    expect(Array.from(z.s)).toEqual([0, 0, 0]);
    expect(orthogonalityError(z.u)).toBe(0);
    const shift = fromRows([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    const r = svd(shift);
    expect(Array.from(r.s)).toEqual([1, 1, 0, 0]);
    expect(reconstructionError(shift, r.u, r.s, r.v)).toBeLessThanOrEqual(4 * EPS);
    const graded = fromRows([
      [1, 1, 0],
      [0, 0, 1],
      [0, 0, 1e-30],
    ]);
    const g = svd(graded);
    expect(reconstructionError(graded, g.u, g.s, g.v) / fro(graded)).toBeLessThanOrEqual(
      bound(3, 3),
    );
    const empty = svd(zeros(0, 3));
    expect(empty.s.length).toBe(0);
  });

  it('svd(a, { vectors: false }) returns only singular values; scaled inputs neither overflow nor underflow', () => {
    const a = fromRows([
      [3e300, 0],
      [0, 4e300],
    ]);
    expect(Array.from(svd(a, { vectors: false }).s)).toEqual([4e300, 3e300]);
    const t = fromRows([
      [3e-300, 0],
      [0, 4e-300],
    ]);
    expect(Array.from(svd(t).s)).toEqual([4e-300, 3e-300]);
  });

  it('svd(a) does not mutate a', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const before = a.data.slice();
    svd(a, { full: true });
    expect(a.data).toEqual(before);
  });

  it('svd(a) throws NonFiniteError for NaN and ShapeError for a non-matrix', () => {
    expect(() => svd(fromRows([[1, Number.NaN]]))).toThrow(NonFiniteError);
    expect(() => svd({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(ShapeError);
  });
});
