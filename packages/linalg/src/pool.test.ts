import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  availableThreads,
  BATCH_PARALLEL_MIN,
  createPool,
  eigh,
  eighBatch,
  expmSym,
  frobeniusNorm,
  InvalidArgumentError,
  invSqrtmSym,
  logmSym,
  MATMUL_PARALLEL_MIN,
  type Matrix,
  matmul,
  matmulParallel,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  type Pool,
  powmSym,
  randomSPD,
  rng,
  setKernelBackend,
  ShapeError,
  sqrtmSym,
  symmetricFunctionBatch,
} from './index.js';

const r = rng(25);
const gaussian = (m: number, n: number): Matrix => ({
  rows: m,
  cols: n,
  data: Float64Array.from({ length: m * n }, () => r.normal()),
});
const symmetric = (n: number): Matrix => {
  const a = gaussian(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[j * n + i] = a.data[i * n + j];
  return a;
};

/** Number of entries that differ bitwise (Object.is: -0 ≠ 0, NaN = NaN). */
function bitwiseDiff(x: Float64Array, y: Float64Array): number {
  expect(x.length).toBe(y.length);
  let d = 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) d++;
  return d;
}

// A mixed batch above the split threshold: sizes 2…40 (QL, Jacobi for n ≤ 3, the refine path
// for the ill-conditioned SPD ones), Σ n³ well over BATCH_PARALLEL_MIN.
const sizes = Array.from({ length: 120 }, (_, i) => 2 + ((i * 7) % 39));
const batch = sizes.map((n, i) =>
  i % 3 === 0 ? randomSPD(n, r, { condition: 1e8 }) : symmetric(n),
);
const spdBatch = sizes.map((n) => randomSPD(n, r, { condition: 1e3 }));

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

describe('createPool', () => {
  it('reports its runtime, threads and memory mode', () => {
    expect(shared.info).toEqual({ runtime: 'node', threads: 2, memory: 'shared', reason: '' });
    expect(copy.info).toEqual({ runtime: 'node', threads: 2, memory: 'copy', reason: 'asked for' });
    expect(shared.threads).toBe(2);
    expect(availableThreads()).toBeGreaterThanOrEqual(1);
  });

  it('rejects bad options with InvalidArgumentError naming the argument', async () => {
    await expect(createPool({ threads: 0 })).rejects.toThrow(InvalidArgumentError);
    await expect(createPool({ threads: 1.5 })).rejects.toThrow(
      'createPool(): threads must be a positive integer (got 1.5)',
    );
    await expect(createPool({ memory: 'mirror' as 'copy' })).rejects.toThrow(
      "createPool(): memory must be 'auto' or 'copy'",
    );
  });
});

describe('matmulParallel', () => {
  // 300·270·260 multiply-adds, above MATMUL_PARALLEL_MIN; 300 rows do not divide into the
  // 8-row panels evenly, so the last panel is a partial one.
  const a = gaussian(300, 260);
  const b = gaussian(260, 270);

  it('splits above the threshold', () => {
    expect(300 * 270 * 260).toBeGreaterThan(MATMUL_PARALLEL_MIN);
  });

  for (const backend of ['wasm-simd', 'typescript'] as const)
    it(`is bitwise matmul on shared and copied memory (${backend} kernels)`, async () => {
      const before = setKernelBackend(backend);
      try {
        const ref = matmul(a, b);
        for (const pool of [shared, copy]) {
          const progress: number[] = [];
          const c = await matmulParallel(a, b, {
            pool,
            onProgress: (p) => progress.push(p.done / p.total),
          });
          expect(bitwiseDiff(c.data, ref.data)).toBe(0);
          expect(progress.at(-1)).toBe(1);
          expect(progress.length).toBeGreaterThan(1);
        }
        // without a pool, and into a given out buffer
        const out = { rows: 300, cols: 270, data: new Float64Array(300 * 270) };
        expect(await matmulParallel(a, b, { pool: shared, out })).toBe(out);
        expect(bitwiseDiff(out.data, ref.data)).toBe(0);
        expect(bitwiseDiff((await matmulParallel(a, b)).data, ref.data)).toBe(0);
      } finally {
        setKernelBackend(before);
      }
    });

  it('checks shapes, finiteness and the pool at the boundary', async () => {
    await expect(matmulParallel(a, a, { pool: shared })).rejects.toThrow(ShapeError);
    const bad = gaussian(300, 260);
    bad.data[260 * 123 + 7] = Number.NaN;
    await expect(matmulParallel(bad, b, { pool: shared })).rejects.toThrow(NonFiniteError);
    await expect(matmulParallel(a, b, { pool: {} as Pool })).rejects.toThrow(
      'matmulParallel(): pool must come from createPool()',
    );
  });
});

