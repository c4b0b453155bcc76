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
import { costMatrix, costMatrixParallel, sinkhorn, sinkhornParallel } from './index.js';

// n = m = 2000 is the smallest square problem the pool takes (SINKHORN_PARALLEL_MIN = 2000²).
const n = 2000;
const r = rng(77);
const pts = (k: number): Matrix => ({
  rows: k,
  cols: 2,
  data: Float64Array.from({ length: 2 * k }, () => r.uniform()),
});
const x = pts(n);
const y = pts(n);
const C = costMatrix(x, y);
const hist = (k: number) => {
  const w = Float64Array.from({ length: k }, () => 0.5 + r.uniform());
  const s = w.reduce((p, q) => p + q, 0);
  return w.map((v) => v / s);
};
const a = hist(n);
const b = hist(n);
const options = { reg: 0.05, tol: 1e-9 };

function bitwiseDiff(p: ArrayLike<number>, q: ArrayLike<number>): number {
  expect(p.length).toBe(q.length);
  let d = 0;
  for (let i = 0; i < p.length; i++) if (!Object.is(p[i], q[i])) d++;
  return d;
}

let shared: Pool;
let copy: Pool;
let three: Pool;
beforeAll(async () => {
  shared = await createPool({ threads: 2 });
  copy = await createPool({ threads: 2, memory: 'copy' });
  three = await createPool({ threads: 3 });
}, 60_000);
afterAll(async () => {
  await shared?.dispose();
  await copy?.dispose();
  await three?.dispose();
});

