// The blocked Householder QR (panels by the level-2 kernel of assembly/qr.ts or its TypeScript
// twin, trailing updates and Q in compact WY form on gemm): both backends bit for bit, and a
// QR factorization by its defining properties on shapes that use one, several and partial
// panels.
import { afterEach, describe, expect, it } from 'vitest';
import { EPS, orthogonalityError, refMatmul } from '../../test/dense-reference.js';
import { type Matrix, qr, rng, setKernelBackend } from '../index.js';
import { QR_BLOCK } from './qr.js';

afterEach(() => setKernelBackend('auto'));

function gaussian(m: number, n: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows: m, cols: n, data: Float64Array.from({ length: m * n }, () => r.normal()) };
}

function fro(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

const shapes: [number, number][] = [
  [3 * QR_BLOCK + 5, 3 * QR_BLOCK + 5],
  [201, 195],
  [70, 33],
  [33, 70],
  [256, 16],
  [130, 97],
  [1, 40],
  [40, 1],
];

describe('qr (blocked Householder, compact WY)', () => {
  it('gives bit-for-bit the same Q and R on both backends', () => {
    for (const [m, n] of shapes)
      for (const mode of ['thin', 'full'] as const) {
        const a = gaussian(m, n, m * 7 + n);
        setKernelBackend('typescript');
        const ts = qr(a, { mode });
        setKernelBackend('wasm-simd');
        const wasm = qr(a, { mode });
        let bad = 0;
        for (let i = 0; i < ts.q.data.length; i++)
          if (!Object.is(ts.q.data[i], wasm.q.data[i])) bad++;
        for (let i = 0; i < ts.r.data.length; i++)
          if (!Object.is(ts.r.data[i], wasm.r.data[i])) bad++;
        expect(bad).toBe(0);
      }
  });

  it('is a backward-stable QR factorization: ‖QR − A‖ ≤ c·n·ε‖A‖, ‖QᵀQ − I‖ ≤ c·n·ε, R upper trapezoidal', () => {
    // Householder QR, blocked or not, has backward error and loss of orthogonality of order
    // n·ε (Golub & Van Loan §5.2.3; the WY form keeps it, Schreiber & Van Loan 1989); c = 10
    // covers the constants of both.
    for (const [m, n] of shapes)
      for (const mode of ['thin', 'full'] as const) {
        const a = gaussian(m, n, m + 3 * n);
        const { q, r } = qr(a, { mode });
        const bound = 10 * Math.max(m, n) * EPS;
        const qrProd = refMatmul(q, r);
        const diff = qrProd.data.map((x, i) => x - a.data[i]);
        expect(fro(diff) / fro(a.data)).toBeLessThanOrEqual(bound);
        expect(orthogonalityError(q)).toBeLessThanOrEqual(bound);
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < Math.min(i, r.cols); j++) expect(r.data[i * r.cols + j]).toBe(0);
      }
  });
});
