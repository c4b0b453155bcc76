// Fixed sinusoidal positional encodings added to token features (Vaswani et al. 2017, §3.5).
import { checkInRange, checkOptions, type Matrix } from '@rg/linalg';
import { layerName } from './internal/init.js';
import {
  bindTree,
  checkSequence,
  type Config,
  type GradSink,
  LayerBase,
  type ParamVector,
  type RunContext,
  type Shape,
} from './internal/layer-base.js';
import { sinusoidFrequencies } from './internal/sinusoid.js';
import type { Layer } from './layer.js';

/** Options of {@link sinusoidalPositions}. */
export interface SinusoidalPositionsOptions {
  /** the base of the wavelengths (default 10000) */
  base?: number;
  /** the name of this layer inside a container */
  name?: string;
}

class SinusoidalPositionsLayer extends LayerBase {
  readonly kind = 'sinusoidalPositions';
  readonly base: number;
  private table: Float64Array = new Float64Array(0);
  private tableKey = '';

  constructor(base: number, name: string | undefined) {
    super(name);
    this.base = base;
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    checkSequence(ctx, input.rows, this.label(), where);
    return input;
  }

  /** PE (tokens × d), cached for the last size */
  private encoding(tokens: number, d: number): Float64Array {
    const key = `${tokens}x${d}`;
    if (key !== this.tableKey) {
      const w = sinusoidFrequencies(d, this.base);
      const t = new Float64Array(tokens * d);
      for (let p = 0; p < tokens; p++)
        for (let c = 0; c < d; c++)
          t[p * d + c] = c % 2 === 0 ? Math.sin(p * w[c]) : Math.cos(p * w[c]);
      this.table = t;
      this.tableKey = key;
    }
    return this.table;
  }

  fwd(x: Matrix, ctx: RunContext): Matrix {
    const T = ctx.tokens;
    const d = x.cols;
    const pe = this.encoding(T, d);
    const y = Float64Array.from(x.data);
    const per = T * d;
    for (let i = 0; i < y.length; i++) y[i] += pe[i % per];
    return { rows: x.rows, cols: d, data: y };
  }

  bwd(gy: Matrix, _sink: GradSink, needGx: boolean): Matrix | null {
    return needGx ? gy : null;
  }

  rfwd(rx: Matrix | null, _v: ParamVector | null): Matrix | null {
    return rx;
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    _sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    return needGx ? [gy, rgy] : [null, null];
  }

  config(): Config {
    return { base: this.base };
  }
}

/**
 * Adds the fixed sinusoidal encoding of each token's position t (0-based within its sample) to
 * its features: column c gets sin(t ω) for even c, cos(t ω) for odd c, ω = base^(−2⌊c/2⌋/d).
 * No parameters; needs `options.tokens` in forward (see {@link ForwardOptions}).
 *
 * @param options - `{ base, name }`
 * @throws {InvalidArgumentError} on a base ≤ 1; in forward, without options.tokens
 * @example
 * import { matrix } from '@rg/linalg';
 * const pos = sinusoidalPositions();
 * const y = pos.forward(matrix(2, 2), { tokens: 2 }); // one sample of two tokens
 * y // => ~[[0, 1], [0.841471, 0.540302]]
 */
export function sinusoidalPositions(optionsIn: SinusoidalPositionsOptions = {}): Layer {
  const fn = 'sinusoidalPositions';
  const options = checkOptions('sinusoidalPositions', 'options', optionsIn);
  const base = options.base ?? 10000;
  checkInRange(fn, 'base', base, 1, Number.POSITIVE_INFINITY, true, true);
  return bindTree(new SinusoidalPositionsLayer(base, layerName(fn, options.name)));
}
