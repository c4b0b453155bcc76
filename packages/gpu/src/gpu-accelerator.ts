// What createAccelerator() returns: @rg/linalg's Accelerator (linear-algebra primitives) plus a
// device-resident Sinkhorn loop that matches @rg/ot's `SinkhornAccelerator` structurally, so
// `sinkhorn(a, b, C, { accelerator })` of @rg/ot accepts it while neither package imports the
// other at runtime. Types only.
import type {
  Accelerator,
  AcceleratorMode,
  AcceleratorThresholds,
  IterativeOptions,
  IterativeResult,
  Matrix,
} from '@rg/linalg';

/** The primitives' thresholds, plus the work size n·m·maxIter of the device Sinkhorn. */
export interface GpuAcceleratorThresholds extends AcceleratorThresholds {
  /**
   * work size n·m·maxIter from which @rg/ot's `sinkhorn()` hands a problem to
   * {@link GpuAccelerator.sinkhorn}; below it @rg/ot runs its own float64 loop.
   * `accelerator.sinkhorn()` itself always runs on the device.
   */
  sinkhorn: number;
}

/** Options of {@link GpuAccelerator.sinkhorn} (@rg/ot's `DeviceSinkhornOptions`). */
export interface GpuSinkhornOptions extends IterativeOptions {
  /** entropic regularization ε > 0 (the Gibbs kernel is K = exp(−C/ε)) */
  reg: number;
  /**
   * the marginal error is measured after iteration 1, 1 + checkEvery, 1 + 2·checkEvery, … and
   * after the last (the stopping rule of @rg/ot's float64 loop; default 10)
   */
  checkEvery?: number;
}

/** Result of {@link GpuAccelerator.sinkhorn} (@rg/ot's `DeviceSinkhornResult`). */
export interface GpuSinkhornResult extends IterativeResult {
  /** row scaling: float32 device values widened to float64 */
  u: Float64Array;
  /** column scaling */
  v: Float64Array;
  /** ‖v ⊙ Kᵀu − b‖₂ at the last check, the float32 column gaps summed in float64; equals `residual` */
  marginalError: number;
  /** the marginal error at every check */
  history: { iteration: number; marginalError: number }[];
}

/**
 * The accelerator of @rg/gpu: every primitive of @rg/linalg's `Accelerator`, and Sinkhorn
 * scaling with K = exp(−C/ε), u and v resident on the device (what @rg/ot's
 * `sinkhorn(..., { accelerator })` calls for problems at or above `thresholds.sinkhorn`).
 */
export interface GpuAccelerator extends Accelerator {
  readonly mode: AcceleratorMode;
  readonly thresholds: Readonly<GpuAcceleratorThresholds>;
  /**
   * Sinkhorn scaling on the device in float32: from u = 1/n, v = 1/m, repeat v ← b ⊘ Kᵀu,
   * u ← a ⊘ Kv; after iteration 1, 1 + checkEvery, … and the last, read back the column gaps
   * v ⊙ Kᵀu − b, report their 2-norm (onProgress, history), honour `signal`, and stop below
   * `tol`. Only the scalings and the gaps cross back to the host. There is no float64 path and
   * no threshold here: @rg/ot's `sinkhorn()` decides, with `thresholds.sinkhorn`.
   */
  sinkhorn(
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    c: Matrix,
    options: GpuSinkhornOptions,
  ): GpuSinkhornResult;
}
