// A finite Markov decision process given by its transition and reward tables (Puterman 1994,
// "Markov Decision Processes", ch. 2 and 6), as a seeded episodic environment.
import {
  checkInRange,
  checkInteger,
  checkMatrix,
  checkVector,
  InvalidArgumentError,
  isMatrix,
  type Matrix,
  type Rng,
  ShapeError,
} from '@rg/linalg';
import type { Action, Environment, StepResult } from './environment.js';
import { type BoxSpace, type DiscreteSpace, discreteSpace, unboundedBox } from './spaces.js';

/** The tables of {@link tabularMDP}. */
export interface TabularMDPSpec {
  /**
   * transition probabilities, S·A·S numbers: P[(s·A + a)·S + s'] = Pr(s' | s, a); each row
   * (fixed s, a) sums to 1
   */
  P: ArrayLike<number>;
  /** expected rewards r(s, a): an S×A Matrix or S·A numbers (row-major) */
  R: Matrix | ArrayLike<number>;
  /** discount factor in (0, 1) */
  gamma: number;
  /** initial state distribution, S numbers summing to 1 (no mass on terminal states) */
  initial: ArrayLike<number>;
  /** terminal states: entering one ends the episode (`done`) with no reward after it */
  terminal?: ArrayLike<boolean | number>;
  /**
   * observation features, S×d: the observation of state s is row s (for linear or neural
   * policies); without them the observation is [s]
   */
  features?: Matrix;
  /**
   * time limit (default: the smallest H with γ^H ≤ 1e-8, so truncation changes a return by at
   * most 1e-8·max|r|/(1 − γ))
   */
  maxSteps?: number;
}

/** A finite MDP: an {@link Environment} that also exposes its tables for exact evaluation. */
export interface TabularMDP extends Environment {
  readonly observationSpace: DiscreteSpace | BoxSpace;
  readonly actionSpace: DiscreteSpace;
  /** number of states S */
  readonly states: number;
  /** number of actions A */
  readonly actions: number;
  /** S·A·S transition probabilities (read-only by convention) */
  readonly P: Float64Array;
  /** S·A expected rewards */
  readonly R: Float64Array;
  /** S initial probabilities */
  readonly initial: Float64Array;
  /** S flags, 1 for terminal states */
  readonly terminal: Uint8Array;
  /** S×d observation features, or null when observations are state indices */
  readonly features: Matrix | null;
  /** the current state index (−1 before the first reset) */
  readonly state: number;
  /** the observation of state s: [s], or row s of `features` */
  observation(s: number): Float64Array;
  /** all S observations as an S × (observation size) Matrix */
  observations(): Matrix;
}

const ROW_TOL = 1e-9;

/** @internal the time limit after which γ^H ≤ 1e-8 */
export function defaultHorizon(gamma: number): number {
  return Math.max(1, Math.ceil(Math.log(1e-8) / Math.log(gamma)));
}

class TabularEnv implements TabularMDP {
  readonly name: string;
  readonly observationSpace: DiscreteSpace | BoxSpace;
  readonly actionSpace: DiscreteSpace;
  readonly states: number;
  readonly actions: number;
  readonly P: Float64Array;
  readonly R: Float64Array;
  readonly initial: Float64Array;
  readonly terminal: Uint8Array;
  readonly features: Matrix | null;
  readonly gamma: number;
  readonly maxSteps: number;
  private readonly cumulative: Float64Array;
  private readonly cumulativeInitial: Float64Array;
  private s = -1;
  private t = 0;
  private random: Rng | null = null;

