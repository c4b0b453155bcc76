// G2RL's sequence features: the gradient of each response's log-likelihood with respect to the
// policy's last layer, available from the forward pass alone (the final-layer sensitivity of
// "Can LLMs guide their own exploration? Gradient-guided reinforcement learning for LLM
// reasoning", 2025).
import type { Matrix } from '@rg/linalg';
import { gemmTransA, softmaxRow } from '@rg/linalg/kernels';
import { lastLayerOf } from './curvature-shifts.js';
import { type ResponsePass, sequenceKernelsOf } from './internal/sequence-network-policy.js';
import type { SequencePolicy } from './sequence-policy.js';

/**
 * @internal row i ← [Σₜ hₜ (e_{yₜ} − πₜ)ᵀ, Σₜ (e_{yₜ} − πₜ)] of sequence i (the head-parameter
 * gradient of log π(yᵢ | xᵢ), in the head's layout); unchecked
 */
export function gradientFeaturesKernel(
  pass: ResponsePass,
  vocab: number,
  inputs: number,
  bias: boolean,
  out: Float64Array,
): Float64Array {
  const { n, R } = pass;
  const V = vocab;
  const N = n * R;
  const S = new Float64Array(N * V);
  for (let row = 0; row < N; row++) softmaxRow(pass.logits, row * V, V, S, row * V);
  // S ← e_y − π
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < V; j++) S[i * V + j] = -S[i * V + j];
    S[i * V + pass.actions[i]] += 1;
  }
  const D = (inputs + (bias ? 1 : 0)) * V;
  const H = pass.features as Float64Array;
  for (let b = 0; b < n; b++) {
    const row = out.subarray(b * D, (b + 1) * D);
    gemmTransA(
      inputs,
      V,
      R,
      H.subarray(b * R * inputs, (b + 1) * R * inputs),
      S.subarray(b * R * V, (b + 1) * R * V),
      row,
    );
    if (bias) {
      const bb = row.subarray(inputs * V);
      bb.fill(0);
      for (let t = 0; t < R; t++) for (let j = 0; j < V; j++) bb[j] += S[(b * R + t) * V + j];
    }
  }
  return out;
}

/**
 * The final-layer sensitivity of each response: row i is ∇_head log π_θ(yᵢ | xᵢ), the gradient of
 * the response's log-likelihood with respect to the dense head's parameters, Σₜ hₜ (e_{yₜ} − πₜ)ᵀ
 * (inputs × vocab, row-major) followed by Σₜ (e_{yₜ} − πₜ) for the bias — from the features hₜ
 * and probabilities πₜ of one forward pass, no backward pass. G2RL compares these within each
 * group of responses ({@link gradientNoveltyScales}).
 *
 * @param policy - a sequence policy whose head is a dense layer
 * @param theta - the parameters
 * @param sequences - n × (promptLength + responseLength) token ids
 * @param promptLength - tokens of each prompt
 * @throws {InvalidArgumentError} when the policy has no dense head, or on bad sizes
 * @example
 * const pi = transformerPolicy({ maxTokens: 6, dModel: 8, seed: 2 });
 * const seqs = { rows: 2, cols: 6, data: Float64Array.of(1, 2, 11, 2, 1, 0, 1, 2, 11, 3, 3, 3) };
 * const phi = gradientFeatures(pi, pi.initialParameters(), seqs, 3);
 * [phi.rows, phi.cols] // => [2, (8 + 1) * 16]
 */
export function gradientFeatures(
  policy: SequencePolicy,
  theta: Float64Array,
  sequences: Matrix,
  promptLength: number,
): Matrix {
  const fn = 'gradientFeatures';
  const sk = sequenceKernelsOf(fn, policy);
  const head = lastLayerOf(fn, policy);
  sk.checkTheta(fn, theta);
  const Pn = sk.checkSequences(fn, sequences, promptLength);
  const pass = sk.pass(theta, sequences, Pn);
  const D = (head.inputs + (head.b ? 1 : 0)) * policy.vocab;
  const out = new Float64Array(sequences.rows * D);
  gradientFeaturesKernel(pass, policy.vocab, head.inputs, head.b !== null, out);
  return { rows: sequences.rows, cols: D, data: out };
}
