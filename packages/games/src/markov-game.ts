// Two-player discounted Markov (stochastic) games with softmax policies and entropy
// regularization (Shapley 1953; Cen, Wei & Chi, "Fast Policy Extragradient Methods for
// Competitive Games with Entropy Regularization", 2021).
import {
  assertFiniteArray,
  checkInRange,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import type { Game } from './game.js';
import { createGame } from './internal/game-kernels.js';
import {
  evaluateMarkov,
  type MarkovData,
  naturalField,
  policyGradientField,
} from './internal/markov.js';

/** What {@link markovGame} needs. */
export interface MarkovGameSpec {
  /** transitions[s][a][b][s'] = P(s' | s, a, b); each [s][a][b] row a probability vector */
  transitions: ArrayLike<ArrayLike<ArrayLike<ArrayLike<number>>>>;
  /** rewards[i][s][a][b]: the reward of player i (each player maximizes its own) */
  rewards: readonly [
    ArrayLike<ArrayLike<ArrayLike<number>>>,
    ArrayLike<ArrayLike<ArrayLike<number>>>,
  ];
  /** discount γ ∈ [0, 1) */
  discount: number;
  /** entropy weight τ ≥ 0: each player adds τ·H(π_i(·|s)) to its reward */
  entropy: number;
  /** initial state distribution ρ (default uniform); the Euclidean policy gradient weighs states by it */
  initial?: ArrayLike<number>;
}

/**
 * A Markov game in logit coordinates x = (θ₁, θ₂), θ_i(s, ·) the logits of player i's softmax
 * policy at state s (row-major, states × actions). As a {@link Game} its pseudo-gradient is the
 * Euclidean policy gradient F_i = −∇_{θ_i} V_i^τ(ρ); `fisher` is the same game in the Fisher
 * (mirror) geometry, whose pseudo-gradient is the natural one.
 */
export interface MarkovGame extends Game {
  readonly states: number;
  /** number of actions of each player */
  readonly actions: readonly [number, number];
  readonly discount: number;
  readonly entropy: number;
  /**
   * The game with the natural pseudo-gradient N_i(θ) = (τθ_i − Q_i^τ(θ))/(1 − γ): an Euler
   * step of size η is the entropy-regularized natural policy gradient update
   * π⁺ ∝ π^{1 − ητ/(1−γ)} exp(η Q/(1 − γ)). Its unique zero θ* = Q(θ*)/τ is the regularized
   * (logit quantal-response) equilibrium.
   */
  readonly fisher: Game;
  /** softmax policies (states × actions matrices) at x */
  policies(x: Float64Array): [Matrix, Matrix];
  /** regularized values V_i^τ(s) of both players at x */
  values(x: Float64Array): [Float64Array, Float64Array];
  /** soft Q-functions Q_i(s, a_i) = E_{a_{-i}}[r_i + γ V_i(s')] (states × own actions) */
  qValues(x: Float64Array): [Matrix, Matrix];
}

function flatten(fn: string, name: string, v: unknown, shape: number[]): Float64Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(size);
  let k = 0;
  const walk = (node: unknown, depth: number, path: string) => {
    const arr = node as ArrayLike<unknown>;
    if (arr === null || typeof arr !== 'object' || arr.length !== shape[depth])
      throw new ShapeError(`${fn}(): ${name}${path} must have length ${shape[depth]}`);
    for (let i = 0; i < shape[depth]; i++) {
      if (depth === shape.length - 1) {
        const x = arr[i] as number;
        if (typeof x !== 'number' || !Number.isFinite(x))
          throw new InvalidArgumentError(`${fn}(): ${name}${path}[${i}] must be a finite number`);
        out[k++] = x;
      } else walk(arr[i], depth + 1, `${path}[${i}]`);
    }
  };
  walk(v, 0, '');
  return out;
}

function sizeOf(v: unknown): number {
  const a = v as ArrayLike<unknown>;
  return a && typeof a === 'object' && typeof a.length === 'number' ? a.length : 0;
}

/**
 * A two-player Markov game with softmax policies: each player maximizes its discounted reward
 * plus τ times the entropy of its own policy. Values are computed exactly by solving
 * (I − γP_π)V = r_π + τH_π, so keep the game small (tens of states).
 *
 * @param spec - `{ transitions, rewards, discount, entropy, initial? }`
 * @throws {ShapeError} when the nested arrays are ragged
 * @throws {InvalidArgumentError} when a transition row is not a probability vector, γ ∉ [0, 1) or τ < 0
 * @example
 * // one state, matching pennies: the regularized equilibrium is uniform for both players
 * const g = markovGame({
 *   transitions: [[[[1], [1]], [[1], [1]]]],
 *   rewards: [[[[1, -1], [-1, 1]]], [[[-1, 1], [1, -1]]]],
 *   discount: 0.5,
 *   entropy: 0.5,
 * });
 * g.pseudoGradient(new Float64Array(4)) // => ~[0, 0, 0, 0]
 * // the natural field vanishes at θ = Q/τ: here Q = γ·V = γ·τ·ln 2/(1 − γ), so θ = ln 2 everywhere
 * g.fisher.pseudoGradient(new Float64Array(4).fill(Math.LN2)) // => ~[0, 0, 0, 0]
 * g.policies(new Float64Array([1, 0, 0, 0]))[0] // => ~[[0.7311, 0.2689]]
 */
