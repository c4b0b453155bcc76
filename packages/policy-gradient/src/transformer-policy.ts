// A small decoder-only transformer as a sequence policy (Vaswani et al. 2017; the GPT layout of
// Radford et al. 2019: learned positions, pre-norm causal blocks, a final layer norm and a
// linear head).
import { rng, checkInteger, checkOptions, checkPositive, checkSeed } from '@rg/linalg';
import {
  dense,
  embedding,
  layerNorm,
  learnedPositions,
  sequential,
  transformerBlock,
} from '@rg/nn';
import { InvalidArgumentError } from '@rg/linalg';
import { type SequencePolicy, sequencePolicy } from './sequence-policy.js';
import { tokenVocabulary } from './token-task.js';

/** Options of {@link transformerPolicy}. */
export interface TransformerPolicyOptions {
  /** number of token ids (default 16, the {@link tokenVocabulary} of the token tasks) */
  vocab?: number;
  /** the longest sequence, prompt and response together */
  maxTokens: number;
  /** model width (default 32) */
  dModel?: number;
  /** attention heads per block (default 2); must divide dModel */
  heads?: number;
  /** transformer blocks (default 1) */
  layers?: number;
  /** hidden width of each block's feed-forward part (default 2·dModel) */
  hidden?: number;
  /** seed of the initialization (default 0) */
  seed?: number;
  /** factor on the head's initial weights (default 0.01: a nearly uniform first policy) */
  outputScale?: number;
}

/**
 * A decoder-only transformer policy over token sequences: `embedding` → `learnedPositions` →
 * `layers` causal pre-norm `transformerBlock`s → `layerNorm` (the network, whose output rows
 * are the features), then a dense head to `vocab` logits with its weights scaled by
 * `outputScale` (so the first policy is nearly uniform). A {@link sequencePolicy} of these
 * layers.
 *
 * @param options - maxTokens, vocab (16), dModel (32), heads (2), layers (1), hidden (2·dModel),
 *   seed, outputScale (0.01)
 * @throws {InvalidArgumentError} on bad sizes, or heads not dividing dModel
 * @example
 * const pi = transformerPolicy({ maxTokens: 10, dModel: 16, heads: 2, seed: 1 });
 * pi.vocab // => 16
 * pi.dim // => 16 * 16 + 10 * 16 + (2 * 16 + 4 * (16 * 16 + 16) + 2 * 16 + (16 * 32 + 32) + (32 * 16 + 16)) + 2 * 16 + (16 * 16 + 16)
 */
export function transformerPolicy(options: TransformerPolicyOptions): SequencePolicy {
  const fn = 'transformerPolicy';
  const o = checkOptions(fn, 'options', options);
  const vocab = checkInteger(fn, 'options.vocab', o.vocab ?? tokenVocabulary.length, 2);
  const maxTokens = checkInteger(fn, 'options.maxTokens', o.maxTokens, 2);
  const d = checkInteger(fn, 'options.dModel', o.dModel ?? 32, 1);
  const heads = checkInteger(fn, 'options.heads', o.heads ?? 2, 1);
  if (d % heads !== 0)
    throw new InvalidArgumentError(
      `${fn}(): options.heads must divide options.dModel (dModel ${d}, heads ${heads})`,
    );
  const layers = checkInteger(fn, 'options.layers', o.layers ?? 1, 1);
  const hidden = checkInteger(fn, 'options.hidden', o.hidden ?? 2 * d, 1);
  const r = rng(checkSeed(fn, 'options.seed', o.seed ?? 0));
  const scale = checkPositive(fn, 'options.outputScale', o.outputScale ?? 0.01);
  const blocks = Array.from({ length: layers }, (_, i) =>
    transformerBlock({ dModel: d, heads, hidden, causal: true, seed: r, name: `block${i + 1}` }),
  );
  const network = sequential([
    embedding({ vocab, dim: d, seed: r, name: 'embedding' }),
    learnedPositions({ maxTokens, dim: d, seed: r, name: 'positions' }),
    ...blocks,
    layerNorm({ features: d, name: 'norm' }),
  ]);
  const head = dense({ inputs: d, outputs: vocab, seed: r, name: 'head' });
  const W = head.parameters()[0].value.data;
  for (let i = 0; i < W.length; i++) W[i] *= scale;
  return sequencePolicy(network, { vocab, maxTokens, head });
}
