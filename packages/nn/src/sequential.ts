// A chain of layers f_L ∘ … ∘ f_1 with the chain rule for backprop and the R-operator.
import { checkOptions, InvalidArgumentError, type Matrix } from '@rg/linalg';
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
import type { Layer } from './layer.js';

/** Options of {@link sequential}. */
export interface SequentialOptions {
  /** the name of this container inside another one */
  name?: string;
}

class SequentialLayer extends LayerBase {
  readonly kind = 'sequential';
  private readonly inner: readonly LayerBase[];

  constructor(layers: readonly LayerBase[], name: string | undefined) {
    super(name);
    this.adopt('sequential()', layers);
    this.inner = layers;
  }

  override children(): readonly LayerBase[] {
    return this.inner;
  }

  override isContainer(): boolean {
    return true;
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    let s = input;
    this.inner.forEach((l, i) => {
      s = l.outShape(
        s,
        ctx,
        i === 0 ? where : `the output of ${this.childPrefix(i - 1).slice(0, -1)}`,
      );
    });
    return s;
  }

  fwd(x: Matrix, ctx: RunContext): Matrix {
    let y = x;
    for (const l of this.inner) y = l.fwd(y, ctx);
    return y;
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    let g: Matrix | null = gy;
    for (let i = this.inner.length - 1; i >= 0; i--)
      g = this.inner[i].bwd(g as Matrix, sink, needGx || i > 0);
    return needGx ? g : null;
  }

  rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null {
    let r = rx;
    for (const l of this.inner) r = l.rfwd(r, v);
    return r;
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    let g: Matrix | null = gy;
    let rg = rgy;
    for (let i = this.inner.length - 1; i >= 0; i--)
      [g, rg] = this.inner[i].rbwd(g as Matrix, rg, sink, needGx || i > 0);
    return needGx ? [g, rg] : [null, null];
  }

  config(): Config {
    return {};
  }
}

/**
 * Layers applied one after the other: `y = f_L(… f_2(f_1(x)))`. It is a layer itself (nest it,
 * or use it as the model). Its parameters are named `layer1.weight`, `layer2.bias`, … by
 * position (1-based), or by the layers' own `name`; they are views into one flat vector
 * (`params`), laid out in order, so `params` works with @rg/hessian and `parameters()` with the
 * optimizers of @rg/optim.
 *
 * @param layers - the layers, each not yet inside another container
 * @param options - `{ name }`
 * @throws {InvalidArgumentError} when a layer is already inside a container or appears twice
 * @example
 * import { fromRows } from '@rg/linalg';
 * import { adam } from '@rg/optim';
 * const model = sequential([dense({ inputs: 1, outputs: 8, seed: 1 }), activation('tanh'), dense({ inputs: 8, outputs: 1, seed: 2 })]);
 * const opt = adam({ lr: 0.05 });
 * const x = fromRows([[-1], [0], [1]]);
 * for (let step = 0; step < 200; step++) {
 *   const y = model.forward(x);
 *   model.zeroGrad();
 *   model.backward({ ...y, data: y.data.map((v, i) => v - x.data[i] ** 2) }); // ½‖y − x²‖²
 *   opt.step(model.parameters());
 * }
 * model.forward(x) // => ~[[1], [0], [1]]
 */
export function sequential(layers: readonly Layer[], optionsIn: SequentialOptions = {}): Layer {
  const options = checkOptions('sequential', 'options', optionsIn);
  if (!Array.isArray(layers))
    throw new InvalidArgumentError('sequential(): layers must be an array of layers');
  return bindTree(
    new SequentialLayer(layers as LayerBase[], layerName('sequential', options.name)),
  );
}
