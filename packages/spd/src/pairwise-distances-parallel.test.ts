import {
  AbortError,
  createPool,
  type Matrix,
  NotPositiveDefiniteError,
  type Pool,
  ShapeError,
} from '@rg/linalg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomSPD } from '../test/helpers.js';
import { pairwiseDistances, pairwiseDistancesParallel } from './index.js';

const xs = Array.from({ length: 60 }, (_, i) => randomSPD(12, 2500 + i, 1e3));
const ys = Array.from({ length: 23 }, (_, i) => randomSPD(12, 2600 + i, 1e3));

function bitwiseDiff(a: Matrix, b: Matrix): number {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
  let d = 0;
  for (let i = 0; i < a.data.length; i++) if (!Object.is(a.data[i], b.data[i])) d++;
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

describe('pairwiseDistancesParallel', () => {
  it('is bitwise pairwiseDistances on shared and copied memory (AIRM, BW; xs alone and xs × ys; squared)', async () => {
    for (const metric of ['affine-invariant', 'bures-wasserstein'] as const)
      for (const other of [undefined, ys])
        for (const squared of [false, true]) {
          const ref = pairwiseDistances(xs, other, metric, { squared });
          for (const pool of [shared, copy]) {
            const seen: number[] = [];
            const got = await pairwiseDistancesParallel(xs, other, metric, {
              pool,
              squared,
              onProgress: (p) => seen.push(p.done / p.total),
            });
            expect(bitwiseDiff(got, ref)).toBe(0);
            expect(seen.length).toBeGreaterThan(2);
            expect(seen.at(-1)).toBe(1);
          }
        }
  });

  it('runs flat-chart metrics and calls without a pool on this thread, with the same numbers', async () => {
    const ref = pairwiseDistances(xs, undefined, 'log-euclidean');
    const seen: number[] = [];
    const got = await pairwiseDistancesParallel(xs, undefined, 'logeuclid', {
      pool: shared,
      onProgress: (p) => seen.push(p.total),
    });
    expect(bitwiseDiff(got, ref)).toBe(0);
    expect(seen).toEqual([1]);
    const airm = await pairwiseDistancesParallel(xs, ys, 'riemann');
    expect(bitwiseDiff(airm, pairwiseDistances(xs, ys, 'riemann'))).toBe(0);
  });

  it('validates on the calling side and honours an AbortSignal', async () => {
    const bad = xs.slice();
    bad[17] = { rows: 12, cols: 12, data: bad[17].data.map((v, i) => (i === 0 ? -v : v)) };
    await expect(
      pairwiseDistancesParallel(bad, undefined, 'riemann', { pool: shared }),
    ).rejects.toThrow(NotPositiveDefiniteError);
    await expect(
      pairwiseDistancesParallel(bad, undefined, 'riemann', { pool: shared }),
    ).rejects.toThrow(/^pairwiseDistancesParallel\(\): xs\[17\]/);
    await expect(
      pairwiseDistancesParallel(xs, [randomSPD(3, 7, 10)], 'riemann', { pool: shared }),
    ).rejects.toThrow(ShapeError);
    const controller = new AbortController();
    const err = await pairwiseDistancesParallel(xs, undefined, 'riemann', {
      pool: shared,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
  });
});
