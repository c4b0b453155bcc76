// The public switch of the dense product kernels: which backend runs matmul and friends.
import { InvalidArgumentError } from './errors.js';
import {
  type KernelBackend,
  type KernelInfo,
  kernelMode,
  setKernelMode,
  WASM_CROSSOVER,
  wasmAvailable,
} from './kernels/backend.js';

/**
 * Describe the product kernels available on this host and which one runs.
 * The WebAssembly module (about 2.5 KB, embedded) is compiled synchronously on first use
 * with `new WebAssembly.Module`, so products stay synchronous in Node and browsers;
 * Chromium's main thread allows synchronous compilation only for modules under 4 KB,
 * which this one is. If compilation or instantiation throws, or the host lacks
 * WebAssembly SIMD, `simd` is false and everything runs in TypeScript. The module works
 * in one WebAssembly.Memory owned by the loader: operands are copied in and the result
 * copied out; it grows to the largest product seen and is kept for reuse (a product that
 * would need more than 4 GiB runs in TypeScript).
 *
 * @example
 * typeof kernelInfo().simd // => 'boolean'
 */
export function kernelInfo(): KernelInfo {
  const simd = wasmAvailable();
  const mode = kernelMode();
  return {
    simd,
    backend: mode === 'typescript' || !simd ? 'typescript' : 'wasm-simd',
    mode,
    crossover: WASM_CROSSOVER,
  };
}

/**
 * Force the backend of the dense products (`matmul`, `matmulTransA`, `matmulTransB`,
 * `gram`), or restore size-based selection with 'auto'. Forcing 'wasm-simd' where
 * WebAssembly SIMD is unavailable falls back to TypeScript (see {@link kernelInfo}).
 * The setting is global to the module instance; returns the previous mode.
 *
 * @throws {InvalidArgumentError} on an unknown backend name
 * @example
 * setKernelBackend('typescript');
 * kernelInfo().backend // => 'typescript'
 * setKernelBackend('auto'); // => 'typescript'
 */
export function setKernelBackend(backend: KernelBackend | 'auto'): KernelBackend | 'auto' {
  if (backend !== 'auto' && backend !== 'typescript' && backend !== 'wasm-simd')
    throw new InvalidArgumentError(
      `setKernelBackend(): backend must be 'auto', 'typescript' or 'wasm-simd' (got ${String(backend)})`,
    );
  return setKernelMode(backend);
}
