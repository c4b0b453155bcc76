// Token embedding: a lookup table whose rows are trained by backprop (Bengio et al. 2003).
import { checkInteger, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { layerName, randomFor, type SeedOrRng } from './internal/init.js';
import {
  bindTree,
  type Config,
  type GradSink,
  LayerBase,
  type ParamSlot,
  type ParamVector,
  type RunContext,
  type Shape,
  slice,
  zerosMatrix,
} from './internal/layer-base.js';
import type { Layer } from './layer.js';

/** Options of {@link embedding}. */
export interface EmbeddingOptions {
  /** number of token ids (ids are integers in [0, vocab)) */
  vocab: number;
  /** embedding width */
  dim: number;
  /** seed or shared generator of the N(0, 1) initialization (default 0) */
  seed?: SeedOrRng;
  /** the name in parameter paths */
  name?: string;
}

class EmbeddingLayer extends LayerBase {
  readonly kind = 'embedding';
  readonly vocab: number;
  readonly width: number;
  readonly E: ParamSlot;
  private ids: Int32Array = new Int32Array(0);
  private inShape: Shape = { rows: 0, cols: 0 };

  constructor(vocab: number, dim: number, name: string | undefined) {
    super(name);
    this.vocab = vocab;
    this.width = dim;
    this.E = this.addParam('weight', vocab, dim);
  }

  outShape(input: Shape): Shape {
    return { rows: input.rows * input.cols, cols: this.width };
  }

  fwd(x: Matrix, ctx: RunContext): Matrix {
    const n = x.data.length;
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const t = x.data[i];
      if (!Number.isInteger(t) || t < 0 || t >= this.vocab)
        throw new InvalidArgumentError(
          `${ctx.fn}(): ${this.label()} reads token ids in [0, ${this.vocab}); its input has ${t} at entry ${i}`,
        );
      ids[i] = t;
    }
    const d = this.width;
    const y = new Float64Array(n * d);
    const e = this.E.w;
    for (let i = 0; i < n; i++) y.set(e.subarray(ids[i] * d, (ids[i] + 1) * d), i * d);
    this.ids = ids;
    this.inShape = { rows: x.rows, cols: x.cols };
    return { rows: n, cols: d, data: y };
  }

  private scatter(g: Float64Array, sink: GradSink): void {
    const d = this.width;
    for (let i = 0; i < this.ids.length; i++) sink.addRow(this.E, this.ids[i], g, i, d);
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    this.scatter(gy.data, sink);
    // token ids are discrete: the output does not change with them
    return needGx ? zerosMatrix(this.inShape.rows, this.inShape.cols) : null;
  }

  rfwd(_rx: Matrix | null, v: ParamVector | null): Matrix | null {
    if (v === null) return null;
    const d = this.width;
    const n = this.ids.length;
    const re = slice(v, this.E);
    const ry = new Float64Array(n * d);
    for (let i = 0; i < n; i++) ry.set(re.subarray(this.ids[i] * d, (this.ids[i] + 1) * d), i * d);
    return { rows: n, cols: d, data: ry };
  }

  rbwd(
    _gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    if (rgy !== null) this.scatter(rgy.data, sink);
    return needGx ? [zerosMatrix(this.inShape.rows, this.inShape.cols), null] : [null, null];
  }

  config(): Config {
    return { vocab: this.vocab, dim: this.width };
  }
}

/**
 * A token embedding: integer ids in [0, vocab) map to rows of a learned table `weight`
 * (vocab×dim, N(0, 1) at the start, as PyTorch's `nn.Embedding`). The input is a Matrix of ids
 * of any shape, read row-major: a batch×tokens matrix of ids becomes (batch·tokens)×dim, the
 * sequence layout of {@link ForwardOptions}. Ids are discrete, so the input gradient is zero.
 *
 * @param options - `{ vocab, dim, seed, name }`
 * @throws {InvalidArgumentError} on non-positive sizes; in forward, on an id that is not an integer in [0, vocab)
 * @example
 * import { fromRows } from '@rg/linalg';
 * const embed = embedding({ vocab: 3, dim: 2 });
 * embed.params.set([0, 0, 1, 1, 2, 4]);
 * embed.forward(fromRows([[2, 1]])) // => [[2, 4], [1, 1]]
 */
export function embedding(options: EmbeddingOptions): Layer {
  const fn = 'embedding';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { vocab, dim }`);
  const vocab = checkInteger(fn, 'vocab', options.vocab, 1);
  const dim = checkInteger(fn, 'dim', options.dim, 1);
  const layer = new EmbeddingLayer(vocab, dim, layerName(fn, options.name));
  const r = randomFor(fn, options.seed);
  const e = layer.E.w;
  for (let i = 0; i < e.length; i++) e[i] = r.normal();
  return bindTree(layer);
}
