import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPS, orthogonalityError } from '../test/symmetric-utils.js';
import { eigh, eighTridiagonal, NonFiniteError, ShapeError } from './index.js';

function dense(d: number[], e: number[]) {
  const n = d.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = d[i];
  for (let i = 0; i < n - 1; i++) {
    data[i * n + i + 1] = e[i];
    data[(i + 1) * n + i] = e[i];
  }
  return { rows: n, cols: n, data };
}

const tridiagArb = fc
  .integer({ min: 1, max: 15 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n - 1, maxLength: n - 1 }),
    ),
  );

describe('eighTridiagonal', () => {
  it('eighTridiagonal(d, e) matches eigh of the dense tridiagonal matrix (within nε‖T‖)', () => {
    fc.assert(
      fc.property(tridiagArb, ([d, e]) => {
        const n = d.length;
        const t = eighTridiagonal(d, e, { vectors: true });
        const ref = eigh(dense(d, e), { method: 'jacobi' }).values;
        const scale = Math.max(...d.map(Math.abs), ...e.map(Math.abs), 1e-300);
        for (let i = 0; i < n; i++)
          expect(Math.abs(t.values[i] - ref[i])).toBeLessThanOrEqual(20 * n * EPS * scale);
        if (t.vectors) expect(orthogonalityError(t.vectors)).toBeLessThanOrEqual(20 * n * EPS);
      }),
      { numRuns: 80 },
    );
  });

  it("eighTridiagonal(d, e, { vectors: 'first-row' }) returns row 0 of the eigenvector matrix", () => {
    fc.assert(
      fc.property(tridiagArb, ([d, e]) => {
        const full = eighTridiagonal(d, e, { vectors: true });
        const first = eighTridiagonal(d, e, { vectors: 'first-row' });
        expect(Array.from(first.values)).toEqual(Array.from(full.values));
        const v = full.vectors?.data ?? new Float64Array(0);
        for (let j = 0; j < d.length; j++) expect(first.firstRow?.[j]).toBe(v[j]);
      }),
      { numRuns: 40 },
    );
  });

  it('eighTridiagonal accepts an e of length n and validates lengths and finiteness', () => {
    expect(Array.from(eighTridiagonal([2, 2], [1, 99]).values)).toEqual([
      expect.closeTo(1, 15),
      expect.closeTo(3, 15),
    ]);
    expect(() => eighTridiagonal([1, 2, 3], [1])).toThrow(ShapeError);
    expect(() => eighTridiagonal([1, Number.NaN], [1])).toThrow(NonFiniteError);
    expect(() => eighTridiagonal([1, 2], [Number.POSITIVE_INFINITY])).toThrow(NonFiniteError);
    expect(eighTridiagonal([], []).values.length).toBe(0);
  });
});
