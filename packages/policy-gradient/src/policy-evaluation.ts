// Exact evaluation of a policy on a finite MDP: Bellman's linear equations for V^π and the
// discounted state occupancy, and the policy-gradient theorem ∇J = Σ_s d^π(s) Σ_a π(a|s) Q^π(s,a)
// ∇log π(a|s) (Puterman 1994, §6.1; Sutton, McAllester, Singh & Mansour 2000, Theorem 1).
import { type Matrix, solve, transpose, checkVector } from '@rg/linalg';
import { kernelsOf } from './internal/network-policy.js';
import type { Policy } from './policy.js';
import { checkEnvironment } from './rollout.js';
import type { TabularMDP } from './tabular-mdp.js';

/** What {@link policyEvaluation} returns. */
export interface PolicyEvaluation {
  /** S state values V^π(s) = E[Σ γᵗ rₜ | s₀ = s] (0 at terminal states) */
  readonly values: Float64Array;
  /** S·A action values Q^π(s, a) = r(s, a) + γ Σ P(s'|s, a) V^π(s') */
  readonly qValues: Float64Array;
  /** S discounted state occupancies d^π(s) = Σₜ γᵗ Pr(sₜ = s) (they sum to at most 1/(1 − γ)) */
  readonly occupancy: Float64Array;
  /** S·A action probabilities π(a | s) */
  readonly probabilities: Float64Array;
  /** J(θ) = Σ_s ρ(s) V^π(s) */
  readonly return: number;
}

/** all (observation of s, a) pairs, s-major */
function pairs(mdp: TabularMDP): { X: Matrix; A: Matrix } {
  const S = mdp.states;
  const Aq = mdp.actions;
  const obs = mdp.observations();
  const d = obs.cols;
  const X = new Float64Array(S * Aq * d);
  const A = new Float64Array(S * Aq);
  for (let s = 0; s < S; s++)
    for (let a = 0; a < Aq; a++) {
      X.set(obs.data.subarray(s * d, (s + 1) * d), (s * Aq + a) * d);
      A[s * Aq + a] = a;
    }
  return { X: { rows: S * Aq, cols: d, data: X }, A: { rows: S * Aq, cols: 1, data: A } };
}

function evaluate(
  fn: string,
  mdp: TabularMDP,
  policy: Policy,
  theta: Float64Array,
): PolicyEvaluation & { X: Matrix; A: Matrix } {
  checkEnvironment(fn, mdp, policy);
  checkVector(fn, 'theta', theta, policy.dim);
  const S = mdp.states;
  const Aq = mdp.actions;
  const { P, R, gamma, terminal, initial } = mdp;
  const { X, A } = pairs(mdp);
  const pi = kernelsOf(policy).logProbBatch(theta, X, A, new Float64Array(S * Aq));
  for (let i = 0; i < pi.length; i++) pi[i] = Math.exp(pi[i]);
  // M = I − γ P_π with the columns of terminal states removed (no value after them) and their
  // rows set to the identity (V = 0 there)
  const M = new Float64Array(S * S);
  const r = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    M[s * S + s] = 1;
    if (terminal[s]) continue;
    for (let a = 0; a < Aq; a++) {
      const p = pi[s * Aq + a];
      r[s] += p * R[s * Aq + a];
      const row = (s * Aq + a) * S;
      for (let j = 0; j < S; j++) if (!terminal[j]) M[s * S + j] -= gamma * p * P[row + j];
    }
  }
  const Mm: Matrix = { rows: S, cols: S, data: M };
  const values = solve(Mm, r);
  const occupancy = solve(transpose(Mm), initial);
  const qValues = new Float64Array(S * Aq);
  for (let s = 0; s < S; s++) {
    if (terminal[s]) continue;
    for (let a = 0; a < Aq; a++) {
      const row = (s * Aq + a) * S;
      let q = R[s * Aq + a];
      for (let j = 0; j < S; j++) q += gamma * P[row + j] * values[j];
      qValues[s * Aq + a] = q;
    }
  }
  let J = 0;
  for (let s = 0; s < S; s++) J += initial[s] * values[s];
  return { values, qValues, occupancy, probabilities: pi, return: J, X, A };
}

