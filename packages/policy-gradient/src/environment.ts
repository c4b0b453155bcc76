// The environment interface: one seeded, episodic Markov decision process (the Gym convention of
// Brockman et al. 2016 with Gymnasium's split of `done` into termination and truncation).
import type { Matrix, Rng } from '@rg/linalg';
import type { Space } from './spaces.js';

/** An action: an index for a discrete action space, a vector for a box. */
export type Action = number | Float64Array;

/** What {@link Environment.step} returns. */
export interface StepResult {
  /** the next observation (a fresh array; for a discrete observation space, [index]) */
  readonly state: Float64Array;
  readonly reward: number;
  /** the episode reached a terminal state: no reward follows (bootstrap with 0) */
  readonly done: boolean;
  /** the episode was cut by the time limit `maxSteps` in a non-terminal state */
  readonly truncated: boolean;
}

/**
 * An episodic environment. `reset(rng)` starts an episode and keeps `rng` for every random
 * transition of that episode, so a run is reproducible from its seed; `step(action)` advances
 * one time step. After `done` or `truncated` call `reset` again.
 *
 * Observations are Float64Arrays of length `spaceSize(observationSpace)` (a discrete state is
 * delivered as [index]); actions are numbers for a discrete action space and Float64Arrays for
 * a box. `gamma` is the discount factor the environment's objective J = E[Σ γᵗ rₜ] uses, the
 * default of every algorithm here; `maxSteps` is the time limit.
 *
 * @example
 * import { rng } from '@rg/linalg';
 * const env: Environment = cartPole();
 * const s0 = env.reset(rng(0));
 * s0.length // => 4
 * env.step(1).reward // => 1
 */
export interface Environment {
  /** e.g. 'CartPole', 'MountainCar', 'LQR', 'TabularMDP' */
  readonly name: string;
  readonly observationSpace: Space;
  readonly actionSpace: Space;
  /** discount factor in (0, 1] */
  readonly gamma: number;
  /** time limit: `truncated` is set after this many steps */
  readonly maxSteps: number;
  /** start an episode; `rng` drives its initial state and every random transition */
  reset(rng: Rng): Float64Array;
  /** apply an action */
  step(action: Action): StepResult;
}

/** What {@link VectorEnvironment.step} returns: one row or entry per copy. */
export interface VectorStepResult {
  /** copies × observation size: the next observations (of the new episode after a reset) */
  readonly states: Matrix;
  readonly rewards: Float64Array;
  /** 1 where the copy's episode reached a terminal state in this step */
  readonly dones: Uint8Array;
  /** 1 where the copy's episode hit the time limit in this step */
  readonly truncated: Uint8Array;
  /**
   * copies × observation size: the observation the step produced before any automatic reset
   * (equal to `states` for copies that did not finish); bootstrap truncated episodes from it
   */
  readonly finalStates: Matrix;
}

/**
 * `copies` independent environments stepped together, with automatic reset: a copy whose
 * episode ends starts a new one at once (its `finalStates` row keeps the last observation).
 * Actions come in one array: an index per copy for discrete actions, or a copies × d Matrix.
 *
 * @example
 * import { rng } from '@rg/linalg';
 * const venv: VectorEnvironment = cartPoleVector({ copies: 8 });
 * venv.reset(rng(1)).rows // => 8
 * venv.step(new Float64Array(8)).rewards.length // => 8
 */
export interface VectorEnvironment {
  readonly name: string;
  readonly copies: number;
  readonly observationSpace: Space;
  readonly actionSpace: Space;
  readonly gamma: number;
  readonly maxSteps: number;
  /** start every copy; copy i draws from its own generator forked from `rng` */
  reset(rng: Rng): Matrix;
  /** one step of every copy */
  step(actions: ArrayLike<number> | Matrix): VectorStepResult;
}
