// Public surface of @rg/gpu: named re-exports only.
export type { CreateAcceleratorOptions } from './create-accelerator.js';
export { createAccelerator } from './create-accelerator.js';
export { defaultThresholds } from './default-thresholds.js';
export type {
  GpuAccelerator,
  GpuAcceleratorThresholds,
  GpuSinkhornOptions,
  GpuSinkhornResult,
} from './gpu-accelerator.js';
export { referenceKernels } from './reference-kernels.js';