  constructor(
    name: string,
    S: number,
    A: number,
    P: Float64Array,
    R: Float64Array,
    initial: Float64Array,
    terminal: Uint8Array,
    features: Matrix | null,
    gamma: number,
    maxSteps: number,
  ) {
    this.name = name;
    this.states = S;
    this.actions = A;
    this.P = P;
    this.R = R;
    this.initial = initial;
    this.terminal = terminal;
    this.features = features;
    this.gamma = gamma;
    this.maxSteps = maxSteps;
    this.observationSpace = features ? unboundedBox(features.cols) : discreteSpace(S);
    this.actionSpace = discreteSpace(A);
    this.cumulative = new Float64Array(P.length);
    for (let row = 0; row < S * A; row++) {
      let c = 0;
      for (let j = 0; j < S; j++) {
        c += P[row * S + j];
        this.cumulative[row * S + j] = c;
      }
    }
    this.cumulativeInitial = new Float64Array(S);
    let c = 0;
    for (let j = 0; j < S; j++) {
      c += initial[j];
      this.cumulativeInitial[j] = c;
    }
  }

  get state(): number {
    return this.s;
  }

  observation(s: number): Float64Array {
    if (!Number.isInteger(s) || s < 0 || s >= this.states)
      throw new InvalidArgumentError(
        `${this.name}.observation(): s must be a state index in [0, ${this.states}) (got ${s})`,
      );
    const f = this.features;
    return f ? f.data.slice(s * f.cols, (s + 1) * f.cols) : Float64Array.of(s);
  }

  observations(): Matrix {
    const f = this.features;
    if (f) return { rows: f.rows, cols: f.cols, data: f.data.slice() };
    return {
      rows: this.states,
      cols: 1,
      data: Float64Array.from({ length: this.states }, (_, s) => s),
    };
  }

  reset(rng: Rng): Float64Array {
    if (!rng || typeof rng.uniform !== 'function')
      throw new InvalidArgumentError(
        `${this.name}.reset(): rng must be a generator from rng(seed)`,
      );
    this.random = rng;
    this.s = pick(this.cumulativeInitial, 0, this.states, rng.uniform());
    this.t = 0;
    return this.observation(this.s);
  }

  step(action: Action): StepResult {
    const fn = `${this.name}.step`;
    if (this.random === null || this.s < 0)
      throw new InvalidArgumentError(`${fn}(): call reset(rng) first`);
    if (this.terminal[this.s] === 1 || this.t >= this.maxSteps)
      throw new InvalidArgumentError(`${fn}(): the episode has ended; call reset(rng)`);
    const a = typeof action === 'number' ? action : action[0];
    checkInteger(fn, 'action', a, 0, this.actions - 1);
    const row = this.s * this.actions + a;
    const reward = this.R[row];
    this.s = pick(this.cumulative, row * this.states, this.states, this.random.uniform());
    this.t++;
    const done = this.terminal[this.s] === 1;
    return {
      state: this.observation(this.s),
      reward,
      done,
      truncated: !done && this.t >= this.maxSteps,
    };
  }
}

/** The index j with cum[off + j − 1] ≤ u < cum[off + j] (last index on rounding). */
function pick(cum: Float64Array, off: number, len: number, u: number): number {
  const x = u * cum[off + len - 1];
  for (let j = 0; j < len - 1; j++) if (x < cum[off + j]) return j;
  return len - 1;
}

