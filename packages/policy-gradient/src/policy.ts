// The policy interface: a parametric distribution π_θ(a | s) with its score ∇θ log π, the exact
// Hessian of log π along a direction, and KL divergences (Williams 1992; Sutton et al. 2000;
// Pearlmutter 1994 for the Hessian-vector products).
import type { Matrix, Rng } from '@rg/linalg';
import type { Layer } from '@rg/nn';
import type { Action } from './environment.js';

/**
 * The action distributions of a policy at a batch of observations, one row per observation:
 * logits of a categorical (softmax) policy, or means and log standard deviations of a diagonal
 * Gaussian. Used as the reference π_old of KL terms and importance ratios.
 *
 * @example
 * const pi = softmaxTabularPolicy(2, 3);
 * const d: PolicyDistribution = pi.distribution(pi.initialParameters(), pi.observationsOf([0, 1]));
 * d.kind // => 'categorical'
 */
export type PolicyDistribution =
  | { readonly kind: 'categorical'; readonly logits: Matrix }
  | { readonly kind: 'gaussian'; readonly mean: Matrix; readonly logStd: Float64Array };

/**
 * A stochastic policy π_θ(a | s) with flat parameters θ (length `dim`): a network from @rg/nn
 * mapping each observation row to the parameters of a categorical (softmax over `actions`
 * logits) or diagonal Gaussian (`actions`-dimensional mean, state-independent log standard
 * deviations at the end of θ) distribution.
 *
 * Every method takes θ explicitly (the algorithms evaluate policies at extrapolated and
 * interpolated points) and leaves θ unchanged. Single-observation methods take a Float64Array
 * observation; the `…Batch` methods take an n × `observationSize` Matrix of observations and an
 * n × `actionSize` Matrix of actions (a categorical action is its index). Weighted sums over a
 * batch (Σᵢ wᵢ ∇θ log π(aᵢ | sᵢ)) cost one forward and one backward pass of the network.
 *
 * `hvpLogProb` is the exact Hessian-vector product ∇²θ log π(a | s) v by Pearlmutter's
 * R-operator through the network and the closed-form second derivatives of the head, what the
 * Hessian-aided methods (HARPG) need.
 *
 * @example
 * import { rng } from '@rg/linalg';
 * const pi: Policy = softmaxTabularPolicy(2, 2);
 * const theta = Float64Array.from([0, 0, 1, 0]); // state 1 prefers action 0
 * pi.logProb(theta, Float64Array.of(1), 0) // => ~-0.3133
 * pi.gradLogProb(theta, Float64Array.of(1), 0) // => ~[0, 0, 0.2689, -0.2689]
 * pi.sample(theta, Float64Array.of(0), rng(1)) < 2 // => true
 */
export interface Policy {
  /** 'categorical' (discrete actions) or 'gaussian' (continuous actions) */
  readonly kind: 'categorical' | 'gaussian';
  /** number of parameters */
  readonly dim: number;
  /** length of one observation */
  readonly observationSize: number;
  /** length of one action as stored in a batch: 1 (the index) or the Gaussian dimension */
  readonly actionSize: number;
  /** number of actions (categorical) or action dimension (Gaussian) */
  readonly actions: number;
  /** the network from observations to logits or means; its `params` are θ's first entries */
  readonly network: Layer;
  /** a fresh copy of the initial parameters θ₀ */
  initialParameters(): Float64Array;
  /** an n × observationSize Matrix from n observations (numbers: state indices) */
  observationsOf(observations: ArrayLike<number | ArrayLike<number>>): Matrix;
  /** draw a ~ π_θ(· | s) */
  sample(theta: Float64Array, observation: Float64Array, rng: Rng): Action;
  /** log π_θ(a | s) */
  logProb(theta: Float64Array, observation: Float64Array, action: Action): number;
  /** ∇θ log π_θ(a | s) */
  gradLogProb(
    theta: Float64Array,
    observation: Float64Array,
    action: Action,
    out?: Float64Array,
  ): Float64Array;
  /** ∇²θ log π_θ(a | s) · v, exact */
  hvpLogProb(
    theta: Float64Array,
    observation: Float64Array,
    action: Action,
    v: Float64Array,
    out?: Float64Array,
  ): Float64Array;
  /** one action per row (n × actionSize) */
  sampleBatch(theta: Float64Array, observations: Matrix, rng: Rng): Matrix;
  /** log π_θ(aᵢ | sᵢ) per row */
  logProbBatch(
    theta: Float64Array,
    observations: Matrix,
    actions: Matrix,
    out?: Float64Array,
  ): Float64Array;
  /** Σᵢ wᵢ ∇θ log π_θ(aᵢ | sᵢ) */
  gradLogProbBatch(
    theta: Float64Array,
    observations: Matrix,
    actions: Matrix,
    weights: ArrayLike<number>,
    out?: Float64Array,
  ): Float64Array;
  /** ⟨∇θ log π_θ(aᵢ | sᵢ), v⟩ per row (one forward-mode pass) */
  jvpLogProbBatch(
    theta: Float64Array,
    observations: Matrix,
    actions: Matrix,
    v: Float64Array,
    out?: Float64Array,
  ): Float64Array;
  /** Σᵢ wᵢ ∇²θ log π_θ(aᵢ | sᵢ) · v, exact */
  hvpLogProbBatch(
    theta: Float64Array,
    observations: Matrix,
    actions: Matrix,
    weights: ArrayLike<number>,
    v: Float64Array,
    out?: Float64Array,
  ): Float64Array;
  /** the action distributions at the observations (logits, or means and log std) */
  distribution(theta: Float64Array, observations: Matrix): PolicyDistribution;
  /** KL(π_θ(· | sᵢ) ‖ reference row i) per row */
  klBatch(
    theta: Float64Array,
    observations: Matrix,
    reference: PolicyDistribution,
    out?: Float64Array,
  ): Float64Array;
  /** Σᵢ wᵢ ∇θ KL(π_θ(· | sᵢ) ‖ reference row i) */
  gradKlBatch(
    theta: Float64Array,
    observations: Matrix,
    reference: PolicyDistribution,
    weights: ArrayLike<number>,
    out?: Float64Array,
  ): Float64Array;
}
