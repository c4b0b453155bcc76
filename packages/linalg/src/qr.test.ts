import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  fixture,
  fromNested,
  gaussian,
  maxAbs,
  maxAbsDiff,
  orthogonalityError,
  refMatmul,
  relDiff,
} from '../test/dense-reference.js';
import { fromRows, InvalidArgumentError, type Matrix, NonFiniteError, qr, zeros } from './index.js';

interface RectCase {
  name: string;
  a: number[][];
  rank: number;
  numpy: { qrR: number[][] };
}

function expectUpperTriangular(r: Matrix): void {
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < Math.min(i, r.cols); j++) expect(r.data[i * r.cols + j]).toBe(0);
}

/** Flip rows of R to a positive diagonal, so that QR factors can be compared with LAPACK's. */
function positiveDiagonal(r: Matrix): Float64Array {
  const out = r.data.slice();
  for (let i = 0; i < Math.min(r.rows, r.cols); i++)
    if (out[i * r.cols + i] < 0)
      for (let j = 0; j < r.cols; j++) out[i * r.cols + j] = -out[i * r.cols + j];
  return out;
}

describe('qr', () => {
  it('qr(a) thin and full: QR = A, QᵀQ = I, R upper triangular, shapes m×k / k×n and m×m / m×n (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer(),
        (m, n, seed) => {
          const a = gaussian(m, n, seed);
          const k = Math.min(m, n);
          // Householder QR is backward stable: ‖A − QR‖ ≤ c·m·n·eps·‖A‖ (Higham ASNA Thm 19.4),
          // and the computed Q is orthonormal to c·m·n·eps.
          const tol = 4 * m * n * EPS;
          for (const mode of ['thin', 'full'] as const) {
            const { q, r } = qr(a, { mode });
            const qc = mode === 'thin' ? k : m;
            expect([q.rows, q.cols, r.rows, r.cols]).toEqual([m, qc, qc, n]);
            expectUpperTriangular(r);
            expect(orthogonalityError(q)).toBeLessThanOrEqual(tol);
            expect(maxAbsDiff(refMatmul(q, r).data, a.data)).toBeLessThanOrEqual(
              tol * maxAbs(a.data) * Math.sqrt(m),
            );
          }
          const thin = qr(a);
          const full = qr(a, { mode: 'full' });
          // The thin factors are the leading columns / rows of the full ones.
          for (let i = 0; i < m; i++)
            for (let j = 0; j < k; j++) expect(thin.q.data[i * k + j]).toBe(full.q.data[i * m + j]);
          for (let i = 0; i < k; i++)
            for (let j = 0; j < n; j++) expect(thin.r.data[i * n + j]).toBe(full.r.data[i * n + j]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('qr(a) R matches LAPACK (numpy.linalg.qr) up to row signs on full-rank fixtures, and reconstructs rank-deficient ones', () => {
    for (const c of fixture<RectCase>('dense-rect').cases) {
      const a = fromNested(c.a);
      const { q, r } = qr(a);
      const k = Math.min(a.rows, a.cols);
      expect(orthogonalityError(q), c.name).toBeLessThanOrEqual(4 * a.rows * a.cols * EPS);
      expect(relDiff(refMatmul(q, r).data, a.data), c.name).toBeLessThanOrEqual(
        4 * a.rows * a.cols * EPS,
      );
      if (c.rank === k) {
        // R of a full-rank matrix is unique up to row signs; both are backward stable, so
        // they agree to about κ·m·n·eps, and these fixtures have κ < 100.
        const rNp = positiveDiagonal(fromNested(c.numpy.qrR));
        expect(relDiff(positiveDiagonal(r), rNp), c.name).toBeLessThanOrEqual(
          100 * a.rows * a.cols * EPS,
        );
      }
    }
  });

  it('qr(zeros) gives R = 0 and an orthogonal Q; qr keeps exact zeros below the diagonal', () => {
    const { q, r } = qr(zeros(3, 2), { mode: 'full' });
    expect(Array.from(r.data)).toEqual(new Array(6).fill(0));
    expect(orthogonalityError(q)).toBe(0);
    const one = qr(fromRows([[-2]]));
    expect(one.q.data[0] * one.r.data[0]).toBe(-2);
  });

  it('qr() rejects non-finite input and unknown modes, and does not mutate its input', () => {
    expect(() => qr(fromRows([[Number.NaN, 1]]))).toThrow(NonFiniteError);
    expect(() => qr(zeros(2), { mode: 'economic' as 'thin' })).toThrow(InvalidArgumentError);
    const a = gaussian(6, 4, 1);
    expectInputsUnchanged([a], () => qr(a, { mode: 'full' }));
    expect(() => qr(a, { positiveDiagonal: 1 as unknown as boolean })).toThrow(
      InvalidArgumentError,
    );
  });

  it('qr(a, { positiveDiagonal: true }) flips the columns of Q and rows of R with a negative R diagonal, nothing else', () => {
    for (const [m, n] of [
      [7, 4],
      [4, 7],
      [70, 33],
    ])
      for (const mode of ['thin', 'full'] as const) {
        const a = gaussian(m, n, m * 31 + n);
        const plain = qr(a, { mode });
        const { q, r } = qr(a, { mode, positiveDiagonal: true });
        const k = Math.min(m, n);
        const sign = Array.from({ length: q.cols }, (_, j) =>
          j < k && plain.r.data[j * n + j] < 0 ? -1 : 1,
        );
        expect(sign).toContain(-1); // the case is exercised
        for (let j = 0; j < k; j++) expect(r.data[j * n + j]).toBeGreaterThan(0);
        for (let i = 0; i < m; i++)
          for (let j = 0; j < q.cols; j++)
            expect(q.data[i * q.cols + j]).toBe(sign[j] * plain.q.data[i * q.cols + j]);
        for (let i = 0; i < r.rows; i++)
          for (let j = i; j < n; j++)
            expect(r.data[i * n + j]).toBe(sign[i] * plain.r.data[i * n + j]);
        expectUpperTriangular(r);
      }
  });
});
