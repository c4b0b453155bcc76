// Inverted dropout (Srivastava et al. 2014): in training, each entry is kept with probability
// 1 − rate and scaled by 1/(1 − rate); at evaluation the layer is the identity.
import { checkInRange, InvalidArgumentError, type Matrix, type Rng } from '@rg/linalg';
import { layerName, randomFor, type SeedOrRng } from './internal/init.js';
import {
  bindTree,
  type Config,
  type GradSink,
  LayerBase,
  type ParamVector,
  type RunContext,
  type Shape,
} from './internal/layer-base.js';
import type { Layer } from './layer.js';

/** Options of {@link dropout}. */
export interface DropoutOptions {
  /** probability of dropping an entry, in [0, 1) */
  rate: number;
  /** seed or shared generator of the masks (default 0) */
  seed?: SeedOrRng;
  /** the name of this layer inside a container */
  name?: string;
}

class DropoutLayer extends LayerBase {
  readonly kind = 'dropout';
  readonly rate: number;
  private readonly random: Rng;
  /** the mask of the last training pass (0 or 1/(1 − rate)); null at evaluation */
  private mask: Float64Array | null = null;

  constructor(rate: number, random: Rng, name: string | undefined) {
    super(name);
    this.rate = rate;
    this.random = random;
  }

  outShape(input: Shape): Shape {
    return input;
  }

  private apply(m: Matrix): Matrix {
    const mask = this.mask;
    if (mask === null) return m;
    const out = new Float64Array(m.data.length);
    for (let i = 0; i < out.length; i++) out[i] = m.data[i] * mask[i];
    return { rows: m.rows, cols: m.cols, data: out };
  }

  fwd(x: Matrix, ctx: RunContext): Matrix {
    if (!ctx.training || this.rate === 0) {
      this.mask = null;
      return x;
    }
    const keep = 1 - this.rate;
    const mask = new Float64Array(x.data.length);
    for (let i = 0; i < mask.length; i++) mask[i] = this.random.uniform() < keep ? 1 / keep : 0;
    this.mask = mask;
    return this.apply(x);
  }

  bwd(gy: Matrix, _sink: GradSink, needGx: boolean): Matrix | null {
    return needGx ? this.apply(gy) : null;
  }

  rfwd(rx: Matrix | null, _v: ParamVector | null): Matrix | null {
    return rx === null ? null : this.apply(rx);
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    _sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    if (!needGx) return [null, null];
    return [this.apply(gy), rgy === null ? null : this.apply(rgy)];
  }

  config(): Config {
    return { rate: this.rate };
  }
}

/**
 * Inverted dropout: in a training pass (`forward(x, { training: true })`) each entry is zeroed
 * with probability `rate` and the rest are scaled by 1/(1 − rate); otherwise the identity.
 * Backward and the R-operator use the mask of the last forward, so they are exact for it.
 *
 * @param options - `{ rate, seed, name }`
 * @throws {InvalidArgumentError} unless 0 ≤ rate < 1
 * @example
 * import { fromRows } from '@rg/linalg';
 * const drop = dropout({ rate: 0.5, seed: 1 });
 * drop.forward(fromRows([[1, 1, 1, 1]])) // => [[1, 1, 1, 1]]
 * drop.forward(fromRows([[1, 1, 1, 1]]), { training: true }).data.every((v) => v === 0 || v === 2) // => true
 */
export function dropout(options: DropoutOptions): Layer {
  const fn = 'dropout';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { rate }`);
  const { rate } = options;
  checkInRange(fn, 'rate', rate, 0, 1, false, true);
  return bindTree(new DropoutLayer(rate, randomFor(fn, options.seed), layerName(fn, options.name)));
}
