// Column selection y = x[:, from:to]: splits an input between the branches of a concat.
import { InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import { layerName } from './internal/init.js';
import {
  bindTree,
  type Config,
  type GradSink,
  LayerBase,
  type ParamVector,
  type RunContext,
  type Shape,
} from './internal/layer-base.js';
import { columnBlock, setColumnBlock } from './internal/matrix-ops.js';
import type { Layer } from './layer.js';

/** Options of {@link columns}. */
export interface ColumnsOptions {
  /** first column kept */
  from: number;
  /** one past the last column kept */
  to: number;
  /** the name of this layer inside a container */
  name?: string;
}

class ColumnsLayer extends LayerBase {
  readonly kind = 'columns';
  readonly from: number;
  readonly to: number;
  private inCols = 0;

  constructor(from: number, to: number, name: string | undefined) {
    super(name);
    this.from = from;
    this.to = to;
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    if (this.to > input.cols)
      throw new ShapeError(
        `${ctx.fn}(): ${this.label()} keeps columns ${this.from}…${this.to - 1}; ${where} has ${input.cols} columns`,
      );
    return { rows: input.rows, cols: this.to - this.from };
  }

  fwd(x: Matrix): Matrix {
    this.inCols = x.cols;
    return columnBlock(x, this.from, this.to - this.from);
  }

  private spread(g: Matrix): Matrix {
    const out = new Float64Array(g.rows * this.inCols);
    setColumnBlock(out, this.inCols, g, this.from);
    return { rows: g.rows, cols: this.inCols, data: out };
  }

  bwd(gy: Matrix, _sink: GradSink, needGx: boolean): Matrix | null {
    return needGx ? this.spread(gy) : null;
  }

  rfwd(rx: Matrix | null, _v: ParamVector | null): Matrix | null {
    return rx === null ? null : columnBlock(rx, this.from, this.to - this.from);
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    _sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    if (!needGx) return [null, null];
    return [this.spread(gy), rgy === null ? null : this.spread(rgy)];
  }

  config(): Config {
    return { from: this.from, to: this.to };
  }
}

/**
 * The columns `from … to − 1` of the input (no parameters). Inside {@link concat} it routes
 * parts of one input to different branches, e.g. the data and the noise level of a diffusion
 * model's input.
 *
 * @param options - `{ from, to, name }` with 0 ≤ from < to
 * @throws {InvalidArgumentError} unless from and to are integers with 0 ≤ from < to
 * @example
 * import { fromRows } from '@rg/linalg';
 * columns({ from: 1, to: 3 }).forward(fromRows([[1, 2, 3, 4]])) // => [[2, 3]]
 */
export function columns(options: ColumnsOptions): Layer {
  const fn = 'columns';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { from, to }`);
  const { from, to } = options;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from)
    throw new InvalidArgumentError(
      `${fn}(): from and to must be integers with 0 ≤ from < to (got from ${from}, to ${to})`,
    );
  return bindTree(new ColumnsLayer(from, to, layerName(fn, options.name)));
}
