// Curvature-aware policy optimization: GRPO with tokens masked by a last-layer curvature model
// (Melo, Abate & Gal 2025, "Stabilizing policy gradients for sample-efficient reinforcement
// learning in LLM reasoning").
import { defineAlgorithm } from './internal/train-loop.js';
import { groupRun } from './internal/group-run.js';
import type { SequencePolicy } from './sequence-policy.js';
import type { TokenTask } from './token-task.js';
import type { CapoOptions, TrainResult } from './train-types.js';

/**
 * CAPO: {@link grpo} with curvature-aware token masking. Before each optimizer step it computes
 * the step the optimizer proposes from the full surrogate gradient (on a copy of the optimizer
 * state), and for every response token the curvature model of {@link curvatureShifts}: with
 * u the change of the token's logits when the dense head moves by its part of the step,
 * v = e_a − π and F = diag π − ππᵀ,
 *
 *   policy shift KL ≈ ½ (vᵀu)²,  objective shift ΔJ ≈ Âρ (vᵀu + ½((vᵀu)² − uᵀFu)).
 *
 * A token that contributes to the step is kept iff KL < τ_F and |ΔJ| < τ_H; the masked tokens'
 * policy-gradient terms are removed (their KL penalty stays) and the optimizer takes the step of
 * the remaining ones. The defaults τ_F = 1e-4, τ_H = 0.01 are the paper's. Progress `stats` add
 * maskedShare: the share of all response tokens whose term was masked (the paper reports under
 * 8% on LLM reasoning), and maskedPositive / maskedNegative: the share of the contributing
 * tokens with positive / negative advantage that were masked. The curvature model treats the head's motion exactly and ignores the
 * rest of the network's; with the default Adam the proposed step is Adam's, not lr·∇J.
 *
 * @param task - a token task (its training prompts)
 * @param policy - a sequence policy with a dense head (transformerPolicy, or sequencePolicy with
 *   options.head), maxTokens ≥ promptLength + responseLength
 * @param options - policyShiftThreshold τ_F (1e-4), objectiveShiftThreshold τ_H (0.01), and
 *   the {@link GrpoOptions}
 * @throws {InvalidArgumentError} on bad options, or a policy without a dense head
 * @throws {AbortError} when `signal` aborts
 * @example
 * const task = reverseTask({ length: 2, trainSize: 50, testSize: 20, reward: 'partial' });
 * const pi = transformerPolicy({ maxTokens: 5, dModel: 8, seed: 1 });
 * const steps = [];
 * capo(task, pi, { maxIterations: 2, promptsPerIteration: 4, groupSize: 4, lr: 0.01, seed: 2, onProgress: (p) => steps.push(p.stats.maskedShare) });
 * steps.every((s) => s >= 0 && s <= 1) // => true
 */
export const capo: (task: TokenTask, policy: SequencePolicy, options?: CapoOptions) => TrainResult =
  defineAlgorithm<CapoOptions, TokenTask, SequencePolicy>((task, policy, options) =>
    groupRun('capo', task, policy, options),
  );
