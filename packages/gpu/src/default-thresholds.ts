// Crossover sizes of `auto` mode, measured by bench/index.ts on a 2-core x86-64 machine without
// a GPU (webasm vs the float64 TypeScript path; see the table in bench/index.ts).
import type { AcceleratorThresholds } from '@rg/linalg';

/**
 * Work sizes from which `createAccelerator({ mode: 'auto' })` sends a call to the float32
 * backend instead of the float64 TypeScript path. Units: multiply-adds (n·k·m for matmul,
 * n·m·d for pairwise distances, n·n·k·degree for the Chebyshev filter, n·m·iterations for
 * Sinkhorn) or entries (n·m for elementwise kernels and sums). Override any of them with
 * `createAccelerator({ thresholds })`.
 *
 * @example
 * defaultThresholds.matmul > 0 // => true
 */
export const defaultThresholds: Readonly<AcceleratorThresholds> = Object.freeze({
  matmul: 2 ** 21,
  batchedMatmul: 2 ** 20,
  pairwiseSqDist: 2 ** 20,
  gibbsKernel: 2 ** 18,
  kernelMatvec: Infinity,
  logSumExp: 2 ** 16,
  gram: 2 ** 21,
  sums: Infinity,
  chebyshevFilter: 2 ** 22,
  sinkhorn: 2 ** 22,
});
