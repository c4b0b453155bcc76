// The fused device Sinkhorn (Cuturi 2013, "Sinkhorn distances") as a structural interface:
// declared here, in the package that owns the algorithm, so that @rg/linalg's Accelerator stays
// linear-algebra primitives only and @rg/gpu implements this without depending on @rg/ot.
// Types only.
import type { AcceleratorMode, IterativeOptions, IterativeResult, Matrix } from '@rg/linalg';

/** Options of {@link SinkhornAccelerator.sinkhorn}. */
export interface DeviceSinkhornOptions extends IterativeOptions {
  /** entropic regularization ε > 0 (the Gibbs kernel is K = exp(−C/ε)) */
  reg: number;
  /**
   * the stopping rule of @rg/ot's float64 loop: the marginal error is measured after
   * iteration 1, 1 + checkEvery, 1 + 2·checkEvery, … and after the last, and the loop stops at
   * the first check where it is below `tol` (default 10)
   */
  checkEvery?: number;
}

/**
 * Result of {@link SinkhornAccelerator.sinkhorn}: the scalings of the plan diag(u) K diag(v) and
 * the same loop statistics as @rg/ot's float64 loop.
 */
export interface DeviceSinkhornResult extends IterativeResult {
  /** row scaling (device values, e.g. float32, widened to float64) */
  u: Float64Array;
  /** column scaling */
  v: Float64Array;
  /**
   * ‖v ⊙ Kᵀu − b‖₂ at the last check, measured on the device after the u-update (so the row
   * marginal u ⊙ Kv = a holds to the device's rounding); equal to `residual`
   */
  marginalError: number;
  /** the marginal error at every check */
  history: { iteration: number; marginalError: number }[];
}

/**
 * An accelerator that runs Sinkhorn scaling with K = exp(−C/ε), u and v resident on the device,
 * as `sinkhorn(a, b, C, { accelerator })` uses it. @rg/gpu's `createAccelerator()` returns one.
 *
 * The device loop starts from u = 1/n, v = 1/m and repeats v ← b ⊘ Kᵀu, u ← a ⊘ Kv (the update
 * order of the float64 loop) under the stopping rule of {@link DeviceSinkhornOptions.checkEvery};
 * with `strict` it throws ConvergenceError when `tol` is not reached, it throws AbortError when
 * `signal` is aborted (looked at on every check) and NonFiniteError when the scalings under- or
 * overflow. `sinkhorn()` calls it only for problems with n·m·maxIter ≥ `thresholds.sinkhorn`;
 * below that it runs its float64 loop and says so in `result.accelerator`.
 *
 * @example
 * import { createAccelerator } from '@rg/gpu';
 * import { fromRows } from '@rg/linalg';
 * const C = fromRows([[0, 1], [1, 0]]);
 * const device = createAccelerator({ mode: 'webasm' }); // explicit mode: thresholds.sinkhorn = 0
 * sinkhorn([0.5, 0.5], [0.5, 0.5], C, { reg: 0.5, tol: 1e-6, accelerator: device }).accelerator // => { mode: 'webasm', computedOn: 'webasm', precision: 'float32' }
 * const small = createAccelerator({ mode: 'webasm', thresholds: { sinkhorn: 1e6 } });
 * sinkhorn([0.5, 0.5], [0.5, 0.5], C, { reg: 0.5, accelerator: small }).accelerator.computedOn // => 'float64'
 * device.dispose();
 * small.dispose();
 */
export interface SinkhornAccelerator {
  /** the backend the device loop runs on */
  readonly mode: AcceleratorMode;
  /** arithmetic of the device loop */
  readonly precision: 'float32' | 'float64';
  /** work size n·m·maxIter from which `sinkhorn()` uses the device (`0`: always, `Infinity`: never) */
  readonly thresholds: { readonly sinkhorn: number };
  /** Sinkhorn scaling of the n×m problem (a, b > 0, equal mass) on the device */
  sinkhorn(
    a: Float64Array,
    b: Float64Array,
    cost: Matrix,
    options: DeviceSinkhornOptions,
  ): DeviceSinkhornResult;
}
