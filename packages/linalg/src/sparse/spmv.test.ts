import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csrFromDense,
  csrOperator,
  csrToDense,
  fromRows,
  InvalidArgumentError,
  type Matrix,
  matmul,
  matvec,
  matvecTransA,
  NonFiniteError,
  rng,
  ShapeError,
  spmm,
  spmv,
  spmvTrans,
  vector,
} from '../index.js';

/** A random m×n matrix with about a third of its entries nonzero. */
function randomSparseDense(m: number, n: number, seed: number): Matrix {
  const r = rng(seed);
  const d = new Float64Array(m * n);
  for (let k = 0; k < d.length; k++) if (r.uniform() < 0.35) d[k] = r.normal();
  return { rows: m, cols: n, data: d };
}

// Each product sums the same terms as the dense one minus exact zeros, grouped differently (the
// dense kernels unroll their sums): equal up to reassociation, |Δ| ≤ 2n·ε·Σ|a||x| ≈ 1e-13 for
// n ≤ 12 and standard normal entries (Σ|a||x| ≲ 20).
const TOL = 1e-13;

describe('spmv / spmvTrans / spmm', () => {
  it('spmv(A, x) = A x, spmvTrans(A, x) = Aᵀ x and spmm(A, B) = A B against the dense products', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (m, n, seed) => {
          const d = randomSparseDense(m, n, seed);
          const a = csrFromDense(d);
          const r = rng(seed + 1);
          const x = Float64Array.from({ length: n }, () => r.normal());
          const y = Float64Array.from({ length: m }, () => r.normal());
          const s = spmv(a, x);
          const sr = matvec(d, x);
          for (let i = 0; i < m; i++) expect(Math.abs(s[i] - sr[i])).toBeLessThanOrEqual(TOL);
          const t = spmvTrans(a, y);
          const tr = matvecTransA(d, y);
          for (let j = 0; j < n; j++) expect(Math.abs(t[j] - tr[j])).toBeLessThanOrEqual(TOL);
          const b = randomSparseDense(n, 3, seed + 2);
          const p = spmm(a, b);
          const pr = matmul(d, b);
          for (let k = 0; k < p.data.length; k++)
            expect(Math.abs(p.data[k] - pr.data[k])).toBeLessThanOrEqual(TOL);
        },
      ),
    );
  });
  it('writes into out, leaves its inputs unchanged and refuses aliasing and wrong lengths', () => {
    const a = csrFromDense(
      fromRows([
        [1, 2],
        [0, 3],
        [4, 0],
      ]),
    );
    const before = csrToDense(a);
    const x = vector([1, -1]);
    const out = new Float64Array(3);
    expect(spmv(a, x, out)).toBe(out);
    expect(Array.from(out)).toEqual([-1, -3, 4]);
    expect(csrToDense(a)).toEqual(before);
    expect(Array.from(x)).toEqual([1, -1]);
    const buf = new Float64Array(5);
    expect(() => spmv(a, buf.subarray(0, 2), buf.subarray(1, 4))).toThrow(/share memory/);
    // disjoint views of one buffer are fine
    buf.set([1, 1], 0);
    expect(Array.from(spmv(a, buf.subarray(0, 2), buf.subarray(2, 5)))).toEqual([3, 3, 4]);
    expect(() => spmv(a, vector([1, 2, 3]))).toThrow(ShapeError);
    expect(() => spmvTrans(a, vector([1, 2]))).toThrow(ShapeError);
    expect(() => spmv(a, vector([1, Number.NaN]))).toThrow(NonFiniteError);
    expect(() => spmm(a, fromRows([[1, 2, 3]]))).toThrow(ShapeError);
  });
});

describe('csrOperator', () => {
  it('csrOperator(A, { transpose, accumulate }) applies A or Aᵀ, adding to out when asked', () => {
    const d = fromRows([
      [1, 2, 0],
      [0, 3, 4],
    ]);
    const a = csrFromDense(d);
    const out = new Float64Array(2);
    csrOperator(a)(vector([1, 1, 1]), out);
    expect(Array.from(out)).toEqual([3, 7]);
    csrOperator(a, { accumulate: true })(vector([1, 0, 0]), out);
    expect(Array.from(out)).toEqual([4, 7]);
    const t = Float64Array.of(10, 10, 10);
    csrOperator(a, { transpose: true })(vector([1, 1]), t);
    expect(Array.from(t)).toEqual([1, 5, 4]);
    csrOperator(a, { transpose: true, accumulate: true })(vector([1, 0]), t);
    expect(Array.from(t)).toEqual([2, 7, 4]);
    expect(() => csrOperator(a, { transpose: 1 as unknown as boolean })).toThrow(
      InvalidArgumentError,
    );
    // blocks: the 3×2 block [[1, 0], [1, 1], [1, 2]] at once
    const blk = new Float64Array(4).fill(5);
    csrOperator(a, { columns: 2 })(Float64Array.of(1, 0, 1, 1, 1, 2), blk);
    expect(Array.from(blk)).toEqual([3, 2, 7, 11]);
    csrOperator(a, { columns: 2, accumulate: true })(Float64Array.of(1, 0, 0, 0, 0, 0), blk);
    expect(Array.from(blk)).toEqual([4, 2, 7, 11]);
    expect(() => csrOperator(a, { columns: 2, transpose: true })).toThrow(InvalidArgumentError);
    expect(() => csrOperator(a, { columns: 0 })).toThrow(InvalidArgumentError);
  });
});
