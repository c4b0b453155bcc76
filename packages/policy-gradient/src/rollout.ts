// Monte Carlo sampling of episodes under a stochastic policy (Williams 1992): the data every
// policy-gradient estimator here is computed from.
import {
  checkInRange,
  checkInteger,
  checkOptions,
  checkSeed,
  checkVector,
  InvalidArgumentError,
  type Matrix,
  type Rng,
  rng as makeRng,
} from '@rg/linalg';
import type { Environment, VectorEnvironment } from './environment.js';
import { kernelsOf, type PolicyKernels } from './internal/network-policy.js';
import type { Policy } from './policy.js';
import { spaceSize, spaceSizeOf } from './spaces.js';

/**
 * A batch of episodes, stored step by step: episode e occupies rows starts[e] … starts[e+1] − 1
 * of `observations`, `actions`, `rewards` and `logProbs`.
 */
export interface Trajectories {
  /** T × observation size */
  readonly observations: Matrix;
  /** T × action size (a categorical action is its index) */
  readonly actions: Matrix;
  /** T rewards */
  readonly rewards: Float64Array;
  /** T values log π_θ(aₜ | sₜ) of the policy that collected the data */
  readonly logProbs: Float64Array;
  /** E + 1 offsets of the episodes */
  readonly starts: Int32Array;
  /** E flags: 1 when the episode ended in a terminal state (no value after it) */
  readonly terminated: Uint8Array;
  /**
   * E flags: 1 when the episode ended (terminal state or the environment's time limit), 0 when
   * the step budget of the rollout cut it
   */
  readonly complete: Uint8Array;
  /** E × observation size: the observation after each episode's last step */
  readonly finalObservations: Matrix;
  /** E undiscounted returns Σₜ rₜ */
  readonly returns: Float64Array;
  /** E discounted returns Σₜ γᵗ rₜ (γ of the rollout) */
  readonly discountedReturns: Float64Array;
  /** T */
  readonly steps: number;
  /** E */
  readonly episodes: number;
}

/** Options of {@link rollout}. */
export interface RolloutOptions {
  /** collect this many complete episodes (default 1 when `steps` is absent) */
  episodes?: number;
  /** collect exactly this many steps (the last episode of each copy may be cut) */
  steps?: number;
  /** seed of a fresh generator (default 0); ignored when `rng` is given */
  seed?: number;
  /** the generator to draw from (continues its stream) */
  rng?: Rng;
  /** discount of `discountedReturns` (default the environment's gamma) */
  gamma?: number;
}

class Builder {
  obs: number[] = [];
  acts: number[] = [];
  rewards: number[] = [];
  starts: number[] = [0];
  terminated: number[] = [];
  complete: number[] = [];
  finals: number[] = [];
  returns: number[] = [];
  discounted: number[] = [];

  constructor(
    readonly obsSize: number,
    readonly actSize: number,
    readonly gamma: number,
  ) {}

  /** append one finished (or cut) episode given as flat step arrays */
  addEpisode(
    obs: number[],
    acts: number[],
    rewards: number[],
    final: ArrayLike<number>,
    terminated: boolean,
    complete: boolean,
  ): void {
    for (const v of obs) this.obs.push(v);
    for (const v of acts) this.acts.push(v);
    let ret = 0;
    let disc = 0;
    let g = 1;
    for (const r of rewards) {
      this.rewards.push(r);
      ret += r;
      disc += g * r;
      g *= this.gamma;
    }
    this.starts.push(this.rewards.length);
    this.terminated.push(terminated ? 1 : 0);
    this.complete.push(complete ? 1 : 0);
    for (let i = 0; i < final.length; i++) this.finals.push(final[i]);
    this.returns.push(ret);
    this.discounted.push(disc);
  }

