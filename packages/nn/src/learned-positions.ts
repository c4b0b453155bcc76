// Learned absolute positional embeddings added to token features (Gehring et al. 2017;
// Radford et al. 2018).
import { checkInteger, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import { layerName, randomFor, type SeedOrRng } from './internal/init.js';
import {
  bindTree,
  checkSequence,
  type Config,
  type GradSink,
  LayerBase,
  type ParamSlot,
  type ParamVector,
  type RunContext,
  type Shape,
  slice,
} from './internal/layer-base.js';
import type { Layer } from './layer.js';

/** Options of {@link learnedPositions}. */
export interface LearnedPositionsOptions {
  /** the longest sequence (rows of the table) */
  maxTokens: number;
  /** feature width */
  dim: number;
  /** seed or shared generator of the N(0, 1) initialization (default 0) */
  seed?: SeedOrRng;
  /** the name in parameter paths */
  name?: string;
}

class LearnedPositionsLayer extends LayerBase {
  readonly kind = 'learnedPositions';
  readonly maxTokens: number;
  readonly width: number;
  readonly P: ParamSlot;
  private tokens = 1;
  private rows = 0;

  constructor(maxTokens: number, dim: number, name: string | undefined) {
    super(name);
    this.maxTokens = maxTokens;
    this.width = dim;
    this.P = this.addParam('weight', maxTokens, dim);
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    checkSequence(ctx, input.rows, this.label(), where);
    if (input.cols !== this.width)
      throw new ShapeError(
        `${ctx.fn}(): ${this.label()} adds ${this.width} features; ${where} has ${input.cols} columns`,
      );
    if (ctx.tokens > this.maxTokens)
      throw new ShapeError(
        `${ctx.fn}(): ${this.label()} has positions for ${this.maxTokens} tokens; ${ctx.arg}.tokens is ${ctx.tokens}`,
      );
    return input;
  }

  private addTable(x: Float64Array, table: Float64Array): Float64Array {
    const per = this.tokens * this.width;
    const y = Float64Array.from(x);
    for (let i = 0; i < y.length; i++) y[i] += table[i % per];
    return y;
  }

  fwd(x: Matrix, ctx: RunContext): Matrix {
    this.tokens = ctx.tokens;
    this.rows = x.rows;
    return { rows: x.rows, cols: x.cols, data: this.addTable(x.data, this.P.w) };
  }

  private scatter(g: Float64Array, sink: GradSink): void {
    for (let i = 0; i < this.rows; i++) sink.addRow(this.P, i % this.tokens, g, i, this.width);
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    this.scatter(gy.data, sink);
    return needGx ? gy : null;
  }

  rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null {
    if (v === null) return rx;
    const base = rx === null ? new Float64Array(this.rows * this.width) : rx.data;
    return { rows: this.rows, cols: this.width, data: this.addTable(base, slice(v, this.P)) };
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    if (rgy !== null) this.scatter(rgy.data, sink);
    return needGx ? [gy, rgy] : [null, null];
  }

  config(): Config {
    return { maxTokens: this.maxTokens, dim: this.width };
  }
}

/**
 * Adds a learned vector per position (0-based within each sample) to the token features: a
 * table `weight` (maxTokens×dim, N(0, 1) at the start). Needs `options.tokens` in forward.
 *
 * @param options - `{ maxTokens, dim, seed, name }`
 * @throws {InvalidArgumentError} on non-positive sizes; in forward, without options.tokens
 * @throws {ShapeError} in forward, when a sample has more than maxTokens tokens
 * @example
 * import { matrix } from '@rg/linalg';
 * const pos = learnedPositions({ maxTokens: 4, dim: 1 });
 * pos.params.set([10, 20, 30, 40]);
 * pos.forward(matrix(4, 1, [1, 1, 2, 2]), { tokens: 2 }) // => [[11], [21], [12], [22]]
 */
export function learnedPositions(options: LearnedPositionsOptions): Layer {
  const fn = 'learnedPositions';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { maxTokens, dim }`);
  const maxTokens = checkInteger(fn, 'maxTokens', options.maxTokens, 1);
  const dim = checkInteger(fn, 'dim', options.dim, 1);
  const layer = new LearnedPositionsLayer(maxTokens, dim, layerName(fn, options.name));
  const r = randomFor(fn, options.seed);
  const p = layer.P.w;
  for (let i = 0; i < p.length; i++) p[i] = r.normal();
  return bindTree(layer);
}
