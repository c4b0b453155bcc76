// Supervised fine-tuning before RL: maximum likelihood of correct responses with teacher forcing,
// stopped early so that RL starts from a weak but non-zero success rate (the SFT stage before
// RL of Ouyang et al. 2022, "Training language models to follow instructions with human
// feedback", and of DeepSeekMath's RL).
import {
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  rng as makeRng,
  throwIfAborted,
  checkInRange,
  checkInteger,
  checkOptions,
  checkPositive,
  checkSeed,
  checkVector,
} from '@rg/linalg';
import { softmaxRow } from '@rg/linalg/kernels';
import { adam, type Optimizer } from '@rg/optim';
import { evaluateSequencePolicy } from './evaluate-sequence-policy.js';
import { categoricalLogProbs, categoricalScore } from './internal/heads.js';
import { sequenceKernelsOf } from './internal/sequence-network-policy.js';
import { checkTask, taskKernels } from './internal/token-task-kit.js';
import type { SequencePolicy } from './sequence-policy.js';
import type { TokenTask } from './token-task.js';

/** Options of {@link supervisedWarmStart}. */
export interface SupervisedWarmStartOptions {
  /** most optimizer steps (default 200) */
  steps?: number;
  /** training prompts per step, drawn in reshuffled passes (default 32) */
  batchSize?: number;
  /** the optimizer (default `adam({ lr })`) */
  optimizer?: Optimizer;
  /** learning rate of the default optimizer (default 3e-3) */
  lr?: number;
  /** starting parameters (default `policy.initialParameters()`); not modified */
  theta?: Float64Array;
  /** seed of the prompt order, the drawn solutions and the pass@1 checks (default 0) */
  seed?: number;
  /**
   * stop at the first check where pass@1 on training prompts reaches this (default: never, run
   * all steps): the "weak but non-zero" start of RL
   */
  targetPassAt1?: number;
  /** steps between pass@1 checks (default 10) */
  checkEvery?: number;
  /** training prompts of each check, the first of the split (default 64) */
  checkPrompts?: number;
  /** responses per prompt of each check (default 4) */
  checkSamples?: number;
  /** aborts with an AbortError between steps */
  signal?: AbortSignal;
}

/** What {@link supervisedWarmStart} returns. */
export interface SupervisedWarmStartResult {
  /** the parameters after the last step */
  readonly theta: Float64Array;
  /** steps taken */
  readonly steps: number;
  /** mean negative log-likelihood per response token of each step's batch, before its update */
  readonly losses: readonly number[];
  /** the pass@1 checks: step and value */
  readonly checks: readonly { readonly step: number; readonly passAt1: number }[];
  /** 'target' when targetPassAt1 was reached, else 'steps' */
  readonly stopped: 'target' | 'steps';
}

/**
 * Supervised warm start of a sequence policy on a token task: minibatch steps on the mean
 * negative log-likelihood of correct responses given their prompts (teacher forcing), with the
 * responses from `task.solution` (a uniformly drawn correct one where a prompt has several). With
 * `targetPassAt1` it stops at the first check (every `checkEvery` steps) where the sampled
 * pass@1 on training prompts reaches the target — the weak but non-zero success rate RL on
 * language models starts from.
 *
 * @param task - a token task (its training prompts)
 * @param policy - a sequence policy with maxTokens ≥ promptLength + responseLength
 * @param options - steps (200), batchSize (32), optimizer / lr (Adam, 3e-3), theta, seed,
 *   targetPassAt1, checkEvery (10), checkPrompts (64), checkSamples (4), signal
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit the task
 * @throws {AbortError} when `signal` aborts
 * @example
 * const task = reverseTask({ length: 2, trainSize: 60, testSize: 20 });
 * const pi = transformerPolicy({ maxTokens: 5, dModel: 16, seed: 1 });
 * const warm = supervisedWarmStart(task, pi, { steps: 30, lr: 0.01, seed: 1 });
 * warm.losses[29] < warm.losses[0] // => true
 */
