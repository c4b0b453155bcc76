import { afterEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError, kernelInfo, setKernelBackend } from '../index.js';

afterEach(() => {
  setKernelBackend('auto');
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
});
