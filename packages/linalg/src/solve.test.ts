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
  relDiff,
} from '../test/dense-reference.js';
import {
  fromRows,
  NonFiniteError,
  ShapeError,
  SingularMatrixError,
  solve,
  vector,
  zeros,
} from './index.js';

interface SquareCase {
  name: string;
  a: number[][];
  b: number[];
  exactlySingular: boolean;
  solve?: number[];
  condF?: number;
  numpy: { solve?: number[] };
}
interface SPDCase {
  name: string;
  a: number[][];
  b: number[];
  solve?: number[];
  cond2?: number;
  numpy?: { solve: number[] };
}

/** Normwise backward error ‖b − A x‖∞ / (‖A‖_max·n·‖x‖∞ + ‖b‖∞) (Rigal–Gaches style). */
function backwardError(
  a: { rows: number; cols: number; data: Float64Array },
  x: Float64Array,
  b: ArrayLike<number>,
): number {
  const n = a.rows;
  const ax = refMatmul(a, { rows: n, cols: 1, data: x }).data;
  let r = 0;
  for (let i = 0; i < n; i++) r = Math.max(r, Math.abs(b[i] - ax[i]));
  return r / (maxAbs(a.data) * n * maxAbs(x) + maxAbs(b));
}

describe('solve', () => {
  it('solve(a, b) is backward stable on random systems, vector and matrix right-hand sides (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (n, k, seed) => {
          const a = gaussian(n, n, seed);
          const b = gaussian(n, 1, seed + 1).data;
          const x = solve(a, b);
          expect(x).toBeInstanceOf(Float64Array);
          // Partial-pivoting LU is backward stable with error ≤ c·n·eps·growth (Higham ASNA §9.3);
          // growth stays below n for Gaussian matrices of this size.
          expect(backwardError(a, x, b)).toBeLessThanOrEqual(4 * n * EPS);
          const bm = gaussian(n, k, seed + 2);
          const xm = solve(a, bm);
          expect(xm.rows).toBe(n);
          expect(xm.cols).toBe(k);
          for (let c = 0; c < k; c++) {
            const col = Float64Array.from({ length: n }, (_, i) => xm.data[i * k + c]);
            const bc = Array.from({ length: n }, (_, i) => bm.data[i * k + c]);
            expect(backwardError(a, col, bc)).toBeLessThanOrEqual(4 * n * EPS);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('solve(a, b) matches the 60-digit reference within n·eps·κ on general fixtures', () => {
    for (const c of fixture<SquareCase>('dense-square').cases) {
      if (c.exactlySingular || !c.solve || !c.condF) continue;
      const a = fromNested(c.a);
      const x = solve(a, Float64Array.from(c.b));
      const err = relDiff(x, c.solve);
      const errLapack = c.numpy.solve ? relDiff(c.numpy.solve, c.solve) : 0;
      // First-order forward error bound: relative error ≲ n·eps·κ_F(A) for a backward-stable solve.
      expect(err, c.name).toBeLessThanOrEqual(
        Math.max(a.rows * EPS * c.condF, 2 * errLapack, 2 * EPS),
      );
      expect(backwardError(a, x, c.b), c.name).toBeLessThanOrEqual(4 * a.rows * EPS);
    }
  });

  it('solve(a, b) matches the 60-digit reference within n·eps·κ on SPD fixtures up to condition 1e14', () => {
    for (const c of fixture<SPDCase>('dense-spd').cases) {
      if (!c.solve || !c.cond2 || !c.numpy) continue;
      const a = fromNested(c.a);
      const x = solve(a, Float64Array.from(c.b));
      const n = a.rows;
      expect(relDiff(x, c.solve), c.name).toBeLessThanOrEqual(Math.max(n * EPS * c.cond2, 2 * EPS));
      expect(backwardError(a, x, c.b), c.name).toBeLessThanOrEqual(4 * n * EPS);
    }
  });

  it('solve(a, b) throws SingularMatrixError on singular fixtures (zero, repeated row, 1..9)', () => {
    let seen = 0;
    for (const c of fixture<SquareCase>('dense-square').cases) {
      if (!c.exactlySingular) continue;
      seen++;
      expect(() => solve(fromNested(c.a), Float64Array.from(c.b)), c.name).toThrow(
        SingularMatrixError,
      );
    }
    expect(seen).toBe(3);
    expect(() => solve(zeros(2), vector([1, 1]))).toThrow(
      /^solve\(\): a is singular to working precision \(pivot 0/,
    );
  });

  it('solve(a, b) above the reusable work-buffer size (n = 300) and interleaved with smaller solves stays backward stable', () => {
    const big = gaussian(300, 300, 77);
    const bBig = gaussian(300, 1, 78).data;
    const small = gaussian(7, 7, 79);
    const bSmall = gaussian(7, 1, 80).data;
    const xs1 = solve(small, bSmall);
    const xBig = solve(big, bBig);
    const xs2 = solve(small, bSmall);
    expect(Array.from(xs2)).toEqual(Array.from(xs1));
    expect(backwardError(big, xBig, bBig)).toBeLessThanOrEqual(4 * 300 * EPS);
  });

  it('solve(a, b) throws NonFiniteError instead of returning NaN when pivot growth overflows (Wilkinson matrix, n = 128)', () => {
    // Wilkinson's growth example: 1 on the diagonal, −1 below, last column 1; partial
    // pivoting makes no swaps and the last column doubles at every step (growth 2^(n−1)),
    // so at scale 1e300 it overflows on the blocked path (n ≥ 96); the matrix itself is
    // well conditioned relative to its scale, so this is not the singularity test.
    const n = 128;
    const a = zeros(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) a.data[i * n + j] = -1e300;
      a.data[i * n + i] = 1e300;
      a.data[i * n + n - 1] = 1e300;
    }
    const b = new Float64Array(n).fill(1);
    expect(() => solve(a, b)).toThrow(NonFiniteError);
    expect(() => solve(a, b)).toThrow(/^solve\(\): the result overflowed/);
  });

  it('solve() rejects bad shapes and non-finite input with typed errors', () => {
    const a = fromRows([
      [2, 1],
      [1, 3],
    ]);
    expect(() => solve(zeros(2, 3), vector([1, 2]))).toThrow(ShapeError);
    expect(() => solve(a, vector([1, 2, 3]))).toThrow(/solve\(\): b has length 3/);
    expect(() => solve(a, zeros(3, 1))).toThrow(/solve\(\): b has 3 rows/);
    expect(() => solve(a, Float64Array.of(1, Number.NaN))).toThrow(NonFiniteError);
    expect(() =>
      solve(
        fromRows([
          [1, Number.POSITIVE_INFINITY],
          [0, 1],
        ]),
        vector([1, 1]),
      ),
    ).toThrow(NonFiniteError);
  });

  it('solve() does not mutate a or b', () => {
    const a = gaussian(6, 6, 4);
    const b = gaussian(6, 1, 5).data;
    const bm = gaussian(6, 2, 6);
    expectInputsUnchanged([a, b, bm], () => {
      solve(a, b);
      solve(a, bm);
    });
  });
});