  build(policy: PolicyKernels, theta: Float64Array): Trajectories {
    const T = this.rewards.length;
    const E = this.returns.length;
    const observations: Matrix = {
      rows: T,
      cols: this.obsSize,
      data: Float64Array.from(this.obs),
    };
    const actions: Matrix = { rows: T, cols: this.actSize, data: Float64Array.from(this.acts) };
    const logProbs = new Float64Array(T);
    if (T > 0) policy.logProbBatch(theta, observations, actions, logProbs);
    return {
      observations,
      actions,
      rewards: Float64Array.from(this.rewards),
      logProbs,
      starts: Int32Array.from(this.starts),
      terminated: Uint8Array.from(this.terminated),
      complete: Uint8Array.from(this.complete),
      finalObservations: { rows: E, cols: this.obsSize, data: Float64Array.from(this.finals) },
      returns: Float64Array.from(this.returns),
      discountedReturns: Float64Array.from(this.discounted),
      steps: T,
      episodes: E,
    };
  }
}

function isVector(env: Environment | VectorEnvironment): env is VectorEnvironment {
  return typeof (env as VectorEnvironment).copies === 'number';
}

/** @internal rollout without argument checks (the algorithms' inner loop) */
export function rolloutKernel(
  env: Environment | VectorEnvironment,
  policy: PolicyKernels,
  actionSize: number,
  theta: Float64Array,
  episodes: number,
  steps: number,
  r: Rng,
  gamma: number,
): Trajectories {
  const obsSize = spaceSize(env.observationSpace);
  const b = new Builder(obsSize, actionSize, gamma);
  const discrete = env.actionSpace.kind === 'discrete';
  if (!isVector(env)) {
    let total = 0;
    for (let e = 0; steps > 0 ? total < steps : e < episodes; e++) {
      let s = env.reset(r);
      const obs: number[] = [];
      const acts: number[] = [];
      const rewards: number[] = [];
      let terminated = false;
      let ended = false;
      while (!ended && !(steps > 0 && total >= steps)) {
        const a = policy.sample(theta, s, r);
        for (let i = 0; i < obsSize; i++) obs.push(s[i]);
        if (typeof a === 'number') acts.push(a);
        else for (let i = 0; i < a.length; i++) acts.push(a[i]);
        const res = env.step(discrete && typeof a !== 'number' ? a[0] : a);
        rewards.push(res.reward);
        s = res.state;
        total++;
        terminated = res.done;
        ended = res.done || res.truncated;
      }
      b.addEpisode(obs, acts, rewards, s, terminated, ended);
    }
    return b.build(policy, theta);
  }
  // vector environment: copy i collects its own quota of whole episodes (or steps), so which
  // episodes enter the batch never depends on how long the other copies' episodes are
  const n = env.copies;
  const quota = Array.from({ length: n }, (_, i) =>
    steps > 0
      ? Math.floor(steps / n) + (i < steps % n ? 1 : 0)
      : Math.floor(episodes / n) + (i < episodes % n ? 1 : 0),
  );
  const done = new Int32Array(n);
  const cur = Array.from({ length: n }, () => ({
    obs: [] as number[],
    acts: [] as number[],
    rewards: [] as number[],
  }));
  let S = env.reset(r);
  const active = () => {
    for (let i = 0; i < n; i++) if (done[i] < quota[i]) return true;
    return false;
  };
  while (active()) {
    const A = policy.sampleBatch(theta, S, r);
    const res = env.step(discrete ? A.data : A);
    for (let i = 0; i < n; i++) {
      if (done[i] >= quota[i]) continue;
      const c = cur[i];
      for (let k = 0; k < obsSize; k++) c.obs.push(S.data[i * obsSize + k]);
      for (let k = 0; k < actionSize; k++) c.acts.push(A.data[i * actionSize + k]);
      c.rewards.push(res.rewards[i]);
      const final = res.finalStates.data.subarray(i * obsSize, (i + 1) * obsSize);
      const ended = res.dones[i] === 1 || res.truncated[i] === 1;
      if (steps > 0) {
        done[i]++;
        if (ended || done[i] >= quota[i]) {
          b.addEpisode(c.obs, c.acts, c.rewards, final, res.dones[i] === 1, ended);
          cur[i] = { obs: [], acts: [], rewards: [] };
        }
      } else if (ended) {
        b.addEpisode(c.obs, c.acts, c.rewards, final, res.dones[i] === 1, true);
        cur[i] = { obs: [], acts: [], rewards: [] };
        done[i]++;
      }
    }
    S = res.states;
  }
  return b.build(policy, theta);
}

