// The bookkeeping every training algorithm shares: validated options, the seeded generator,
// sample counts, history, evaluation, stopping rules, abort and progress; and the registry that
// turns each algorithm's generator into a plain function and an iterator (trainingSteps).
import {
  checkFunction,
  checkInRange,
  checkInteger,
  checkOptions,
  checkSeed,
  checkVector,
  InvalidArgumentError,
  NonFiniteError,
  rng,
  type Rng,
  throwIfAborted,
} from '@rg/linalg';
import { dot } from '@rg/linalg/kernels';
import type { Environment, VectorEnvironment } from '../environment.js';
import type { Policy } from '../policy.js';
import { checkEnvironment, rolloutKernel, type Trajectories } from '../rollout.js';
import type {
  BaselineKind,
  RunOptions,
  TrainOptions,
  TrainProgress,
  TrainRecord,
  TrainResult,
} from '../train-types.js';
import { kernelsOf, type PolicyKernels } from './network-policy.js';
import { policyGradientKernel, scoreWeights } from '../policy-gradient-estimate.js';
import { returnsToGoKernel } from '../returns-to-go.js';
import { RunningBaseline } from './running-baseline.js';

export type AnyEnvironment = Environment | VectorEnvironment;

/**
 * The bookkeeping of any training run, whatever it samples: validated run options, the seeded
 * generator, θ, sample and episode counts, history, evaluation, stopping rules, abort and
 * progress. Environment runs ({@link TrainLoop}) and sequence runs share it.
 */
export class RunLoop {
  readonly fn: string;
  readonly rng: Rng;
  theta: Float64Array;
  private readonly options: RunOptions;
  private readonly maxIterations: number;
  private readonly maxSamples: number;
  private readonly evaluateEvery: number;
  iteration = 0;
  samples = 0;
  episodes = 0;
  private returnSum = 0;
  private returnCount = 0;
  readonly history: TrainRecord[] = [];
  stopped: TrainResult['stopped'] | null = null;

  /**
   * `validateMore` runs between the generator and θ (the place where environment runs check
   * their discount), so the first error reported keeps the order of the option list.
   */
  constructor(
    fn: string,
    dim: number,
    initialParameters: () => Float64Array,
    options: RunOptions | undefined,
    validateMore?: (o: RunOptions) => void,
  ) {
    this.fn = fn;
    const o = checkOptions(fn, 'options', options);
    this.options = o;
    this.rng = rng(checkSeed(fn, 'options.seed', o.seed ?? 0));
    validateMore?.(o);
    this.theta =
      o.theta === undefined
        ? initialParameters()
        : checkVector(fn, 'options.theta', o.theta, dim).slice();
    this.maxIterations = checkInteger(fn, 'options.maxIterations', o.maxIterations ?? 100, 1);
    this.maxSamples =
      o.maxSamples === undefined
        ? Number.POSITIVE_INFINITY
        : checkInteger(fn, 'options.maxSamples', o.maxSamples, 1);
    this.evaluateEvery = checkInteger(fn, 'options.evaluateEvery', o.evaluateEvery ?? 1, 1);
    if (o.evaluate !== undefined)
      checkFunction(fn, 'options.evaluate', o.evaluate, '(theta) => number');
    if (o.onProgress !== undefined) checkFunction(fn, 'options.onProgress', o.onProgress);
    if (o.targetReturn !== undefined && !Number.isFinite(o.targetReturn))
      throw new InvalidArgumentError(`${fn}(): options.targetReturn must be a finite number`);
    throwIfAborted(fn, o.signal);
  }

  /** the iterations the run may take (MDPO's K) */
  get iterationBudget(): number {
    return this.maxIterations;
  }

  /** count `steps` samples and the episodes with their returns (complete ones enter the mean) */
  count(
    steps: number,
    episodes: number,
    returns: ArrayLike<number>,
    complete?: ArrayLike<number | boolean>,
  ): void {
    this.samples += steps;
    this.episodes += episodes;
    for (let e = 0; e < episodes; e++)
      if (!complete || complete[e]) {
        this.returnSum += returns[e];
        this.returnCount++;
      }
  }

  /** close an iteration: record, evaluate, report, check the stopping rules */
  finish(stats: Record<string, number>): TrainProgress {
    this.iteration++;
    for (let i = 0; i < this.theta.length; i++)
      if (this.theta[i] - this.theta[i] !== 0)
        throw new NonFiniteError(
          `${this.fn}(): the parameters became non-finite in iteration ${this.iteration} (theta[${i}] = ${this.theta[i]}); lower the learning rate`,
          i,
        );
    const mean = this.returnCount > 0 ? this.returnSum / this.returnCount : Number.NaN;
    this.returnSum = 0;
    this.returnCount = 0;
    const o = this.options;
    const last = this.iteration >= this.maxIterations || this.samples >= this.maxSamples;
    let evaluation: number | undefined;
    if (o.evaluate && (this.iteration % this.evaluateEvery === 0 || last)) {
      evaluation = o.evaluate(this.theta.slice());
    }
    const record: TrainRecord =
      evaluation === undefined
        ? {
            iteration: this.iteration,
            samples: this.samples,
            episodes: this.episodes,
            meanReturn: mean,
          }
        : {
            iteration: this.iteration,
            samples: this.samples,
            episodes: this.episodes,
            meanReturn: mean,
            evaluation,
          };
    this.history.push(record);
    const target = o.targetReturn;
    if (target !== undefined) {
      const reached = o.evaluate
        ? evaluation !== undefined && evaluation >= target
        : mean >= target;
      if (reached) this.stopped = 'targetReturn';
    }
    if (this.stopped === null && this.samples >= this.maxSamples) this.stopped = 'maxSamples';
    if (this.stopped === null && this.iteration >= this.maxIterations)
      this.stopped = 'maxIterations';
    const progress: TrainProgress = {
      ...record,
      algorithm: this.fn,
      theta: this.theta.slice(),
      stats,
    };
    o.onProgress?.(progress);
    throwIfAborted(this.fn, o.signal);
    return progress;
  }

