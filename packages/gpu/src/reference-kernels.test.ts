import { readFileSync } from 'node:fs';
import { type Matrix, matrix, NonFiniteError, ShapeError, InvalidArgumentError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceKernels as R } from './index.js';

interface M {
  rows: number;
  cols: number;
  data: number[];
}
const toM = (m: M): Matrix => matrix(m.rows, m.cols, m.data);
const fixtures = JSON.parse(
  readFileSync(new URL('../test/fixtures/reference.json', import.meta.url), 'utf8'),
);

// float64 against NumPy/SciPy on inputs of size ≤ 20 with entries O(1): two summation
// orders differ by at most a few·n·2⁻⁵³·Σ|terms|, far below 1e-12 relative
function close(got: ArrayLike<number>, want: ArrayLike<number>, rel = 1e-12): void {
  expect(got.length).toBe(want.length);
  let scale = 0;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < want.length; i++)
    expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(rel * Math.max(scale, 1e-300));
}

describe('referenceKernels (float64) against NumPy / SciPy fixtures', () => {
  for (const f of fixtures.kernels) {
    it(`every kernel matches NumPy on the '${f.name}' case`, () => {
      close(R.matmul(toM(f.a), toM(f.b)).data, f.matmul.data);
      close(R.pairwiseSqDist(toM(f.x), toM(f.y)).data, f.sqdist.data);
      close(R.gibbsKernel(toM(f.sqdist), f.eps).data, f.gibbs.data);
      close(R.kernelMatvec(toM(f.gibbs), f.v), f.kv);
      close(R.kernelMatvecTrans(toM(f.gibbs), f.u), f.ktu);
      close(R.logSumExpRows(f.f, f.g, toM(f.sqdist), f.eps), f.lseRows);
      close(R.logSumExpCols(f.f, f.g, toM(f.sqdist), f.eps), f.lseCols);
      close(R.gram(toM(f.a)).data, f.gram.data);
      close(R.rowSums(toM(f.a)), f.rowSums);
      close(R.colSums(toM(f.a)), f.colSums);
      close(R.batchedMatmul([toM(f.a), toM(f.a)], [toM(f.b), toM(f.b)])[1].data, f.matmul.data);
    });
  }

  it('chebyshevFilter(L, X, c) matches the eigendecomposition route Σ c_k cos(k·arccos λ̃)', () => {
    for (const f of fixtures.chebyshev) {
      const got = R.chebyshevFilter(toM(f.l), toM(f.x), f.coeffs, {
        lambdaMin: f.lambdaMin,
        lambdaMax: f.lambdaMax,
      });
      // the eigen route carries eigh's backward error (≈ n·2⁻⁵³·‖L‖) through 12 terms: 1e-10
      close(got.data, f.result.data, 1e-10);
    }
  });

  it('rowSums and colSums of a matrix both add up to its total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 36, maxLength: 36 }),
        (n, m, vals) => {
          const a = matrix(n, m, vals.slice(0, n * m));
          const t1 = R.rowSums(a).reduce((s, v) => s + v, 0);
          const t2 = R.colSums(a).reduce((s, v) => s + v, 0);
          // two orders of the same n·m terms of size ≤ 10: 2·n·m·2⁻⁵³·10·n·m
          expect(Math.abs(t1 - t2)).toBeLessThanOrEqual(2 * n * m * 2 ** -53 * 10 * n * m + 1e-300);
        },
      ),
    );
  });

  it('pairwiseSqDist(x, x) has a zero diagonal and is symmetric (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 24, maxLength: 24 }),
        (n, d, vals) => {
          const x = matrix(n, d, vals.slice(0, n * d));
          const dm = R.pairwiseSqDist(x, x);
          for (let i = 0; i < n; i++) {
            expect(dm.data[i * n + i]).toBe(0);
            for (let j = 0; j < n; j++) expect(dm.data[i * n + j]).toBe(dm.data[j * n + i]);
          }
        },
      ),
    );
  });

  it('bad input throws typed errors and inputs are not mutated', () => {
    const a = matrix(2, 3, [1, 2, 3, 4, 5, 6]);
    const copy = Float64Array.from(a.data);
    expect(() => R.matmul(a, a)).toThrow(ShapeError);
    expect(() => R.gibbsKernel(a, 0)).toThrow(InvalidArgumentError);
    expect(() => R.kernelMatvec(a, [1, Number.NaN, 3])).toThrow(NonFiniteError);
    expect(() => R.rowSums(matrix(0, 3))).toThrow(ShapeError);
    // an empty spectrum interval is a bad option, not a size
    expect(() =>
      R.chebyshevFilter(matrix(2, 2, [2, -1, -1, 2]), matrix(2, 1, [1, 2]), [1], {
        lambdaMin: 1,
        lambdaMax: 1,
      }),
    ).toThrow(InvalidArgumentError);
    R.chebyshevFilter(matrix(2, 2, [2, -1, -1, 2]), matrix(2, 3, [1, 2, 3, 4, 5, 6]), [1, 0.5], {
      lambdaMin: 0,
      lambdaMax: 4,
    });
    expect(a.data).toEqual(copy);
  });
});
