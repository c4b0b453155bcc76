// The Golub–Kahan–Reinsch SVD on both backends: the WebAssembly SIMD bidiagonalization and
// bidiagonal QR (assembly/bidiagonal.ts, assembly/bdsqr.ts) against their TypeScript twins bit
// for bit, and the decomposition's defining properties on sizes where WebAssembly runs.
import { afterEach, describe, expect, it } from 'vitest';
import { EPS, orthogonalityError, refMatmul, refTranspose } from '../../test/dense-reference.js';
import { type Matrix, rng, setKernelBackend, svd } from '../index.js';

afterEach(() => setKernelBackend('auto'));

function gaussian(m: number, n: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows: m, cols: n, data: Float64Array.from({ length: m * n }, () => r.normal()) };
}

const shapes: [number, number][] = [
  [1, 1],
  [3, 2],
  [2, 3],
  [6, 6],
  [17, 9],
  [9, 17],
  [40, 40],
  [64, 63],
  [100, 30],
];

describe('svd on both backends', () => {
  it('gives bit-for-bit the same singular values and vectors (thin and full)', () => {
    for (const [m, n] of shapes)
      for (const full of [false, true]) {
        const a = gaussian(m, n, 31 * m + n);
        setKernelBackend('typescript');
        const ts = svd(a, { full });
        setKernelBackend('wasm-simd');
        const wasm = svd(a, { full });
        let bad = 0;
        for (const k of ['u', 'v'] as const)
          for (let i = 0; i < ts[k].data.length; i++)
            if (!Object.is(ts[k].data[i], wasm[k].data[i])) bad++;
        for (let i = 0; i < ts.s.length; i++) if (!Object.is(ts.s[i], wasm.s[i])) bad++;
        expect(bad).toBe(0);
      }
  });

  it('is backward stable with orthonormal factors on WebAssembly: ‖A − UΣVᵀ‖ ≤ c·n·ε‖A‖', () => {
    // Golub–Kahan–Reinsch: backward error and loss of orthogonality of order n·ε (Golub & Van
    // Loan §8.6.3); c = 10 covers the constants of the reflectors and rotations.
    setKernelBackend('wasm-simd');
    for (const [m, n] of shapes) {
      const a = gaussian(m, n, 7 * m + n);
      const { u, s, v } = svd(a);
      const k = s.length;
      const us = { rows: m, cols: k, data: u.data.map((x, i) => x * s[i % k]) };
      const rec = refMatmul(us, refTranspose(v));
      let num = 0;
      let den = 0;
      for (let i = 0; i < a.data.length; i++) {
        num += (rec.data[i] - a.data[i]) ** 2;
        den += a.data[i] ** 2;
      }
      const bound = 10 * Math.max(m, n, 2) * EPS;
      expect(Math.sqrt(num / den)).toBeLessThanOrEqual(bound);
      expect(orthogonalityError(u)).toBeLessThanOrEqual(bound);
      expect(orthogonalityError(v)).toBeLessThanOrEqual(bound);
      for (let i = 1; i < k; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
    }
  });
});
