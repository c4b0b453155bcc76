// The stateful first-order optimizer shape used by train() (and by @rg/hessian's mfacOptimizer).
import { InvalidArgumentError, ShapeError } from '@rg/linalg';
import type { Schedule } from './schedules.js';

/** A stateful optimizer: each call moves `params` in place along its update rule. */
export interface Optimizer {
  readonly name: string;
  /** number of steps taken since creation or the last reset */
  readonly steps: number;
  /** one update of `params` (changed in place) from the gradient `grad` */
  stepInPlace(params: Float64Array, grad: Float64Array): void;
  /** forget the state (momentum buffers, moment estimates, step count) */
  reset(): void;
}

/** internal: resolve `lr` (number or schedule) and check it is usable */
export function learningRate(fn: string, lr: number | Schedule): Schedule {
  if (typeof lr === 'function') return lr;
  if (!(lr > 0) || !Number.isFinite(lr))
    throw new InvalidArgumentError(
      `${fn}(): lr must be a positive number or a schedule (got ${lr})`,
    );
  return () => lr;
}

/** internal: check the shapes of one optimizer step */
export function checkStep(fn: string, params: Float64Array, grad: Float64Array, dim: number): void {
  if (!(params instanceof Float64Array) || !(grad instanceof Float64Array))
    throw new ShapeError(`${fn}(): params and grad must be Float64Arrays`);
  if (params.length !== grad.length || (dim >= 0 && params.length !== dim))
    throw new ShapeError(
      `${fn}(): params (${params.length}) and grad (${grad.length}) must have the same length${dim >= 0 ? ` ${dim} as before` : ''}`,
    );
}
