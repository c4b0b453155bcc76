// The structural Accelerator interface: declared here so that domain packages accept
// `{ accelerator }` without depending on @rg/gpu at runtime. Types only; @rg/gpu's
// createAccelerator() returns an implementation. Linear-algebra primitives only: a fused,
// domain-specific device loop (such as Sinkhorn scaling) is an interface of the domain
// package that needs it (@rg/ot's `SinkhornAccelerator`), which an accelerator may also implement.
import type { Matrix } from './matrix.js';

/** A backend an accelerator can run on (gpu.js 2.24 modes). */
export type AcceleratorMode = 'cpu' | 'webasm' | 'headlessgl' | 'webgl' | 'webgl2' | 'webgpu';

/** What a caller may ask for: a backend, or `'auto'` (best available, small calls on float64). */
export type AcceleratorModeRequest = 'auto' | AcceleratorMode;

/** One backend that was tried and not used, and why. */
export interface AcceleratorFallback {
  mode: AcceleratorMode;
  reason: string;
}

/** Size limits of the backend in use. */
export interface AcceleratorLimits {
  /** largest texture side (GL) or Infinity where there are no textures */
  maxTextureSize: number;
  /** largest number of entries one argument or result may hold */
  maxElements: number;
  /** largest output block (rows or columns) computed in one kernel launch; larger outputs are tiled */
  tileSize: number;
}

/**
 * Work sizes (multiply-adds, or entries for elementwise kernels) from which a call runs on
 * the accelerator; smaller calls take the float64 TypeScript path. `0` means always accelerate,
 * `Infinity` never.
 */
export interface AcceleratorThresholds {
  matmul: number;
  batchedMatmul: number;
  pairwiseSqDist: number;
  gibbsKernel: number;
  kernelMatvec: number;
  logSumExp: number;
  gram: number;
  sums: number;
  chebyshevFilter: number;
}

/** Options of {@link Accelerator.chebyshevFilter}. */
export interface ChebyshevFilterOptions {
  /** spectrum interval [lambdaMin, lambdaMax] of L mapped onto [−1, 1] (default [−1, 1]) */
  lambdaMin?: number;
  lambdaMax?: number;
}

/**
 * A float32 compute backend for the heavy, regular loops of the domain packages: dense
 * products, distances, the elementwise Gibbs kernel and its mat-vecs, log-sum-exp reductions,
 * sums and a Chebyshev matrix polynomial. Every method validates its input and throws
 * @rg/linalg's typed errors; results are float64 arrays holding float32-accurate values (see
 * `precision`). An implementation may offer more (e.g. @rg/gpu's accelerator also implements
 * @rg/ot's device Sinkhorn), but domain functions that take an `Accelerator` use only these members.
 */
export interface Accelerator {
  /** the backend actually in use */
  readonly mode: AcceleratorMode;
  /** what was asked for */
  readonly requestedMode: AcceleratorModeRequest;
  readonly precision: 'float32';
  /** true when kernel calls return Promises (never, for the synchronous backends offered today) */
  readonly async: boolean;
  readonly limits: Readonly<AcceleratorLimits>;
  /** backends tried before `mode`, with the reason each was not used */
  readonly fallbacks: readonly AcceleratorFallback[];
  readonly thresholds: Readonly<AcceleratorThresholds>;
  readonly disposed: boolean;
  /** A·B */
  matmul(a: Matrix, b: Matrix): Matrix;
  /** A_i·B_i for every i, all in one launch */
  batchedMatmul(a: readonly Matrix[], b: readonly Matrix[]): Matrix[];
  /** D_ij = ‖x_i − y_j‖² for the rows of X (n×d) and Y (m×d) */
  pairwiseSqDist(x: Matrix, y: Matrix): Matrix;
  /** K = exp(−C/ε) */
  gibbsKernel(c: Matrix, eps: number): Matrix;
  /** K·v */
  kernelMatvec(k: Matrix, v: ArrayLike<number>): Float64Array;
  /** Kᵀ·u */
  kernelMatvecTrans(k: Matrix, u: ArrayLike<number>): Float64Array;
  /** r_i = log Σ_j exp((f_i + g_j − C_ij)/ε) */
  logSumExpRows(f: ArrayLike<number>, g: ArrayLike<number>, c: Matrix, eps: number): Float64Array;
  /** s_j = log Σ_i exp((f_i + g_j − C_ij)/ε) */
  logSumExpCols(f: ArrayLike<number>, g: ArrayLike<number>, c: Matrix, eps: number): Float64Array;
  /** G·Gᵀ */
  gram(g: Matrix): Matrix;
  rowSums(a: Matrix): Float64Array;
  colSums(a: Matrix): Float64Array;
  /** Σ_k c_k T_k(L̃)·X with L̃ = (2L − (λmax + λmin)I)/(λmax − λmin), by the three-term recurrence */
  chebyshevFilter(
    l: Matrix,
    x: Matrix,
    coeffs: ArrayLike<number>,
    options?: ChebyshevFilterOptions,
  ): Matrix;
  /** free every kernel, texture and context; later calls throw InvalidArgumentError */
  dispose(): void;
}
