import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fromRows,
  gram,
  InvalidArgumentError,
  kernelInfo,
  type Matrix,
  NonFiniteError,
  rng,
  ShapeError,
  setKernelBackend,
  zeros,
} from './index.js';

const EPS = 2 ** -52;

function random(m: number, n: number, seed: number): Matrix {
  const g = rng(seed);
  const a = zeros(m, n);
  for (let i = 0; i < a.data.length; i++) a.data[i] = g.normal();
  return a;
}

/** Reference Gram by explicit column (AtA) or row (AAt) dot products, with Σ|a||a|. */
function naiveGram(a: Matrix, side: 'AtA' | 'AAt') {
  const n = side === 'AtA' ? a.cols : a.rows;
  const k = side === 'AtA' ? a.rows : a.cols;
  const at = (i: number, p: number) =>
    side === 'AtA' ? a.data[p * a.cols + i] : a.data[i * a.cols + p];
  const c = new Float64Array(n * n);
  const abs = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      let t = 0;
      for (let p = 0; p < k; p++) {
        s += at(i, p) * at(j, p);
        t += Math.abs(at(i, p) * at(j, p));
      }
      c[i * n + j] = s;
      abs[i * n + j] = t;
    }
  return { c, abs, k };
}

/** Two summation orders differ by at most 2γ_k Σ|a_pi a_pj| (Higham, ASNA §3.5). */
function expectGram(got: Matrix, a: Matrix, side: 'AtA' | 'AAt') {
  const ref = naiveGram(a, side);
  const gamma = (ref.k * EPS) / 2 / (1 - (ref.k * EPS) / 2);
  const n = got.rows;
  expect(got.cols).toBe(n);
  expect(n * n).toBe(ref.c.length);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const e = got.data[i * n + j];
      if (e !== got.data[j * n + i]) throw new Error(`not exactly symmetric at (${i}, ${j})`);
      if (Math.abs(e - ref.c[i * n + j]) > 2 * gamma * ref.abs[i * n + j] + Number.MIN_VALUE)
        throw new Error(`entry (${i}, ${j}): ${e} vs ${ref.c[i * n + j]}`);
    }
}

const backends = kernelInfo().simd
  ? (['typescript', 'wasm-simd'] as const)
  : (['typescript'] as const);

afterEach(() => {
  setKernelBackend('auto');
});

describe('gram', () => {
  it("gram(a) gives AᵀA and gram(a, 'AAt') gives AAᵀ on a 2×2 example", () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(gram(a).data)).toEqual([10, 14, 14, 20]);
    expect(Array.from(gram(a, 'AAt').data)).toEqual([5, 11, 11, 25]);
  });

  for (const backend of backends)
    it(`gram(a, side) on the ${backend} backend is exactly symmetric and matches dot products on odd sizes`, () => {
      setKernelBackend(backend);
      let seed = 1;
      for (const m of [1, 3, 17, 65, 130])
        for (const n of [1, 3, 17, 65, 130]) {
          const a = random(m, n, seed++);
          expectGram(gram(a), a, 'AtA');
          expectGram(gram(a, 'AAt'), a, 'AAt');
        }
      // AAᵀ of a 1030×3 matrix spans three column blocks (NC = 512) of the triangle skip.
      const wide = random(1030, 3, seed++);
      expectGram(gram(wide, 'AAt'), wide, 'AAt');
      const tall = random(160, 140, seed++);
      expectGram(gram(tall), tall, 'AtA');
      expectGram(gram(tall, 'AAt'), tall, 'AAt');
    });

  it('gram(a) is exactly symmetric with a non-negative diagonal (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom<'AtA' | 'AAt'>('AtA', 'AAt'),
        (m, n, seed, side) => {
          const a = random(m, n, seed);
          const g = gram(a, side);
          for (let i = 0; i < g.rows; i++) expect(g.data[i * g.rows + i]).toBeGreaterThanOrEqual(0);
          expectGram(g, a, side);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('gram(a, side, out) writes into out, rejects aliasing and bad input, does not mutate', () => {
    const a = random(6, 4, 3);
    const a0 = a.data.slice();
    const out = zeros(4, 4);
    expect(gram(a, 'AtA', out)).toBe(out);
    expect(a.data).toEqual(a0);
    expect(() => gram(a, 'AtA', zeros(6, 6))).toThrow(/gram\(\): out must be 4×4/);
    const sq = random(3, 3, 4);
    expect(() => gram(sq, 'AtA', sq)).toThrow(ShapeError);
    expect(() => gram(a, 'AB' as 'AtA')).toThrow(InvalidArgumentError);
    expect(() => gram(fromRows([[Number.NaN, 1]]))).toThrow(NonFiniteError);
  });

  it('gram(a) of an empty matrix is the zero matrix of the right size', () => {
    expect(Array.from(gram(zeros(0, 2)).data)).toEqual([0, 0, 0, 0]);
    expect(gram(zeros(0, 2), 'AAt').rows).toBe(0);
  });
});
