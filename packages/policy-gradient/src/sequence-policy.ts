// An autoregressive policy over token sequences: π_θ(y | x) = Πₜ π_θ(yₜ | x, y<ₜ) from one causal
// @rg/nn network (Williams 1992 for the score function; Vaswani et al. 2017 for the causal
// decoder).
import {
  InvalidArgumentError,
  type Matrix,
  type Rng,
  checkInteger,
  checkOptions,
} from '@rg/linalg';
import type { Layer } from '@rg/nn';
import { SequenceNetworkPolicy } from './internal/sequence-network-policy.js';

/** Options of {@link SequencePolicy.generate}. */
export interface GenerateOptions {
  /** tokens to generate after each prompt */
  responseLength: number;
  /** responses per prompt (default 1): rows i·samples … (i+1)·samples − 1 answer prompt i */
  samples?: number;
  /** the generator of the draws (default `rng(seed)`) */
  rng?: Rng;
  /** seed when no `rng` is given (default 0) */
  seed?: number;
  /** softmax temperature (default 1: the policy itself) */
  temperature?: number;
  /** take the most likely token at every step instead of sampling (default false) */
  greedy?: boolean;
}

/** Options of {@link sequencePolicy}. */
export interface SequencePolicyOptions {
  /** number of token ids (ids are integers in [0, vocab)) */
  vocab: number;
  /** the longest sequence, prompt and response together, the policy is used on */
  maxTokens: number;
  /**
   * the output layer, applied to the network's output rows (a dense layer from features to
   * `vocab` logits): the "last layer" whose input features CAPO's curvature model and G2RL's
   * gradient features read. Without it the network's output rows are the logits.
   */
  head?: Layer;
}

/**
 * An autoregressive policy over token sequences: π_θ(y | x) = Πₜ softmax(f_θ(x, y<ₜ))[yₜ] for a
 * prompt x and a response y, with f a causal @rg/nn network (the output row at position t
 * depends only on tokens 0 … t) followed by an optional dense head. θ is the network's
 * parameters followed by the head's.
 *
 * Sequences are Matrices of token ids, one sequence per row: the prompt (`promptLength` ids)
 * followed by the response. One forward pass over a batch of sequences gives the next-token
 * distributions at every response position (teacher forcing), so the per-token methods return
 * n × responseLength Matrices (row i, column t: response token t of sequence i) and cost one
 * forward (and one backward) pass. `generate` samples responses token by token.
 *
 * @example
 * import { rng } from '@rg/linalg';
 * const pi: SequencePolicy = transformerPolicy({ maxTokens: 8, dModel: 8, seed: 1 });
 * const theta = pi.initialParameters();
 * const prompts = { rows: 2, cols: 4, data: Float64Array.of(1, 2, 3, 11, 4, 5, 6, 11) };
 * const responses = pi.generate(theta, prompts, { responseLength: 3, samples: 2, rng: rng(3) });
 * [responses.rows, responses.cols] // => [4, 3]
 * const sequences = { rows: 1, cols: 7, data: Float64Array.of(1, 2, 3, 11, 3, 2, 1) };
 * const lp = pi.logProbs(theta, sequences, 4);
 * [lp.rows, lp.cols] // => [1, 3]
 * Math.exp(lp.data[0]) // => ~0.06
 */
