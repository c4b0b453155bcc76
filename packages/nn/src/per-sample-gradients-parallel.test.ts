import {
  AbortError,
  createPool,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  type Pool,
  rng,
} from '@rg/linalg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activation,
  dense,
  dropout,
  embedding,
  layerNorm,
  learnedPositions,
  PER_SAMPLE_PARALLEL_MIN,
  perSampleGradients,
  perSampleGradientsParallel,
  sequential,
  transformerBlock,
} from './index.js';

const r = rng(11);
const gaussian = (rows: number, cols: number): Matrix => ({
  rows,
  cols,
  data: Float64Array.from({ length: rows * cols }, () => r.normal()),
});

// 600 samples × 1797 parameters = 1.08e6 ≥ PER_SAMPLE_PARALLEL_MIN (2²⁰)
const mlp = sequential([
  dense({ inputs: 20, outputs: 64, seed: 1 }),
  layerNorm({ features: 64 }),
  activation('gelu'),
  dense({ inputs: 64, outputs: 5, seed: 2 }),
]);
const x = gaussian(600, 20);
const y = Array.from({ length: 600 }, (_, i) => i % 5);

function bitwiseDiff(p: ArrayLike<number>, q: ArrayLike<number>): number {
  expect(p.length).toBe(q.length);
  let d = 0;
  for (let i = 0; i < p.length; i++) if (!Object.is(p[i], q[i])) d++;
  return d;
}

let shared: Pool;
let copy: Pool;
beforeAll(async () => {
  shared = await createPool({ threads: 2 });
  copy = await createPool({ threads: 2, memory: 'copy' });
}, 60_000);
afterAll(async () => {
  await shared?.dispose();
  await copy?.dispose();
});

/** A pool that counts its calls (to see that work went to the workers). */
function counting(pool: Pool): { pool: Pool; calls: () => number } {
  let calls = 0;
  const p = Object.create(pool) as Pool;
  p.call = (m, name, args) => {
    calls++;
    return pool.call(m, name, args);
  };
  return { pool: p, calls: () => calls };
}

describe('perSampleGradientsParallel', () => {
  it('is bitwise perSampleGradients for an MLP with layer norm, on shared and copied memory', async () => {
    expect(600 * mlp.dim).toBeGreaterThanOrEqual(PER_SAMPLE_PARALLEL_MIN);
    const ref = perSampleGradients(mlp, x, y, 'softmaxCrossEntropy');
    const before = Float64Array.from(mlp.params);
    for (const base of [shared, copy]) {
      const { pool, calls } = counting(base);
      const seen: number[] = [];
      const got = await perSampleGradientsParallel(mlp, x, y, 'softmaxCrossEntropy', {
        pool,
        onProgress: (p) => seen.push(p.done / p.total),
      });
      expect([got.rows, got.cols]).toEqual([ref.rows, ref.cols]);
      expect(bitwiseDiff(got.data, ref.data)).toBe(0);
      expect(calls()).toBe(8);
      expect(seen.at(-1)).toBe(1);
    }
    expect(bitwiseDiff(mlp.params, before)).toBe(0);
  });

  it('is bitwise for sequences (tokens per sample, key padding), split by whole samples', async () => {
    const T = 4;
    const model = sequential([
      embedding({ vocab: 7, dim: 16, seed: 1 }),
      learnedPositions({ maxTokens: T, dim: 16, seed: 2 }),
      transformerBlock({ dModel: 16, heads: 2, hidden: 32, causal: true, seed: 3 }),
      dense({ inputs: 16, outputs: 7, seed: 4 }),
    ]);
    const n = Math.ceil(PER_SAMPLE_PARALLEL_MIN / model.dim);
    const ids: Matrix = {
      rows: n,
      cols: T,
      data: Float64Array.from({ length: n * T }, (_, i) => (i * 5 + 3) % 7),
    };
    const targets = Array.from({ length: n * T }, (_, i) => (i * 3 + 1) % 7);
    const keyPaddingMask = Array.from({ length: n * T }, (_, i) =>
      i % T === 3 && i % 3 === 0 ? 1 : 0,
    );
    const options = { tokens: T, keyPaddingMask };
    const ref = perSampleGradients(model, ids, targets, 'softmaxCrossEntropy', options);
    const { pool, calls } = counting(shared);
    const got = await perSampleGradientsParallel(model, ids, targets, 'softmaxCrossEntropy', {
      ...options,
      pool,
    });
    expect(calls()).toBeGreaterThan(0);
    expect(bitwiseDiff(got.data, ref.data)).toBe(0);
  }, 120_000);

  it('runs on this thread with ignored targets, dropout, small work or no pool, with the same rows', async () => {
    const ignored = y.map((c, i) => (i % 7 === 0 ? -100 : c));
    const withDropout = sequential([
      dense({ inputs: 20, outputs: 64, seed: 1 }),
      dropout({ rate: 0 }),
      activation('gelu'),
      dense({ inputs: 64, outputs: 5, seed: 2 }),
    ]);
    for (const [model, targets, opts] of [
      [mlp, ignored, { ignoreIndex: -100 }],
      [withDropout, y, {}],
    ] as const) {
      const { pool, calls } = counting(shared);
      const ref = perSampleGradients(model, x, targets, 'softmaxCrossEntropy', opts);
      const got = await perSampleGradientsParallel(model, x, targets, 'softmaxCrossEntropy', {
        ...opts,
        pool,
      });
      expect(calls()).toBe(0);
      expect(bitwiseDiff(got.data, ref.data)).toBe(0);
    }
    const small = { rows: 10, cols: 20, data: x.data.slice(0, 200) };
    const { pool, calls } = counting(shared);
    await perSampleGradientsParallel(mlp, small, y.slice(0, 10), 'softmaxCrossEntropy', { pool });
    expect(calls()).toBe(0);
    const alone = await perSampleGradientsParallel(mlp, x, y, 'softmaxCrossEntropy');
    expect(bitwiseDiff(alone.data, perSampleGradients(mlp, x, y, 'softmaxCrossEntropy').data)).toBe(
      0,
    );
  });

  it('validates on the calling side, honours an AbortSignal and surfaces typed worker errors', async () => {
    await expect(
      perSampleGradientsParallel(mlp, gaussian(600, 3), y, 'softmaxCrossEntropy', { pool: shared }),
    ).rejects.toThrow(/^perSampleGradientsParallel\(\)/);
    const controller = new AbortController();
    const err = await perSampleGradientsParallel(mlp, x, y, 'softmaxCrossEntropy', {
      pool: shared,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    const failing = Object.create(shared) as Pool;
    failing.call = async () => {
      throw new NonFiniteError('worker: NaN', 3);
    };
    await expect(
      perSampleGradientsParallel(mlp, x, y, 'softmaxCrossEntropy', { pool: failing }),
    ).rejects.toThrow(NonFiniteError);
    const gone = await createPool({ threads: 2 });
    await gone.dispose();
    await expect(
      perSampleGradientsParallel(mlp, x, y, 'softmaxCrossEntropy', { pool: gone }),
    ).rejects.toThrow(InvalidArgumentError);
  });
});
