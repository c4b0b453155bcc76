// M-FAC as an optimizer: SGD with momentum preconditioned by a sliding-window empirical Fisher (Frantar, Kurtic & Alistarh 2021, §4).
import { InvalidArgumentError, ShapeError } from '@rg/linalg';
import { SlidingWindowMFAC } from './sliding-window-mfac.js';

/** Options of {@link mfacOptimizer}. */
export interface MfacOptimizerOptions {
  /** step size (default 1e-3) */
  lr?: number;
  /** momentum in [0, 1) (default 0) */
  momentum?: number;
  /** decoupled L2 weight decay added to the preconditioned step (default 0) */
  weightDecay?: number;
  /** gradient window length (default 1024, the paper's optimizer setting) */
  m?: number;
  /** damping λ (default 1e-5) */
  damp?: number;
}

/** The optimizer shape of @rg/nn, typed structurally. */
export interface MfacOptimizer {
  readonly name: string;
  readonly steps: number;
  stepInPlace(params: Float64Array, grad: Float64Array): void;
  reset(): void;
}

/**
 * Preconditioned SGD: each step adds the gradient to a {@link SlidingWindowMFAC} window,
 * takes `d = F⁻¹ g + wd·θ`, `buf ← μ buf + d`, `θ ← θ − lr·buf`. Works with @rg/nn's
 * `train`. The window is sized on the first step.
 *
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), weightDecay < 0, m < 1 or damp ≤ 0
 * @example
 * const opt = mfacOptimizer({ lr: 1, m: 4, damp: 1 });
 * const p = Float64Array.from([1, 1]);
 * opt.stepInPlace(p, Float64Array.from([1, 0])); // F = I + e₁e₁ᵀ, F⁻¹g = [0.5, 0]
 * p // => ~[0.5, 1]
 */
export function mfacOptimizer(options: MfacOptimizerOptions = {}): MfacOptimizer {
  const fn = 'mfacOptimizer';
  const { lr = 1e-3, momentum = 0, weightDecay = 0, m = 1024, damp = 1e-5 } = options;
  if (!(lr > 0) || !Number.isFinite(lr))
    throw new InvalidArgumentError(`${fn}(): lr must be a positive number (got ${lr})`);
  if (!(momentum >= 0 && momentum < 1))
    throw new InvalidArgumentError(`${fn}(): momentum must be in [0, 1) (got ${momentum})`);
  if (!(weightDecay >= 0))
    throw new InvalidArgumentError(`${fn}(): weightDecay must be ≥ 0 (got ${weightDecay})`);
  if (!Number.isInteger(m) || m < 1)
    throw new InvalidArgumentError(`${fn}(): m must be a positive integer (got ${m})`);
  if (!(damp > 0) || !Number.isFinite(damp))
    throw new InvalidArgumentError(`${fn}(): damp must be a positive finite number (got ${damp})`);
  let window: SlidingWindowMFAC | null = null;
  let buf: Float64Array | null = null;
  let steps = 0;
  return {
    name: 'mfac',
    get steps() {
      return steps;
    },
    stepInPlace(params, grad) {
      if (!(params instanceof Float64Array) || params.length !== grad?.length)
        throw new ShapeError(
          `${fn}().stepInPlace(): params and grad must be Float64Arrays of one length`,
        );
      if (!window || !buf) {
        window = new SlidingWindowMFAC({ dim: params.length, m, damp });
        buf = new Float64Array(params.length);
      }
      window.add(grad);
      const d = window.ihvp(grad);
      for (let i = 0; i < params.length; i++) {
        const step = d[i] + weightDecay * params[i];
        buf[i] = momentum * buf[i] + step;
        params[i] -= lr * buf[i];
      }
      steps++;
    },
    reset() {
      window = null;
      buf = null;
      steps = 0;
    },
  };
}
