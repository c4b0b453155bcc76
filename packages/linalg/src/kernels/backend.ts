// Backend selection for the dense product kernels: WebAssembly SIMD when the host
// supports it and the product is large enough to amortize copying, TypeScript otherwise.
import { InvalidArgumentError } from '../errors.js';
import { gemmTs } from './gemm-ts.js';

/** Which implementation runs the dense products. */
export type KernelBackend = 'wasm-simd' | 'typescript';

/** What {@link kernelInfo} reports about the product kernels. */
export interface KernelInfo {
  /** True when the WebAssembly SIMD module compiled and instantiated on this host. */
  readonly simd: boolean;
  /** The backend used for products at or above the crossover. */
  readonly backend: KernelBackend;
  /** The forced backend, or 'auto' when chosen by size. */
  readonly mode: KernelBackend | 'auto';
  /** Products with fewer multiply-adds (m·n·k) than this run in TypeScript under 'auto'. */
  readonly crossover: number;
}

/** The wasm kernel entry point once loaded; installed by the wasm loader. @internal */
export type GemmImpl = (
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  upper: boolean,
) => void;

let mode: KernelBackend | 'auto' = 'auto';
let wasmGemm: GemmImpl | null = null;

/**
 * Multiply-adds (m·n·k) below which TypeScript beats WebAssembly: under it the O(n²)
 * copies into and out of wasm memory outweigh the faster SIMD inner loop.
 */
export const WASM_CROSSOVER = 0;

/** Install the WebAssembly kernel (called by the loader). @internal */
export function installWasmGemm(impl: GemmImpl | null): void {
  wasmGemm = impl;
}

/**
 * Describe the product kernels available on this host and which one runs.
 *
 * @example
 * typeof kernelInfo().simd // => 'boolean'
 */
export function kernelInfo(): KernelInfo {
  return {
    simd: wasmGemm !== null,
    backend: mode === 'typescript' || wasmGemm === null ? 'typescript' : 'wasm-simd',
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
  const previous = mode;
  mode = backend;
  return previous;
}

/** Dispatch C = op(A)·op(B) to the selected backend. @internal */
export function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  upper = false,
): void {
  if (
    wasmGemm !== null &&
    mode !== 'typescript' &&
    (mode === 'wasm-simd' || m * n * k >= WASM_CROSSOVER)
  ) {
    wasmGemm(transA, transB, m, n, k, a, b, c, upper);
    return;
  }
  gemmTs(transA, transB, m, n, k, a, b, c, upper);
}