describe('sinkhornParallel', () => {
  it('agrees with sinkhorn to rounding and is the same on every pool (2 and 3 threads, shared and copied)', async () => {
    const ref = sinkhorn(a, b, C, options);
    expect(ref.converged).toBe(true);
    const seen: number[] = [];
    const got = await sinkhornParallel(a, b, C, {
      ...options,
      pool: shared,
      onProgress: (p) => seen.push(p.iteration),
    });
    expect(got.converged).toBe(true);
    expect(got.method).toBe('standard');
    expect(seen).toEqual(ref.history.map((h) => h.iteration));
    expect(got.iterations).toBe(ref.iterations);
    // Kᵀu is summed in 16 row blocks instead of row by row: both orders are within n·ε ≈ 2.2e-13
    // (relative, positive terms) of the exact column sums, so the two v differ by at most about
    // 4.4e-13 relative; the iteration is a contraction in Hilbert's projective metric, so the
    // converged scalings differ by no more, and a plan entry u_i K_ij v_j inherits it from u and
    // v: below about 1e-12. Measured: 5.3e-15 (61 iterations).
    let worst = 0;
    for (let k = 0; k < ref.plan.data.length; k++)
      worst = Math.max(worst, Math.abs(got.plan.data[k] - ref.plan.data[k]) / ref.plan.data[k]);
    expect(worst).toBeLessThan(1e-12);
    expect(Math.abs(got.cost - ref.cost) / ref.cost).toBeLessThan(1e-12);
    expect(got.marginalError).toBeLessThan(options.tol);
    for (const pool of [copy, three]) {
      const other = await sinkhornParallel(a, b, C, { ...options, pool });
      expect(bitwiseDiff(other.plan.data, got.plan.data)).toBe(0);
      expect(bitwiseDiff(other.potentials.f, got.potentials.f)).toBe(0);
      expect(other.iterations).toBe(got.iterations);
      // the plan comes back as the workers wrote it: shared memory from a shared pool, an
      // ordinary buffer from a copying one
      expect(other.plan.data.buffer).toBeInstanceOf(
        pool.info.memory === 'shared' ? SharedArrayBuffer : ArrayBuffer,
      );
    }
    expect(got.plan.data.buffer).toBeInstanceOf(SharedArrayBuffer);
  }, 120_000);

  it('runs small problems, other methods and calls without a pool as sinkhorn on this thread', async () => {
    const small = costMatrix(pts(50), pts(40));
    const sa = hist(50);
    const sb = hist(40);
    for (const [pa, pb, cost, opts] of [
      [sa, sb, small, { reg: 0.1 }],
      [a, b, C, { reg: 0.05, method: 'log' as const, maxIter: 2 }],
    ] as const) {
      const ref = sinkhorn(pa, pb, cost, opts);
      const got = await sinkhornParallel(pa, pb, cost, { ...opts, pool: shared });
      expect(bitwiseDiff(got.plan.data, ref.plan.data)).toBe(0);
    }
    const alone = await sinkhornParallel(sa, sb, small, { reg: 0.1 });
    expect(bitwiseDiff(alone.plan.data, sinkhorn(sa, sb, small, { reg: 0.1 }).plan.data)).toBe(0);
  });

  it('switches to the log domain on this thread when K underflows, exactly as sinkhorn', async () => {
    const far = { rows: n, cols: n, data: C.data.map((c, k) => (k === 12345 ? 100 : c)) };
    const opts = { reg: 0.05, maxIter: 3 };
    const ref = sinkhorn(a, b, far, opts);
    const got = await sinkhornParallel(a, b, far, { ...opts, pool: shared });
    expect(got.method).toBe('log');
    expect(got.warning).toBe(ref.warning?.replaceAll('sinkhorn()', 'sinkhornParallel()'));
    expect(bitwiseDiff(got.plan.data, ref.plan.data)).toBe(0);
  }, 120_000);

  it('validates like sinkhorn, honours an AbortSignal and surfaces typed worker errors', async () => {
    await expect(sinkhornParallel(a, b, C, { reg: 0, pool: shared })).rejects.toThrow(
      /^sinkhornParallel\(\): reg/,
    );
    const controller = new AbortController();
    const err = await sinkhornParallel(a, b, C, {
      ...options,
      pool: shared,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    // the pool is free and its workers' blocks were released: the next solve works
    expect(
      (await sinkhornParallel(a, b, C, { ...options, maxIter: 5, pool: shared })).iterations,
    ).toBe(5);
    const failing = Object.create(shared) as Pool;
    failing.callOn = async () => {
      throw new NonFiniteError('worker: NaN', 3);
    };
    await expect(sinkhornParallel(a, b, C, { ...options, pool: failing })).rejects.toThrow(
      NonFiniteError,
    );
    const gone = await createPool({ threads: 2 });
    await gone.dispose();
    await expect(sinkhornParallel(a, b, C, { ...options, pool: gone })).rejects.toThrow(
      InvalidArgumentError,
    );
  }, 120_000);
});

describe('costMatrixParallel', () => {
  it('is bitwise costMatrix for every built-in metric, on shared and copied memory', async () => {
    const px = pts(1500);
    const py = pts(1600);
    const hi = { rows: 1500, cols: 2, data: px.data.map((v) => v * 1e200) };
    for (const [p, metric] of [
      [px, 'sqeuclidean'],
      [px, 'euclidean'],
      [hi, 'euclidean'],
      [px, 'cityblock'],
    ] as const) {
      const ref = costMatrix(p, py, metric);
      for (const pool of [shared, copy]) {
        const seen: number[] = [];
        const got = await costMatrixParallel(p, py, metric, {
          pool,
          onProgress: (q) => seen.push(q.done),
        });
        expect(bitwiseDiff(got.data, ref.data)).toBe(0);
        expect(seen.length).toBe(8);
        // written in place by the workers on a shared pool, assembled here on a copying one
        expect(got.data.buffer).toBeInstanceOf(pool === shared ? SharedArrayBuffer : ArrayBuffer);
      }
    }
    const f = (u: Float64Array, v: Float64Array) => Math.abs(u[0] - v[0]);
    const fn = await costMatrixParallel(px, py, f, { pool: shared });
    expect(bitwiseDiff(fn.data, costMatrix(px, py, f).data)).toBe(0);
    await expect(
      costMatrixParallel(px, pts(3), 'cosine' as 'euclidean', { pool: shared }),
    ).rejects.toThrow(/^costMatrixParallel\(\): metric must be/);
  });
});
