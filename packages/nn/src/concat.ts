// Parallel branches on one input, outputs side by side: y = [f_1(x) | … | f_k(x)].
import { checkOptions, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
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
import { accumulate, columnBlock, setColumnBlock } from './internal/matrix-ops.js';
import type { Layer } from './layer.js';

/** Options of {@link concat}. */
export interface ConcatOptions {
  /** the name of this layer inside a container */
  name?: string;
}

class ConcatLayer extends LayerBase {
  readonly kind = 'concat';
  private readonly branches: readonly LayerBase[];
  private widths: number[] = [];
  private inShape: Shape = { rows: 0, cols: 0 };

  constructor(branches: readonly LayerBase[], name: string | undefined) {
    super(name);
    this.adopt('concat()', branches);
    this.branches = branches;
  }

  override children(): readonly LayerBase[] {
    return this.branches;
  }

  override isContainer(): boolean {
    return true;
  }

  override childPrefix(i: number): string {
    return `${this.branches[i].name ?? `branch${i + 1}`}.`;
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    let cols = 0;
    this.branches.forEach((b, i) => {
      const s = b.outShape(input, ctx, where);
      if (s.rows !== input.rows)
        throw new ShapeError(
          `${ctx.fn}(): ${this.label()} branch${i + 1} maps ${input.rows} rows to ${s.rows}; branches must keep the rows`,
        );
      cols += s.cols;
    });
    return { rows: input.rows, cols };
  }

  fwd(x: Matrix, ctx: RunContext): Matrix {
    const outs = this.branches.map((b) => b.fwd(x, ctx));
    this.widths = outs.map((o) => o.cols);
    this.inShape = { rows: x.rows, cols: x.cols };
    const cols = this.widths.reduce((a, w) => a + w, 0);
    const y = new Float64Array(x.rows * cols);
    let from = 0;
    for (const o of outs) {
      setColumnBlock(y, cols, o, from);
      from += o.cols;
    }
    return { rows: x.rows, cols, data: y };
  }

  private blocks(m: Matrix): Matrix[] {
    let from = 0;
    return this.widths.map((w) => {
      const b = columnBlock(m, from, w);
      from += w;
      return b;
    });
  }

  private zeros(): Matrix {
    const { rows, cols } = this.inShape;
    return { rows, cols, data: new Float64Array(rows * cols) };
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    const gs = this.blocks(gy);
    let gx: Matrix | null = null;
    this.branches.forEach((b, i) => {
      gx = accumulate(gx, b.bwd(gs[i], sink, needGx));
    });
    return needGx ? (gx ?? this.zeros()) : null;
  }

  rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null {
    const rs = this.branches.map((b) => b.rfwd(rx, v));
    if (rs.every((r) => r === null)) return null;
    const { rows } = this.inShape;
    const cols = this.widths.reduce((a, w) => a + w, 0);
    const ry = new Float64Array(rows * cols);
    let from = 0;
    rs.forEach((r, i) => {
      if (r !== null) setColumnBlock(ry, cols, r, from);
      from += this.widths[i];
    });
    return { rows, cols, data: ry };
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    const gs = this.blocks(gy);
    const rgs = rgy === null ? null : this.blocks(rgy);
    let gx: Matrix | null = null;
    let rgx: Matrix | null = null;
    this.branches.forEach((b, i) => {
      const [g, rg] = b.rbwd(gs[i], rgs === null ? null : rgs[i], sink, needGx);
      gx = accumulate(gx, g);
      rgx = accumulate(rgx, rg);
    });
    return needGx ? [gx ?? this.zeros(), rgx] : [null, null];
  }

  config(): Config {
    return {};
  }
}

/**
 * Parallel branches applied to the same input, their outputs placed side by side:
 * `y = [f_1(x) | f_2(x) | …]` (columns). The input gradient is the sum of the branches'.
 * Branch parameters are named `branch1.…`, `branch2.…` (or by the branches' names). With
 * {@link columns} as branches it splits an input, e.g. features and a time input for a
 * diffusion score network.
 *
 * @param branches - the branch layers, each not yet inside another container
 * @param options - `{ name }`
 * @throws {InvalidArgumentError} when a branch is already inside a container, or on no branches
 * @example
 * import { fromRows } from '@rg/linalg';
 * const both = concat([activation('identity'), activation('relu')]);
 * both.forward(fromRows([[-1, 2]])) // => [[-1, 2, 0, 2]]
 * both.backward(fromRows([[1, 1, 1, 1]])) // => [[1, 2]]
 */
export function concat(branches: readonly Layer[], optionsIn: ConcatOptions = {}): Layer {
  const options = checkOptions('concat', 'options', optionsIn);
  if (!Array.isArray(branches) || branches.length === 0)
    throw new InvalidArgumentError('concat(): branches must be a non-empty array of layers');
  return bindTree(new ConcatLayer(branches as LayerBase[], layerName('concat', options.name)));
}
