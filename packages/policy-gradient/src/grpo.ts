// Group relative policy optimization (Shao et al. 2024, "DeepSeekMath: pushing the limits of
// mathematical reasoning in open language models", §4.1, eq. 3).
import { defineAlgorithm } from './internal/train-loop.js';
import { groupRun } from './internal/group-run.js';
import type { SequencePolicy } from './sequence-policy.js';
import type { TokenTask } from './token-task.js';
import type { GrpoOptions, TrainResult } from './train-types.js';

/**
 * GRPO on a verifiable token task: each iteration draws `promptsPerIteration` training prompts,
 * samples G = `groupSize` responses to each from π_old = π_θ, scores them with the task's
 * reward, and forms group-relative advantages Âᵢ = (rᵢ − mean)/(sd + 1e-4) over each prompt's
 * group ({@link groupRelativeAdvantages}; every token of a response shares its Â). Then
 * `epochs` optimizer steps on the whole batch ascend
 *
 *   J(θ) = (1/(N R)) Σᵢ Σₜ [min(ρᵢₜ Âᵢ, clip(ρᵢₜ, 1 − ε, 1 + ε) Âᵢ) − β KL(π_θ(·|sᵢₜ) ‖ π_ref(·|sᵢₜ))],
 *
 * ρᵢₜ = π_θ(yᵢₜ|sᵢₜ)/π_old(yᵢₜ|sᵢₜ), N = prompts × G responses of R tokens; the KL penalty (only
 * when `klCoefficient` β > 0) is exact over the vocabulary at every response position, where
 * the paper uses a sampled estimate. History records: `samples` are response tokens,
 * `episodes` responses, `meanReturn` the mean reward; progress `stats`: entropy (mean
 * next-token entropy of π_old on its responses), clipFraction, kl (with β > 0),
 * degenerateGroups (share of groups whose rewards are all equal: zero advantage, no signal).
 *
 * @param task - a token task (its training prompts)
 * @param policy - a sequence policy from sequencePolicy or transformerPolicy, maxTokens ≥
 *   promptLength + responseLength
 * @param options - promptsPerIteration (8), groupSize (8), epochs (1), clip (0.2), klCoefficient
 *   (0), reference (θ₀), normalize ('std'), optimizer / lr (Adam, 1e-3), and the run options
 *   (seed, theta, maxIterations, maxSamples, targetReturn, evaluate, evaluateEvery, signal,
 *   onProgress)
 * @throws {InvalidArgumentError} on bad options or a policy that does not fit the task
 * @throws {AbortError} when `signal` aborts
 * @example
 * const task = reverseTask({ length: 2, trainSize: 50, testSize: 20, reward: 'partial' });
 * const pi = transformerPolicy({ maxTokens: 5, dModel: 8, seed: 1 });
 * const run = grpo(task, pi, { maxIterations: 3, promptsPerIteration: 4, groupSize: 4, lr: 0.01, seed: 2 });
 * run.history.length // => 3
 * run.samples // => 3 * 4 * 4 * 2
 */
export const grpo: (task: TokenTask, policy: SequencePolicy, options?: GrpoOptions) => TrainResult =
  defineAlgorithm<GrpoOptions, TokenTask, SequencePolicy>((task, policy, options) =>
    groupRun('grpo', task, policy, options),
  );
