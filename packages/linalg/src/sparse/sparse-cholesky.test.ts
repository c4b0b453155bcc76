import { describe, expect, it } from 'vitest';
import {
  csrFromTriplets,
  csrOperator,
  csrToDense,
  InvalidArgumentError,
  logDet,
  matrix,
  NotPositiveDefiniteError,
  NotSymmetricError,
  reverseCuthillMcKee,
  rng,
  solve,
  sparseCholesky,
  vector,
} from '../index.js';

/** A random sparse SPD matrix: a random graph Laplacian plus a positive diagonal. */
function randomSparseSPD(n: number, seed: number) {
  const r = rng(seed);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let e = 0; e < 3 * n; e++) {
    const i = r.int(n);
    const j = r.int(n);
    if (i === j) continue;
    const w = 0.1 + r.uniform();
    rows.push(i, j, i, j);
    cols.push(j, i, i, j);
    vals.push(-w, -w, w, w);
  }
  for (let i = 0; i < n; i++) {
    rows.push(i);
    cols.push(i);
    vals.push(0.01 + r.uniform());
  }
  return { rows, cols, vals };
}

/** Largest |i − j| over the nonzeros of P A Pᵀ. */
function bandwidth(a: ReturnType<typeof csrFromTriplets>, perm: ArrayLike<number>): number {
  const inv = new Int32Array(a.rows);
  for (let k = 0; k < a.rows; k++) inv[perm[k]] = k;
  let b = 0;
  for (let i = 0; i < a.rows; i++)
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++)
      b = Math.max(b, Math.abs(inv[i] - inv[a.colIndex[p]]));
  return b;
}

describe('sparseCholesky + reverseCuthillMcKee', () => {
  it('solves sparse SPD systems like a dense LU solve (random graph Laplacians + diagonal)', () => {
    for (const seed of [1, 2, 3]) {
      const n = 60;
      const t = randomSparseSPD(n, seed);
      const A = csrFromTriplets(n, n, t.rows, t.cols, t.vals);
      const perm = reverseCuthillMcKee(A);
      expect(Array.from(perm).sort((a, b) => a - b)).toEqual(
        Array.from({ length: n }, (_, i) => i),
      );
      const f = sparseCholesky(A, { ordering: perm });
      const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
      const x = f.solve(b);
      const dense = new Float64Array(n * n);
      for (let k = 0; k < t.rows.length; k++) dense[t.rows[k] * n + t.cols[k]] += t.vals[k];
      const ref = solve(matrix(n, n, dense), matrix(n, 1, b)).data;
      // both backward stable; the condition number of these matrices is ≤ ~1e4
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(ref[i], 9);
      const ax = new Float64Array(n);
      csrOperator(A)(x, ax);
      for (let i = 0; i < n; i++) expect(ax[i]).toBeCloseTo(b[i], 11);
      // log det from the factor's diagonal against the dense LU's; relative rounding ~ n·ε
      expect(f.logDet).toBeCloseTo(logDet(matrix(n, n, dense)), 10);
      // every ordering gives the same solution (to rounding)
      const nat = sparseCholesky(A, { ordering: 'natural' }).solve(b);
      for (let i = 0; i < n; i++) expect(nat[i]).toBeCloseTo(x[i], 9);
    }
  });
  it('reverse Cuthill–McKee shrinks the bandwidth of a scrambled 2-D grid Laplacian', () => {
    const side = 12;
    const n = side * side;
    const r = rng(5);
    const label = r.shuffle(Array.from({ length: n }, (_, i) => i));
    const rows: number[] = [];
    const cols: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < side; i++)
      for (let j = 0; j < side; j++) {
        const p = label[i * side + j];
        rows.push(p);
        cols.push(p);
        vals.push(4.1);
        for (const [di, dj] of [
          [0, 1],
          [1, 0],
        ]) {
          if (i + di >= side || j + dj >= side) continue;
          const q = label[(i + di) * side + j + dj];
          rows.push(p, q);
          cols.push(q, p);
          vals.push(-1, -1);
        }
      }
    const A = csrFromTriplets(n, n, rows, cols, vals);
    const natural = Int32Array.from({ length: n }, (_, i) => i);
    const perm = reverseCuthillMcKee(A);
    // the grid's optimal bandwidth is `side`; a level-set ordering stays within about 2·side
    expect(bandwidth(A, perm)).toBeLessThanOrEqual(2 * side);
    expect(bandwidth(A, natural)).toBeGreaterThan(4 * side);
    const f = sparseCholesky(A);
    expect(f.envelopeSize).toBeLessThan(sparseCholesky(A, { ordering: 'natural' }).envelopeSize);
  });
  it('sums duplicate triplets and reports the first non-positive pivot of an indefinite matrix', () => {
    const A = csrFromTriplets(2, 2, [0, 0, 1, 0, 1], [0, 0, 1, 1, 0], [1, 1, -1, 0.5, 0.5]);
    expect(Array.from(A.values)).toEqual([2, 0.5, 0.5, -1]);
    try {
      sparseCholesky(A, { ordering: 'natural' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NotPositiveDefiniteError);
      expect((e as NotPositiveDefiniteError).pivot).toBe(1);
    }
  });
  it('throws typed errors on bad input', () => {
    const a = csrFromTriplets(2, 2, [0, 1], [0, 1], [1, 1]);
    expect(() => sparseCholesky(csrFromTriplets(2, 2, [0], [1], [1]))).toThrow(NotSymmetricError);
    expect(() => sparseCholesky(a, { ordering: [0, 0] })).toThrow(InvalidArgumentError);
    expect(() => sparseCholesky(a, { ordering: 'amd' as 'rcm' })).toThrow(InvalidArgumentError);
    expect(() => sparseCholesky(a, { maxEnvelope: 1 })).toThrow(/envelope/);
    expect(() => sparseCholesky(a).solve(vector([1]))).toThrow(/length 2/);
    expect(csrToDense(a).data.length).toBe(4);
  });
});
