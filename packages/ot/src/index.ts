// Public surface of @rg/ot: named re-exports only.
export type { CostMetric, CostMetricName, Points } from './cost-matrix.js';
export { costMatrix } from './cost-matrix.js';
export { COST_MATRIX_PARALLEL_MIN, costMatrixParallel } from './cost-matrix-parallel.js';
export type { EmdOptions, EmdResult } from './emd.js';
export { emd, emd2 } from './emd.js';
export { gaussianW2 } from './gaussian-w2.js';
export type { CostInput, Weights } from './problem.js';
export type { SinkhornMethod, SinkhornOptions, SinkhornResult } from './sinkhorn.js';
export type { SinkhornAcceleratorInfo } from './sinkhorn-accelerated.js';
export type {
  DeviceSinkhornOptions,
  DeviceSinkhornResult,
  SinkhornAccelerator,
} from './sinkhorn-accelerator.js';
export { sinkhorn } from './sinkhorn.js';
export type { SinkhornParallelOptions } from './sinkhorn-parallel.js';
export { SINKHORN_PARALLEL_MIN, sinkhornParallel } from './sinkhorn-parallel.js';
export type {
  SinkhornBarycenterOptions,
  SinkhornBarycenterResult,
} from './sinkhorn-barycenter.js';
export { sinkhornBarycenter } from './sinkhorn-barycenter.js';
export type {
  SinkhornNewtonSparseOptions,
  SinkhornNewtonSparseResult,
} from './sinkhorn-newton-sparse.js';
export { sinkhornNewtonSparse } from './sinkhorn-newton-sparse.js';
export type { SlicedWassersteinOptions } from './sliced-wasserstein.js';
export { slicedWasserstein } from './sliced-wasserstein.js';
export type { Wasserstein1DOptions } from './wasserstein-1d.js';
export { wasserstein1D } from './wasserstein-1d.js';
