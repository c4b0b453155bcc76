// Crossover sizes of `auto` mode, measured by bench/index.ts on a 2-core x86-64 machine without
// a GPU (webasm vs the float64 TypeScript path; see the table in bench/index.ts).
import type { AcceleratorThresholds } from '@rg/linalg';

/**
 * Work sizes from which `createAccelerator({ mode: 'auto' })` sends a call to the float32
 * backend instead of the float64 TypeScript path. Units: multiply-adds (n·k·m for matmul,
 * n·m·d for pairwise distances, n·n·k·degree for the Chebyshev filter, n·m·iterations for
 * Sinkhorn, with maxIter) or entries (n·m for elementwise kernels and sums). `Infinity` means
 * the float32 path never won on the benchmark machine, so `auto` stays on float64; on a machine
 * with a hardware GPU, measure (bench/index.ts) and pass `createAccelerator({ thresholds })`.
 *
 * @example
 * defaultThresholds.sinkhorn // => 3276800
 */
export const defaultThresholds: Readonly<AcceleratorThresholds> = Object.freeze({
  // @rg/linalg's blocked float64 WebAssembly products beat gpu.js webasm 5–30× at every size
  matmul: Infinity,
  batchedMatmul: Infinity,
  gram: Infinity,
  chebyshevFilter: Infinity,
  // webasm first matched the float64 loop at n = m = 2048, d = 16
  pairwiseSqDist: 2 ** 26,
  // exp-bound and memory-bound kernels: the float32 copies in and out cost more than they save
  gibbsKernel: Infinity,
  kernelMatvec: Infinity,
  logSumExp: Infinity,
  sums: Infinity,
  // device-resident Sinkhorn on webasm won from 256×256 (50 iterations: 256·256·50)
  sinkhorn: 256 * 256 * 50,
});
