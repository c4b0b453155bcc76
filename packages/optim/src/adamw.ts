// Adam with decoupled weight decay (Loshchilov & Hutter 2019, "Decoupled weight decay regularization", Algorithm 2).
import { checkOptions, checkPositive } from '@rg/linalg';
import { adamRule, adamSettings } from './internal/adam-rule.js';
import { checkTransform, createOptimizer, resolveLearningRate } from './internal/engine.js';
import type { AdamOptions } from './adam.js';
import type { Optimizer } from './optimizer.js';

/** Options of {@link adamw}. */
export interface AdamWOptions extends AdamOptions {
  /** decoupled weight decay λ ≥ 0 (default 0.01, PyTorch's default) */
  weightDecay?: number;
}

/**
 * AdamW: {@link adam} with decoupled weight decay. On the Euclidean space each step first
 * shrinks the parameter, `x ← (1 − lr·λ)·x`, then takes the Adam step (PyTorch's
 * `torch.optim.AdamW`); the decay is not divided by √v̂. On a curved manifold the step is
 * `R_x(−lr·m̂/(√v̂ + ε) − lr·λ·δ(x))` with δ the manifold's weight-decay direction
 * ({@link Manifold.weightDecay}, or the Riemannian gradient of ½‖x‖²_F, which is 0 on the sphere
 * and the Stiefel manifold: there AdamW is Adam).
 *
 * @param options - lr, beta1, beta2, eps, amsgrad, weightDecay, precondition
 * @throws {InvalidArgumentError} on a bad option (as {@link adam}, and weightDecay < 0)
 * @example
 * const opt = adamw({ lr: 0.1, weightDecay: 0.5 });
 * const p = Float64Array.from([2]);
 * opt.stepInPlace(p, Float64Array.from([1]));
 * p // => ~[1.8]
 */
export function adamw(optionsIn: AdamWOptions = {}): Optimizer {
  const fn = 'adamw';
  const options = checkOptions(fn, 'options', optionsIn);
  const lr = resolveLearningRate(fn, options.lr ?? 1e-3);
  const settings = adamSettings(fn, options);
  const weightDecay = checkPositive(fn, 'weightDecay', options.weightDecay ?? 0.01, true);
  const transform = checkTransform(fn, options.precondition);
  return createOptimizer(
    fn,
    transform ? `adamw+${transform.name}` : 'adamw',
    lr,
    adamRule('adamw', { ...settings, weightDecay }),
    transform,
  );
}
