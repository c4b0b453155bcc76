import {
  AbortError,
  createPool,
  InvalidArgumentError,
  type Matrix,
  NotPositiveDefiniteError,
  type Pool,
  ShapeError,
} from '@rg/linalg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomSPD } from '../test/helpers.js';
import { frechetMean, frechetMeanParallel, logEuclidean, MDM, TangentSpace } from './index.js';

// 160 points 12×12: points·n³ = 276 480 per iteration, just above BATCH_PARALLEL_MIN (2¹⁸).
const xs = Array.from({ length: 160 }, (_, i) => randomSPD(12, 4100 + i, 1e3));
const labels = xs.map((_, i) => i % 3);
// MDM means on the pool need points·n³ ≥ 2¹⁸ per class: two classes of 66 points 16×16.
const ys = Array.from({ length: 132 }, (_, i) => randomSPD(16, 5100 + i, 1e2));
const yLabels = ys.map((_, i) => i % 2);

function bitwiseDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) d++;
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

describe('frechetMeanParallel', () => {
  it('is bitwise frechetMean (AIRM, BW; weights; shared and copied memory), with the same progress reports', async () => {
    const weights = xs.map((_, i) => 1 + (i % 5));
    for (const [metric, w] of [
      ['affine-invariant', undefined],
      ['affine-invariant', weights],
      ['bures-wasserstein', undefined],
    ] as const) {
      const refSeen: number[] = [];
      const ref = frechetMean(xs, metric, {
        weights: w,
        tol: 1e-10,
        onProgress: (p) => refSeen.push(p.residual),
      });
      expect(ref.iterations).toBeGreaterThan(2);
      for (const base of [shared, copy]) {
        const { pool, calls } = counting(base);
        const seen: number[] = [];
        const got = await frechetMeanParallel(xs, metric, {
          pool,
          weights: w,
          tol: 1e-10,
          onProgress: (p) => seen.push(p.residual),
        });
        expect(bitwiseDiff(got.mean.data, ref.mean.data)).toBe(0);
        expect([got.iterations, got.converged, got.gradientNorm]).toEqual([
          ref.iterations,
          ref.converged,
          ref.gradientNorm,
        ]);
        expect(bitwiseDiff(seen, refSeen)).toBe(0);
        // one piece per worker and iteration (the last iteration only measures)
        expect(calls()).toBe(2 * (ref.iterations + 1));
      }
    }
  });

  it('runs other metrics, small problems and calls without a pool on this thread, with the same result', async () => {
    for (const [points, metric] of [
      [xs, logEuclidean],
      [xs.slice(0, 20), 'riemann'],
    ] as const) {
      const { pool, calls } = counting(shared);
      const got = await frechetMeanParallel(points, metric, { pool });
      expect(bitwiseDiff(got.mean.data, frechetMean(points, metric).mean.data)).toBe(0);
      expect(calls()).toBe(0);
    }
    const alone = await frechetMeanParallel(xs, 'riemann');
    expect(bitwiseDiff(alone.mean.data, frechetMean(xs, 'riemann').mean.data)).toBe(0);
  });

  it('validates on the calling side, honours strict and an AbortSignal, and rejects a disposed pool', async () => {
    const bad = xs.slice();
    bad[33] = { rows: 12, cols: 12, data: bad[33].data.map((v, i) => (i === 0 ? -v : v)) };
    const e = await frechetMeanParallel(bad, 'riemann', { pool: shared }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotPositiveDefiniteError);
    expect((e as Error).message).toMatch(/^frechetMeanParallel\(\): points\[33\]/);
    await expect(
      frechetMeanParallel(xs, 'riemann', { pool: shared, maxIter: 1, strict: true }),
    ).rejects.toThrow(/no convergence after 1 iterations/);
    const controller = new AbortController();
    const err = await frechetMeanParallel(xs, 'riemann', {
      pool: shared,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.iteration === 1) controller.abort();
      },
    }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(AbortError);
    const gone = await createPool({ threads: 2 });
    await gone.dispose();
    await expect(frechetMeanParallel(xs, 'riemann', { pool: gone })).rejects.toThrow(
      InvalidArgumentError,
    );
  });

  it('surfaces an error thrown in a worker as the same typed error', async () => {
    const failing = Object.create(shared) as Pool;
    failing.call = async () => {
      throw new NotPositiveDefiniteError('worker: not positive definite', { pivot: 3 });
    };
    await expect(frechetMeanParallel(xs, 'riemann', { pool: failing })).rejects.toThrow(
      NotPositiveDefiniteError,
    );
    // a real worker error: a module export that does not exist is a typed InvalidArgumentError
    await expect(
      shared.call(new URL('./internal/pool-work.ts', import.meta.url), 'nope', []),
    ).rejects.toThrow(InvalidArgumentError);
  });
});

