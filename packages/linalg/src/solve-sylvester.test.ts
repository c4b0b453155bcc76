import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonFiniteError, ShapeError, SingularMatrixError } from './errors.js';
import { fromRows, type Matrix, zeros } from './matrix.js';
import { rng } from './rng.js';
import { solveSylvester } from './solve-sylvester.js';

const U = 2 ** -53;

interface SylvesterFixture {
  name: string;
  a: number[][];
  b: number[][];
  c: number[][];
  expected: number[][];
  scipy_err: number;
  cond: number;
}
const fixtures = JSON.parse(
  readFileSync(new URL('../test/fixtures/general-sylvester.json', import.meta.url), 'utf8'),
) as {
  cases: SylvesterFixture[];
  singular: { name: string; a: number[][]; b: number[][]; c: number[][] }[];
};

/** C = A B for row-major m×k and k×p. */
function mul(a: Float64Array, b: Float64Array, m: number, k: number, p: number): Float64Array {
  const c = new Float64Array(m * p);
  for (let i = 0; i < m; i++)
    for (let l = 0; l < k; l++) {
      const x = a[i * k + l];
      for (let j = 0; j < p; j++) c[i * p + j] += x * b[l * p + j];
    }
  return c;
}

function frob(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

function randomMatrix(r: ReturnType<typeof rng>, m: number, p: number): Matrix {
  const data = new Float64Array(m * p);
  for (let i = 0; i < m * p; i++) data[i] = r.normal();
  return { rows: m, cols: p, data };
}

describe('solveSylvester', () => {
  it('solveSylvester(a, b, c) on fixtures: error vs mpmath at most twice SciPy’s plus 4·(m+p)·u·κ', () => {
    const rows: string[] = [];
    for (const f of fixtures.cases) {
      const x = solveSylvester(fromRows(f.a), fromRows(f.b), fromRows(f.c));
      const ref = f.expected.flat();
      let num = 0;
      let den = 0;
      for (let i = 0; i < ref.length; i++) {
        num += (x.data[i] - ref[i]) ** 2;
        den += ref[i] ** 2;
      }
      const err = Math.sqrt(num / den);
      const m = f.a.length;
      const p = f.b.length;
      // Bartels–Stewart is backward stable in the residual sense (Higham, ASNA §16.2), so
      // the forward error is ≲ κ(I⊗A + Bᵀ⊗I)·c·(m+p)·u (c = 4); the reference is rounded (u)
      const floor = 4 * (m + p) * U * f.cond + U;
      rows.push(`${f.name}: ours ${err.toExponential(2)} scipy ${f.scipy_err.toExponential(2)}`);
      expect(err, f.name).toBeLessThanOrEqual(2 * f.scipy_err + floor);
    }
    console.log(`solveSylvester relative error vs mpmath:\n  ${rows.join('\n  ')}`);
  });

  it('solveSylvester(a, b, c): ‖AX + XB − C‖ small relative to (‖A‖ + ‖B‖)‖X‖ (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (seed, m, p) => {
          const r = rng(seed);
          const a = randomMatrix(r, m, m);
          const b = randomMatrix(r, p, p);
          const c = randomMatrix(r, m, p);
          const x = solveSylvester(a, b, c);
          const res = mul(a.data, x.data, m, m, p);
          const xb = mul(x.data, b.data, m, p, p);
          for (let i = 0; i < m * p; i++) res[i] += xb[i] - c.data[i];
          // the residual of Bartels–Stewart is ≤ c·(m+p)·u·(‖A‖_F + ‖B‖_F)‖X‖_F with a
          // modest c (Higham, ASNA §16.2; orthogonal transforms and a stable block solve);
          // c = 10 leaves a margin. It holds however ill-conditioned the equation is.
          const bound =
            10 * (m + p) * U * ((frob(a.data) + frob(b.data)) * frob(x.data) + frob(c.data));
          expect(frob(res)).toBeLessThanOrEqual(bound);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('solveSylvester(a, b, c) throws SingularMatrixError when a and −b share an eigenvalue', () => {
    for (const s of fixtures.singular)
      expect(() => solveSylvester(fromRows(s.a), fromRows(s.b), fromRows(s.c)), s.name).toThrow(
        SingularMatrixError,
      );
  });

  it('solveSylvester(a, b, c) with m or p = 0 gives an empty m×p result', () => {
    const x = solveSylvester(zeros(0), zeros(2), zeros(0, 2));
    expect([x.rows, x.cols, x.data.length]).toEqual([0, 2, 0]);
  });

  it('solveSylvester(a, b, c) does not mutate its inputs', () => {
    const r = rng(9);
    const a = randomMatrix(r, 5, 5);
    const b = randomMatrix(r, 3, 3);
    const c = randomMatrix(r, 5, 3);
    const copies = [a, b, c].map((m) => Float64Array.from(m.data));
    solveSylvester(a, b, c);
    expect([a.data, b.data, c.data]).toEqual(copies);
  });

  it('solveSylvester(a, b, c) rejects bad shapes and non-finite input with typed errors', () => {
    expect(() => solveSylvester(zeros(2, 3), zeros(2), zeros(2))).toThrow(ShapeError);
    expect(() => solveSylvester(zeros(2), zeros(3), zeros(2))).toThrow(
      /solveSylvester\(\): c must be 2×3/,
    );
    expect(() => solveSylvester(zeros(1), zeros(1), fromRows([[Number.NaN]]))).toThrow(
      NonFiniteError,
    );
    expect(() =>
      solveSylvester(zeros(1), fromRows([[Number.POSITIVE_INFINITY]]), zeros(1)),
    ).toThrow(/solveSylvester\(\): b\[0, 0\]/);
  });
});
