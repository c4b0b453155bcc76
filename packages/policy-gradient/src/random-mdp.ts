// Random finite MDPs ("Garnet" problems, Archibald, McKinnon & Thomas 1995; Bhatnagar et al.
// 2009): each (s, a) reaches `branching` random next states with Dirichlet(1) probabilities.
import {
  InvalidArgumentError,
  rng,
  checkInRange,
  checkInteger,
  checkOptions,
  checkSeed,
} from '@rg/linalg';
import { buildTabularMDP, type TabularMDP } from './tabular-mdp.js';

/** Options of {@link randomMDP}. */
export interface RandomMDPOptions {
  /** number of states S ≥ 1 */
  states: number;
  /** number of actions A ≥ 1 */
  actions: number;
  /** discount factor in (0, 1) (default 0.9) */
  gamma?: number;
  /** seed of the tables (default 0) */
  seed?: number;
  /** next states reachable from each (s, a), 1 … S (default S: a dense transition table) */
  branching?: number;
  /** time limit (default as in {@link tabularMDP}) */
  maxSteps?: number;
}

/**
 * A random finite MDP: for every (s, a), `branching` distinct next states drawn uniformly with
 * Dirichlet(1, …, 1) probabilities, rewards r(s, a) ~ U(0, 1), and a uniform initial state.
 * The same seed gives the same tables on every platform.
 *
 * @param options - states, actions, gamma, seed, branching, maxSteps
 * @throws {InvalidArgumentError} on sizes < 1, branching outside 1 … S, or gamma outside (0, 1)
 * @example
 * const mdp = randomMDP({ states: 4, actions: 2, seed: 3 });
 * mdp.P.length // => 32
 * mdp.P.slice(0, 4).reduce((a, b) => a + b) // => ~1
 * randomMDP({ states: 4, actions: 2, seed: 3 }).R[5] === mdp.R[5] // => true
 */
export function randomMDP(options: RandomMDPOptions): TabularMDP {
  const fn = 'randomMDP';
  const o = checkOptions(fn, 'options', options);
  const S = checkInteger(fn, 'options.states', o.states, 1);
  const A = checkInteger(fn, 'options.actions', o.actions, 1);
  const gamma = checkInRange(fn, 'options.gamma', o.gamma ?? 0.9, 0, 1, true, true);
  const seed = checkSeed(fn, 'options.seed', o.seed ?? 0);
  const branching = checkInteger(fn, 'options.branching', o.branching ?? S, 1);
  if (branching > S)
    throw new InvalidArgumentError(
      `${fn}(): options.branching must be at most states = ${S} (got ${branching})`,
    );
  const r = rng(seed);
  const P = new Float64Array(S * A * S);
  const all = Array.from({ length: S }, (_, i) => i);
  for (let row = 0; row < S * A; row++) {
    const next = branching === S ? all : r.shuffle(all).slice(0, branching);
    let sum = 0;
    const w = next.map(() => {
      // Exp(1) = −log U: normalized exponentials are Dirichlet(1, …, 1)
      const e = -Math.log(1 - r.uniform());
      sum += e;
      return e;
    });
    next.forEach((j, k) => {
      P[row * S + j] = w[k] / sum;
    });
  }
  const R = Float64Array.from({ length: S * A }, () => r.uniform());
  const initial = new Float64Array(S).fill(1 / S);
  return buildTabularMDP(fn, 'RandomMDP', {
    P,
    R,
    gamma,
    initial,
    maxSteps: o.maxSteps,
  });
}
