// Gradient-guided reinforcement learning: GRPO with rewards scaled by the novelty of each
// response's final-layer gradient within its group ("Can LLMs guide their own exploration?
// Gradient-guided reinforcement learning for LLM reasoning", 2025; the scale's formula is ours).
import { defineAlgorithm } from './internal/train-loop.js';
import { groupRun } from './internal/group-run.js';
import type { SequencePolicy } from './sequence-policy.js';
import type { TokenTask } from './token-task.js';
import type { G2rlOptions, TrainResult } from './train-types.js';

/**
 * G2RL: {@link grpo} with gradient-guided reward scaling. From the sampling policy's forward pass
 * it forms each response's final-layer sensitivity φᵢ = ∇_head log π(yᵢ | xᵢ)
 * ({@link gradientFeatures}), compares the responses of each group by cosine similarity and
 * multiplies each reward by the bounded scale sᵢ = 1 + β tanh(κ(nᵢ − n̄)) of
 * {@link gradientNoveltyScales} (novelty nᵢ = 1 − mean cosine to the rest of the group) before
 * the group-relative advantages: correct responses that open gradient directions the rest of
 * the group does not cover weigh more than redundant ones. The scales are in (1 − β, 1 + β)
 * and equal 1 when a group's features coincide, so where all correct responses to a prompt are
 * the same (one right answer, exact rewards) the advantages are GRPO's. The rest — clipping,
 * KL penalty, steps — is GRPO's. Progress `stats` add minScale and maxScale.
 *
 * @param task - a token task (its training prompts)
 * @param policy - a sequence policy with a dense head (transformerPolicy, or sequencePolicy with
 *   options.head), maxTokens ≥ promptLength + responseLength
 * @param options - scaleBound β (0.5), scaleSharpness κ (5), and the {@link GrpoOptions}
 * @throws {InvalidArgumentError} on bad options, or a policy without a dense head
 * @throws {AbortError} when `signal` aborts
 * @example
 * const task = bracketsTask({ promptLength: 4, responseLength: 4, trainSize: 30, testSize: 18 });
 * const pi = transformerPolicy({ maxTokens: 8, dModel: 8, seed: 1 });
 * const scales = [];
 * g2rl(task, pi, { maxIterations: 2, promptsPerIteration: 4, groupSize: 4, seed: 2, onProgress: (p) => scales.push(p.stats.minScale, p.stats.maxScale) });
 * scales.every((s) => s > 0.5 && s < 1.5) // => true
 */
export const g2rl: (task: TokenTask, policy: SequencePolicy, options?: G2rlOptions) => TrainResult =
  defineAlgorithm<G2rlOptions, TokenTask, SequencePolicy>((task, policy, options) =>
    groupRun('g2rl', task, policy, options),
  );