export function markovGame(spec: MarkovGameSpec): MarkovGame {
  const fn = 'markovGame';
  if (!spec || typeof spec !== 'object')
    throw new InvalidArgumentError(`${fn}(): spec must be an object`);
  const S = sizeOf(spec.transitions);
  const first = (spec.transitions as ArrayLike<ArrayLike<ArrayLike<unknown>>>)?.[0];
  const n1 = sizeOf(first);
  const n2 = sizeOf(first?.[0]);
  if (S < 1 || n1 < 1 || n2 < 1)
    throw new ShapeError(
      `${fn}(): transitions must be a non-empty [states][actions1][actions2][states] array`,
    );
  const P = flatten(fn, 'transitions', spec.transitions, [S, n1, n2, S]);
  for (let k = 0; k < S * n1 * n2; k++) {
    let sum = 0;
    for (let t = 0; t < S; t++) {
      const p = P[k * S + t];
      if (p < 0)
        throw new InvalidArgumentError(`${fn}(): transition probabilities must be ≥ 0 (got ${p})`);
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      const s = Math.floor(k / (n1 * n2));
      const a = Math.floor((k % (n1 * n2)) / n2);
      throw new InvalidArgumentError(
        `${fn}(): transitions[${s}][${a}][${k % n2}] must sum to 1 (sums to ${sum})`,
      );
    }
  }
  if (!Array.isArray(spec.rewards) || spec.rewards.length !== 2)
    throw new ShapeError(`${fn}(): rewards must hold two [states][actions1][actions2] arrays`);
  const r1 = flatten(fn, 'rewards[0]', spec.rewards[0], [S, n1, n2]);
  const r2 = flatten(fn, 'rewards[1]', spec.rewards[1], [S, n1, n2]);
  const gamma = spec.discount;
  checkInRange(fn, 'discount', gamma, 0, 1, false, true);
  const tau = checkPositive(fn, 'entropy', spec.entropy, true);
  let rho: Float64Array;
  if (spec.initial === undefined) rho = new Float64Array(S).fill(1 / S);
  else {
    rho = flatten(fn, 'initial', spec.initial, [S]);
    let sum = 0;
    for (const p of rho) {
      if (p < 0) throw new InvalidArgumentError(`${fn}(): initial must be ≥ 0 (got ${p})`);
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-9)
      throw new InvalidArgumentError(`${fn}(): initial must sum to 1 (sums to ${sum})`);
  }
  const data: MarkovData = { S, n1, n2, P, r1, r2, gamma, tau, rho };
  const sizes = [S * n1, S * n2];
  const sets = [{ kind: 'free' } as const, { kind: 'free' } as const];
  const fisher = createGame({
    sizes,
    sets,
    affine: false,
    equilibrium: undefined,
    F: (x, out) => naturalField(data, x, out),
  });
  const dim = S * (n1 + n2);
  const check = (name: string, x: Float64Array) => {
    if (!(x instanceof Float64Array) || x.length !== dim)
      throw new ShapeError(`markovGame.${name}(): x must be a Float64Array of length ${dim}`);
    assertFiniteArray(`markovGame.${name}`, 'x', x);
  };
  const mat = (rows: number, cols: number, d: Float64Array): Matrix => ({ rows, cols, data: d });
  const game = createGame(
    {
      sizes,
      sets,
      affine: false,
      equilibrium: undefined,
      F: (x, out) => policyGradientField(data, x, out),
    },
    {
      states: S,
      actions: [n1, n2] as const,
      discount: gamma,
      entropy: tau,
      fisher,
      policies(x: Float64Array): [Matrix, Matrix] {
        check('policies', x);
        const e = evaluateMarkov(data, x, false);
        return [mat(S, n1, e.pi1), mat(S, n2, e.pi2)];
      },
      values(x: Float64Array): [Float64Array, Float64Array] {
        check('values', x);
        const e = evaluateMarkov(data, x, false);
        return [e.V1, e.V2];
      },
      qValues(x: Float64Array): [Matrix, Matrix] {
        check('qValues', x);
        const e = evaluateMarkov(data, x, false);
        return [mat(S, n1, e.Q1), mat(S, n2, e.Q2)];
      },
    },
  );
  return game;
}
