// Residual connection y = x + f(x) (He et al. 2016, "Deep residual learning").
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
import { addNullable } from './internal/matrix-ops.js';
import type { Layer } from './layer.js';

/** Options of {@link residual}. */
export interface ResidualOptions {
  /** the name of this layer inside a container */
  name?: string;
}

class ResidualLayer extends LayerBase {
  readonly kind = 'residual';
  private readonly inner: readonly LayerBase[];

  constructor(inner: LayerBase, name: string | undefined) {
    super(name);
    this.adopt('residual()', [inner]);
    this.inner = [inner];
  }

  override children(): readonly LayerBase[] {
    return this.inner;
  }

  override isContainer(): boolean {
    return true;
  }

  /** the wrapped layer's parameters keep their names (no extra path segment) */
  override childPrefix(): string {
    return '';
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    const out = this.inner[0].outShape(input, ctx, where);
    if (out.rows !== input.rows || out.cols !== input.cols)
      throw new ShapeError(
        `${ctx.fn}(): ${this.label()} needs an inner layer that keeps the shape; it maps ${input.rows}×${input.cols} to ${out.rows}×${out.cols}`,
      );
    return input;
  }

  fwd(x: Matrix, ctx: RunContext): Matrix {
    return addNullable(x, this.inner[0].fwd(x, ctx)) as Matrix;
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    const g = this.inner[0].bwd(gy, sink, needGx);
    return needGx ? addNullable(gy, g) : null;
  }

  rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null {
    return addNullable(rx, this.inner[0].rfwd(rx, v));
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    const [g, rg] = this.inner[0].rbwd(gy, rgy, sink, needGx);
    if (!needGx) return [null, null];
    return [addNullable(gy, g), addNullable(rgy, rg)];
  }

  config(): Config {
    return {};
  }
}

/**
 * A residual connection `y = x + f(x)` around a layer that keeps the shape (e.g. a
 * {@link sequential} block of layerNorm, attention; or dense, activation, dense). The wrapped
 * layer's parameter names pass through unchanged.
 *
 * @param layer - the inner layer f (not yet inside another container)
 * @param options - `{ name }`
 * @throws {InvalidArgumentError} when the layer is already inside a container
 * @example
 * import { fromRows } from '@rg/linalg';
 * const inner = dense({ inputs: 2, outputs: 2, bias: false });
 * inner.params.set([1, 0, 0, 2]);
 * const block = residual(inner);
 * block.forward(fromRows([[1, 1]])) // => [[2, 3]]
 * block.parameters()[0].name // => 'weight'
 */
export function residual(layer: Layer, optionsIn: ResidualOptions = {}): Layer {
  const options = checkOptions('residual', 'options', optionsIn);
  if (!(layer instanceof LayerBase))
    throw new InvalidArgumentError('residual(): layer must be a layer made by @rg/nn');
  return bindTree(new ResidualLayer(layer, layerName('residual', options.name)));
}
