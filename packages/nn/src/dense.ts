// Affine layer y = x W + b with backprop and R-operator (Pearlmutter 1994; Goodfellow, Bengio &
// Courville 2016, §6.5).
import { checkInteger, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import {
  type InitName,
  initWeights,
  layerName,
  randomFor,
  type SeedOrRng,
} from './internal/init.js';
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
} from './internal/layer-base.js';
import { addRowVector, mm, mmAdd, mmTB, mmTBAdd } from './internal/products.js';
import type { Layer } from './layer.js';

/** Options of {@link dense}. */
export interface DenseOptions {
  /** input width (columns of x) */
  inputs: number;
  /** output width */
  outputs: number;
  /** add a bias row vector (default true) */
  bias?: boolean;
  /** 'glorot' (default: N(0, 2/(in+out))), 'he' (N(0, 2/in), for relu) or 'zeros' */
  init?: InitName;
  /** seed or shared generator of the initialization (default 0); share one rng() across layers */
  seed?: SeedOrRng;
  /** the name in parameter paths (default: the position in the container, layer1, …) */
  name?: string;
}

class DenseLayer extends LayerBase {
  readonly kind = 'dense';
  readonly inputs: number;
  readonly outputs: number;
  readonly W: ParamSlot;
  readonly b: ParamSlot | null;
  private x: Matrix | null = null;
  private rx: Matrix | null = null;
  private v: ParamVector | null = null;

  constructor(inputs: number, outputs: number, bias: boolean, name: string | undefined) {
    super(name);
    this.inputs = inputs;
    this.outputs = outputs;
    this.W = this.addParam('weight', inputs, outputs);
    this.b = bias ? this.addParam('bias', 1, outputs) : null;
  }

  outShape(input: Shape, ctx: RunContext, where: string): Shape {
    if (input.cols !== this.inputs)
      throw new ShapeError(
        `${ctx.fn}(): ${this.label()} takes ${this.inputs} input columns; ${where} has ${input.cols}`,
      );
    return { rows: input.rows, cols: this.outputs };
  }

  fwd(x: Matrix): Matrix {
    this.x = x;
    const n = x.rows;
    const y = new Float64Array(n * this.outputs);
    mm(n, this.outputs, this.inputs, x.data, this.W.w, y);
    if (this.b) addRowVector(y, n, this.outputs, this.b.w);
    return { rows: n, cols: this.outputs, data: y };
  }

  bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null {
    const x = this.x as Matrix;
    const n = x.rows;
    sink.xtg(this.W, x.data, gy.data, n, this.inputs, this.outputs);
    if (this.b) sink.colSum(this.b, gy.data, n, this.outputs);
    if (!needGx) return null;
    const gx = new Float64Array(n * this.inputs);
    mmTB(n, this.inputs, this.outputs, gy.data, this.W.w, gx);
    return { rows: n, cols: this.inputs, data: gx };
  }

  rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null {
    this.rx = rx;
    this.v = v;
    if (rx === null && v === null) return null;
    const x = this.x as Matrix;
    const n = x.rows;
    const ry = new Float64Array(n * this.outputs);
    // R{y} = R{x} W + x R{W} + R{b}
    if (rx !== null) mm(n, this.outputs, this.inputs, rx.data, this.W.w, ry);
    if (v !== null) {
      if (rx !== null) mmAdd(n, this.outputs, this.inputs, x.data, slice(v, this.W), ry);
      else mm(n, this.outputs, this.inputs, x.data, slice(v, this.W), ry);
      if (this.b) addRowVector(ry, n, this.outputs, slice(v, this.b));
    }
    return { rows: n, cols: this.outputs, data: ry };
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    const x = this.x as Matrix;
    const n = x.rows;
    const { inputs: a, outputs: b, rx, v } = this;
    // R{∇W} = R{x}ᵀ g + xᵀ R{g},  R{∇b} = Σ R{g}
    if (rx !== null) sink.xtg(this.W, rx.data, gy.data, n, a, b);
    if (rgy !== null) {
      sink.xtg(this.W, x.data, rgy.data, n, a, b);
      if (this.b) sink.colSum(this.b, rgy.data, n, b);
    }
    if (!needGx) return [null, null];
    const gx = new Float64Array(n * a);
    mmTB(n, a, b, gy.data, this.W.w, gx);
    // R{gx} = R{g} Wᵀ + g R{W}ᵀ
    let rgx: Float64Array | null = null;
    if (rgy !== null) {
      rgx = new Float64Array(n * a);
      mmTB(n, a, b, rgy.data, this.W.w, rgx);
    }
    if (v !== null) {
      if (rgx === null) {
        rgx = new Float64Array(n * a);
        mmTB(n, a, b, gy.data, slice(v, this.W), rgx);
      } else mmTBAdd(n, a, b, gy.data, slice(v, this.W), rgx);
    }
    return [{ rows: n, cols: a, data: gx }, rgx === null ? null : { rows: n, cols: a, data: rgx }];
  }

  config(): Config {
    return { inputs: this.inputs, outputs: this.outputs, bias: this.b !== null };
  }
}

/**
 * A fully connected layer `y = x W + b` with W inputs×outputs (so a batch of rows maps as
 * `x W`) and b a row vector; parameters `weight` (inputs×outputs) and `bias` (1×outputs).
 * Products run on @rg/linalg's gemm. Backward, R-operator and per-sample gradients are exact.
 *
 * @param options - widths, bias, init, seed, name
 * @returns the layer (a model on its own, or a part of {@link sequential})
 * @throws {InvalidArgumentError} on non-positive widths, an unknown init or a bad seed
 * @example
 * import { fromRows } from '@rg/linalg';
 * const layer = dense({ inputs: 2, outputs: 1 });
 * layer.params.set([1, 2, 0.5]); // weight (2×1) then bias
 * layer.forward(fromRows([[1, 1], [2, 0]])) // => [[3.5], [2.5]]
 * layer.backward(fromRows([[1], [1]])) // => [[1, 2], [1, 2]]
 * layer.grads // => [3, 1, 2]
 */
export function dense(options: DenseOptions): Layer {
  const fn = 'dense';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object { inputs, outputs }`);
  const inputs = checkInteger(fn, 'inputs', options.inputs, 1);
  const outputs = checkInteger(fn, 'outputs', options.outputs, 1);
  const init = options.init ?? 'glorot';
  if (init !== 'glorot' && init !== 'he' && init !== 'zeros')
    throw new InvalidArgumentError(
      `${fn}(): init must be 'glorot', 'he' or 'zeros' (got ${JSON.stringify(init)})`,
    );
  const layer = new DenseLayer(inputs, outputs, options.bias ?? true, layerName(fn, options.name));
  initWeights(layer.W.w, inputs, outputs, init, randomFor(fn, options.seed));
  return bindTree(layer);
}
