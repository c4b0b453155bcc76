// The shapes every training algorithm here shares: options in, per-iteration records and
// progress out.
import type { Layer } from '@rg/nn';
import type { Optimizer } from '@rg/optim';

/** How a score-function estimate centres the returns: see {@link policyGradientEstimate}. */
export type BaselineKind = 'none' | 'leave-one-out' | 'running';

/** Options every training run accepts, on environments and on token tasks alike. */
export interface RunOptions {
  /** seed of every random draw of the run (default 0) */
  seed?: number;
  /** starting parameters θ₀ (default `policy.initialParameters()`); not modified */
  theta?: Float64Array;
  /** most iterations (default 100) */
  maxIterations?: number;
  /** stop after the iteration in which the samples used (environment steps, or sampled tokens) reach this many */
  maxSamples?: number;
  /**
   * stop once this return is reached: by `evaluate` when it is given, else by the mean return of
   * the episodes (or the mean reward of the sequences) collected in an iteration (noisy for
   * one-episode iterations)
   */
  targetReturn?: number;
  /** an evaluation of θ (e.g. an exact return, or {@link evaluatePolicy}); not counted as samples */
  evaluate?: (theta: Float64Array) => number;
  /** iterations between evaluations (default 1; the last iteration is always evaluated) */
  evaluateEvery?: number;
  /** aborts the run with an AbortError between iterations */
  signal?: AbortSignal;
  /** called after every iteration */
  onProgress?: (info: TrainProgress) => void;
}

/** Options every algorithm on an environment accepts. */
export interface TrainOptions extends RunOptions {
  /** discount of the objective J = E[Σ γᵗ rₜ] (default the environment's gamma) */
  gamma?: number;
}

/** One entry of a training history. */
export interface TrainRecord {
  /** 1-based iteration count */
  readonly iteration: number;
  /**
   * environment steps used so far (all trajectories the algorithm sampled); for the sequence
   * algorithms, the response tokens sampled so far
   */
  readonly samples: number;
  /** episodes sampled so far (for the sequence algorithms: sequences) */
  readonly episodes: number;
  /**
   * mean undiscounted return of the complete episodes sampled in this iteration (NaN if none);
   * for the sequence algorithms, the mean reward of the iteration's sequences
   */
  readonly meanReturn: number;
  /** `evaluate(θ)` after this iteration, when evaluated */
  readonly evaluation?: number;
}

/** What `onProgress` and the steps of {@link trainingSteps} receive after each iteration. */
export interface TrainProgress extends TrainRecord {
  /** the algorithm's name */
  readonly algorithm: string;
  /** the parameters after this iteration (a copy) */
  readonly theta: Float64Array;
  /** algorithm-specific figures (step size, gradient norm, KL, clip fraction, …) */
  readonly stats: Readonly<Record<string, number>>;
}

/** What every algorithm returns. */
export interface TrainResult {
  readonly algorithm: string;
  /** the final parameters */
  readonly theta: Float64Array;
  /** one record per iteration */
  readonly history: readonly TrainRecord[];
  readonly iterations: number;
  /** environment steps (or sampled tokens) used */
  readonly samples: number;
  readonly episodes: number;
  /** why the run stopped */
  readonly stopped: 'maxIterations' | 'maxSamples' | 'targetReturn';
}

/** Options of the score-function methods (vanillaPG, npgIgt, nHarpg, harpg). */
export interface ScoreFunctionOptions extends TrainOptions {
  /** episodes per gradient estimate (default: 10 for vanillaPG, 1 for the others) */
  batchEpisodes?: number;
  /**
   * baseline of the estimates: 'none', 'leave-one-out' (needs ≥ 2 episodes per batch) or
   * 'running' (a time-indexed average of earlier iterations' returns-to-go, decay 0.9)
   */
  baseline?: BaselineKind;
}

/** Options of {@link vanillaPG}. */
export interface VanillaPGOptions extends ScoreFunctionOptions {
  /** the optimizer stepping on −ĝ (default `sgd({ lr })` of @rg/optim) */
  optimizer?: Optimizer;
  /** learning rate of the default optimizer (default 0.01) */
  lr?: number;
}

