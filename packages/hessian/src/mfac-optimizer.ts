// M-FAC as an optimizer: SGD with momentum preconditioned by a sliding-window empirical Fisher (Frantar, Kurtic & Alistarh 2021, §4); since 0.x an sgd of @rg/optim with the mfacPreconditioner transform.
import { checkFiniteNumber, checkInRange, checkOptions, checkPositive } from '@rg/linalg';
import { type Optimizer, sgd } from '@rg/optim';
import { mfacPreconditioner } from './mfac-preconditioner.js';

/** Options of {@link mfacOptimizer}. */
export interface MfacOptimizerOptions {
  /** step size (default 1e-3) */
  lr?: number;
  /** momentum in [0, 1) (default 0) */
  momentum?: number;
  /** L2 weight decay added to the preconditioned step (default 0) */
  weightDecay?: number;
  /** gradient window length (default 1024, the paper's optimizer setting) */
  m?: number;
  /** damping λ (default 1e-5) */
  damp?: number;
}

/**
 * The optimizer returned by {@link mfacOptimizer}.
 *
 * @deprecated Use `Optimizer` from `@rg/optim`; this alias stays through 0.x.
 * @example
 * const opt: MfacOptimizer = mfacOptimizer({ lr: 0.1, m: 8 });
 * opt.steps // => 0
 */
export type MfacOptimizer = Optimizer;

/**
 * Preconditioned SGD: each step adds the gradient to a {@link SlidingWindowMFAC} window,
 * takes `d = F⁻¹ g + wd·θ`, `buf ← μ buf + d`, `θ ← θ − lr·buf`. It is
 * `sgd({ lr, momentum, weightDecay, precondition: mfacPreconditioner({ m, damp }) })` of
 * @rg/optim, so it also has `step` over named parameters, `state()` and `loadState()`. Works
 * with @rg/nn's `train`. The window is sized on the first step.
 *
 * @deprecated Use `sgd` of `@rg/optim` with `precondition: mfacPreconditioner({ m, damp })`;
 *   this alias stays through 0.x.
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), weightDecay < 0, m < 1 or damp ≤ 0
 * @example
 * const opt = mfacOptimizer({ lr: 1, m: 4, damp: 1 });
 * const p = Float64Array.from([1, 1]);
 * opt.stepInPlace(p, Float64Array.from([1, 0])); // F = I + e₁e₁ᵀ, F⁻¹g = [0.5, 0]
 * p // => ~[0.5, 1]
 */
export function mfacOptimizer(options: MfacOptimizerOptions = {}): Optimizer {
  const fn = 'mfacOptimizer';
  const {
    lr = 1e-3,
    momentum = 0,
    weightDecay = 0,
    m = 1024,
    damp = 1e-5,
  } = checkOptions(fn, 'options', options);
  // checked here so the errors name mfacOptimizer(), not the sgd() it builds on
  checkPositive(fn, 'lr', lr);
  checkPositive(fn, 'weightDecay', weightDecay, true);
  // NaN and ±∞ stay a NonFiniteError (checkFiniteNumber), the range an InvalidArgumentError
  checkInRange(fn, 'momentum', checkFiniteNumber(fn, 'momentum', momentum), 0, 1, false, true);
  return sgd({ lr, momentum, weightDecay, precondition: mfacPreconditioner({ m, damp }) });
}
