import { kernelInfo, rng, setKernelBackend } from '@rg/linalg';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { costMatrix, sinkhorn } from './index.js';
import {
  createSinkhornSweep,
  type SinkhornSweep,
  typescriptSinkhornSweep,
  wasmSinkhornSweep,
} from './sinkhorn-sweep.js';

function fill(p: SinkhornSweep, n: number, m: number, seed: number): void {
  const r = rng(seed);
  for (let k = 0; k < n * m; k++) p.K[k] = 0.01 + r.uniform();
  for (let j = 0; j < m; j++) p.v[j] = 0.1 + r.uniform();
  for (let i = 0; i < n; i++) p.a[i] = 0.1 + r.uniform();
  for (let j = 0; j < m; j++) p.acc[j] = r.uniform();
}

afterEach(() => {
  setKernelBackend('auto');
});

describe('the Sinkhorn sweep (WebAssembly SIMD from assembly/sinkhorn.ts, and TypeScript)', () => {
  it('wasmSinkhornSweep(n, m).run() equals the scalar sweep u = a ⊘ Kv, acc += uᵢKᵢ (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 41 }),
        fc.integer(),
        (n, m, seed) => {
          const p = wasmSinkhornSweep(n, m);
          if (!p) return true;
          fill(p, n, m, seed);
          const acc = Float64Array.from(p.acc);
          p.run();
          let err = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < m; j++) s += p.K[i * m + j] * p.v[j];
            const ui = p.a[i] / s;
            err = Math.max(err, Math.abs(p.u[i] - ui) / ui);
            for (let j = 0; j < m; j++) acc[j] += ui * p.K[i * m + j];
          }
          for (let j = 0; j < m; j++) err = Math.max(err, Math.abs(p.acc[j] - acc[j]) / acc[j]);
          // Positive terms summed in a different order: relative error ≤ (m + n)·eps ≈ 2e-14.
          return err < 2e-14;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the TypeScript sweep gives the WebAssembly sweep bit for bit (same operations, same order; property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 41 }),
        fc.integer(),
        (n, m, seed) => {
          const w = wasmSinkhornSweep(n, m);
          if (!w) return true;
          const t = typescriptSinkhornSweep(n, m);
          fill(w, n, m, seed);
          fill(t, n, m, seed);
          w.run();
          t.run();
          w.run();
          t.run();
          expect(Array.from(t.u)).toEqual(Array.from(w.u));
          expect(Array.from(t.acc)).toEqual(Array.from(w.acc));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('wasmSinkhornSweep() is available in Node (WebAssembly SIMD) and declines sizes past 2 GiB', () => {
    expect(wasmSinkhornSweep(3, 3)).not.toBeNull();
    expect(wasmSinkhornSweep(20000, 20000)).toBeNull();
  });

  it("createSinkhornSweep() obeys @rg/linalg's setKernelBackend: 'typescript' runs the TypeScript sweep", () => {
    expect(createSinkhornSweep(4, 5).backend).toBe(kernelInfo().simd ? 'wasm-simd' : 'typescript');
    setKernelBackend('typescript');
    expect(createSinkhornSweep(4, 5).backend).toBe('typescript');
    setKernelBackend('wasm-simd');
    expect(createSinkhornSweep(4, 5).backend).toBe(kernelInfo().simd ? 'wasm-simd' : 'typescript');
  });

  it("sinkhorn() under setKernelBackend('typescript') and 'wasm-simd' returns identical results", () => {
    const r = rng(21);
    const x = Array.from({ length: 37 }, () => [r.normal(), r.normal()]);
    const y = Array.from({ length: 29 }, () => [r.normal() + 1, r.normal()]);
    const C = costMatrix(x, y);
    const a = new Float64Array(37).fill(1 / 37);
    const b = new Float64Array(29).fill(1 / 29);
    for (const method of ['standard', 'stabilized'] as const) {
      const opts = { reg: 0.3, tol: 1e-12, method };
      setKernelBackend('typescript');
      const ts = sinkhorn(a, b, C, opts);
      setKernelBackend('wasm-simd');
      const wasm = sinkhorn(a, b, C, opts);
      expect(wasm.plan.data).toEqual(ts.plan.data);
      expect(wasm.potentials).toEqual(ts.potentials);
      expect(wasm.history).toEqual(ts.history);
    }
  });
});
