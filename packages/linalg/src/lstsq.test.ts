import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  fixture,
  fromNested,
  gaussian,
  maxAbs,
  refMatmul,
  refTranspose,
  relDiff,
} from '../test/dense-reference.js';
import {
  fromRows,
  InvalidArgumentError,
  lstsq,
  type Matrix,
  NonFiniteError,
  ShapeError,
  vector,
  zeros,
} from './index.js';

interface RectCase {
  name: string;
  a: number[][];
  b: number[];
  rank: number;
  lstsq: number[];
  residual: number;
  singularValues: number[];
  numpy: { lstsq: number[]; rank: number };
}

function lowRank(m: number, n: number, r: number, seed: number): Matrix {
  return refMatmul(gaussian(m, r, seed), gaussian(r, n, seed + 1));
}

describe('lstsq', () => {
  it('lstsq(a, b) gives the minimum-norm solution (SVD reference at 60 digits) on every fixture, including rank-deficient rectangles', () => {
    for (const c of fixture<RectCase>('dense-rect').cases) {
      const a = fromNested(c.a);
      const r = lstsq(a, Float64Array.from(c.b));
      expect(r.rank, c.name).toBe(c.rank);
      const s = c.singularValues;
      const kappa = s.length && c.rank ? s[0] / s[c.rank - 1] : 1;
      // Forward error of a backward-stable least-squares solve is ≲ m·n·eps·κ² when the
      // residual is large and m·n·eps·κ otherwise (Golub & Van Loan §5.3.8); κ < 30 here.
      expect(relDiff(r.x, c.lstsq), c.name).toBeLessThanOrEqual(
        Math.max(a.rows * a.cols * EPS * kappa * kappa, 4 * EPS),
      );
      expect(Math.abs(r.residual - c.residual), c.name).toBeLessThanOrEqual(
        4 * a.rows * a.cols * EPS * Math.max(1, maxAbs(c.b)),
      );
    }
  });

  it('lstsq(a, b) solution satisfies the normal equations Aᵀ(Ax − b) = 0 and lies in the row space (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer(),
        (m, n, r0, seed) => {
          const r = Math.min(r0, m, n);
          const a = lowRank(m, n, r, seed);
          const b = gaussian(m, 1, seed + 7).data;
          const fit = lstsq(a, b);
          expect(fit.rank).toBe(r);
          const res = refMatmul(a, { rows: n, cols: 1, data: fit.x });
          for (let i = 0; i < m; i++) res.data[i] -= b[i];
          const g = refMatmul(refTranspose(a), res);
          // ‖Aᵀr‖ ≲ c·m·n·eps·‖A‖²‖x‖ + ‖A‖‖b‖ for a backward-stable solution; the
          // random low-rank products have ‖A‖ ≲ 10·√(mn) and well-separated nonzero σ.
          const scale = maxAbs(a.data) * (maxAbs(a.data) * maxAbs(fit.x) * n + maxAbs(b)) * m;
          expect(maxAbs(g.data)).toBeLessThanOrEqual(1e3 * m * n * EPS * scale);
          // Minimum norm ⇔ x ⟂ null(A) ⇔ x ∈ range(Aᵀ): x = Aᵀ y for the y solving (AAᵀ) y = A x.
          if (r < n) {
            const ax = refMatmul(a, { rows: n, cols: 1, data: fit.x }).data;
            const y = lstsq(refTranspose(a), fit.x).x;
            const back = refMatmul(refTranspose(a), { rows: m, cols: 1, data: y }).data;
            expect(relDiff(back, fit.x)).toBeLessThanOrEqual(1e-9);
            expect(ax.length).toBe(m);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lstsq(a, B) with a matrix right-hand side solves each column like the vector call', () => {
    const a = lowRank(7, 5, 3, 11);
    const bm = gaussian(7, 3, 12);
    const all = lstsq(a, bm);
    expect([all.x.rows, all.x.cols, all.rank]).toEqual([5, 3, 3]);
    let res2 = 0;
    for (let c = 0; c < 3; c++) {
      const col = Float64Array.from({ length: 7 }, (_, i) => bm.data[i * 3 + c]);
      const one = lstsq(a, col);
      const xc = Array.from({ length: 5 }, (_, i) => all.x.data[i * 3 + c]);
      expect(relDiff(xc, one.x)).toBeLessThanOrEqual(1e-12);
      res2 += one.residual ** 2;
    }
    expect(all.residual).toBeCloseTo(Math.sqrt(res2), 12);
  });

  it('lstsq(a, b, { rcond }) raises the rank threshold', () => {
    const a = fromRows([
      [1, 0],
      [0, 1e-9],
      [0, 0],
    ]);
    expect(lstsq(a, vector([1, 1, 1])).rank).toBe(2);
    const cut = lstsq(a, vector([1, 1, 1]), { rcond: 1e-6 });
    expect(cut.rank).toBe(1);
    expect(Array.from(cut.x)).toEqual([1, 0]);
  });

  it('lstsq() rejects mismatched shapes, non-finite input and bad rcond; inputs are not mutated', () => {
    const a = gaussian(4, 3, 1);
    const b = gaussian(4, 1, 2).data;
    expect(() => lstsq(a, vector([1, 2]))).toThrow(ShapeError);
    expect(() => lstsq(a, zeros(3, 1))).toThrow(/lstsq\(\): b has 3 rows/);
    expect(() => lstsq(a, Float64Array.of(1, 2, 3, Number.NaN))).toThrow(NonFiniteError);
    expect(() => lstsq(a, b, { rcond: -1 })).toThrow(InvalidArgumentError);
    expectInputsUnchanged([a, b], () => lstsq(a, b));
  });
});
