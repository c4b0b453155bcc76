// @rg/nn's learning-rate schedules: since 0.x, those of the optimizer core @rg/optim.
import {
  constantSchedule as coreConstant,
  cosineSchedule as coreCosine,
  type Schedule as CoreSchedule,
  stepSchedule as coreStep,
} from '@rg/optim';

/**
 * A learning rate as a function of the optimizer step (0, 1, 2, …).
 *
 * @deprecated Import `Schedule` from `@rg/optim`; this alias stays through 0.x.
 * @example
 * const halving: Schedule = (step) => 0.1 * 0.5 ** step;
 * halving(1) // => 0.05
 */
export type Schedule = CoreSchedule;

/**
 * The same learning rate at every step.
 *
 * @deprecated Import `constantSchedule` from `@rg/optim`; this alias stays through 0.x.
 * @throws {InvalidArgumentError} when lr is not positive
 * @example
 * constantSchedule(0.1)(1000) // => 0.1
 */
export const constantSchedule: typeof coreConstant = coreConstant;

/**
 * Step decay: `lr · gamma^⌊step / stepSize⌋`.
 *
 * @deprecated Import `stepSchedule` from `@rg/optim`; this alias stays through 0.x.
 * @throws {InvalidArgumentError} on a non-positive lr or stepSize, or gamma outside (0, 1]
 * @example
 * const s = stepSchedule({ lr: 1, stepSize: 10, gamma: 0.5 });
 * s(9) // => 1
 * s(25) // => 0.25
 */
export const stepSchedule: typeof coreStep = coreStep;

/**
 * Cosine annealing from `lr` to `minLr` over `totalSteps`, then constant at `minLr`:
 * `minLr + ½ (lr − minLr)(1 + cos(π t / T))`.
 *
 * @deprecated Import `cosineSchedule` from `@rg/optim`; this alias stays through 0.x.
 * @throws {InvalidArgumentError} on a non-positive lr or totalSteps, or minLr outside [0, lr]
 * @example
 * const s = cosineSchedule({ lr: 1, totalSteps: 100 });
 * s(0) // => 1
 * s(50) // => ~0.5
 * s(100) // => 0
 */
export const cosineSchedule: typeof coreCosine = coreCosine;
