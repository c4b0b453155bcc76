// Adam with bias-corrected moment estimates (Kingma & Ba 2015, Algorithm 1).
import { assertFiniteArray, InvalidArgumentError } from '@rg/linalg';
import { checkStep, learningRate, type Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link adam}. */
export interface AdamOptions {
  /** step size or schedule (default 1e-3) */
  lr?: number | Schedule;
  /** first-moment decay (default 0.9) */
  beta1?: number;
  /** second-moment decay (default 0.999) */
  beta2?: number;
  /** denominator floor (default 1e-8) */
  eps?: number;
}

/**
 * Adam: `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `θ ← θ − lr·m̂ / (√v̂ + ε)` with
 * bias-corrected `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`.
 *
 * @throws {InvalidArgumentError} on lr ≤ 0, betas outside [0, 1) or eps ≤ 0
 * @example
 * const opt = adam({ lr: 0.1 });
 * const p = Float64Array.from([1, -1]);
 * opt.stepInPlace(p, Float64Array.from([3, -0.01]));
 * p // => ~[0.9, -0.9]
 */
export function adam(options: AdamOptions = {}): Optimizer {
  const fn = 'adam';
  const lr = learningRate(fn, options.lr ?? 1e-3);
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const eps = options.eps ?? 1e-8;
  for (const [name, b] of [
    ['beta1', beta1],
    ['beta2', beta2],
  ] as const)
    if (!(b >= 0 && b < 1))
      throw new InvalidArgumentError(`${fn}(): ${name} must be in [0, 1) (got ${b})`);
  if (!(eps > 0)) throw new InvalidArgumentError(`${fn}(): eps must be > 0 (got ${eps})`);
  let m: Float64Array | null = null;
  let v: Float64Array | null = null;
  let steps = 0;
  return {
    name: 'adam',
    get steps() {
      return steps;
    },
    stepInPlace(params, grad) {
      checkStep('adam().stepInPlace', params, grad, m ? m.length : -1);
      assertFiniteArray('adam().stepInPlace', 'grad', grad);
      if (!m || !v) {
        m = new Float64Array(params.length);
        v = new Float64Array(params.length);
      }
      const eta = lr(steps);
      steps++;
      const c1 = 1 - beta1 ** steps;
      const c2 = 1 - beta2 ** steps;
      for (let i = 0; i < params.length; i++) {
        const g = grad[i];
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        params[i] -= (eta * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      }
    },
    reset() {
      m = null;
      v = null;
      steps = 0;
    },
  };
}
