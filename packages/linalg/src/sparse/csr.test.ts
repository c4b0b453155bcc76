import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertCsr,
  assertSymmetricCsr,
  csrDiagonal,
  csrFromDense,
  csrFromTriplets,
  csrToDense,
  csrTranspose,
  fromRows,
  InvalidArgumentError,
  matrix,
  NonFiniteError,
  NotSymmetricError,
  ShapeError,
  transpose,
} from '../index.js';

/** Triplets with many repeated positions, and the dense matrix they sum to (an independent loop). */
const tripletArb = fc
  .record({ rows: fc.integer({ min: 1, max: 9 }), cols: fc.integer({ min: 1, max: 9 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      entries: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: rows - 1 }),
          fc.integer({ min: 0, max: cols - 1 }),
          fc.double({ min: -10, max: 10, noNaN: true }),
        ),
        { maxLength: 60 },
      ),
    }),
  );

describe('csrFromTriplets', () => {
  it('csrFromTriplets(...) sums repeated positions and matches the dense sum of the triplets', () => {
    fc.assert(
      fc.property(tripletArb, ({ rows, cols, entries }) => {
        const a = csrFromTriplets(
          rows,
          cols,
          entries.map((e) => e[0]),
          entries.map((e) => e[1]),
          entries.map((e) => e[2]),
        );
        assertCsr('test', 'a', a);
        const dense = new Float64Array(rows * cols);
        const seen = new Set<number>();
        for (const [i, j, v] of entries) {
          dense[i * cols + j] += v;
          seen.add(i * cols + j);
        }
        // one stored entry per distinct position (explicit zeros included), columns ascending
        expect(a.values.length).toBe(seen.size);
        for (let i = 0; i < rows; i++)
          for (let p = a.rowPtr[i] + 1; p < a.rowPtr[i + 1]; p++)
            expect(a.colIndex[p]).toBeGreaterThan(a.colIndex[p - 1]);
        // the same additions in the same order: exact
        expect(Array.from(csrToDense(a).data)).toEqual(Array.from(dense));
      }),
    );
  });
  it('keeps explicit zeros (structure) and handles empty rows and an empty matrix', () => {
    const a = csrFromTriplets(3, 3, [0, 2], [1, 2], [0, 5]);
    expect(Array.from(a.rowPtr)).toEqual([0, 1, 1, 2]);
    expect(Array.from(a.values)).toEqual([0, 5]);
    const e = csrFromTriplets(0, 0, [], [], []);
    expect(e.rowPtr.length).toBe(1);
    expect(csrToDense(e).data.length).toBe(0);
  });
  it('throws typed errors naming the argument', () => {
    expect(() => csrFromTriplets(2, 2, [0, 2], [0, 0], [1, 1])).toThrow(/rowIndex\[1\] = 2/);
    expect(() => csrFromTriplets(2, 2, [0, 1], [0, -1], [1, 1])).toThrow(ShapeError);
    expect(() => csrFromTriplets(2, 2, [0.5], [0], [1])).toThrow(ShapeError);
    expect(() => csrFromTriplets(2, 2, [0], [0, 1], [1])).toThrow(ShapeError);
    expect(() => csrFromTriplets(2, 2, [0], [0], [Number.NaN])).toThrow(NonFiniteError);
    expect(() => csrFromTriplets(-1, 2, [], [], [])).toThrow(InvalidArgumentError);
  });
});

describe('csrFromDense / csrToDense / csrTranspose / csrDiagonal', () => {
  it('csrToDense(csrFromDense(A)) = A, and the threshold drops small entries only', () => {
    const a = fromRows([
      [0, 1e-3, 2],
      [-3, 0, 0],
    ]);
    expect(csrToDense(csrFromDense(a))).toEqual(a);
    const s = csrFromDense(a, { threshold: 0.01 });
    expect(Array.from(s.values)).toEqual([2, -3]);
    expect(csrFromDense(a, { threshold: 0 }).values.length).toBe(6);
    expect(() => csrFromDense(a, { threshold: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => csrFromDense(fromRows([[Number.POSITIVE_INFINITY]]))).toThrow(NonFiniteError);
  });
  it('csrTranspose(A) is the dense transpose, rows sorted, and transposing twice gives A back', () => {
    fc.assert(
      fc.property(tripletArb, ({ rows, cols, entries }) => {
        const a = csrFromTriplets(
          rows,
          cols,
          entries.map((e) => e[0]),
          entries.map((e) => e[1]),
          entries.map((e) => e[2]),
        );
        const t = csrTranspose(a);
        expect(csrToDense(t)).toEqual(transpose(csrToDense(a)));
        const tt = csrTranspose(t);
        expect(Array.from(tt.rowPtr)).toEqual(Array.from(a.rowPtr));
        expect(Array.from(tt.colIndex)).toEqual(Array.from(a.colIndex));
        expect(Array.from(tt.values)).toEqual(Array.from(a.values));
      }),
    );
  });
  it('csrDiagonal sums repeated diagonal entries and needs a square matrix', () => {
    const a = csrFromTriplets(3, 3, [0, 0, 2, 1], [0, 0, 2, 0], [1, 2, 5, 7]);
    expect(Array.from(csrDiagonal(a))).toEqual([3, 0, 5]);
    expect(() => csrDiagonal(csrFromTriplets(2, 3, [], [], []))).toThrow(ShapeError);
  });
});

describe('assertCsr / assertSymmetricCsr', () => {
  const ok = () => csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
  it('assertCsr rejects every malformed part with a ShapeError (and NaN with NonFiniteError)', () => {
    const base = ok();
    const bad = [
      { ...base, rows: 1.5 },
      { ...base, rowPtr: Int32Array.of(0, 1) },
      { ...base, rowPtr: Int32Array.of(1, 1, 2) },
      { ...base, rowPtr: Int32Array.of(0, 2, 1) },
      { ...base, colIndex: Int32Array.of(1, 2) },
      { ...base, colIndex: Float64Array.of(1, 0) as unknown as Int32Array },
      { ...base, values: Float64Array.of(1) },
    ];
    for (const b of bad) expect(() => assertCsr('f', 'a', b)).toThrow(ShapeError);
    expect(() => assertCsr('f', 'a', { ...base, values: Float64Array.of(1, Number.NaN) })).toThrow(
      NonFiniteError,
    );
    expect(() => assertCsr('f', 'a', csrFromTriplets(2, 3, [], [], []), true)).toThrow(/square/);
    expect(() => assertCsr('f', 'a', base)).not.toThrow();
  });
  it('assertSymmetricCsr measures asymmetry with duplicates summed and missing entries as 0', () => {
    expect(() => assertSymmetricCsr('f', 'a', ok())).not.toThrow();
    // a_01 = 1 + 1 stored twice against a_10 = 2: symmetric
    const dup = csrFromTriplets(2, 2, [0, 0, 1], [1, 1, 0], [1, 1, 2]);
    assertSymmetricCsr('f', 'a', { ...dup });
    const one = csrFromTriplets(2, 2, [0, 1], [1, 1], [1, 4]);
    try {
      assertSymmetricCsr('f', 'a', one);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NotSymmetricError);
      expect((e as NotSymmetricError).asymmetry).toBeCloseTo(0.25, 15);
    }
    const dense = matrix(3, 3, [1, 2, 0, 2, 1, 1e-12, 0, 0, 1]);
    expect(() => assertSymmetricCsr('f', 'a', csrFromDense(dense))).not.toThrow();
    expect(() => assertSymmetricCsr('f', 'a', csrFromDense(dense), 1e-14)).toThrow(
      NotSymmetricError,
    );
  });
});