describe('eighBatch', () => {
  it('splits above the threshold', () => {
    expect(sizes.reduce((s, n) => s + n ** 3, 0)).toBeGreaterThan(BATCH_PARALLEL_MIN);
  });

  it('is bitwise eigh for every matrix, with and without vectors, shared and copied', async () => {
    for (const vectors of [true, false]) {
      const ref = batch.map((x) => eigh(x, { vectors }));
      for (const pool of [shared, copy, undefined]) {
        const got = await eighBatch(batch, { pool, vectors });
        expect(got.length).toBe(batch.length);
        let diff = 0;
        for (let i = 0; i < batch.length; i++) {
          diff += bitwiseDiff(got[i].values, ref[i].values);
          diff += bitwiseDiff(got[i].vectors.data, ref[i].vectors.data);
          expect(got[i].vectors.rows).toBe(ref[i].vectors.rows);
        }
        expect(diff).toBe(0);
      }
    }
  });

  it('passes method and refine through', async () => {
    const ref = batch.map((x) => eigh(x, { method: 'jacobi', refine: true }));
    const got = await eighBatch(batch, { pool: shared, method: 'jacobi', refine: true });
    let diff = 0;
    for (let i = 0; i < batch.length; i++) diff += bitwiseDiff(got[i].values, ref[i].values);
    expect(diff).toBe(0);
  });

  it('surfaces the typed error of the matrix at fault, with its index', async () => {
    const broken = batch.slice();
    const n = broken[77].rows;
    const x = { rows: n, cols: n, data: broken[77].data.slice() };
    x.data[1] += 1; // (0,1) no longer equals (1,0)
    broken[77] = x;
    for (const pool of [shared, copy]) {
      const err = await eighBatch(broken, { pool }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotSymmetricError);
      expect((err as Error).message).toMatch(
        /^eighBatch\(\): matrices\[77\]: eigh\(\): a must be symmetric/,
      );
      expect((err as NotSymmetricError).asymmetry).toBeGreaterThan(0);
    }
    await expect(eighBatch([gaussian(2, 3)], { pool: shared })).rejects.toThrow(
      'eighBatch(): matrices[0] must be square (is 2×3)',
    );
    await expect(eighBatch(batch, { pool: shared, method: 'qr' as 'ql' })).rejects.toThrow(
      InvalidArgumentError,
    );
  });

  it('reports progress and stops handing out work when aborted', async () => {
    const seen: number[] = [];
    const all = await eighBatch(batch, { pool: shared, onProgress: (p) => seen.push(p.done) });
    expect(all.length).toBe(batch.length);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    expect(seen.length).toBeGreaterThan(2);

    await expect(eighBatch(batch, { pool: shared, signal: AbortSignal.abort() })).rejects.toThrow(
      AbortError,
    );
    const controller = new AbortController();
    let pieces = 0;
    const err = await eighBatch(batch, {
      pool: shared,
      signal: controller.signal,
      onProgress: (p) => {
        pieces = p.total;
        if (p.done === 1) controller.abort('enough');
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as Error).message).toBe('eighBatch(): aborted (enough)');
    expect(pieces).toBeGreaterThan(2);
    // the pool is still usable after an aborted call
    expect((await eighBatch(batch.slice(0, 2), { pool: shared })).length).toBe(2);
  });
});

describe('symmetricFunctionBatch', () => {
  const cases = [
    ['log', logmSym],
    ['sqrt', sqrtmSym],
    ['invSqrt', invSqrtmSym],
    ['exp', expmSym],
  ] as const;
  for (const [name, f] of cases)
    it(`is bitwise ${f.name} for every matrix`, async () => {
      const got = await symmetricFunctionBatch(spdBatch, name, { pool: shared });
      let diff = 0;
      for (let i = 0; i < spdBatch.length; i++)
        diff += bitwiseDiff(got[i].data, f(spdBatch[i]).data);
      expect(diff).toBe(0);
    });

  it('applies powers and surfaces domain errors from the workers', async () => {
    const got = await symmetricFunctionBatch(spdBatch, { power: -0.3 }, { pool: copy });
    let diff = 0;
    for (let i = 0; i < spdBatch.length; i++)
      diff += bitwiseDiff(got[i].data, powmSym(spdBatch[i], -0.3).data);
    expect(diff).toBe(0);
    const indefinite = spdBatch.slice();
    indefinite[100] = symmetric(indefinite[100].rows);
    const err = await symmetricFunctionBatch(indefinite, 'log', { pool: shared }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NotPositiveDefiniteError);
    expect((err as Error).message).toMatch(
      /^symmetricFunctionBatch\(\): matrices\[100\]: logmSym\(\)/,
    );
    expect((err as NotPositiveDefiniteError).minEigenvalue).toBeLessThan(0);
    await expect(symmetricFunctionBatch(spdBatch, 'cos' as 'log')).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});

describe('pool.call', () => {
  const module = new URL('../test/pool-module.ts', import.meta.url);

  it('runs a module of its own in the workers, writing into shared memory', async () => {
    const n = 12;
    const count = 40;
    const data = new Float64Array(new SharedArrayBuffer(8 * n * n * count));
    const mats = Array.from({ length: count }, () => randomSPD(n, r, { condition: 1e4 }));
    for (let i = 0; i < count; i++) data.set(mats[i].data, i * n * n);
    const out = new Float64Array(new SharedArrayBuffer(8 * count));
    const threads = await Promise.all(
      [0, 10, 20, 30].map((i0) => shared.call(module, 'logNorms', [n, data, out, i0, i0 + 10])),
    );
    // the same public functions on this thread: bitwise the same numbers
    for (let i = 0; i < count; i++) expect(out[i]).toBe(frobeniusNorm(logmSym(mats[i])));
    // four calls on two idle workers: both took work
    expect(new Set(threads).size).toBe(2);
  });

  it('surfaces typed errors and rejects bad calls', async () => {
    const err = await shared.call(module, 'refuse', []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotPositiveDefiniteError);
    expect((err as NotPositiveDefiniteError).minEigenvalue).toBe(-2);
    expect((err as Error).message).toBe('refuse(): x must be positive definite');
    await expect(shared.call(module, 'nothing', [])).rejects.toThrow(
      /pool\.call\(\): .*pool-module\.ts has no exported function nothing/,
    );
    await expect(shared.call('./pool-module.ts', 'later', [1])).rejects.toThrow(
      'pool.call(): module must be an absolute URL (got ./pool-module.ts)',
    );
    expect(await copy.call(module, 'later', [5])).toBeGreaterThan(0);
  });

  it('callOn runs on the worker it names, which keeps its module state between calls', async () => {
    const pool = await createPool({ threads: 3 });
    try {
      // queued together: each call waits for its worker, even while others are idle
      const got = (await Promise.all(
        [2, 0, 2, 1, 2, 0].map((w, i) => pool.callOn(w, module, 'keep', [i])),
      )) as Array<{ thread: number; kept: number[] }>;
      expect(got[0].thread).toBe(got[2].thread);
      expect(got[2].thread).toBe(got[4].thread);
      expect(new Set(got.map((g) => g.thread)).size).toBe(3);
      expect(got[4].kept).toEqual([0, 2, 4]);
      expect(got[5].kept).toEqual([1, 5]);
      expect(got[3].kept).toEqual([3]);
      for (const bad of [3, -1, 0.5])
        await expect(pool.callOn(bad, module, 'keep', [0])).rejects.toThrow(
          /^pool\.callOn\(\): worker must be the index of a live worker/,
        );
      await expect(pool.callOn(0, module, 'refuse', [])).rejects.toThrow(NotPositiveDefiniteError);
    } finally {
      await pool.dispose();
    }
  });
});

describe('dispose', () => {
  it('ends the workers, rejects queued work and refuses new work', async () => {
    const pool = await createPool({ threads: 1 });
    const a = gaussian(400, 400);
    const pending = [matmulParallel(a, a, { pool }), eighBatch(batch, { pool })];
    // threads: 1 runs on the calling thread, so queue raw tasks to see them rejected
    const c = new Float64Array(new SharedArrayBuffer(8 * 400 * 400));
    const queued = pool.run({
      kind: 'gemm',
      m: 400,
      n: 400,
      k: 400,
      a: a.data,
      b: a.data,
      c,
      backend: 'auto',
    });
    const queued2 = pool.run({
      kind: 'gemm',
      m: 400,
      n: 400,
      k: 400,
      a: a.data,
      b: a.data,
      c,
      backend: 'auto',
    });
    await pool.dispose();
    expect(pool.disposed).toBe(true);
    const settled = await Promise.allSettled([queued, queued2]);
    expect(settled.every((s) => s.status === 'rejected' && s.reason instanceof AbortError)).toBe(
      true,
    );
    await Promise.all(pending); // one-thread pools compute on the caller
    await expect(eighBatch(batch, { pool })).rejects.toThrow('eighBatch(): pool has been disposed');
    await pool.dispose(); // twice is harmless
  });

  it('does not keep a Node process alive when the caller forgets dispose()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-pool-'));
    try {
      const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
      const script = join(dir, 'forget.mts');
      writeFileSync(
        script,
        `import { createPool, eighBatch, fromRows } from ${JSON.stringify(entry)};
const pool = await createPool({ threads: 2 });
const r = await eighBatch(Array.from({ length: 400 }, () => fromRows(Array.from({ length: 70 }, (_, i) => Array.from({ length: 70 }, (_, j) => 1 / (1 + i + j))))), { pool });
console.log('done', r.length);
`,
      );
      const t0 = Date.now();
      const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        timeout: 60_000,
        encoding: 'utf8',
      });
      expect(out.trim()).toBe('done 400');
      // exits by itself once the work is done (the timeout above would kill a hung process)
      expect(Date.now() - t0).toBeLessThan(60_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
