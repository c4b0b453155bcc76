import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fromRows,
  kernelInfo,
  type Matrix,
  matmul,
  matrix,
  NonFiniteError,
  rng,
  ShapeError,
  setKernelBackend,
  zeros,
} from './index.js';

const EPS = 2 ** -52;

/** Independent reference: the textbook dot-product loop, plus |A||B| for the error bound. */
function naive(a: Matrix, b: Matrix): { c: Float64Array; abs: Float64Array } {
  const { rows: m, cols: k } = a;
  const n = b.cols;
  const c = new Float64Array(m * n);
  const abs = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      let t = 0;
      for (let p = 0; p < k; p++) {
        s += a.data[i * k + p] * b.data[p * n + j];
        t += Math.abs(a.data[i * k + p] * b.data[p * n + j]);
      }
      c[i * n + j] = s;
      abs[i * n + j] = t;
    }
  return { c, abs };
}

/**
 * Both sums carry at most γ_k·(|A||B|)_ij rounding error (Higham, ASNA §3.5), γ_k ≈ k·u,
 * so two orderings differ by at most 2γ_k (|A||B|)_ij.
 */
function expectClose(got: Matrix, ref: { c: Float64Array; abs: Float64Array }, k: number) {
  const gamma = (k * EPS) / 2 / (1 - (k * EPS) / 2);
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

const backends = kernelInfo().simd
  ? (['typescript', 'wasm-simd'] as const)
  : (['typescript'] as const);

afterEach(() => {
  setKernelBackend('auto');
});

describe('matmul', () => {
  it('matmul(a, b) gives the 2×2 product', () => {
    expect(
      Array.from(
        matmul(
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
    ).toEqual([19, 22, 43, 50]);
  });

  for (const backend of backends) {
    it(`matmul(a, b) on the ${backend} backend matches the naive loop on odd sizes`, () => {
      setKernelBackend(backend);
      const sizes = [1, 3, 17, 65, 130];
      let seed = 1;
      for (const m of sizes)
        for (const k of [1, 17, 130])
          for (const n of [1, 3, 65]) {
            const a = random(m, k, seed++);
            const b = random(k, n, seed++);
            expectClose(matmul(a, b), naive(a, b), k);
          }
      // Wider than one column block (NC = 512) and deeper than one depth block (KC = 256).
      for (const [m, k, n] of [
        [5, 3, 1030],
        [9, 300, 600],
      ]) {
        const a = random(m, k, seed++);
        const b = random(k, n, seed++);
        expectClose(matmul(a, b), naive(a, b), k);
      }
      // Square sizes straddling the block sizes of both kernels (KC = 256, MC = 64 / 128).
      for (const n of [130, 257]) {
        const a = random(n, n, seed++);
        const b = random(n, n, seed++);
        expectClose(matmul(a, b), naive(a, b), n);
      }
    });
  }

  it('matmul(a, b) matches the naive loop on random shapes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1e6 }),
        (m, k, n, seed) => {
          const a = random(m, k, seed);
          const b = random(k, n, seed + 1);
          expectClose(matmul(a, b), naive(a, b), k);
        },
      ),
      { numRuns: 60 },
    );
  });

  for (const backend of backends)
    it(`matmul(a, b, out) on the ${backend} backend overwrites out and returns it`, () => {
      setKernelBackend(backend);
      for (const [m, k, n] of [
        [5, 4, 3],
        [40, 30, 20],
      ]) {
        const a = random(m, k, m);
        const b = random(k, n, n);
        const out = matrix(m, n, new Array(m * n).fill(7));
        expect(matmul(a, b, out)).toBe(out);
        expectClose(out, naive(a, b), k);
      }
    });

  it('matmul(a, b) handles empty inner and outer dimensions', () => {
    expect(Array.from(matmul(zeros(2, 0), zeros(0, 3)).data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(matmul(zeros(0, 4), zeros(4, 2)).rows).toBe(0);
  });

  it('matmul(a, b) does not mutate its inputs', () => {
    const a = random(70, 70, 3);
    const b = random(70, 70, 4);
    const a0 = a.data.slice();
    const b0 = b.data.slice();
    matmul(a, b);
    expect(a.data).toEqual(a0);
    expect(b.data).toEqual(b0);
  });

  it('matmul(a, b) throws ShapeError on mismatched shapes', () => {
    expect(() => matmul(zeros(2, 3), zeros(2, 3))).toThrow(ShapeError);
    expect(() => matmul(zeros(2, 3), zeros(2, 3))).toThrow(/matmul\(\): a.cols must equal b.rows/);
    expect(() => matmul(zeros(2, 3), zeros(3, 2), zeros(3, 3))).toThrow(/out must be 2×2/);
    expect(() => matmul({ rows: 2, cols: 2, data: new Float64Array(3) }, zeros(2))).toThrow(
      ShapeError,
    );
  });

  it('matmul(a, b, out) throws ShapeError when out aliases an input', () => {
    const a = random(3, 3, 5);
    const b = random(3, 3, 6);
    expect(() => matmul(a, b, a)).toThrow(/out must not share memory/);
    expect(() => matmul(a, b, b)).toThrow(ShapeError);
    // A view over part of b's buffer overlaps too.
    const view = { rows: 1, cols: 3, data: b.data.subarray(3, 6) };
    expect(() => matmul(zeros(1, 3), b, view)).toThrow(ShapeError);
  });

  it('matmul(a, b) throws NonFiniteError on NaN or Infinity', () => {
    expect(() => matmul(fromRows([[Number.NaN]]), fromRows([[1]]))).toThrow(NonFiniteError);
    expect(() => matmul(fromRows([[1]]), fromRows([[Infinity]]))).toThrow(/matmul\(\): b\[0, 0\]/);
  });
});
