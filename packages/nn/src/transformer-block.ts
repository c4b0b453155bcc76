// A pre-norm transformer encoder/decoder block (Vaswani et al. 2017; pre-LN placement of
// Xiong et al. 2020, "On layer normalization in the transformer architecture").
import { checkInteger, InvalidArgumentError } from '@rg/linalg';
import { activation } from './activation.js';
import { attention } from './attention.js';
import { dense } from './dense.js';
import type { ActivationName } from './internal/activation-kernels.js';
import { layerName, randomFor, type SeedOrRng } from './internal/init.js';
import { layerNorm } from './layer-norm.js';
import type { Layer } from './layer.js';
import { residual } from './residual.js';
import { sequential } from './sequential.js';

/** Options of {@link transformerBlock}. */
export interface TransformerBlockOptions {
  /** model width d */
  dModel: number;
  /** attention heads (default 1); must divide dModel */
  heads?: number;
  /** hidden width of the feed-forward part (default 4·dModel) */
  hidden?: number;
  /** causal self-attention (default false) */
  causal?: boolean;
  /** activation of the feed-forward part (default 'gelu') */
  activation?: ActivationName;
  /** seed or shared generator of the initialization (default 0) */
  seed?: SeedOrRng;
  /** the name in parameter paths */
  name?: string;
}

/**
 * One pre-norm transformer block on (batch·tokens)×d sequences:
 * `x ← x + attention(layerNorm(x))`, then `x ← x + W₂ σ(W₁ layerNorm(x))`. A
 * {@link sequential} of two {@link residual}s, so it saves and loads like any model. Parameter
 * names: `attention.norm.…`, `attention.heads.query.weight`, …, `mlp.norm.…`, `mlp.up.…`,
 * `mlp.down.…`.
 *
 * @param options - `{ dModel, heads, hidden, causal, activation, seed, name }`
 * @throws {InvalidArgumentError} on bad sizes, or when heads does not divide dModel
 * @example
 * import { matrix } from '@rg/linalg';
 * const block = transformerBlock({ dModel: 8, heads: 2, causal: true, seed: 3 });
 * block.forward(matrix(4, 8), { tokens: 4 }).cols // => 8
 * block.dim // => 2 * 8 + 4 * (8 * 8 + 8) + 2 * 8 + (8 * 32 + 32) + (32 * 8 + 8)
 */
export function transformerBlock(options: TransformerBlockOptions): Layer {
  const fn = 'transformerBlock';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { dModel, heads }`);
  const d = checkInteger(fn, 'dModel', options.dModel, 1);
  const heads = checkInteger(fn, 'heads', options.heads ?? 1, 1);
  const hidden = checkInteger(fn, 'hidden', options.hidden ?? 4 * d, 1);
  if (d % heads !== 0)
    throw new InvalidArgumentError(
      `${fn}(): heads must divide dModel (dModel ${d}, heads ${heads})`,
    );
  const r = randomFor(fn, options.seed);
  const act = options.activation ?? 'gelu';
  return sequential(
    [
      residual(
        sequential([
          layerNorm({ features: d, name: 'norm' }),
          attention({ dModel: d, heads, causal: options.causal ?? false, seed: r, name: 'heads' }),
        ]),
        { name: 'attention' },
      ),
      residual(
        sequential([
          layerNorm({ features: d, name: 'norm' }),
          dense({ inputs: d, outputs: hidden, seed: r, name: 'up' }),
          activation(act),
          dense({ inputs: hidden, outputs: d, seed: r, name: 'down' }),
        ]),
        { name: 'mlp' },
      ),
    ],
    { name: layerName(fn, options.name) },
  );
}
