// Spectral descent: steepest descent under the spectral norm through its linear minimization
// oracle, the polar factor UVᵀ (Carlson et al. 2015, "Stochastic spectral descent"; Bernstein &
// Newhouse 2024, "Old optimizer, new norm").
import { checkOptions, InvalidArgumentError } from '@rg/linalg';
import { createOptimizer, resolveLearningRate } from './internal/engine.js';
import { momentumSettings } from './internal/lmo-options.js';
import { lmoRule, newtonSchulzLmo, svdLmo } from './internal/lmo-rule.js';
import type { NewtonSchulzOptions } from './newton-schulz.js';
import { newtonSchulzCoefficients } from './newton-schulz.js';
import type { Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link spectralDescent}. */
export interface SpectralDescentOptions extends NewtonSchulzOptions {
  /** step size or schedule: the spectral norm of each matrix's step (default 0.02) */
  lr?: number | Schedule;
  /** momentum μ in [0, 1) of the buffer buf ← μ·buf + g that is orthogonalized (default 0) */
  momentum?: number;
  /** orthogonalize g + μ·buf instead of buf (default false) */
  nesterov?: boolean;
  /** decoupled weight decay λ ≥ 0: x ← (1 − lr·λ)·x before the step (default 0) */
  weightDecay?: number;
  /**
   * how the polar factor is computed: 'newton-schulz' (default; `steps` and `coefficients` as
   * in {@link newtonSchulz}) or 'svd' (the exact U_rV_rᵀ over the non-zero singular values)
   */
  orthogonalize?: 'newton-schulz' | 'svd';
}

/**
 * Spectral descent: each matrix parameter moves by X ← X − lr·UVᵀ, where UΣVᵀ is the SVD of
 * its gradient (or momentum buffer). UVᵀ is the linear minimization oracle of the spectral-norm
 * unit ball, argmax_{‖D‖₂ ≤ 1} ⟨d, D⟩, so the step has spectral norm lr; the dual norm is the
 * nuclear norm (⟨d, UVᵀ⟩ = ‖d‖_*). By default the polar factor is approximated by
 * {@link newtonSchulz} (products only; singular values end in [0.68, 1.21] rather than at 1).
 * A vector parameter (one row or one column) is normalized: x ← x − lr·d/‖d‖₂ (with
 * Newton–Schulz times its one singular value's image p⁵(1) ≈ 0.70). On a curved
 * manifold the Riemannian gradient is used, the direction is projected onto the tangent space
 * and the step is a retraction.
 *
 * @param options - lr, momentum, nesterov, weightDecay, orthogonalize, steps, coefficients
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), nesterov without
 *   momentum, weightDecay < 0, an unknown `orthogonalize` or bad Newton–Schulz options
 * @example
 * import { fromRows } from '@rg/linalg';
 * // the exact LMO: a step of spectral norm lr along −UVᵀ
 * const w = { name: 'W', value: fromRows([[1, 0], [0, 1]]), grad: fromRows([[2, 0], [0, 0.5]]) };
 * spectralDescent({ lr: 0.1, orthogonalize: 'svd' }).step([w]);
 * w.value // => ~[[0.9, 0], [0, 0.9]]
 */
export function spectralDescent(options: SpectralDescentOptions = {}): Optimizer {
  const fn = 'spectralDescent';
  checkOptions(fn, 'options', options);
  const lr = resolveLearningRate(fn, options.lr ?? 0.02);
  const m = momentumSettings(fn, options, { momentum: 0, nesterov: false });
  const how = options.orthogonalize ?? 'newton-schulz';
  if (how !== 'newton-schulz' && how !== 'svd')
    throw new InvalidArgumentError(
      `${fn}(): orthogonalize must be 'newton-schulz' or 'svd' (got ${String(how)})`,
    );
  const lmo = how === 'svd' ? svdLmo : newtonSchulzLmo(newtonSchulzCoefficients(fn, options));
  const rule = {
    kind: 'spectral-descent',
    secondMoment: false,
    maxSecondMoment: false,
    ...lmoRule({ kind: 'spectral-descent', lmo, scale: () => 1, ...m }),
  };
  return createOptimizer(fn, 'spectral-descent', lr, rule, undefined);
}
