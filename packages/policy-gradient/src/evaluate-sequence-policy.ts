// Held-out evaluation of a sequence policy on a verifiable task: pass@1, pass@k (Chen et al.
// 2021), maj@k (self-consistency voting, Wang et al. 2023) and the policy's entropy.
import {
  InvalidArgumentError,
  type Matrix,
  rng,
  checkInteger,
  checkOptions,
  checkPositive,
  checkSeed,
  checkVector,
} from '@rg/linalg';
import { categoricalEntropy } from './internal/heads.js';
import { joinSequences, sequenceKernelsOf } from './internal/sequence-network-policy.js';
import { checkTask, taskKernels } from './internal/token-task-kit.js';
import { passAtKKernel } from './pass-at-k.js';
import type { SequencePolicy } from './sequence-policy.js';
import type { TokenTask } from './token-task.js';

/** Options of {@link evaluateSequencePolicy}. */
export interface EvaluateSequencePolicyOptions {
  /** the prompts: 'test' (default, held out) or 'train' */
  split?: 'test' | 'train';
  /** at most this many prompts, the first of the split (default all) */
  prompts?: number;
  /** responses sampled per prompt, n (default 8) */
  samples?: number;
  /** the k of pass@k and maj@k, each at most `samples` (default [samples]) */
  k?: readonly number[];
  /** seed of the draws (default 0: every θ is evaluated on the same random numbers) */
  seed?: number;
  /** softmax temperature of the draws (default 1) */
  temperature?: number;
}

/** What {@link evaluateSequencePolicy} returns. */
export interface SequenceEvaluation {
  /** mean over prompts of the fraction of correct responses (pass@1) */
  readonly passAt1: number;
  /** the k values */
  readonly k: readonly number[];
  /** pass@k per k: the unbiased estimator 1 − C(n − c, k)/C(n, k), averaged over prompts */
  readonly passAtK: readonly number[];
  /**
   * maj@k per k: the responses of each prompt in ⌊n/k⌋ disjoint blocks of k; a block scores the
   * share of correct answers among its most frequent responses (1 or 0 without a tie)
   */
  readonly majAtK: readonly number[];
  /** mean reward of the sampled responses */
  readonly meanReward: number;
  /** mean entropy (nats) of the policy's next-token distributions along its responses */
  readonly entropy: number;
  /** share of distinct responses among each prompt's n, averaged over prompts */
  readonly distinct: number;
  readonly prompts: number;
  readonly samples: number;
}

/**
 * Sample `samples` responses to each prompt of a split and score them with the task's
 * verifier: pass@1, pass@k and maj@k for each k, the mean reward, the policy's mean
 * next-token entropy along its own responses, and the share of distinct responses. With a
 * fixed seed every θ is evaluated on the same random numbers (common random numbers).
 *
 * @param task - a token task
 * @param policy - a sequence policy (from sequencePolicy or transformerPolicy)
 * @param theta - the parameters
 * @param options - split ('test'), prompts, samples (8), k ([samples]), seed, temperature
 * @throws {InvalidArgumentError} on bad options or a policy too short for the task
 * @example
 * const task = reverseTask({ length: 2, trainSize: 20, testSize: 10 });
 * const pi = transformerPolicy({ maxTokens: 5, dModel: 8, seed: 1 });
 * const e = evaluateSequencePolicy(task, pi, pi.initialParameters(), { samples: 4, k: [1, 4] });
 * e.passAtK[0] === e.passAt1 // => true
 * e.entropy // => ~2.77
 * e.passAt1 < 0.1 // => true
 */
