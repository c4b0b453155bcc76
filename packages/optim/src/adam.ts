// Adam with bias-corrected moment estimates (Kingma & Ba 2015) over manifolds (Bécigneul & Ganea 2019).
import { checkOptions } from '@rg/linalg';
import type { GradientTransform } from './gradient-transform.js';
import { adamRule, adamSettings } from './internal/adam-rule.js';
import { checkTransform, createOptimizer, resolveLearningRate } from './internal/engine.js';
import type { Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link adam}. */
export interface AdamOptions {
  /** step size or schedule (default 1e-3) */
  lr?: number | Schedule;
  /** first-moment decay in [0, 1) (default 0.9) */
  beta1?: number;
  /** second-moment decay in [0, 1) (default 0.999) */
  beta2?: number;
  /** denominator floor > 0 (default 1e-8) */
  eps?: number;
  /** AMSGrad: divide by the running maximum of the second moment (default false) */
  amsgrad?: boolean;
  /** a transform of the step's Euclidean gradients applied first (see {@link GradientTransform}) */
  precondition?: GradientTransform;
}

/**
 * Adam: `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `x ← x − lr·m̂ / (√v̂ + ε)` with
 * bias-corrected `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)` (t counts the parameter's updates). On the
 * Euclidean space this is elementwise, in place (PyTorch's `torch.optim.Adam`). On a curved
 * manifold (Riemannian Adam, Bécigneul & Ganea 2019) g is the Riemannian gradient ξ, the first
 * moment m is a tangent vector transported to the new point after each step, the second moment
 * is the scalar `v ← β₂v + (1−β₂)‖ξ‖²_x`, and the point moves to `R_x(−lr·m̂/(√v̂ + ε))`.
 *
 * @param options - lr, beta1, beta2, eps, amsgrad, precondition
 * @throws {InvalidArgumentError} on lr ≤ 0, betas outside [0, 1), eps ≤ 0 or a non-finite option;
 *   `step` throws ShapeError, NonFiniteError or InvalidArgumentError on a bad parameter
 * @example
 * const opt = adam({ lr: 0.1 });
 * const p = Float64Array.from([1, -1]);
 * opt.stepInPlace(p, Float64Array.from([3, -0.01]));
 * p // => ~[0.9, -0.9]
 * @example
 * import { fromRows, matmulTransA } from '@rg/linalg';
 * const w = { name: 'W', value: fromRows([[1, 0], [0, 1], [0, 0]]), grad: fromRows([[0, 0], [0, 0], [1, 2]]), manifold: stiefel };
 * adam({ lr: 0.1 }).step([w]);
 * matmulTransA(w.value, w.value) // => ~[[1, 0], [0, 1]]
 */
export function adam(optionsIn: AdamOptions = {}): Optimizer {
  const fn = 'adam';
  const options = checkOptions(fn, 'options', optionsIn);
  const lr = resolveLearningRate(fn, options.lr ?? 1e-3);
  const settings = adamSettings(fn, options);
  const transform = checkTransform(fn, options.precondition);
  const base = settings.amsgrad ? 'adam-amsgrad' : 'adam';
  return createOptimizer(
    fn,
    transform ? `${base}+${transform.name}` : base,
    lr,
    adamRule('adam', { ...settings, weightDecay: 0 }),
    transform,
  );
}