/** Step-size schedules of the normalized and Hessian-aided methods. */
export interface MomentumScheduleOptions {
  /** γ₀ of the step sizes γₜ = γ₀·(2/(t + 2))^lrDecay (default 0.1) */
  lr?: number;
  /** exponent of the step-size decay (default 1) */
  lrDecay?: number;
  /** η₀ of the momentum weights ηₜ = η₀·(2/(t + 2))^etaDecay, in (0, 1] (default 1) */
  eta0?: number;
  /** exponent of the momentum-weight decay (default 4/5 for npgIgt, 1 for nHarpg/harpg) */
  etaDecay?: number;
}

/** Options of {@link npgIgt}. */
export interface NpgIgtOptions extends ScoreFunctionOptions, MomentumScheduleOptions {}

/** Options of {@link nHarpg} and {@link harpg}. */
export interface HarpgOptions extends ScoreFunctionOptions, MomentumScheduleOptions {
  /**
   * the estimate of ∇²J(x̂)Δ: 'trajectory' (default, the paper's B(τ, θ)Δ = ∇²ΦΔ +
   * ∇Φ⟨∇log p(τ), Δ⟩) or 'causal' (the same expectation, each reward paired only with the
   * scores of the actions before it: lower variance on long episodes)
   */
  hessianEstimate?: 'trajectory' | 'causal';
}

/** Options of the actor-critic methods (ppoClip, mdpo). */
export interface ActorCriticOptions extends TrainOptions {
  /** environment steps per iteration (default 2048) */
  batchSteps?: number;
  /** passes over each batch (default 10) */
  epochs?: number;
  /** samples per gradient step (default 64) */
  minibatchSize?: number;
  /** the policy optimizer, stepping on the negated surrogate gradient (default `adam({ lr })`) */
  optimizer?: Optimizer;
  /** learning rate of the default policy optimizer (default 3e-4) */
  lr?: number;
  /** GAE λ (default 0.95) */
  lambda?: number;
  /**
   * the value network V(s), an @rg/nn layer with one output (default: a zero-initialized
   * `embedding(S, 1)` table for discrete observations, an MLP 64-64-1 with tanh otherwise)
   */
  critic?: Layer;
  /** Adam learning rate of the critic (default 1e-3) */
  criticLr?: number;
  /** passes of critic regression over each batch (default `epochs`) */
  criticEpochs?: number;
  /** standardize the advantages of each batch (default true) */
  normalizeAdvantages?: boolean;
}

/** Options of {@link ppoClip}. */
export interface PpoClipOptions extends ActorCriticOptions {
  /** clip range ε of the ratio (default 0.2) */
  clip?: number;
}

/** Options of {@link mdpo}. */
export type MdpoOptions = ActorCriticOptions;

/** Options of the sequence algorithms ({@link grpo}, {@link capo}, {@link g2rl}). */
export interface GrpoOptions extends RunOptions {
  /** prompts per iteration, drawn from `task.train` in reshuffled passes (default 8) */
  promptsPerIteration?: number;
  /** G: responses sampled per prompt, the group of the relative advantages (default 8, ≥ 2) */
  groupSize?: number;
  /** optimizer steps on each batch, each on the whole batch (default 1) */
  epochs?: number;
  /** clip range ε of the token ratios (default 0.2) */
  clip?: number;
  /** β of the per-token KL(π_θ ‖ π_ref) penalty, exact over the vocabulary (default 0: none) */
  klCoefficient?: number;
  /** θ of the reference policy π_ref of the KL penalty (default the starting parameters) */
  reference?: Float64Array;
  /** 'std' (default): advantages (r − mean)/(sd + 1e-4) per group; 'none': r − mean */
  normalize?: 'std' | 'none';
  /** the optimizer, stepping on the negated surrogate gradient (default `adam({ lr })`) */
  optimizer?: Optimizer;
  /** learning rate of the default optimizer (default 1e-3) */
  lr?: number;
}

/** Options of {@link capo}. */
export interface CapoOptions extends GrpoOptions {
  /** τ_F: a token is kept only if its estimated policy shift (KL) is below it (default 1e-4) */
  policyShiftThreshold?: number;
  /** τ_H: a token is kept only if its estimated |objective shift| is below it (default 0.01) */
  objectiveShiftThreshold?: number;
}

/** Options of {@link g2rl}. */
export interface G2rlOptions extends GrpoOptions {
  /** β: reward scales lie in (1 − β, 1 + β) (default 0.5) */
  scaleBound?: number;
  /** κ: slope of the scale in the novelty (default 5) */
  scaleSharpness?: number;
}
