// Crossover sizes of `auto` mode, measured on a 2-core x86-64 machine without a GPU: the
// primitives by bench/index.ts (webasm vs the float64 TypeScript path; table in its header), the
// device Sinkhorn by packages/ot/bench/index.ts (against @rg/ot's float64 loop, which is what
// runs below the threshold).
import type { GpuAcceleratorThresholds } from './gpu-accelerator.js';

/**
 * Work sizes from which `createAccelerator({ mode: 'auto' })` sends a call to the float32
 * backend instead of the float64 TypeScript path. Units: multiply-adds (n·k·m for matmul,
 * n·m·d for pairwise distances, n·n·k·degree for the Chebyshev filter, n·m·maxIter for
 * Sinkhorn) or entries (n·m for elementwise kernels and sums). `Infinity` means the float32 path
 * never won on the benchmark machine, so `auto` stays on float64; on a machine with a hardware
 * GPU, measure (bench/index.ts, and @rg/ot's bench for Sinkhorn) and pass
 * `createAccelerator({ thresholds })`. `sinkhorn` is read by @rg/ot's `sinkhorn()`, which keeps
 * smaller problems on its own float64 loop.
 *
 * @example
 * defaultThresholds.pairwiseSqDist // => 67108864
 * defaultThresholds.sinkhorn // => Infinity
 */
export const defaultThresholds: Readonly<GpuAcceleratorThresholds> = Object.freeze({
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
  // the device-resident Sinkhorn on webasm ran 0.31–0.44× the speed of @rg/ot's float64 loop
  // (WebAssembly SIMD) at n = 64 … 4096; it won only against a naive float64 loop
  sinkhorn: Infinity,
});
