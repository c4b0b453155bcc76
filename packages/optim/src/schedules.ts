// Learning-rate schedules: step decay, SGDR cosine annealing (Loshchilov & Hutter 2017) and linear warm-up (Goyal et al. 2017).
import {
  checkInRange,
  checkInteger,
  checkOptions,
  checkPositive,
  InvalidArgumentError,
} from '@rg/linalg';

/**
 * A learning rate as a function of the optimizer step (0, 1, 2, …). Optimizers call it once
 * per step with the number of steps already taken; it must return a finite number ≥ 0.
 *
 * @example
 * const halving: Schedule = (step) => 0.1 * 0.5 ** step;
 * halving(2) // => 0.025
 */
export type Schedule = (step: number) => number;

// required fields are checked one by one below, so a missing one is a typed error naming it

/**
 * The same learning rate at every step.
 *
 * @throws {InvalidArgumentError} when lr is not positive
 * @example
 * constantSchedule(0.1)(1000) // => 0.1
 */
export function constantSchedule(lr: number): Schedule {
  checkPositive('constantSchedule', 'lr', lr);
  return () => lr;
}

/**
 * Step decay: `lr · gamma^⌊step / stepSize⌋`.
 *
 * @throws {InvalidArgumentError} on a non-positive lr or stepSize, or gamma outside (0, 1]
 * @example
 * const s = stepSchedule({ lr: 1, stepSize: 10, gamma: 0.5 });
 * s(9) // => 1
 * s(25) // => 0.25
 */
export function stepSchedule(options: { lr: number; stepSize: number; gamma?: number }): Schedule {
  const {
    lr,
    stepSize,
    gamma = 0.1,
  } = checkOptions('stepSchedule', 'options', options) as typeof options;
  checkPositive('stepSchedule', 'lr', lr);
  checkInteger('stepSchedule', 'stepSize', stepSize, 1);
  checkInRange('stepSchedule', 'gamma', gamma, 0, 1, true);
  return (step) => lr * gamma ** Math.floor(step / stepSize);
}

/**
 * Cosine annealing from `lr` to `minLr` over `totalSteps`, then constant at `minLr`:
 * `minLr + ½ (lr − minLr)(1 + cos(π t / T))`.
 *
 * @throws {InvalidArgumentError} on a non-positive lr or totalSteps, or minLr outside [0, lr]
 * @example
 * const s = cosineSchedule({ lr: 1, totalSteps: 100 });
 * s(0) // => 1
 * s(50) // => ~0.5
 * s(100) // => 0
 */
export function cosineSchedule(options: {
  lr: number;
  totalSteps: number;
  minLr?: number;
}): Schedule {
  const {
    lr,
    totalSteps,
    minLr = 0,
  } = checkOptions('cosineSchedule', 'options', options) as typeof options;
  checkPositive('cosineSchedule', 'lr', lr);
  checkInteger('cosineSchedule', 'totalSteps', totalSteps, 1);
  checkInRange('cosineSchedule', 'minLr', minLr, 0, lr);
  return (step) => {
    const t = Math.min(step, totalSteps);
    return minLr + 0.5 * (lr - minLr) * (1 + Math.cos((Math.PI * t) / totalSteps));
  };
}

/**
 * Linear warm-up before another schedule: for `step < warmupSteps` the rate rises linearly from
 * `startFactor · r₀` to `r₀`, with `r₀ = after(0)`, as
 * `r₀ · (startFactor + (1 − startFactor) · step / warmupSteps)`; afterwards it is
 * `after(step − warmupSteps)`, so the wrapped schedule starts from its own step 0.
 *
 * @param options - `warmupSteps` (positive integer), `after` (a learning rate or a schedule),
 *   `startFactor` in [0, 1] (default 0: the first step has rate 0 and leaves the parameters alone)
 * @throws {InvalidArgumentError} on a non-positive warmupSteps, a bad `after`, or startFactor outside [0, 1]
 * @example
 * const s = linearWarmup({ warmupSteps: 4, after: cosineSchedule({ lr: 1, totalSteps: 10 }) });
 * s(0) // => 0
 * s(2) // => 0.5
 * s(4) // => 1
 * s(9) // => ~0.5
 */
export function linearWarmup(options: {
  warmupSteps: number;
  after: number | Schedule;
  startFactor?: number;
}): Schedule {
  const fn = 'linearWarmup';
  const {
    warmupSteps,
    after,
    startFactor = 0,
  } = checkOptions(fn, 'options', options) as typeof options;
  checkInteger(fn, 'warmupSteps', warmupSteps, 1);
  if (typeof after === 'number') checkPositive(fn, 'after', after);
  else if (typeof after !== 'function')
    throw new InvalidArgumentError(`${fn}(): after must be a learning rate or a schedule`);
  checkInRange(fn, 'startFactor', startFactor, 0, 1);
  const next: Schedule = typeof after === 'number' ? () => after : after;
  return (step) =>
    step < warmupSteps
      ? next(0) * (startFactor + ((1 - startFactor) * step) / warmupSteps)
      : next(step - warmupSteps);
}