export function evaluateSequencePolicy(
  task: TokenTask,
  policy: SequencePolicy,
  theta: Float64Array,
  options: EvaluateSequencePolicyOptions = {},
): SequenceEvaluation {
  const fn = 'evaluateSequencePolicy';
  checkTask(fn, task);
  const sk = sequenceKernelsOf(fn, policy);
  checkVector(fn, 'theta', theta, policy.dim);
  const o = checkOptions(fn, 'options', options);
  const split = o.split ?? 'test';
  if (split !== 'test' && split !== 'train')
    throw new InvalidArgumentError(`${fn}(): options.split must be 'test' or 'train'`);
  const all = task[split];
  const m = Math.min(all.rows, checkInteger(fn, 'options.prompts', o.prompts ?? all.rows, 1));
  const n = checkInteger(fn, 'options.samples', o.samples ?? 8, 1);
  const ks = o.k ?? [n];
  if (!Array.isArray(ks) || ks.length === 0)
    throw new InvalidArgumentError(`${fn}(): options.k must be a non-empty array`);
  ks.forEach((k, i) => {
    checkInteger(fn, `options.k[${i}]`, k, 1);
    if (k > n)
      throw new InvalidArgumentError(
        `${fn}(): options.k[${i}] must be at most options.samples = ${n} (got ${k})`,
      );
  });
  const temperature = checkPositive(fn, 'options.temperature', o.temperature ?? 1);
  const P = task.promptLength;
  const R = task.responseLength;
  if (P + R > policy.maxTokens)
    throw new InvalidArgumentError(
      `${fn}(): the task's sequences (${P + R} tokens) do not fit the policy's maxTokens ${policy.maxTokens}`,
    );
  sk.checkIds(fn, `task.${split}`, all, 1);
  const prompts: Matrix = { rows: m, cols: P, data: all.data.subarray(0, m * P) };
  const r = rng(checkSeed(fn, 'options.seed', o.seed ?? 0));
  const responses = sk.generate(theta, prompts, R, n, r, temperature, false);
  const S = joinSequences(prompts, responses, n);
  const pass = sk.pass(theta, S, P);
  const H = new Float64Array(m * n * R);
  categoricalEntropy(pass.logits, m * n * R, policy.vocab, H);
  const tk = taskKernels(task);
  let pass1 = 0;
  let reward = 0;
  let distinct = 0;
  const passK = new Array<number>(ks.length).fill(0);
  const majK = new Array<number>(ks.length).fill(0);
  const keys = new Array<string>(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < m; i++) {
    const prompt = prompts.data.subarray(i * P, (i + 1) * P);
    let c = 0;
    for (let s = 0; s < n; s++) {
      const resp = responses.data.subarray((i * n + s) * R, (i * n + s + 1) * R);
      correct[s] = tk.isCorrect(prompt, resp) ? 1 : 0;
      c += correct[s];
      reward += tk.reward(prompt, resp);
      keys[s] = resp.join(',');
    }
    pass1 += c / n;
    distinct += new Set(keys).size / n;
    ks.forEach((k, j) => {
      passK[j] += passAtKKernel(n, c, k);
      majK[j] += majority(keys, correct, k);
    });
  }
  let entropy = 0;
  for (let i = 0; i < H.length; i++) entropy += H[i];
  return {
    passAt1: pass1 / m,
    k: [...ks],
    passAtK: passK.map((v) => v / m),
    majAtK: majK.map((v) => v / m),
    meanReward: reward / (m * n),
    entropy: entropy / H.length,
    distinct: distinct / m,
    prompts: m,
    samples: n,
  };
}

/** maj@k of one prompt: mean over its ⌊n/k⌋ blocks of the correct share among the modal answers */
function majority(keys: string[], correct: Uint8Array, k: number): number {
  const blocks = Math.floor(keys.length / k);
  let total = 0;
  for (let b = 0; b < blocks; b++) {
    const votes = new Map<string, { count: number; correct: number }>();
    for (let s = b * k; s < (b + 1) * k; s++) {
      const v = votes.get(keys[s]);
      if (v) v.count++;
      else votes.set(keys[s], { count: 1, correct: correct[s] });
    }
    let top = 0;
    for (const v of votes.values()) top = Math.max(top, v.count);
    let tied = 0;
    let right = 0;
    for (const v of votes.values())
      if (v.count === top) {
        tied++;
        right += v.correct;
      }
    total += right / tied;
  }
  return total / blocks;
}
