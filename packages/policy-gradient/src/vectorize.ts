// Any environment as a vector environment: `copies` instances stepped in turn with automatic
// reset (Gym's SyncVectorEnv layout).
import {
  checkFunction,
  checkInteger,
  InvalidArgumentError,
  isMatrix,
  type Matrix,
  type Rng,
} from '@rg/linalg';
import type { Environment, VectorEnvironment, VectorStepResult } from './environment.js';
import { spaceSizeOf } from './spaces.js';

/**
 * `copies` instances of an environment made by `make(i)`, as one {@link VectorEnvironment}:
 * each step applies the i-th action to the i-th copy and starts a new episode in a copy whose
 * episode ended. Copy i draws from its own generator, forked from the one given to `reset`.
 *
 * @param make - a factory of independent instances (called with 0 … copies − 1)
 * @param copies - number of instances, ≥ 1
 * @throws {InvalidArgumentError} when `make` is not a function, `copies` is not a positive
 *   integer, or the instances disagree in their spaces
 * @example
 * import { rng } from '@rg/linalg';
 * const venv = vectorize(() => gridWorld({ rows: 2, cols: 2 }), 3);
 * venv.reset(rng(0)).rows // => 3
 * venv.step([1, 1, 1]).rewards.length // => 3
 */
export function vectorize(make: (index: number) => Environment, copies: number): VectorEnvironment {
  const fn = 'vectorize';
  checkFunction(fn, 'make', make, '(index) => Environment');
  checkInteger(fn, 'copies', copies, 1);
  const envs = Array.from({ length: copies }, (_, i) => {
    const e = make(i);
    if (
      e === null ||
      typeof e !== 'object' ||
      typeof e.reset !== 'function' ||
      typeof e.step !== 'function'
    )
      throw new InvalidArgumentError(
        `${fn}(): make(${i}) must return an Environment (reset, step)`,
      );
    return e;
  });
  const first = envs[0];
  const obsSize = spaceSizeOf(fn, 'make(0).observationSpace', first.observationSpace);
  const actSize = spaceSizeOf(fn, 'make(0).actionSpace', first.actionSpace);
  const discrete = first.actionSpace.kind === 'discrete';
  for (let i = 1; i < copies; i++)
    if (
      spaceSizeOf(fn, `make(${i}).observationSpace`, envs[i].observationSpace) !== obsSize ||
      envs[i].actionSpace.kind !== first.actionSpace.kind ||
      spaceSizeOf(fn, `make(${i}).actionSpace`, envs[i].actionSpace) !== actSize
    )
      throw new InvalidArgumentError(`${fn}(): make(${i}) has other spaces than make(0)`);
  let randoms: Rng[] = [];
  const states = new Float64Array(copies * obsSize);
  return {
    name: first.name,
    copies,
    observationSpace: first.observationSpace,
    actionSpace: first.actionSpace,
    gamma: first.gamma,
    maxSteps: first.maxSteps,
    reset(rng: Rng): Matrix {
      if (!rng || typeof rng.fork !== 'function')
        throw new InvalidArgumentError(
          `${first.name}(vector).reset(): rng must be a generator from rng(seed)`,
        );
      randoms = envs.map(() => rng.fork());
      envs.forEach((e, i) => {
        states.set(e.reset(randoms[i]), i * obsSize);
      });
      return { rows: copies, cols: obsSize, data: states.slice() };
    },
    step(actions: ArrayLike<number> | Matrix): VectorStepResult {
      const f = `${first.name}(vector).step`;
      if (randoms.length === 0) throw new InvalidArgumentError(`${f}(): call reset(rng) first`);
      const a = isMatrix(actions) ? actions.data : actions;
      if (!a || a.length !== copies * (discrete ? 1 : actSize))
        throw new InvalidArgumentError(
          `${f}(): actions must hold ${discrete ? 'one index' : `${actSize} numbers`} per copy (${copies} copies)`,
        );
      const rewards = new Float64Array(copies);
      const dones = new Uint8Array(copies);
      const truncated = new Uint8Array(copies);
      const final = new Float64Array(copies * obsSize);
      for (let i = 0; i < copies; i++) {
        const act = discrete
          ? a[i]
          : Float64Array.from({ length: actSize }, (_, k) => a[i * actSize + k]);
        const r = envs[i].step(act);
        rewards[i] = r.reward;
        final.set(r.state, i * obsSize);
        dones[i] = r.done ? 1 : 0;
        truncated[i] = r.truncated ? 1 : 0;
        states.set(r.done || r.truncated ? envs[i].reset(randoms[i]) : r.state, i * obsSize);
      }
      return {
        states: { rows: copies, cols: obsSize, data: states.slice() },
        rewards,
        dones,
        truncated,
        finalStates: { rows: copies, cols: obsSize, data: final },
      };
    },
  };
}
