import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigvals } from './eigvals.js';
import {
  ConvergenceError,
  InvalidArgumentError,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  ShapeError,
} from './errors.js';
import { fromRows, identity, type Matrix } from './matrix.js';
import { randomOrthogonal } from './random-orthogonal.js';
import { rng } from './rng.js';
import { solveDiscreteAre } from './solve-discrete-are.js';

const U = 2 ** -53;

interface DareCase {
  name: string;
  a: number[][];
  b: number[][];
  q: number[][];
  r: number[][];
  s: number[][] | null;
  x: number[][];
  scipy_residual: number;
  closed_loop_radius: number;
  condition: number | null;
}
const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/dare.json', import.meta.url), 'utf8'),
) as {
  cases: DareCase[];
  errors: { name: string; a: number[][]; b: number[][]; q: number[][]; r: number[][] }[];
};

// Plain reference products on number[][] (independent of the library's kernels).
const T = (a: number[][]) => a[0].map((_, j) => a.map((row) => row[j]));
const mul = (a: number[][], b: number[][]) =>
  a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
const plus = (a: number[][], b: number[][], s = 1) =>
  a.map((row, i) => row.map((v, j) => v + s * b[i][j]));
const frob = (a: number[][]) => Math.sqrt(a.flat().reduce((s, v) => s + v * v, 0));
const rowsOf = (m: Matrix) =>
  Array.from({ length: m.rows }, (_, i) =>
    Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );
/** inverse of a small matrix by Gauss–Jordan with partial pivoting */
function inv(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(m[i][c]) > Math.abs(m[p][c])) p = i;
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let i = 0; i < n; i++)
      if (i !== c) {
        const f = m[i][c];
        for (let j = 0; j < 2 * n; j++) m[i][j] -= f * m[c][j];
      }
  }
  return m.map((row) => row.slice(n));
}

/** gain K = (R + BᵀXB)⁻¹(BᵀXA + Sᵀ) and the relative DARE residual */
function check(
  a: number[][],
  b: number[][],
  q: number[][],
  r: number[][],
  s: number[][] | null,
  x: number[][],
) {
  const sT = s ? T(s) : b[0].map(() => a.map(() => 0));
  const m = plus(mul(mul(T(b), x), a), sT); // BᵀXA + Sᵀ
  const k = mul(inv(plus(r, mul(mul(T(b), x), b))), m);
  const atxa = mul(mul(T(a), x), a);
  const res = plus(plus(plus(atxa, x, -1), mul(T(m), k), -1), q);
  const scale = Math.max(frob(q), frob(x), frob(atxa));
  return { k, residual: scale === 0 ? frob(res) : frob(res) / scale };
}

