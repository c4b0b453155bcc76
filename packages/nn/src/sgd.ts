// Stochastic gradient descent with heavy-ball or Nesterov momentum (Sutskever et al. 2013).
import { assertFiniteArray, InvalidArgumentError } from '@rg/linalg';
import { checkStep, learningRate, type Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link sgd}. */
export interface SgdOptions {
  /** step size or schedule (default 0.01) */
  lr?: number | Schedule;
  /** momentum coefficient in [0, 1) (default 0) */
  momentum?: number;
  /** Nesterov momentum (PyTorch form: step along g + μ·buf); needs momentum > 0 */
  nesterov?: boolean;
  /** L2 weight decay added to the gradient (default 0) */
  weightDecay?: number;
}

/**
 * SGD: `buf ← μ buf + (g + wd·θ)`, `θ ← θ − lr·(buf or g + μ buf for Nesterov)`.
 *
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), or nesterov without momentum
 * @example
 * const opt = sgd({ lr: 0.5 });
 * const p = Float64Array.from([1, 2]);
 * opt.stepInPlace(p, Float64Array.from([1, 1]));
 * p // => [0.5, 1.5]
 */
export function sgd(options: SgdOptions = {}): Optimizer {
  const fn = 'sgd';
  const lr = learningRate(fn, options.lr ?? 0.01);
  const momentum = options.momentum ?? 0;
  const nesterov = options.nesterov ?? false;
  const weightDecay = options.weightDecay ?? 0;
  if (!(momentum >= 0 && momentum < 1))
    throw new InvalidArgumentError(`${fn}(): momentum must be in [0, 1) (got ${momentum})`);
  if (nesterov && momentum === 0)
    throw new InvalidArgumentError(`${fn}(): nesterov needs momentum > 0`);
  if (!(weightDecay >= 0))
    throw new InvalidArgumentError(`${fn}(): weightDecay must be ≥ 0 (got ${weightDecay})`);
  let buf: Float64Array | null = null;
  let steps = 0;
  return {
    name: nesterov ? 'sgd-nesterov' : momentum > 0 ? 'sgd-momentum' : 'sgd',
    get steps() {
      return steps;
    },
    stepInPlace(params, grad) {
      checkStep('sgd().stepInPlace', params, grad, buf ? buf.length : -1);
      assertFiniteArray('sgd().stepInPlace', 'grad', grad);
      const eta = lr(steps);
      if (!buf) buf = new Float64Array(params.length);
      for (let i = 0; i < params.length; i++) {
        const g = grad[i] + weightDecay * params[i];
        if (momentum === 0) {
          params[i] -= eta * g;
          continue;
        }
        // first step starts the buffer at g, as PyTorch does
        buf[i] = steps === 0 ? g : momentum * buf[i] + g;
        params[i] -= eta * (nesterov ? g + momentum * buf[i] : buf[i]);
      }
      steps++;
    },
    reset() {
      buf = null;
      steps = 0;
    },
  };
}