/**
 * The exact values, action values, discounted occupancy and return of the policy π_θ on a finite
 * MDP, by two linear solves with I − γP_π (LU, O(S³)). Infinite horizon: the environment's time
 * limit (chosen so that γ^H ≤ 1e-8 by default) is ignored.
 *
 * @param mdp - a {@link tabularMDP} (or random MDP, grid world)
 * @param policy - a categorical policy over the MDP's observations and actions
 * @param theta - the policy parameters
 * @throws {InvalidArgumentError} when the policy does not fit the MDP
 * @throws {ShapeError} when theta has the wrong length
 * @example
 * // 0 → 1 → 1 → … whatever the action, reward 1 in state 1:
 * // V(1) = 1/(1 − 0.5) = 2, V(0) = 0 + 0.5·2 = 1; d(0) = 1, d(1) = 0.5 + 0.25 + … = 1
 * const mdp = tabularMDP({ P: [0, 1, 0, 1, 0, 1, 0, 1], R: [0, 0, 1, 1], gamma: 0.5, initial: [1, 0] });
 * const pi = softmaxTabularPolicy(2, 2);
 * policyEvaluation(mdp, pi, pi.initialParameters()).values // => ~[1, 2]
 * policyEvaluation(mdp, pi, pi.initialParameters()).occupancy // => ~[1, 1]
 */
export function policyEvaluation(
  mdp: TabularMDP,
  policy: Policy,
  theta: Float64Array,
): PolicyEvaluation {
  const {
    values,
    qValues,
    occupancy,
    probabilities,
    return: J,
  } = evaluate('policyEvaluation', mdp, policy, theta);
  return { values, qValues, occupancy, probabilities, return: J };
}

/**
 * J(θ) = E[Σₜ γᵗ rₜ] of π_θ on a finite MDP, exactly (see {@link policyEvaluation}).
 *
 * @throws {InvalidArgumentError} when the policy does not fit the MDP
 * @example
 * const mdp = randomMDP({ states: 5, actions: 3, seed: 1 });
 * const pi = softmaxTabularPolicy(5, 3);
 * const J = exactReturn(mdp, pi, pi.initialParameters());
 * J > 0 && J < 10 // => true
 */
export function exactReturn(mdp: TabularMDP, policy: Policy, theta: Float64Array): number {
  return evaluate('exactReturn', mdp, policy, theta).return;
}

/**
 * ∇J(θ) of π_θ on a finite MDP, exactly, by the policy-gradient theorem with the exact
 * discounted occupancy: Σ_s d^π(s) Σ_a π(a|s) Q^π(s, a) ∇θ log π(a|s) — one backward pass of
 * the policy over all S·A pairs. The reference for the sampled estimators in tests.
 *
 * @throws {InvalidArgumentError} when the policy does not fit the MDP
 * @example
 * const mdp = tabularMDP({ P: [1, 1], R: [0, 1], gamma: 0.5, initial: [1] });
 * const pi = softmaxTabularPolicy(1, 2);
 * // J = π₁/(1 − γ) and ∂J/∂θ₁ = π₁(1 − π₁)/(1 − γ) = 0.5
 * exactPolicyGradient(mdp, pi, pi.initialParameters()) // => ~[-0.5, 0.5]
 */
export function exactPolicyGradient(
  mdp: TabularMDP,
  policy: Policy,
  theta: Float64Array,
): Float64Array {
  const e = evaluate('exactPolicyGradient', mdp, policy, theta);
  const S = mdp.states;
  const Aq = mdp.actions;
  const w = new Float64Array(S * Aq);
  for (let s = 0; s < S; s++)
    for (let a = 0; a < Aq; a++)
      w[s * Aq + a] = e.occupancy[s] * e.probabilities[s * Aq + a] * e.qValues[s * Aq + a];
  return kernelsOf(policy).gradLogProbBatch(theta, e.X, e.A, w, new Float64Array(policy.dim));
}
