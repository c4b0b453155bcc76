// Many cart-poles stepped together on one struct-of-arrays state (Barto, Sutton & Anderson 1983;
// the vectorized-environment layout of Gym's VectorEnv).
import {
  InvalidArgumentError,
  isMatrix,
  type Matrix,
  type Rng,
  checkInteger,
  checkOptions,
} from '@rg/linalg';
import { cartPoleObservationSpace, type CartPoleOptions, cartPoleOptions } from './cart-pole.js';
import type { VectorEnvironment, VectorStepResult } from './environment.js';
import { cartPoleStep } from './internal/cart-pole-kernel.js';
import { type BoxSpace, type DiscreteSpace, discreteSpace } from './spaces.js';

/** Options of {@link cartPoleVector}. */
export interface CartPoleVectorOptions extends CartPoleOptions {
  /** number of cart-poles (default 64) */
  copies?: number;
}

class CartPoleVectorEnv implements VectorEnvironment {
  readonly name = 'CartPole';
  readonly copies: number;
  readonly observationSpace: BoxSpace = cartPoleObservationSpace();
  readonly actionSpace: DiscreteSpace = discreteSpace(2);
  readonly gamma: number;
  readonly maxSteps: number;
  private readonly semiImplicit: boolean;
  private readonly s: Float64Array;
  private readonly t: Int32Array;
  private randoms: Rng[] = [];

  constructor(copies: number, o: ReturnType<typeof cartPoleOptions>) {
    this.copies = copies;
    this.gamma = o.gamma;
    this.maxSteps = o.maxSteps;
    this.semiImplicit = o.semiImplicit;
    this.s = new Float64Array(4 * copies);
    this.t = new Int32Array(copies);
  }

  private start(i: number): void {
    const r = this.randoms[i];
    for (let k = 0; k < 4; k++) this.s[4 * i + k] = 0.1 * r.uniform() - 0.05;
    this.t[i] = 0;
  }

  reset(rng: Rng): Matrix {
    if (!rng || typeof rng.fork !== 'function')
      throw new InvalidArgumentError(
        'CartPole(vector).reset(): rng must be a generator from rng(seed)',
      );
    this.randoms = Array.from({ length: this.copies }, () => rng.fork());
    for (let i = 0; i < this.copies; i++) this.start(i);
    return { rows: this.copies, cols: 4, data: this.s.slice() };
  }

  step(actions: ArrayLike<number> | Matrix): VectorStepResult {
    const fn = 'CartPole(vector).step';
    const n = this.copies;
    if (this.randoms.length === 0) throw new InvalidArgumentError(`${fn}(): call reset(rng) first`);
    const a: ArrayLike<number> = isMatrix(actions) ? actions.data : actions;
    if (!a || a.length !== n)
      throw new InvalidArgumentError(`${fn}(): actions must hold one action per copy (${n})`);
    const rewards = new Float64Array(n).fill(1);
    const dones = new Uint8Array(n);
    const truncated = new Uint8Array(n);
    const final = new Float64Array(4 * n);
    for (let i = 0; i < n; i++) {
      const ai = a[i];
      if (ai !== 0 && ai !== 1)
        throw new InvalidArgumentError(`${fn}(): actions[${i}] must be 0 or 1 (got ${ai})`);
    }
    for (let i = 0; i < n; i++) {
      const done = cartPoleStep(this.s, 4 * i, a[i], this.semiImplicit);
      this.t[i]++;
      for (let k = 0; k < 4; k++) final[4 * i + k] = this.s[4 * i + k];
      if (done) dones[i] = 1;
      else if (this.t[i] >= this.maxSteps) truncated[i] = 1;
      if (done || truncated[i]) this.start(i);
    }
    return {
      states: { rows: n, cols: 4, data: this.s.slice() },
      rewards,
      dones,
      truncated,
      finalStates: { rows: n, cols: 4, data: final },
    };
  }
}

/**
 * `copies` cart-poles ({@link cartPole}) in one struct-of-arrays state, stepped by one loop with
 * automatic reset: the fast path for batched rollouts. Copy i draws its start states from its
 * own generator, forked from the one given to `reset`.
 *
 * @param options - copies (default 64), maxSteps, gamma, integrator
 * @throws {InvalidArgumentError} on a bad option
 * @example
 * import { rng } from '@rg/linalg';
 * const venv = cartPoleVector({ copies: 4 });
 * venv.reset(rng(0));
 * const r = venv.step([0, 1, 0, 1]);
 * r.states.rows // => 4
 * r.dones // => [0, 0, 0, 0]
 */
export function cartPoleVector(options?: CartPoleVectorOptions): VectorEnvironment {
  const fn = 'cartPoleVector';
  const o = checkOptions(fn, 'options', options);
  const copies = checkInteger(fn, 'options.copies', o.copies ?? 64, 1);
  return new CartPoleVectorEnv(copies, cartPoleOptions(fn, o));
}
