import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPool,
  InvalidArgumentError,
  type Matrix,
  matmul,
  matmulParallel,
  type Pool,
  poolArray,
  rng,
  withScratch,
} from './index.js';

const r = rng(7);
const gaussian = (m: number, n: number, shared = false): Matrix => {
  const data = shared
    ? new Float64Array(new SharedArrayBuffer(8 * m * n))
    : new Float64Array(m * n);
  for (let k = 0; k < data.length; k++) data[k] = r.normal();
  return { rows: m, cols: n, data };
};

describe('pool memory', () => {
  let shared: Pool;
  let copy: Pool;
  beforeAll(async () => {
    shared = await createPool({ threads: 2 });
    copy = await createPool({ threads: 2, memory: 'copy' });
  });
  afterAll(async () => {
    await shared.dispose();
    await copy.dispose();
  });

  it('poolArray is shared memory exactly in a shared pool', () => {
    expect(shared.info.memory).toBe('shared');
    expect(poolArray(shared, 4).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(poolArray(copy, 4).buffer).toBeInstanceOf(ArrayBuffer);
    expect(poolArray(undefined, 4).buffer).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(poolArray(shared, 3))).toEqual([0, 0, 0]);
    expect(() => poolArray(shared, -1)).toThrow(InvalidArgumentError);
    expect(() => poolArray(shared, 1.5)).toThrow(/poolArray\(\): length/);
  });

  it('withScratch reuses the pool’s staging arrays between calls, never between concurrent ones', async () => {
    const seen: ArrayBufferLike[] = [];
    await withScratch(shared, [1000, 10], ([x, y]) => {
      expect(x.length).toBe(1000);
      expect(y.length).toBe(10);
      expect(x.buffer).toBeInstanceOf(SharedArrayBuffer);
      seen.push(x.buffer, y.buffer);
    });
    // a later call of the same sizes gets the same memory back (no fresh pages)
    await withScratch(shared, [1000], ([x]) => {
      expect(seen).toContain(x.buffer);
    });
    // two calls in flight at once never share an array
    let release: () => void = () => {};
    const gate = new Promise<void>((res) => {
      release = res;
    });
    const held: ArrayBufferLike[] = [];
    const first = withScratch(shared, [1000], async ([x]) => {
      held.push(x.buffer);
      await gate;
    });
    await withScratch(shared, [1000], ([x]) => {
      expect(held).not.toContain(x.buffer);
    });
    release();
    await first;
    // a smaller request takes the smallest kept array that fits
    await withScratch(shared, [5], ([x]) => {
      expect(x.length).toBe(5);
      expect((x.buffer as SharedArrayBuffer).byteLength).toBe(80);
    });
    // copying pools and no pool: ordinary fresh arrays
    await withScratch(copy, [3], ([x]) => expect(x.buffer).toBeInstanceOf(ArrayBuffer));
    await withScratch(undefined, [3], ([x]) => expect(x.buffer).toBeInstanceOf(ArrayBuffer));
  });

  it('withScratch returns what the body returns, passes its error on and checks its arguments', async () => {
    expect(await withScratch(shared, [2], ([x]) => x.length * 21)).toBe(42);
    await expect(
      withScratch(shared, [2], () => {
        throw new RangeError('inside');
      }),
    ).rejects.toThrow('inside');
    // the array of a failed call is back in the pool and usable
    expect(await withScratch(shared, [2], ([x]) => x.length)).toBe(2);
    await expect(withScratch(shared, [-1], () => 0)).rejects.toThrow(InvalidArgumentError);
    await expect(withScratch(shared, 3 as unknown as number[], () => 0)).rejects.toThrow(
      /withScratch\(\): lengths must be an array/,
    );
    await expect(withScratch(shared, [1], 'x' as never)).rejects.toThrow(/body must be a function/);
  });

  it('matmulParallel writes its result in place in a shared pool, stages other memory, same numbers', async () => {
    const n = 256; // MATMUL_PARALLEL_MIN: the pool is used
    const a = gaussian(n, n);
    const b = gaussian(n, n);
    const ref = matmul(a, b);
    const before = [a.data.slice(), b.data.slice()];
    const inPlace = await matmulParallel(a, b, { pool: shared });
    expect(inPlace.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(inPlace.data).toEqual(ref.data);
    // an ordinary `out` is filled through a staging array
    const out = { rows: n, cols: n, data: new Float64Array(n * n) };
    const got = await matmulParallel(a, b, { pool: shared, out });
    expect(got).toBe(out);
    expect(out.data).toEqual(ref.data);
    // operands already in shared memory are used as they are
    const as = gaussian(n, n, true);
    const bs = gaussian(n, n, true);
    expect((await matmulParallel(as, bs, { pool: shared })).data).toEqual(matmul(as, bs).data);
    // the operands are not modified
    expect(a.data).toEqual(before[0]);
    expect(b.data).toEqual(before[1]);
    const copied = await matmulParallel(a, b, { pool: copy });
    expect(copied.data.buffer).toBeInstanceOf(ArrayBuffer);
    expect(copied.data).toEqual(ref.data);
  });
});
