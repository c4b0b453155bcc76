// Value iteration V ← max_a [r(s, a) + γ Σ P(s'|s, a) V(s')] for the optimal values of a finite
// MDP (Bellman 1957; Puterman 1994, §6.3), the yardstick of the tabular learning curves.
import type { IterativeResult } from '@rg/linalg';
import {
  ConvergenceError,
  InvalidArgumentError,
  throwIfAborted,
  checkInteger,
  checkOptions,
  checkPositive,
} from '@rg/linalg';
import type { TabularMDP } from './tabular-mdp.js';

/** Options of {@link valueIteration}. */
export interface ValueIterationOptions {
  /** most sweeps (default 10000) */
  maxIter?: number;
  /** stop when max |V_{k+1} − V_k| ≤ tol·(1 − γ)/(2γ), which bounds the error of the greedy
   * policy's value by tol (default 1e-10) */
  tol?: number;
  /** throw ConvergenceError instead of reporting non-convergence */
  strict?: boolean;
  signal?: AbortSignal;
}

/** What {@link valueIteration} returns. */
export interface ValueIterationResult extends IterativeResult {
  /** S optimal values V*(s) (to tol) */
  readonly values: Float64Array;
  /** S greedy actions of an optimal deterministic policy */
  readonly policy: Int32Array;
  /** J* = Σ_s ρ(s) V*(s) */
  readonly return: number;
}

/**
 * The optimal values, an optimal deterministic policy and the optimal return of a finite MDP by
 * value iteration (a γ-contraction: the error falls by γ per sweep). `residual` is the last
 * sup-norm change.
 *
 * @param mdp - a {@link tabularMDP}
 * @param options - maxIter, tol, strict, signal
 * @throws {ConvergenceError} with `strict` when maxIter sweeps do not reach tol
 * @example
 * const mdp = tabularMDP({ P: [1, 1], R: [0, 1], gamma: 0.5, initial: [1] });
 * valueIteration(mdp).values // => ~[2]
 * valueIteration(mdp).policy // => [1]
 */
export function valueIteration(
  mdp: TabularMDP,
  options: ValueIterationOptions = {},
): ValueIterationResult {
  const fn = 'valueIteration';
  if (!mdp || !(mdp.P instanceof Float64Array) || !Number.isInteger(mdp.states))
    throw new InvalidArgumentError(`${fn}(): mdp must be a TabularMDP`);
  const o = checkOptions(fn, 'options', options);
  const maxIter = checkInteger(fn, 'options.maxIter', o.maxIter ?? 10000, 1);
  const tol = checkPositive(fn, 'options.tol', o.tol ?? 1e-10, true);
  const { states: S, actions: A, P, R, gamma, terminal, initial } = mdp;
  let V = new Float64Array(S);
  let next = new Float64Array(S);
  const policy = new Int32Array(S);
  const threshold = (tol * (1 - gamma)) / (2 * gamma);
  let residual = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIter) {
    if (iterations % 256 === 0) throwIfAborted(fn, o.signal);
    iterations++;
    residual = 0;
    for (let s = 0; s < S; s++) {
      if (terminal[s]) {
        next[s] = 0;
        continue;
      }
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        const row = (s * A + a) * S;
        let q = R[s * A + a];
        for (let j = 0; j < S; j++) q += gamma * P[row + j] * V[j];
        if (q > best) {
          best = q;
          policy[s] = a;
        }
      }
      next[s] = best;
      residual = Math.max(residual, Math.abs(best - V[s]));
    }
    [V, next] = [next, V];
    if (residual <= threshold) break;
  }
  const converged = residual <= threshold;
  if (!converged && o.strict)
    throw new ConvergenceError(
      `${fn}(): no convergence in ${maxIter} sweeps (last change ${residual.toExponential(2)})`,
      { iterations, residual },
    );
  let J = 0;
  for (let s = 0; s < S; s++) J += initial[s] * V[s];
  return { values: V, policy, return: J, iterations, converged, residual };
}
