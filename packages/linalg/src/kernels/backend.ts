// Backend selection for the dense product kernels: WebAssembly SIMD when the host
// supports it and the product is large enough to amortize copying, TypeScript otherwise.
// Kernel layer: the public switch (kernelInfo, setKernelBackend) lives in ../kernel-backend.ts.
import { loadWasmGemm } from '../wasm/loader.js';
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
) => boolean;

/** Read RG_KERNEL_BACKEND from the environment where there is one (Node), else 'auto'. */
function initialMode(): KernelBackend | 'auto' {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.RG_KERNEL_BACKEND;
  return env === 'typescript' || env === 'wasm-simd' ? env : 'auto';
}

let mode: KernelBackend | 'auto' = initialMode();
/** undefined until first use: the module is compiled lazily, on the first product. */
let wasmGemm: GemmImpl | null | undefined;

function wasm(): GemmImpl | null {
  if (wasmGemm === undefined) wasmGemm = loadWasmGemm();
  return wasmGemm;
}

/**
 * Multiply-adds (m·n·k) below which TypeScript beats WebAssembly: under it the O(n²)
 * copies into and out of wasm memory outweigh the faster SIMD inner loop. Measured on
 * square products (Node 20, x86-64): n = 4 TypeScript 0.44 µs vs wasm 0.59 µs; n = 6
 * 0.80 µs vs 0.61 µs; n = 8 1.6 µs vs 0.63 µs; so the switch sits at 6³ = 216.
 */
export const WASM_CROSSOVER = 216;

/**
 * True when a kernel of this size should run on WebAssembly: never under 'typescript', always
 * under 'wasm-simd', and from the kernel's measured crossover up under 'auto'. The caller falls
 * back to the TypeScript twin when the module is unavailable.
 *
 * @internal
 */
export function preferWasm(size: number, crossover: number): boolean {
  return mode !== 'typescript' && (mode === 'wasm-simd' || size >= crossover);
}

/** The current backend mode ('auto' unless forced). @internal */
export function kernelMode(): KernelBackend | 'auto' {
  return mode;
}

/** Set the backend mode without validation (the public setKernelBackend checks it). @internal */
export function setKernelMode(next: KernelBackend | 'auto'): KernelBackend | 'auto' {
  const previous = mode;
  mode = next;
  return previous;
}

/** True when the WebAssembly SIMD module compiled and instantiated on this host. @internal */
export function wasmAvailable(): boolean {
  return wasm() !== null;
}

/**
 * Dispatch C = op(A)·op(B) to the selected backend; false (C untouched) when an operand has
 * a non-finite entry, found by the kernel's own scan so validation costs no extra pass.
 *
 * @internal
 */
export function gemmDispatch(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  upper = false,
): boolean {
  if (mode !== 'typescript' && (mode === 'wasm-simd' || m * n * k >= WASM_CROSSOVER)) {
    const impl = wasm();
    if (impl !== null) return impl(transA, transB, m, n, k, a, b, c, upper);
  }
  return gemmTs(transA, transB, m, n, k, a, b, c, upper);
}
