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
 * Describe the WebAssembly SIMD kernels available on this host and which backend runs.
 * The kernels come as small embedded modules (products; tridiagonalization; QL; …), each
 * under 4 KB and compiled synchronously on first use with `new WebAssembly.Module`, so every
 * call stays synchronous in Node and browsers (older Chromium allows synchronous compilation on
 * the main thread only below 4 KB). If compilation or instantiation throws, or the host lacks
 * WebAssembly SIMD, `simd` is false and everything runs in TypeScript. The modules share one
 * WebAssembly.Memory owned by the loader: operands are copied in and results copied out; it
 * grows to the largest operation seen and is kept for reuse (one that would need more than
 * 4 GiB runs in TypeScript). `crossover` is the product size from which 'auto' picks
 * WebAssembly; the other kernels have their own measured crossovers.
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
 * Force the backend of the WebAssembly SIMD kernels — the dense products (`matmul`,
 * `matmulTransA`, `matmulTransB`, `gram`) and the kernels built on them or beside them (the
 * tridiagonalization and QL of `eigh`, …) — or restore size-based selection with 'auto'.
 * Every WebAssembly kernel has a TypeScript twin that rounds identically, so results do not
 * depend on the backend. Forcing 'wasm-simd' where WebAssembly SIMD is unavailable falls back
 * to TypeScript (see {@link kernelInfo}). The setting is global to the module instance;
 * returns the previous mode.
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
