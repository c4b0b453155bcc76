import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fromRows,
  kernelInfo,
  type Matrix,
  matmulTransA,
  matmulTransB,
  NonFiniteError,
  rng,
  ShapeError,
  setKernelBackend,
  zeros,
} from './index.js';

const EPS = 2 ** -52;

/** Independent reference on explicit element access: op(A)[i,p] and op(B)[p,j] by index. */
function naive(
  m: number,
  n: number,
  k: number,
  aAt: (i: number, p: number) => number,
  bAt: (p: number, j: number) => number,
): { c: Float64Array; abs: Float64Array } {
  const c = new Float64Array(m * n);
  const abs = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      let t = 0;
      for (let p = 0; p < k; p++) {
        const v = aAt(i, p) * bAt(p, j);
        s += v;
        t += Math.abs(v);
      }
      c[i * n + j] = s;
      abs[i * n + j] = t;
    }
  return { c, abs };
}

/** Two summation orders differ by at most 2γ_k (|A||B|)_ij (Higham, ASNA §3.5). */
function expectClose(got: Matrix, ref: { c: Float64Array; abs: Float64Array }, k: number) {
  const gamma = (k * EPS) / 2 / (1 - (k * EPS) / 2);
  expect(got.data.length).toBe(ref.c.length);
  for (let i = 0; i < ref.c.length; i++) {
    const err = Math.abs(got.data[i] - ref.c[i]);
    if (err > 2 * gamma * ref.abs[i] + Number.MIN_VALUE)
      throw new Error(`entry ${i}: ${got.data[i]} vs ${ref.c[i]} (|A||B| = ${ref.abs[i]})`);
  }
}

function random(m: number, n: number, seed: number): Matrix {
  const g = rng(seed);
  const a = zeros(m, n);
  for (let i = 0; i < a.data.length; i++) a.data[i] = g.normal();
  return a;
}

function refTransA(a: Matrix, b: Matrix) {
  return naive(
    a.cols,
    b.cols,
    a.rows,
    (i, p) => a.data[p * a.cols + i],
    (p, j) => b.data[p * b.cols + j],
  );
}

function refTransB(a: Matrix, b: Matrix) {
  return naive(
    a.rows,
    b.rows,
    a.cols,
    (i, p) => a.data[i * a.cols + p],
    (p, j) => b.data[j * b.cols + p],
  );
}

const backends = kernelInfo().simd
  ? (['typescript', 'wasm-simd'] as const)
  : (['typescript'] as const);
const SIZES = [1, 3, 17, 65, 130];

afterEach(() => {
  setKernelBackend('auto');
});

describe('matmulTransA', () => {
  it('matmulTransA(a, b) gives AᵀB on a 2×2 example', () => {
    expect(
      Array.from(
        matmulTransA(
          fromRows([
            [1, 2],
            [3, 4],
          ]),
          fromRows([
            [5, 6],
            [7, 8],
          ]),
        ).data,
      ),
    ).toEqual([26, 30, 38, 44]);
  });

  for (const backend of backends)
    it(`matmulTransA(a, b) on the ${backend} backend matches AᵀB by index on odd sizes`, () => {
      setKernelBackend(backend);
      let seed = 10;
      for (const k of SIZES)
        for (const m of [1, 17, 130])
          for (const n of [3, 65]) {
            const a = random(k, m, seed++);
            const b = random(k, n, seed++);
            expectClose(matmulTransA(a, b), refTransA(a, b), k);
          }
      const a = random(257, 140, seed++);
      const b = random(257, 70, seed++);
      expectClose(matmulTransA(a, b), refTransA(a, b), 257);
    });

  it('matmulTransA(a, b) matches AᵀB on random shapes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1e6 }),
        (m, k, n, seed) => {
          const a = random(k, m, seed);
          const b = random(k, n, seed + 1);
          expectClose(matmulTransA(a, b), refTransA(a, b), k);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('matmulTransA(a, b) validates shapes, aliasing and finiteness and does not mutate', () => {
    expect(() => matmulTransA(zeros(2, 3), zeros(3, 2))).toThrow(
      /matmulTransA\(\): a.rows must equal b.rows/,
    );
    const a = random(4, 4, 1);
    const b = random(4, 4, 2);
    expect(() => matmulTransA(a, b, a)).toThrow(ShapeError);
    expect(() => matmulTransA(a, b, zeros(4, 3))).toThrow(ShapeError);
    expect(() => matmulTransA(fromRows([[Number.NaN]]), fromRows([[1]]))).toThrow(NonFiniteError);
    const a0 = a.data.slice();
    const b0 = b.data.slice();
    const out = zeros(4, 4);
    expect(matmulTransA(a, b, out)).toBe(out);
    expect(a.data).toEqual(a0);
    expect(b.data).toEqual(b0);
  });
});

describe('matmulTransB', () => {
  it('matmulTransB(a, b) gives ABᵀ on a 2×2 example', () => {
    expect(
      Array.from(
        matmulTransB(
          fromRows([
            [1, 2],
            [3, 4],
          ]),
          fromRows([
            [5, 6],
            [7, 8],
          ]),
        ).data,
      ),
    ).toEqual([17, 23, 39, 53]);
  });

  for (const backend of backends)
    it(`matmulTransB(a, b) on the ${backend} backend matches ABᵀ by index on odd sizes`, () => {
      setKernelBackend(backend);
      let seed = 100;
      for (const k of SIZES)
        for (const m of [1, 17, 130])
          for (const n of [3, 65]) {
            const a = random(m, k, seed++);
            const b = random(n, k, seed++);
            expectClose(matmulTransB(a, b), refTransB(a, b), k);
          }
      const a = random(140, 257, seed++);
      const b = random(70, 257, seed++);
      expectClose(matmulTransB(a, b), refTransB(a, b), 257);
    });

  it('matmulTransB(a, b) matches ABᵀ on random shapes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1e6 }),
        (m, k, n, seed) => {
          const a = random(m, k, seed);
          const b = random(n, k, seed + 1);
          expectClose(matmulTransB(a, b), refTransB(a, b), k);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('matmulTransB(a, b) validates shapes, aliasing and finiteness and does not mutate', () => {
    expect(() => matmulTransB(zeros(2, 3), zeros(3, 2))).toThrow(
      /matmulTransB\(\): a.cols must equal b.cols/,
    );
    const a = random(4, 4, 1);
    const b = random(4, 4, 2);
    expect(() => matmulTransB(a, b, b)).toThrow(ShapeError);
    expect(() => matmulTransB(fromRows([[1]]), fromRows([[Infinity]]))).toThrow(NonFiniteError);
    const a0 = a.data.slice();
    const b0 = b.data.slice();
    matmulTransB(a, b);
    expect(a.data).toEqual(a0);
    expect(b.data).toEqual(b0);
  });
});
