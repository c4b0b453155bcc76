import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  gram,
  InvalidArgumentError,
  NonFiniteError,
  kernelInfo,
  type Matrix,
  matmul,
  matmulTransA,
  matmulTransB,
  rng,
  setKernelBackend,
  zeros,
} from '../index.js';
import { KERNELS_WASM_BASE64 } from '../wasm/kernels.generated.js';

function random(m: number, n: number, seed: number): Matrix {
  const g = rng(seed);
  const a = zeros(m, n);
  for (let i = 0; i < a.data.length; i++) a.data[i] = g.normal();
  return a;
}

afterEach(() => {
  setKernelBackend('auto');
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('kernelInfo / setKernelBackend', () => {
  it("setKernelBackend('typescript') forces the TypeScript kernels and returns the previous mode", () => {
    expect(setKernelBackend('typescript')).toBe('auto');
    expect(kernelInfo()).toMatchObject({ backend: 'typescript', mode: 'typescript' });
    expect(setKernelBackend('auto')).toBe('typescript');
  });

  it("setKernelBackend('wasm-simd') selects WebAssembly exactly when SIMD is available", () => {
    setKernelBackend('wasm-simd');
    const info = kernelInfo();
    expect(info.backend).toBe(info.simd ? 'wasm-simd' : 'typescript');
    expect(info.crossover).toBeGreaterThanOrEqual(0);
  });

  it('setKernelBackend(name) throws InvalidArgumentError on an unknown name', () => {
    expect(() => setKernelBackend('gpu' as 'auto')).toThrow(InvalidArgumentError);
    expect(kernelInfo().mode).toBe('auto');
  });

  it('kernelInfo() reports WebAssembly SIMD on Node ≥ 20 and a measured crossover', () => {
    // Node 20 ships SIMD; if this fails the wasm tests elsewhere would silently be skipped.
    expect(kernelInfo()).toMatchObject({ simd: true, backend: 'wasm-simd', mode: 'auto' });
    expect(kernelInfo().crossover).toBe(216);
  });

  it('RG_KERNEL_BACKEND=typescript forces the TypeScript kernels at module load', async () => {
    vi.stubEnv('RG_KERNEL_BACKEND', 'typescript');
    vi.resetModules();
    const fresh = await import('../index.js');
    expect(fresh.kernelInfo()).toMatchObject({ backend: 'typescript', mode: 'typescript' });
  });

  it('products fall back to TypeScript when the host rejects the SIMD module', async () => {
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    vi.resetModules();
    const fresh = await import('../index.js');
    expect(fresh.kernelInfo()).toMatchObject({ simd: false, backend: 'typescript' });
    fresh.setKernelBackend('wasm-simd');
    const a = fresh.fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(fresh.toRows(fresh.matmulTransB(a, a))).toEqual([
      [14, 32],
      [32, 77],
    ]);
  });

  it('the TypeScript and WebAssembly backends give bitwise-identical products and Gram matrices', () => {
    // Above the direct-loop cutoff (m·n·k > 125) both split the sum over k into the same
    // KC = 256 blocks, accumulate each block in order from zero with a separate multiply
    // and add (no FMA in either), then add it to C; so every entry rounds identically.
    let seed = 1;
    for (const [m, k, n] of [
      [7, 9, 11],
      [65, 300, 130],
      [5, 3, 1030],
      [257, 257, 33],
    ]) {
      const a = random(m, k, seed++);
      const b = random(k, n, seed++);
      const at = random(k, m, seed++);
      const bt = random(n, k, seed++);
      const run = () => [
        matmul(a, b).data,
        matmulTransA(at, b).data,
        matmulTransB(a, bt).data,
        gram(a).data,
        gram(a, 'AAt').data,
      ];
      setKernelBackend('typescript');
      const ts = run();
      setKernelBackend('wasm-simd');
      const wasm = run();
      // Counted by hand: a deep toEqual over 10⁵ entries costs seconds.
      let mismatches = 0;
      for (let q = 0; q < ts.length; q++) {
        expect(wasm[q].length).toBe(ts[q].length);
        for (let i = 0; i < ts[q].length; i++) if (!Object.is(wasm[q][i], ts[q][i])) mismatches++;
      }
      expect(mismatches).toBe(0);
    }
  });

  it('the embedded WebAssembly module stays under the 4 KB limit of synchronous compilation in Chromium', () => {
    const bytes = atob(KERNELS_WASM_BASE64).length;
    expect(bytes).toBeGreaterThan(8);
    expect(bytes).toBeLessThan(4096);
  });

  it('every product rejects NaN and ±Infinity on both backends, naming the entry and leaving out untouched', () => {
    for (const backend of ['typescript', 'wasm-simd'] as const) {
      setKernelBackend(backend);
      for (const bad of [Number.NaN, Infinity, -Infinity]) {
        // 20×21 operands: above the wasm crossover, with a remainder after the 4-wide scan.
        const a = random(20, 21, 1);
        const b = random(21, 20, 2);
        a.data[417] = bad;
        b.data[5] = bad;
        const out = zeros(20, 20);
        out.data.fill(3);
        expect(() => matmul(a, random(21, 20, 3), out)).toThrow(/matmul\(\): a\[19, 18\]/);
        expect(() => matmul(random(20, 21, 4), b, out)).toThrow(/matmul\(\): b\[0, 5\]/);
        expect(() => matmulTransA(b, random(21, 20, 5))).toThrow(NonFiniteError);
        expect(() => matmulTransB(a, random(20, 21, 6))).toThrow(NonFiniteError);
        expect(() => gram(a)).toThrow(/gram\(\): a\[19, 18\]/);
        expect(() => gram(a, 'AAt', out)).toThrow(NonFiniteError);
        expect(out.data.every((v) => v === 3)).toBe(true);
      }
    }
  });
});
