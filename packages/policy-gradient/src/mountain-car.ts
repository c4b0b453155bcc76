// Mountain car (Moore 1990, "Efficient memory-based learning for robot control"; Sutton & Barto
// 2018, §10.1), with the constants and rules of Gym's MountainCar-v0.
import {
  InvalidArgumentError,
  type Rng,
  checkInRange,
  checkInteger,
  checkOptions,
} from '@rg/linalg';
import type { Action, Environment, StepResult } from './environment.js';
import { type BoxSpace, boxSpace, type DiscreteSpace, discreteSpace } from './spaces.js';

/** Options of {@link mountainCar}. */
export interface MountainCarOptions {
  /** time limit (default 200, as MountainCar-v0) */
  maxSteps?: number;
  /** discount factor (default 0.99) */
  gamma?: number;
}

const MIN_POSITION = -1.2;
const MAX_POSITION = 0.6;
const MAX_SPEED = 0.07;
const GOAL_POSITION = 0.5;
const FORCE = 0.001;
const GRAVITY = 0.0025;

class MountainCarEnv implements Environment {
  readonly name = 'MountainCar';
  readonly observationSpace: BoxSpace = boxSpace(
    [MIN_POSITION, -MAX_SPEED],
    [MAX_POSITION, MAX_SPEED],
  );
  readonly actionSpace: DiscreteSpace = discreteSpace(3);
  readonly gamma: number;
  readonly maxSteps: number;
  private position = 0;
  private velocity = 0;
  private t = 0;
  private over = true;

  constructor(gamma: number, maxSteps: number) {
    this.gamma = gamma;
    this.maxSteps = maxSteps;
  }

  reset(rng: Rng): Float64Array {
    if (!rng || typeof rng.uniform !== 'function')
      throw new InvalidArgumentError('MountainCar.reset(): rng must be a generator from rng(seed)');
    this.position = -0.6 + 0.2 * rng.uniform();
    this.velocity = 0;
    this.t = 0;
    this.over = false;
    return Float64Array.of(this.position, this.velocity);
  }

  step(action: Action): StepResult {
    if (this.over)
      throw new InvalidArgumentError(
        'MountainCar.step(): the episode has ended (or not started); call reset(rng)',
      );
    const a = typeof action === 'number' ? action : action[0];
    if (a !== 0 && a !== 1 && a !== 2)
      throw new InvalidArgumentError(
        `MountainCar.step(): action must be 0 (push left), 1 (none) or 2 (push right) (got ${String(action)})`,
      );
    let v = this.velocity + (a - 1) * FORCE - GRAVITY * Math.cos(3 * this.position);
    v = Math.min(Math.max(v, -MAX_SPEED), MAX_SPEED);
    let x = this.position + v;
    x = Math.min(Math.max(x, MIN_POSITION), MAX_POSITION);
    if (x === MIN_POSITION && v < 0) v = 0;
    this.position = x;
    this.velocity = v;
    this.t++;
    const done = x >= GOAL_POSITION;
    const truncated = !done && this.t >= this.maxSteps;
    this.over = done || truncated;
    return { state: Float64Array.of(x, v), reward: -1, done, truncated };
  }
}

/**
 * The mountain car of Moore (1990) as in Gym's MountainCar-v0: observation (position,
 * velocity), actions 0 (push left), 1 (no push), 2 (push right);
 * v ← clip(v + (a − 1)·0.001 − 0.0025·cos 3x, ±0.07), x ← clip(x + v, [−1.2, 0.6]) (v = 0 at
 * the left wall); reward −1 per step; the episode terminates at x ≥ 0.5 and is truncated after
 * `maxSteps` (200). Start: x ~ U[−0.6, −0.4), v = 0. The engine is too weak to climb directly:
 * the car must swing back and forth, a classic hard-exploration task for policy gradients.
 *
 * @param options - maxSteps, gamma
 * @throws {InvalidArgumentError} on a bad option
 * @example
 * import { rng } from '@rg/linalg';
 * const env = mountainCar();
 * env.reset(rng(0))[1] // => 0
 * env.step(2).reward // => -1
 */
export function mountainCar(options?: MountainCarOptions): Environment {
  const fn = 'mountainCar';
  const o = checkOptions(fn, 'options', options);
  return new MountainCarEnv(
    checkInRange(fn, 'options.gamma', o.gamma ?? 0.99, 0, 1, true),
    checkInteger(fn, 'options.maxSteps', o.maxSteps ?? 200, 1),
  );
}
