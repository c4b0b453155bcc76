import { afterEach, describe, expect, it } from 'vitest';
import {
  EPS,
  gaussian,
  maxAbs,
  maxAbsDiff,
  refMatmul,
  refTranspose,
} from '../../test/dense-reference.js';
import { setKernelBackend } from '../index.js';
import {
  congruence,
  dot,
  gemm,
  gemmTransA,
  gemmTransB,
  symmetrizeInPlace,
  trace,
  transposeSquare,
} from './index.js';

afterEach(() => {
  setKernelBackend('auto');
});

describe('gemm, gemmTransA, gemmTransB', () => {
  it('match the textbook triple loop on both backends (sizes across the WebAssembly crossover)', () => {
    for (const backend of ['typescript', 'wasm-simd'] as const) {
      setKernelBackend(backend);
      for (const [m, n, k] of [
        [1, 1, 1],
        [3, 2, 4],
        [17, 9, 33],
      ]) {
        const a = gaussian(m, k, m + 7 * k);
        const b = gaussian(k, n, n + 3 * k);
        const ref = refMatmul(a, b);
        // every entry is a k-term dot product: |error| ≤ k·ε·Σ|a||b| ≤ k·ε·k·max|a|·max|b|
        const tol = k * k * EPS * maxAbs(a.data) * maxAbs(b.data);
        const out = new Float64Array(m * n);
        expect(gemm(m, n, k, a.data, b.data, out)).toBe(true);
        expect(maxAbsDiff(out, ref.data)).toBeLessThanOrEqual(tol);
        gemmTransA(m, n, k, refTranspose(a).data, b.data, out);
        expect(maxAbsDiff(out, ref.data)).toBeLessThanOrEqual(tol);
        gemmTransB(m, n, k, a.data, refTranspose(b).data, out);
        expect(maxAbsDiff(out, ref.data)).toBeLessThanOrEqual(tol);
      }
    }
  });

  it('return false and fill out with NaN when an operand is not finite', () => {
    for (const n of [2, 8]) {
      const a = gaussian(n, n, 1).data;
      const b = gaussian(n, n, 2).data;
      b[3] = Number.POSITIVE_INFINITY;
      const out = new Float64Array(n * n);
      expect(gemm(n, n, n, a, b, out)).toBe(false);
      expect(out.every(Number.isNaN)).toBe(true);
    }
  });
});

describe('congruence', () => {
  it('G X Gᵀ is exactly symmetric and matches the reference for square and rectangular G', () => {
    for (const [m, n] of [
      [4, 4],
      [3, 7],
      [20, 20],
    ]) {
      const g = gaussian(m, n, m * n);
      const x0 = gaussian(n, n, n + 1);
      const x = refMatmul(x0, refTranspose(x0));
      const out = congruence(m, n, g.data, x.data);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < i; j++) expect(out[i * m + j]).toBe(out[j * m + i]);
      const ref = refMatmul(refMatmul(g, x), refTranspose(g));
      expect(maxAbsDiff(out, ref.data)).toBeLessThanOrEqual(
        4 * n * n * EPS * maxAbs(g.data) ** 2 * maxAbs(x.data),
      );
    }
  });

  it('a non-finite entry makes every entry NaN', () => {
    const x = Float64Array.of(1, Number.NaN, Number.NaN, 1);
    expect(congruence(2, 2, Float64Array.of(1, 0, 0, 1), x).every(Number.isNaN)).toBe(true);
  });
});

describe('small helpers', () => {
  it('dot, trace, transposeSquare (also in place), symmetrizeInPlace', () => {
    const a = gaussian(5, 5, 9).data;
    const b = gaussian(5, 5, 10).data;
    let s = 0;
    for (let i = 0; i < 25; i++) s += a[i] * b[i];
    expect(Math.abs(dot(25, a, b) - s)).toBeLessThanOrEqual(
      25 * EPS * dot(25, a.map(Math.abs), b.map(Math.abs)),
    );
    expect(trace(5, a)).toBe(a[0] + a[6] + a[12] + a[18] + a[24]);
    const t = transposeSquare(5, a);
    expect(Array.from(t)).toEqual(Array.from(refTranspose({ rows: 5, cols: 5, data: a }).data));
    const c = a.slice();
    expect(Array.from(transposeSquare(5, c, c))).toEqual(Array.from(t));
    const sym = symmetrizeInPlace(5, a.slice());
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) expect(sym[i * 5 + j]).toBe(0.5 * (a[i * 5 + j] + a[j * 5 + i]));
  });
});
