import { checkOptions } from '@rg/linalg';
// Sign descent: steepest descent under the ℓ∞ norm through its linear minimization oracle
// (Bernstein et al. 2018, "signSGD"; Pethick et al. 2025, "Training deep learning models with
// norm-constrained LMOs").
import { createOptimizer, resolveLearningRate } from './internal/engine.js';
import { momentumSettings } from './internal/lmo-options.js';
import { lmoRule, signLmo } from './internal/lmo-rule.js';
import type { Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link signDescent}. */
export interface SignDescentOptions {
  /** step size or schedule: every entry moves by exactly lr (default 1e-3) */
  lr?: number | Schedule;
  /** momentum μ in [0, 1) of the buffer buf ← μ·buf + g whose sign is taken (default 0) */
  momentum?: number;
  /** step along sign(g + μ·buf) instead of sign(buf) (default false) */
  nesterov?: boolean;
  /** decoupled weight decay λ ≥ 0: x ← (1 − lr·λ)·x before the step (default 0) */
  weightDecay?: number;
}

/**
 * Sign descent (signSGD; with momentum "Signum"): x ← x − lr·sign(d), d the gradient or its
 * momentum buffer. sign(d) is the linear minimization oracle of the ℓ∞ unit ball,
 * argmax_{‖D‖∞ ≤ 1} ⟨d, D⟩, so each step is the steepest step of ℓ∞ length lr; its dual norm
 * is ℓ1 (⟨d, sign d⟩ = ‖d‖₁). Entries with d = 0 do not move. On a curved manifold the
 * Riemannian gradient is used, the sign direction is projected onto the tangent space and
 * the step is a retraction; the momentum buffer is transported.
 *
 * @param options - lr, momentum, nesterov, weightDecay
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), nesterov without
 *   momentum or weightDecay < 0; `step` throws ShapeError, NonFiniteError or
 *   InvalidArgumentError on a bad parameter
 * @example
 * const opt = signDescent({ lr: 0.1 });
 * const x = Float64Array.from([1, 1, 1]);
 * opt.stepInPlace(x, Float64Array.from([3, -0.001, 0]));
 * x // => ~[0.9, 1.1, 1]
 */
export function signDescent(options: SignDescentOptions = {}): Optimizer {
  const fn = 'signDescent';
  checkOptions(fn, 'options', options);
  const lr = resolveLearningRate(fn, options.lr ?? 1e-3);
  const m = momentumSettings(fn, options, { momentum: 0, nesterov: false });
  const rule = {
    kind: 'sign-descent',
    secondMoment: false,
    maxSecondMoment: false,
    ...lmoRule({ kind: 'sign-descent', lmo: signLmo, scale: () => 1, ...m }),
  };
  return createOptimizer(fn, 'sign-descent', lr, rule, undefined);
}
