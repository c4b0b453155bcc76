// The conv-free score network of the generative models: an MLP with a sinusoidal time
// embedding and residual blocks, built from @rg/nn layers.
import { checkInteger, InvalidArgumentError } from '@rg/linalg';
import {
  activation,
  columns,
  concat,
  dense,
  type Layer,
  residual,
  sequential,
  sinusoidalEmbedding,
} from '@rg/nn';
import { rng } from '@rg/linalg';

/** Options of {@link scoreNetwork}. */
export interface ScoreNetworkOptions {
  /** data dimension d (input features and outputs) */
  dim: number;
  /** hidden width (default 128) */
  hidden?: number;
  /** residual blocks of two dense layers each (default 2) */
  blocks?: number;
  /** sinusoidal features of the time (default 32, even) */
  timeDim?: number;
  /** seed of the initialization (default 0) */
  seed?: number;
}

/**
 * A score network for d-dimensional data: rows [x₁ … x_d, τ] (features and a time feature τ)
 * go through [x, sinusoidalEmbedding(τ)] → dense(hidden) → `blocks` residual blocks
 * (gelu → dense → gelu → dense) → gelu → dense(d). The output layer starts at zero, so an
 * untrained network predicts zero noise. The same network serves the multiplicative model and
 * the additive baseline, so both have the same size.
 *
 * @param options - dim, hidden, blocks, timeDim, seed
 * @returns an @rg/nn Layer mapping n × (d + 1) to n × d
 * @throws {InvalidArgumentError} on a non-positive size or an odd timeDim
 * @example
 * import { matrix } from '@rg/linalg';
 * const net = scoreNetwork({ dim: 4, hidden: 16, blocks: 1, timeDim: 8 });
 * net.forward(matrix(3, 5)).cols // => 4
 * net.dim // => 820
 */
export function scoreNetwork(options: ScoreNetworkOptions): Layer {
  const fn = 'scoreNetwork';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { dim, … }`);
  const dim = checkInteger(fn, 'dim', options.dim, 1);
  const hidden = checkInteger(fn, 'hidden', options.hidden ?? 128, 1);
  const blocks = options.blocks ?? 2;
  checkInteger(fn, 'blocks', blocks, 0);
  const timeDim = checkInteger(fn, 'timeDim', options.timeDim ?? 32, 1);
  if (timeDim % 2 !== 0)
    throw new InvalidArgumentError(`${fn}(): timeDim must be even (got ${timeDim})`);
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw new InvalidArgumentError(`${fn}(): seed must be a finite number (got ${seed})`);
  const r = rng(seed);
  const layers: Layer[] = [
    concat([
      columns({ from: 0, to: dim }),
      sequential([columns({ from: dim, to: dim + 1 }), sinusoidalEmbedding({ dim: timeDim })]),
    ]),
    dense({ inputs: dim + timeDim, outputs: hidden, seed: r }),
  ];
  for (let b = 0; b < blocks; b++)
    layers.push(
      residual(
        sequential([
          activation('gelu'),
          dense({ inputs: hidden, outputs: hidden, seed: r }),
          activation('gelu'),
          dense({ inputs: hidden, outputs: hidden, seed: r }),
        ]),
      ),
    );
  layers.push(activation('gelu'), dense({ inputs: hidden, outputs: dim, init: 'zeros' }));
  return sequential(layers);
}