/** @internal validate an environment against a policy */
export function checkEnvironment(
  fn: string,
  env: Environment | VectorEnvironment,
  policy: Policy,
): void {
  if (!env || typeof env.step !== 'function' || typeof env.reset !== 'function')
    throw new InvalidArgumentError(`${fn}(): env must be an Environment (reset, step)`);
  if (!policy || typeof policy.sample !== 'function')
    throw new InvalidArgumentError(`${fn}(): policy must be a Policy`);
  const os = spaceSizeOf(fn, 'env.observationSpace', env.observationSpace);
  spaceSizeOf(fn, 'env.actionSpace', env.actionSpace);
  if (os !== policy.observationSize)
    throw new InvalidArgumentError(
      `${fn}(): the policy reads observations of length ${policy.observationSize}; ${env.name} delivers ${os}`,
    );
  const as = env.actionSpace;
  const fits =
    (as.kind === 'discrete' && policy.kind === 'categorical' && policy.actions === as.n) ||
    (as.kind === 'box' && policy.kind === 'gaussian' && policy.actions === as.size);
  if (!fits)
    throw new InvalidArgumentError(
      `${fn}(): a ${policy.kind} policy with ${policy.actions} actions does not fit ${env.name}'s ${as.kind === 'discrete' ? `${as.n} discrete actions` : `${as.size}-dimensional actions`}`,
    );
}

/**
 * Sample episodes of `env` under the policy π_θ: complete episodes (`episodes`), or exactly
 * `steps` transitions (the running episode is cut at the budget: `complete` 0). With a
 * {@link VectorEnvironment} the copies run in lockstep and the policy samples all copies in one
 * batched pass; each copy collects its own share of the episodes, so the batch is an unbiased
 * sample of episodes whatever their lengths.
 *
 * @param env - an environment or a vector environment
 * @param policy - a policy whose observation and action spaces fit `env`
 * @param theta - the policy parameters
 * @param options - episodes or steps, seed or rng, gamma
 * @returns the steps, rewards, behaviour log-probabilities and per-episode returns
 * @throws {InvalidArgumentError} when the policy does not fit the environment, or on bad counts
 * @throws {ShapeError} when theta has the wrong length
 * @example
 * const env = gridWorld({ rows: 2, cols: 2, slip: 0 });
 * const pi = softmaxTabularPolicy(env.states, 4);
 * const batch = rollout(env, pi, pi.initialParameters(), { episodes: 3, seed: 1 });
 * batch.episodes // => 3
 * batch.starts.length // => 4
 * batch.terminated // => [1, 1, 1]
 */
export function rollout(
  env: Environment | VectorEnvironment,
  policy: Policy,
  theta: Float64Array,
  options: RolloutOptions = {},
): Trajectories {
  const fn = 'rollout';
  checkEnvironment(fn, env, policy);
  checkVector(fn, 'theta', theta, policy.dim);
  const o = checkOptions(fn, 'options', options);
  const steps = o.steps === undefined ? 0 : checkInteger(fn, 'options.steps', o.steps, 1);
  if (steps > 0 && o.episodes !== undefined)
    throw new InvalidArgumentError(`${fn}(): give options.episodes or options.steps, not both`);
  const episodes = steps > 0 ? 0 : checkInteger(fn, 'options.episodes', o.episodes ?? 1, 1);
  const r = o.rng ?? makeRng(checkSeed(fn, 'options.seed', o.seed ?? 0));
  const gamma = o.gamma ?? env.gamma;
  checkInRange(fn, 'options.gamma', gamma, 0, 1, true);
  return rolloutKernel(env, kernelsOf(policy), policy.actionSize, theta, episodes, steps, r, gamma);
}