describe('solveDiscreteAre', () => {
  it('solveDiscreteAre(a, b, q, r, { s }) agrees with SciPy’s solve_discrete_are on the fixtures', () => {
    for (const c of fixture.cases) {
      const s = c.s ? fromRows(c.s) : undefined;
      const x = solveDiscreteAre(fromRows(c.a), fromRows(c.b), fromRows(c.q), fromRows(c.r), { s });
      const X = rowsOf(x);
      const err = frob(plus(X, c.x, -1));
      const norm = frob(c.x);
      // Both solvers are backward stable (residuals at the rounding level, checked below), so
      // each is within about condition × (a few n·u) of the exact X; 64·n·u·max(κ, 1) covers
      // the two errors together with a margin for the constant of the backward error.
      const n = c.a.length;
      const tol = 64 * n * U * Math.max(c.condition ?? 1, 1);
      if (norm === 0) expect(err, c.name).toBe(0);
      else expect(err / norm, c.name).toBeLessThan(tol);
      // symmetric to the last bit: the iteration symmetrizes after every step
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(X[i][j]).toBe(X[j][i]);
      // residual at the rounding level, as SciPy’s: ≤ 100·n·u
      const { k, residual } = check(c.a, c.b, c.q, c.r, c.s, X);
      expect(residual, c.name).toBeLessThan(Math.max(100 * n * U, 4 * c.scipy_residual));
      // stabilizing: the closed loop A − BK has SciPy’s spectral radius (< 1)
      const ev = eigvals(fromRows(plus(c.a, mul(c.b, k), -1)));
      const radius = Math.max(...Array.from(ev.re, (re, i) => Math.hypot(re, ev.im[i])));
      expect(radius).toBeLessThan(1);
      expect(Math.abs(radius - c.closed_loop_radius)).toBeLessThan(1e-8);
    }
  });

  it('solveDiscreteAre() throws ConvergenceError where SciPy finds no stabilizing solution', () => {
    for (const c of fixture.errors)
      expect(
        () => solveDiscreteAre(fromRows(c.a), fromRows(c.b), fromRows(c.q), fromRows(c.r)),
        c.name,
      ).toThrow(ConvergenceError);
  });

  it('solveDiscreteAre() reports a non-detectable (a, q) instead of returning the non-stabilizing root', () => {
    // x = 4x − 4x²/(1 + x) has the roots 0 (closed loop 2) and 3 (closed loop 0.5); with q = 0
    // the doubling stays at 0, which the closed-loop check rejects
    expect(() =>
      solveDiscreteAre(fromRows([[2]]), fromRows([[1]]), fromRows([[0]]), fromRows([[1]])),
    ).toThrow(/not detectable/);
  });

  it('solveDiscreteAre() on scalars is the positive root of b²x² + (r(1 − a²) − qb²)x − qr = 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (a, b, q, r) => {
          const x = solveDiscreteAre(
            fromRows([[a]]),
            fromRows([[b]]),
            fromRows([[q]]),
            fromRows([[r]]),
          ).data[0];
          const A = b * b;
          const B = r * (1 - a * a) - q * b * b;
          const C = -q * r;
          // the root without cancellation: B ≥ 0 → 2C/(−B − √D), else (−B + √D)/(2A)
          const D = Math.sqrt(B * B - 4 * A * C);
          const exact = B >= 0 ? (2 * C) / (-B - D) : (-B + D) / (2 * A);
          // the scalar equation's condition is |x|·|d/dx|⁻¹ ≈ x/ (√D·x) ≤ 1e3 on this box;
          // 1e-11 relative leaves room for it and for rounding in the doubling
          expect(Math.abs(x - exact)).toBeLessThanOrEqual(1e-11 * exact);
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });

  it('solveDiscreteAre() is equivariant under an orthogonal change of state coordinates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const n = 4;
        const V = randomOrthogonal(n, rng(seed));
        const v = rowsOf(V);
        const a = [
          [0.9, 0.3, 0, 0.1],
          [0, 1.1, 0.2, 0],
          [0.1, 0, 0.7, 0.4],
          [0, -0.2, 0, 1.05],
        ];
        const b = [
          [1, 0],
          [0, 1],
          [0.5, 0],
          [0, 0.3],
        ];
        const q = [
          [2, 0.5, 0, 0],
          [0.5, 1, 0, 0],
          [0, 0, 1, 0.2],
          [0, 0, 0.2, 1],
        ];
        const r = [
          [1, 0.1],
          [0.1, 2],
        ];
        const X = rowsOf(solveDiscreteAre(fromRows(a), fromRows(b), fromRows(q), fromRows(r)));
        const Y = rowsOf(
          solveDiscreteAre(
            fromRows(mul(mul(T(v), a), v)),
            fromRows(mul(T(v), b)),
            fromRows(mul(mul(T(v), q), v)),
            fromRows(r),
          ),
        );
        // X' = VᵀXV: both solves are backward stable and the problem is well conditioned
        // (condition below 100 for these data), so 1e-12 relative is a wide margin
        const expected = mul(mul(T(v), X), v);
        expect(frob(plus(Y, expected, -1)) / frob(X)).toBeLessThan(1e-12);
      }),
      { numRuns: 25, seed: 3 },
    );
  });

  it('solveDiscreteAre() validates its arguments with typed errors', () => {
    const one = fromRows([[1]]);
    expect(() => solveDiscreteAre(fromRows([[1, 2]]), one, one, one)).toThrow(ShapeError);
    expect(() => solveDiscreteAre(one, fromRows([[1], [1]]), one, one)).toThrow(ShapeError);
    expect(() => solveDiscreteAre(identity(2), fromRows([[1], [1]]), one, one)).toThrow(
      /q must be 2×2/,
    );
    expect(() => solveDiscreteAre(one, one, one, identity(2))).toThrow(/r must be 1×1/);
    expect(() => solveDiscreteAre(one, one, one, fromRows([[-1]]))).toThrow(
      NotPositiveDefiniteError,
    );
    expect(() =>
      solveDiscreteAre(
        identity(2),
        fromRows([[1], [0]]),
        fromRows([
          [1, 2],
          [0, 1],
        ]),
        one,
      ),
    ).toThrow(NotSymmetricError);
    expect(() => solveDiscreteAre(fromRows([[Number.NaN]]), one, one, one)).toThrow(NonFiniteError);
    expect(() => solveDiscreteAre(one, one, one, one, { s: fromRows([[1, 2]]) })).toThrow(
      /options.s must be 1×1/,
    );
    expect(() => solveDiscreteAre(one, one, one, one, { maxIter: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => solveDiscreteAre(one, one, one, one, { tol: -1 })).toThrow(InvalidArgumentError);
    expect(
      solveDiscreteAre(
        fromRows([]),
        { rows: 0, cols: 1, data: new Float64Array(0) },
        fromRows([]),
        one,
      ).rows,
    ).toBe(0);
  });
});
