import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonFiniteError, ShapeError } from './errors.js';
import { hessenberg } from './hessenberg.js';
import { fromRows, identity, type Matrix, zeros } from './matrix.js';
import { rng } from './rng.js';

const EPS = 2 ** -52;

function mul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const x = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += x * b[k * n + j];
    }
  return c;
}

function tr(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
  return t;
}

/** Frobenius norm, scaled so that entries near 1e±300 neither overflow nor underflow. */
function frob(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  if (m === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] / m) ** 2;
  return m * Math.sqrt(s);
}

function randomMatrix(seed: number, n: number, scale: number): Matrix {
  const r = rng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) data[i] = scale * r.normal();
  return { rows: n, cols: n, data };
}

const arbMatrix = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    n: fc.integer({ min: 1, max: 16 }),
    scale: fc.constantFrom(1, 1e-150, 1e150, 3.5),
  })
  .map(({ seed, n, scale }) => randomMatrix(seed, n, scale));

describe('hessenberg', () => {
  it('hessenberg(a) gives upper Hessenberg h, orthogonal q and a = q h qᵀ (property)', () => {
    fc.assert(
      fc.property(arbMatrix, (a) => {
        const n = a.rows;
        const { h, q } = hessenberg(a);
        for (let i = 0; i < n; i++)
          for (let j = 0; j + 1 < i; j++) expect(h.data[i * n + j]).toBe(0);
        const back = mul(mul(q.data, h.data, n), tr(q.data, n), n);
        for (let i = 0; i < n * n; i++) back[i] -= a.data[i];
        const qtq = mul(tr(q.data, n), q.data, n);
        for (let i = 0; i < n; i++) qtq[i * n + i] -= 1;
        // n−2 Householder reflections are backward stable with ‖E‖_F ≤ c·n·u·‖A‖_F
        // (Golub & Van Loan §7.4.3); c = 10 is a margin over the ≈ 1 measured. Scales
        // 1e±150 check that the reflector norms neither overflow nor underflow.
        expect(frob(back)).toBeLessThanOrEqual(10 * n * EPS * frob(a.data));
        expect(frob(qtq)).toBeLessThanOrEqual(10 * n * EPS);
      }),
      { numRuns: 150 },
    );
  });

  it('hessenberg(a) leaves a Hessenberg matrix alone and maps 1×1, 2×2 with q = I', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
      [0, 7, 8],
    ]);
    const { h, q } = hessenberg(a);
    expect(Array.from(h.data)).toEqual(Array.from(a.data));
    expect(Array.from(q.data)).toEqual(Array.from(identity(3).data));
    expect(Array.from(hessenberg(fromRows([[2]])).h.data)).toEqual([2]);
    expect(Array.from(hessenberg(zeros(0)).q.data)).toEqual([]);
  });

  it('hessenberg(a) does not mutate a', () => {
    const a = randomMatrix(1, 7, 1);
    const before = Float64Array.from(a.data);
    hessenberg(a);
    expect(a.data).toEqual(before);
  });

  it('hessenberg(a) rejects non-square and non-finite input with typed errors', () => {
    expect(() => hessenberg(zeros(3, 2))).toThrow(ShapeError);
    expect(() => hessenberg(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
    expect(() => hessenberg(zeros(3, 2))).toThrow(/hessenberg\(\): a must be square/);
  });
});