/** @internal build and validate a tabular MDP (shared by tabularMDP, randomMDP, gridWorld) */
export function buildTabularMDP(fn: string, name: string, spec: TabularMDPSpec): TabularMDP {
  if (spec === null || typeof spec !== 'object')
    throw new InvalidArgumentError(`${fn}(): spec must be an object { P, R, gamma, initial }`);
  const gamma = checkInRange(fn, 'gamma', spec.gamma, 0, 1, true, true);
  if (!spec.initial || typeof spec.initial.length !== 'number' || spec.initial.length < 1)
    throw new ShapeError(`${fn}(): initial must be an array of S ≥ 1 probabilities`);
  const S = spec.initial.length;
  const initial = checkVector(fn, 'initial', spec.initial, S, true);
  let R: Float64Array;
  if (isMatrix(spec.R)) {
    const m = checkMatrix(fn, 'R', spec.R, S);
    R = m.data.slice();
  } else {
    if (
      !spec.R ||
      typeof spec.R.length !== 'number' ||
      spec.R.length % S !== 0 ||
      spec.R.length === 0
    )
      throw new ShapeError(`${fn}(): R must be an S×A Matrix or S·A numbers (S = ${S})`);
    R = checkVector(fn, 'R', spec.R, spec.R.length, true);
  }
  const A = R.length / S;
  if (!spec.P || typeof spec.P.length !== 'number')
    throw new ShapeError(`${fn}(): P must be S·A·S = ${S * A * S} numbers`);
  const P = checkVector(fn, 'P', spec.P, S * A * S, true);
  for (let row = 0; row < S * A; row++) {
    let sum = 0;
    for (let j = 0; j < S; j++) {
      const p = P[row * S + j];
      if (p < 0)
        throw new InvalidArgumentError(
          `${fn}(): P(${j} | s=${Math.floor(row / A)}, a=${row % A}) is ${p} (probabilities must be ≥ 0)`,
        );
      sum += p;
    }
    if (Math.abs(sum - 1) > ROW_TOL)
      throw new InvalidArgumentError(
        `${fn}(): P(· | s=${Math.floor(row / A)}, a=${row % A}) sums to ${sum} (must be 1)`,
      );
  }
  const terminal = new Uint8Array(S);
  if (spec.terminal !== undefined) {
    if (!spec.terminal || spec.terminal.length !== S)
      throw new ShapeError(`${fn}(): terminal must have S = ${S} entries`);
    for (let s = 0; s < S; s++) terminal[s] = spec.terminal[s] ? 1 : 0;
  }
  let total = 0;
  for (let s = 0; s < S; s++) {
    if (initial[s] < 0)
      throw new InvalidArgumentError(`${fn}(): initial[${s}] is ${initial[s]} (must be ≥ 0)`);
    if (initial[s] > 0 && terminal[s])
      throw new InvalidArgumentError(`${fn}(): initial puts mass on terminal state ${s}`);
    total += initial[s];
  }
  if (Math.abs(total - 1) > ROW_TOL)
    throw new InvalidArgumentError(`${fn}(): initial sums to ${total} (must be 1)`);
  const features =
    spec.features === undefined ? null : checkMatrix(fn, 'features', spec.features, S);
  const maxSteps =
    spec.maxSteps === undefined
      ? defaultHorizon(gamma)
      : checkInteger(fn, 'maxSteps', spec.maxSteps, 1);
  return new TabularEnv(
    name,
    S,
    A,
    P,
    R,
    initial,
    terminal,
    features ? { rows: features.rows, cols: features.cols, data: features.data.slice() } : null,
    gamma,
    maxSteps,
  );
}

/**
 * A finite MDP from its tables, as a seeded episodic environment: states 0…S−1, actions
 * 0…A−1, reward r(s, a) on taking a in s, next state s' ~ P(· | s, a). Exact evaluation of a
 * policy on it: {@link exactReturn}, {@link exactPolicyGradient}, {@link policyEvaluation}.
 *
 * @param spec - P (S·A·S), R (S×A), gamma, initial (S), optional terminal, features, maxSteps
 * @returns the environment with its tables
 * @throws {ShapeError} when the table sizes do not fit
 * @throws {InvalidArgumentError} on rows of P or `initial` that are not probability
 *   distributions (tolerance 1e-9), gamma outside (0, 1), or initial mass on a terminal state
 * @example
 * import { rng } from '@rg/linalg';
 * // two states, one action: 0 → 1 → 1 …, reward 1 in state 1
 * const mdp = tabularMDP({ P: [0, 1, 0, 1], R: [0, 1], gamma: 0.5, initial: [1, 0] });
 * mdp.reset(rng(0)) // => [0]
 * mdp.step(0) // => { state: [1], reward: 0, done: false, truncated: false }
 * mdp.step(0).reward // => 1
 */
export function tabularMDP(spec: TabularMDPSpec): TabularMDP {
  return buildTabularMDP('tabularMDP', 'TabularMDP', spec);
}