describe('MDM and TangentSpace on a pool', () => {
  it('MDM.fitParallel and predictParallel are bitwise fit and predict (AIRM, log-Euclidean)', async () => {
    for (const metric of ['riemann', 'log-euclidean'] as const) {
      const ref = new MDM({ metric }).fit(ys, yLabels);
      const refPred = ref.predict(ys);
      const refD = ref.transform(ys);
      for (const base of [shared, copy]) {
        const { pool, calls } = counting(base);
        const seen: number[] = [];
        const got = await new MDM({ metric }).fitParallel(ys, yLabels, {
          pool,
          onProgress: (p) => seen.push(p.done),
        });
        expect(seen).toEqual([1, 2]);
        // the AIRM class means went to the workers; log-Euclidean's closed form did not
        expect(calls() > 0).toBe(metric === 'riemann');
        expect(got.classes).toEqual(ref.classes);
        for (let c = 0; c < 2; c++)
          expect(bitwiseDiff(got.means[c].data, ref.means[c].data)).toBe(0);
        const progress: number[] = [];
        const before = calls();
        const pred = await got.predictParallel(ys, {
          pool,
          onProgress: (p) => progress.push(p.done / p.total),
        });
        expect(calls()).toBeGreaterThan(before);
        expect(pred).toEqual(refPred);
        expect(progress.length).toBeGreaterThan(2);
        expect(progress.at(-1)).toBe(1);
        expect(bitwiseDiff(got.transform(ys).data, refD.data)).toBe(0);
      }
    }
  });

  it('MDM: an aborted fitParallel leaves the model as it was; predictParallel validates like predict', async () => {
    const mdm = new MDM();
    const controller = new AbortController();
    controller.abort();
    await expect(
      mdm.fitParallel(xs, labels, { pool: shared, signal: controller.signal }),
    ).rejects.toThrow(AbortError);
    expect(mdm.means).toEqual([]);
    await expect(mdm.predictParallel(xs, { pool: shared })).rejects.toThrow(/call fit\(\) first/);
    mdm.fit(xs, labels);
    await expect(
      mdm.predictParallel([...xs, randomSPD(3, 1, 10)], { pool: shared }),
    ).rejects.toThrow(ShapeError);
    await expect(
      mdm.predictParallel(xs, { pool: shared, signal: controller.signal }),
    ).rejects.toThrow(AbortError);
  });

  it('TangentSpace.fitParallel and transformParallel are bitwise fit and transform', async () => {
    const ref = new TangentSpace().fit(xs);
    const refV = ref.transform(xs);
    for (const base of [shared, copy]) {
      const { pool, calls } = counting(base);
      const ts = await new TangentSpace().fitParallel(xs, { pool });
      expect(calls()).toBeGreaterThan(0);
      expect(bitwiseDiff((ts.reference as Matrix).data, (ref.reference as Matrix).data)).toBe(0);
      const v = await ts.transformParallel(xs, { pool });
      expect([v.rows, v.cols]).toEqual([refV.rows, refV.cols]);
      expect(bitwiseDiff(v.data, refV.data)).toBe(0);
      // written in place by the workers in a shared pool, assembled here in a copying one
      expect(v.data.buffer).toBeInstanceOf(base === shared ? SharedArrayBuffer : ArrayBuffer);
    }
    await expect(new TangentSpace().transformParallel(xs, { pool: shared })).rejects.toThrow(
      /TangentSpace.transformParallel\(\): call fit\(\) first/,
    );
  });
});