  get done(): boolean {
    return this.stopped !== null;
  }

  result(): TrainResult {
    return {
      algorithm: this.fn,
      theta: this.theta.slice(),
      history: this.history,
      iterations: this.iteration,
      samples: this.samples,
      episodes: this.episodes,
      stopped: this.stopped ?? 'maxIterations',
    };
  }
}

/** A run on an environment: {@link RunLoop} plus the discount and episode collection. */
export class TrainLoop extends RunLoop {
  readonly env: AnyEnvironment;
  readonly policy: Policy;
  readonly kernels: PolicyKernels;
  readonly gamma: number;

  constructor(fn: string, env: AnyEnvironment, policy: Policy, options: TrainOptions | undefined) {
    checkEnvironment(fn, env, policy);
    let gamma = env.gamma;
    super(
      fn,
      policy.dim,
      () => policy.initialParameters(),
      options,
      (o) => {
        gamma = checkInRange(
          fn,
          'options.gamma',
          (o as TrainOptions).gamma ?? env.gamma,
          0,
          1,
          true,
        );
      },
    );
    this.env = env;
    this.policy = policy;
    this.kernels = kernelsOf(policy);
    this.gamma = gamma;
  }

  /** sample a batch at θ and count it */
  collect(theta: Float64Array, episodes: number, steps = 0): Trajectories {
    const b = rolloutKernel(
      this.env,
      this.kernels,
      this.policy.actionSize,
      theta,
      episodes,
      steps,
      this.rng,
      this.gamma,
    );
    this.count(b.steps, b.episodes, b.returns, b.complete);
    return b;
  }
}

/** validated baseline kind, with the batch size it needs */
export function baselineOf(
  fn: string,
  v: unknown,
  batch: number,
  fallback: BaselineKind,
): BaselineKind {
  const b = v ?? fallback;
  if (b !== 'none' && b !== 'leave-one-out' && b !== 'running')
    throw new InvalidArgumentError(
      `${fn}(): options.baseline must be 'none', 'leave-one-out' or 'running' (got ${String(b)})`,
    );
  if (b === 'leave-one-out' && batch < 2)
    throw new InvalidArgumentError(
      `${fn}(): options.baseline 'leave-one-out' needs options.batchEpisodes ≥ 2 (got ${batch})`,
    );
  return b;
}

/** A score-function estimator with its baseline state (the running average, when used). */
export class ScoreEstimator {
  private readonly running: RunningBaseline | null;

  constructor(
    private readonly kind: BaselineKind,
    private readonly gamma: number,
  ) {
    this.running = kind === 'running' ? new RunningBaseline(0.9) : null;
  }

  private baselineFor(batch: Trajectories): 'none' | 'leave-one-out' | Float64Array {
    return this.running ? this.running.valuesFor(batch) : (this.kind as 'none' | 'leave-one-out');
  }

  /** per-step weights γᵗ(Gₜ − bₜ)/E of the batch (the baseline from before the batch) */
  weights(batch: Trajectories): Float64Array {
    return scoreWeights(batch, this.gamma, this.baselineFor(batch));
  }

  /** ĝ at theta from a batch sampled there */
  gradient(
    kernels: PolicyKernels,
    theta: Float64Array,
    batch: Trajectories,
    out: Float64Array,
  ): Float64Array {
    return policyGradientKernel(kernels, theta, batch, this.gamma, this.baselineFor(batch), out);
  }

  /** fold the batch into the running baseline (after its estimates are computed) */
  observe(batch: Trajectories): void {
    if (!this.running) return;
    const G = returnsToGoKernel(
      batch.rewards,
      this.gamma,
      batch.starts,
      null,
      new Float64Array(batch.steps),
    );
    this.running.update(batch, G);
  }
}

// ---- the registry behind trainingSteps ----

export type AlgorithmRun<E, P, O> = (
  env: E,
  policy: P,
  options: O | undefined,
) => Generator<TrainProgress, TrainResult, void>;

const RUNS = new WeakMap<object, AlgorithmRun<never, never, never>>();

/** A training function that drains its generator, registered for trainingSteps. */
export function defineAlgorithm<O, E = AnyEnvironment, P = Policy>(run: AlgorithmRun<E, P, O>) {
  const train = (env: E, policy: P, options?: O): TrainResult => {
    const it = run(env, policy, options);
    for (;;) {
      const step = it.next();
      if (step.done) return step.value;
    }
  };
  RUNS.set(train, run as AlgorithmRun<never, never, never>);
  return train;
}

export function runOf(algorithm: unknown): AlgorithmRun<unknown, unknown, unknown> | undefined {
  return RUNS.get(algorithm as object) as AlgorithmRun<unknown, unknown, unknown> | undefined;
}

/** ‖v‖₂ */
export function norm(v: Float64Array): number {
  return Math.sqrt(dot(v.length, v, v));
}
