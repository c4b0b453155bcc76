// The WebAssembly SIMD kernels of the symmetric eigensolver (assembly/tridiagonal.ts,
// assembly/ql.ts) against their TypeScript twins: same operations in the same order, so the
// results must agree bit for bit, with and without eigenvectors, on odd and even sizes (the
// two-lane sums have a scalar tail on odd lengths).
import { afterEach, describe, expect, it } from 'vitest';
import { rng, setKernelBackend } from '../index.js';
import * as modules from '../wasm/kernels.generated.js';
import { qlRows, tridiagonalEigen, tridiagonalReduce } from './tridiagonal.js';

afterEach(() => setKernelBackend('auto'));

function symmetric(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = r.normal();
      a[i * n + j] = x;
      a[j * n + i] = x;
    }
  return a;
}

function mismatches(x: Float64Array, y: Float64Array): number {
  let bad = x.length === y.length ? 0 : 1;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) bad++;
  return bad;
}

function onBoth<T>(run: () => T): [T, T] {
  setKernelBackend('typescript');
  const ts = run();
  setKernelBackend('wasm-simd');
  const wasm = run();
  return [ts, wasm];
}

const sizes = [1, 2, 3, 4, 5, 8, 17, 32, 33, 64];

describe('symmetric eigensolver kernels on both backends', () => {
  it('tridiagonalReduce gives identical (d, e), reflectors and β', () => {
    for (const n of sizes) {
      const a = symmetric(n, n);
      const [ts, wasm] = onBoth(() => {
        const w = a.slice();
        const d = new Float64Array(n);
        const e = new Float64Array(n);
        const work = new Float64Array(3 * n);
        tridiagonalReduce(n, w, d, e, work);
        return [w, d, e, work.subarray(2 * n)];
      });
      for (let q = 0; q < 4; q++) expect(mismatches(ts[q], wasm[q])).toBe(0);
    }
  });

  it('tridiagonalEigen (reduction, Qᵀ and QL) gives identical eigenvalues and eigenvector rows', () => {
    for (const n of sizes)
      for (const vectors of [true, false]) {
        const a = symmetric(n, 100 + n);
        const [ts, wasm] = onBoth(() => {
          const d = new Float64Array(n);
          const zt = vectors ? new Float64Array(n * n) : null;
          const ok = tridiagonalEigen(
            n,
            a.slice(),
            d,
            new Float64Array(n),
            zt,
            new Float64Array(3 * n),
          );
          return { ok, d, zt };
        });
        expect(ts.ok && wasm.ok).toBe(true);
        expect(mismatches(ts.d, wasm.d)).toBe(0);
        if (vectors) expect(mismatches(ts.zt as Float64Array, wasm.zt as Float64Array)).toBe(0);
      }
  });

  it('qlRows gives identical eigenvalues and rotated rows on a tridiagonal with a split', () => {
    for (const n of [4, 9, 24]) {
      const r = rng(n);
      const d0 = Float64Array.from({ length: n }, () => r.normal());
      const e0 = Float64Array.from({ length: n }, (_, i) => (i === n >> 1 ? 0 : r.normal()));
      const [ts, wasm] = onBoth(() => {
        const d = d0.slice();
        const zt = new Float64Array(n * n);
        for (let i = 0; i < n; i++) zt[i * n + i] = 1;
        return { ok: qlRows(n, d, e0.slice(), zt), d, zt };
      });
      expect(ts.ok && wasm.ok).toBe(true);
      expect(mismatches(ts.d, wasm.d)).toBe(0);
      expect(mismatches(ts.zt, wasm.zt)).toBe(0);
    }
  });

  it('every embedded WebAssembly module stays under the 4 KB limit of synchronous compilation', () => {
    const sources = Object.values(modules);
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      const bytes = atob(source).length;
      expect(bytes).toBeGreaterThan(8);
      expect(bytes).toBeLessThan(4096);
    }
  });
});