export interface SequencePolicy {
  readonly kind: 'sequence';
  /** number of parameters: the network's, then the head's */
  readonly dim: number;
  /** number of token ids */
  readonly vocab: number;
  /** the longest sequence (prompt + response) */
  readonly maxTokens: number;
  /** the causal network from token ids to features (or to logits, without a head) */
  readonly network: Layer;
  /** the output layer from features to logits, or null */
  readonly head: Layer | null;
  /** a fresh copy of θ₀ */
  initialParameters(): Float64Array;
  /** responses to each prompt (prompts: n × promptLength ids) as an (n·samples) × responseLength Matrix */
  generate(theta: Float64Array, prompts: Matrix, options: GenerateOptions): Matrix;
  /** log π_θ(yₜ | x, y<ₜ) for every response token (n × responseLength) */
  logProbs(theta: Float64Array, sequences: Matrix, promptLength: number): Matrix;
  /** Σᵢₜ wᵢₜ ∇θ log π_θ(yᵢₜ | xᵢ, yᵢ<ₜ) for weights w (n × responseLength, or n·responseLength numbers) */
  gradLogProbs(
    theta: Float64Array,
    sequences: Matrix,
    promptLength: number,
    weights: Matrix | ArrayLike<number>,
    out?: Float64Array,
  ): Float64Array;
  /** entropy (nats) of the next-token distribution at every response position (n × responseLength) */
  entropies(theta: Float64Array, sequences: Matrix, promptLength: number): Matrix;
  /** the next-token logits at the response positions, one row per token ((n·responseLength) × vocab) */
  distribution(theta: Float64Array, sequences: Matrix, promptLength: number): Matrix;
  /** KL(π_θ ‖ reference) of the next-token distributions at the response positions (n × responseLength) */
  klTokens(
    theta: Float64Array,
    sequences: Matrix,
    promptLength: number,
    referenceLogits: Matrix,
  ): Matrix;
}

/**
 * A {@link SequencePolicy} from any causal @rg/nn network that maps a batch of token-id rows
 * (batch × tokens, forward option `tokens`) to one output row per token — e.g. `embedding`,
 * `learnedPositions`, causal `transformerBlock`s, `layerNorm` in a `sequential` — and an
 * optional dense `head` from its output rows to `vocab` logits. The network and head belong to
 * the policy from now on: it writes θ into them before every pass. The constructor probes the
 * network: one output row per token, `vocab` logits, every id in [0, vocab) accepted, and
 * causality (changing the last token leaves every earlier output unchanged).
 *
 * @param network - a causal @rg/nn layer over token ids
 * @param options - vocab, maxTokens, head
 * @throws {InvalidArgumentError} when the network is not an @rg/nn layer, is not causal, does
 *   not accept the ids or maxTokens tokens, or does not give `vocab` logits per token
 * @example
 * import { embedding, dense, sequential, learnedPositions, attention } from '@rg/nn';
 * const net = sequential([
 *   embedding({ vocab: 4, dim: 6 }),
 *   learnedPositions({ maxTokens: 5, dim: 6 }),
 *   attention({ dModel: 6, heads: 2, causal: true }),
 * ]);
 * const pi = sequencePolicy(net, { vocab: 4, maxTokens: 5, head: dense({ inputs: 6, outputs: 4 }) });
 * pi.dim // => 24 + 30 + 4 * 42 + 28
 * sequencePolicy(sequential([embedding({ vocab: 4, dim: 4 }), attention({ dModel: 4 })]), { vocab: 4, maxTokens: 3 }) // => throws InvalidArgumentError
 */
export function sequencePolicy(network: Layer, options: SequencePolicyOptions): SequencePolicy {
  const fn = 'sequencePolicy';
  const o = checkOptions(fn, 'options', options);
  const vocab = checkInteger(fn, 'options.vocab', o.vocab, 2);
  const maxTokens = checkInteger(fn, 'options.maxTokens', o.maxTokens, 2);
  const isLayer = (l: unknown) =>
    !!l &&
    typeof (l as Layer).forward === 'function' &&
    typeof (l as Layer).backward === 'function' &&
    (l as Layer).params instanceof Float64Array;
  if (!isLayer(network))
    throw new InvalidArgumentError(`${fn}(): network must be a layer made by @rg/nn`);
  if (o.head !== undefined && !isLayer(o.head))
    throw new InvalidArgumentError(`${fn}(): options.head must be a layer made by @rg/nn`);
  if (o.head === network)
    throw new InvalidArgumentError(`${fn}(): options.head must be a layer other than network`);
  const policy = new SequenceNetworkPolicy(network, o.head ?? null, vocab, maxTokens);
  policy.probe(fn);
  return policy.checked();
}