export function supervisedWarmStart(
  task: TokenTask,
  policy: SequencePolicy,
  options: SupervisedWarmStartOptions = {},
): SupervisedWarmStartResult {
  const fn = 'supervisedWarmStart';
  checkTask(fn, task);
  const sk = sequenceKernelsOf(fn, policy);
  const o = checkOptions(fn, 'options', options);
  const P = task.promptLength;
  const R = task.responseLength;
  const L = P + R;
  if (L > policy.maxTokens)
    throw new InvalidArgumentError(
      `${fn}(): the task's sequences (${L} tokens) do not fit the policy's maxTokens ${policy.maxTokens}`,
    );
  sk.checkIds(fn, 'task.train', task.train, 1);
  const steps = checkInteger(fn, 'options.steps', o.steps ?? 200, 1);
  const B = checkInteger(fn, 'options.batchSize', o.batchSize ?? 32, 1);
  const optimizer = o.optimizer ?? adam({ lr: checkPositive(fn, 'options.lr', o.lr ?? 3e-3) });
  const theta =
    o.theta === undefined
      ? policy.initialParameters()
      : checkVector(fn, 'options.theta', o.theta, policy.dim).slice();
  const seed = checkSeed(fn, 'options.seed', o.seed ?? 0);
  const target =
    o.targetPassAt1 === undefined
      ? undefined
      : checkInRange(fn, 'options.targetPassAt1', o.targetPassAt1, 0, 1);
  const every = checkInteger(fn, 'options.checkEvery', o.checkEvery ?? 10, 1);
  const checkPrompts = checkInteger(fn, 'options.checkPrompts', o.checkPrompts ?? 64, 1);
  const checkSamples = checkInteger(fn, 'options.checkSamples', o.checkSamples ?? 4, 1);
  throwIfAborted(fn, o.signal);
  const r = makeRng(seed);
  const tk = taskKernels(task);
  const train = task.train;
  const V = policy.vocab;
  const N = B * R;
  let order: number[] = [];
  let next = 0;
  const losses: number[] = [];
  const checks: { step: number; passAt1: number }[] = [];
  const grad = new Float64Array(policy.dim);
  const descent = new Float64Array(policy.dim);
  const w = new Float64Array(N).fill(1 / N);
  const check = (step: number) => {
    const e = evaluateSequencePolicy(task, policy, theta, {
      split: 'train',
      prompts: checkPrompts,
      samples: checkSamples,
      k: [1],
      seed: seed + step,
    });
    checks.push({ step, passAt1: e.passAt1 });
    return target !== undefined && e.passAt1 >= target;
  };
  if (target !== undefined && check(0))
    return { theta, steps: 0, losses, checks, stopped: 'target' };
  for (let step = 1; step <= steps; step++) {
    const S: Matrix = { rows: B, cols: L, data: new Float64Array(B * L) };
    for (let b = 0; b < B; b++) {
      if (next >= order.length) {
        order = r.shuffle(Array.from({ length: train.rows }, (_, j) => j));
        next = 0;
      }
      const row = order[next++];
      const prompt = train.data.subarray(row * P, (row + 1) * P);
      S.data.set(prompt, b * L);
      S.data.set(tk.solution(prompt, r), b * L + P);
    }
    const pass = sk.pass(theta, S, P);
    const lp = new Float64Array(N);
    categoricalLogProbs(pass.logits, N, V, pass.actions, lp);
    let loss = 0;
    for (let i = 0; i < N; i++) loss -= lp[i];
    losses.push(loss / N);
    const probs = new Float64Array(N * V);
    for (let row = 0; row < N; row++) softmaxRow(pass.logits, row * V, V, probs, row * V);
    const G = new Float64Array(N * V);
    categoricalScore(probs, N, V, pass.actions, w, G);
    sk.back(G, grad);
    for (let i = 0; i < grad.length; i++) descent[i] = -grad[i];
    optimizer.stepInPlace(theta, descent);
    for (let i = 0; i < theta.length; i++)
      if (theta[i] - theta[i] !== 0)
        throw new NonFiniteError(
          `${fn}(): the parameters became non-finite in step ${step} (theta[${i}] = ${theta[i]}); lower the learning rate`,
          i,
        );
    throwIfAborted(fn, o.signal);
    if (target !== undefined && (step % every === 0 || step === steps) && check(step))
      return { theta, steps: step, losses, checks, stopped: 'target' };
  }
  return { theta, steps, losses, checks, stopped: 'steps' };
}
