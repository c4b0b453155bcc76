import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPS,
  expectInputsUnchanged,
  gaussian,
  maxAbs,
  maxAbsDiff,
  refMatmul,
} from '../test/dense-reference.js';
import {
  fromRows,
  lu,
  type Matrix,
  NonFiniteError,
  ShapeError,
  setKernelBackend,
  zeros,
} from './index.js';

function unpack(f: Matrix): { l: Matrix; u: Matrix } {
  const n = f.rows;
  const l = new Float64Array(n * n);
  const u = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (j < i) l[i * n + j] = f.data[i * n + j];
      else u[i * n + j] = f.data[i * n + j];
      if (i === j) l[i * n + i] = 1;
    }
  return { l: { rows: n, cols: n, data: l }, u: { rows: n, cols: n, data: u } };
}

describe('lu', () => {
  it('lu(a) gives P A = L U with |l_ij| ≤ 1, a permutation and sign = det P (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer(), (n, seed) => {
        const a = gaussian(n, n, seed);
        const { lu: f, pivots, sign } = lu(a);
        const { l, u } = unpack(f);
        const pa = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          pa.set(a.data.subarray(pivots[i] * n, pivots[i] * n + n), i * n);
        expect([...pivots].sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < i; j++) expect(Math.abs(l.data[i * n + j])).toBeLessThanOrEqual(1);
        // Parity of the permutation by counting cycles.
        const seen = new Array(n).fill(false);
        let parity = 1;
        for (let i = 0; i < n; i++) {
          if (seen[i]) continue;
          let len = 0;
          for (let j = i; !seen[j]; j = pivots[j]) {
            seen[j] = true;
            len++;
          }
          if (len % 2 === 0) parity = -parity;
        }
        expect(sign).toBe(parity);
        // |PA − LU| ≤ γ_n |L||U| (Higham ASNA Thm 9.3); with |l| ≤ 1 and growth ≲ n here,
        // |L||U| ≤ n²·max|a|.
        expect(maxAbsDiff(refMatmul(l, u).data, pa)).toBeLessThanOrEqual(
          4 * n * n * n * EPS * maxAbs(a.data),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('lu(a) on the blocked path (n ≥ 96, panels of 32, trailing update by gemm) gives P A = L U with |l_ij| ≤ 1 on both product backends', () => {
    for (const backend of ['typescript', 'wasm-simd'] as const) {
      const previous = setKernelBackend(backend);
      try {
        for (const n of [96, 131]) {
          const a = gaussian(n, n, n);
          const { lu: f, pivots } = lu(a);
          const { l, u } = unpack(f);
          let maxL = 0;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < i; j++) maxL = Math.max(maxL, Math.abs(l.data[i * n + j]));
          expect(maxL).toBeLessThanOrEqual(1);
          const pa = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            pa.set(a.data.subarray(pivots[i] * n, pivots[i] * n + n), i * n);
          // Same bound as the property test: γ_n|L||U| with growth ≲ n for Gaussian matrices.
          expect(maxAbsDiff(refMatmul(l, u).data, pa)).toBeLessThanOrEqual(
            4 * n * n * n * EPS * maxAbs(a.data),
          );
          expect([...pivots].sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
        }
      } finally {
        setKernelBackend(previous);
      }
    }
  });

  it('lu(a) picks the largest pivot: [[1e-20, 1], [1, 1]] swaps rows', () => {
    const { lu: f, pivots } = lu(
      fromRows([
        [1e-20, 1],
        [1, 1],
      ]),
    );
    expect(Array.from(pivots)).toEqual([1, 0]);
    expect(Array.from(f.data)).toEqual([1, 1, 1e-20, 1 - 1e-20]);
  });

  it('lu(a) does not throw on singular input: the zero pivot stays on U', () => {
    const { lu: f } = lu(zeros(3));
    expect(Array.from(f.data)).toEqual(new Array(9).fill(0));
    const g = lu(
      fromRows([
        [1, 2],
        [2, 4],
      ]),
    );
    expect(g.lu.data[3]).toBe(0);
  });

  it('lu() rejects non-square and non-finite input and does not mutate its input', () => {
    expect(() => lu(zeros(2, 3))).toThrow(ShapeError);
    expect(() => lu(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
    const a = gaussian(5, 5, 9);
    expectInputsUnchanged([a], () => lu(a));
  });
});
