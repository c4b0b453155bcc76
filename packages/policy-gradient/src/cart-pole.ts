// Cart-pole balancing (Barto, Sutton & Anderson 1983, "Neuronlike adaptive elements that can
// solve difficult learning control problems"), with the constants and rules of Gym's CartPole-v1.
import {
  InvalidArgumentError,
  type Rng,
  checkInRange,
  checkInteger,
  checkOptions,
} from '@rg/linalg';
import type { Action, Environment, StepResult } from './environment.js';
import { cartPoleStep, THETA_LIMIT, X_LIMIT } from './internal/cart-pole-kernel.js';
import { type BoxSpace, boxSpace, type DiscreteSpace, discreteSpace } from './spaces.js';

/** Options of {@link cartPole} and {@link cartPoleVector}. */
export interface CartPoleOptions {
  /** time limit (default 500, as CartPole-v1) */
  maxSteps?: number;
  /** discount factor (default 0.99) */
  gamma?: number;
  /** 'euler' (default, the classic and Gym's) or 'semi-implicit' (velocities first) */
  integrator?: 'euler' | 'semi-implicit';
}

/** @internal validated cart-pole options */
export function cartPoleOptions(fn: string, options: CartPoleOptions | undefined) {
  const o = checkOptions(fn, 'options', options);
  const integrator = o.integrator ?? 'euler';
  if (integrator !== 'euler' && integrator !== 'semi-implicit')
    throw new InvalidArgumentError(
      `${fn}(): options.integrator must be 'euler' or 'semi-implicit' (got ${String(integrator)})`,
    );
  return {
    maxSteps: checkInteger(fn, 'options.maxSteps', o.maxSteps ?? 500, 1),
    gamma: checkInRange(fn, 'options.gamma', o.gamma ?? 0.99, 0, 1, true),
    semiImplicit: integrator === 'semi-implicit',
  };
}

/** @internal the observation space of the cart-pole: |x| ≤ 4.8, |θ| ≤ 24° (twice the limits) */
export function cartPoleObservationSpace(): BoxSpace {
  const inf = Number.POSITIVE_INFINITY;
  return boxSpace(
    [-2 * X_LIMIT, -inf, -2 * THETA_LIMIT, -inf],
    [2 * X_LIMIT, inf, 2 * THETA_LIMIT, inf],
  );
}

class CartPoleEnv implements Environment {
  readonly name = 'CartPole';
  readonly observationSpace: BoxSpace = cartPoleObservationSpace();
  readonly actionSpace: DiscreteSpace = discreteSpace(2);
  readonly gamma: number;
  readonly maxSteps: number;
  private readonly semiImplicit: boolean;
  private readonly s = new Float64Array(4);
  private t = 0;
  private over = true;

  constructor(o: ReturnType<typeof cartPoleOptions>) {
    this.gamma = o.gamma;
    this.maxSteps = o.maxSteps;
    this.semiImplicit = o.semiImplicit;
  }

  reset(rng: Rng): Float64Array {
    if (!rng || typeof rng.uniform !== 'function')
      throw new InvalidArgumentError('CartPole.reset(): rng must be a generator from rng(seed)');
    for (let i = 0; i < 4; i++) this.s[i] = 0.1 * rng.uniform() - 0.05;
    this.t = 0;
    this.over = false;
    return this.s.slice();
  }

  step(action: Action): StepResult {
    if (this.over)
      throw new InvalidArgumentError(
        'CartPole.step(): the episode has ended (or not started); call reset(rng)',
      );
    const a = typeof action === 'number' ? action : action[0];
    if (a !== 0 && a !== 1)
      throw new InvalidArgumentError(
        `CartPole.step(): action must be 0 (push left) or 1 (push right) (got ${String(action)})`,
      );
    const done = cartPoleStep(this.s, 0, a, this.semiImplicit);
    this.t++;
    const truncated = !done && this.t >= this.maxSteps;
    this.over = done || truncated;
    return { state: this.s.slice(), reward: 1, done, truncated };
  }
}

/**
 * The cart-pole of Barto, Sutton & Anderson (1983) as in Gym's CartPole-v1: observation
 * (x, ẋ, θ, θ̇), actions 0 (force −10 N) and 1 (+10 N), Euler steps of 0.02 s with cart mass
 * 1 kg, pole mass 0.1 kg, half-length 0.5 m, g = 9.8; reward 1 for every step including the
 * last; the episode terminates when |x| > 2.4 or |θ| > 12° and is truncated after `maxSteps`
 * (500). The start state is uniform in [−0.05, 0.05]⁴.
 *
 * @param options - maxSteps, gamma, integrator
 * @throws {InvalidArgumentError} on a bad option
 * @example
 * import { rng } from '@rg/linalg';
 * const env = cartPole();
 * env.reset(rng(0));
 * let steps = 0;
 * while (!env.step(1).done) steps++; // always pushing right topples the pole
 * steps < 20 // => true
 */
export function cartPole(options?: CartPoleOptions): Environment {
  return new CartPoleEnv(cartPoleOptions('cartPole', options));
}
