// Elementwise activation layers with f' for backprop and f'' for the R-operator (Pearlmutter 1994).
import { checkOptions, InvalidArgumentError, type Matrix } from '@rg/linalg';
import {
  ACTIVATIONS,
  type ActivationKernel,
  type ActivationName,
} from './internal/activation-kernels.js';
import { layerName } from './internal/init.js';
import {
  bindTree,
  type Config,
  type GradSink,
  LayerBase,
  type ParamVector,
  type Shape,
} from './internal/layer-base.js';
import type { Layer } from './layer.js';

/** Options of {@link activation}. */
export interface ActivationOptions {
  /** the name in parameter paths (activations have no parameters; it shows in messages) */
  name?: string;
}

class ActivationLayer extends LayerBase {
  readonly kind = 'activation';
  readonly fnName: ActivationName;
  private readonly act: ActivationKernel;
  private x: Float64Array | null = null;
  private y: Float64Array | null = null;
  /** f'(x) */
  private d1: Float64Array | null = null;
  private rx: Matrix | null = null;

  constructor(fnName: ActivationName, name: string | undefined) {
    super(name);
    this.fnName = fnName;
    this.act = ACTIVATIONS[fnName];
  }

  override label(): string {
    return this.name === undefined
      ? `activation('${this.fnName}')`
      : `activation('${this.fnName}', '${this.name}')`;
  }

  outShape(input: Shape): Shape {
    return input;
  }

  fwd(x: Matrix): Matrix {
    const len = x.data.length;
    const y = new Float64Array(len);
    const d1 = new Float64Array(len);
    this.act.forward(x.data, y, d1);
    this.x = x.data;
    this.y = y;
    this.d1 = d1;
    return { rows: x.rows, cols: x.cols, data: y };
  }

  private times(g: Matrix, d: Float64Array): Matrix {
    const out = new Float64Array(g.data.length);
    const gd = g.data;
    for (let i = 0; i < out.length; i++) out[i] = gd[i] * d[i];
    return { rows: g.rows, cols: g.cols, data: out };
  }

  bwd(gy: Matrix, _sink: GradSink, needGx: boolean): Matrix | null {
    return needGx ? this.times(gy, this.d1 as Float64Array) : null;
  }

  rfwd(rx: Matrix | null, _v: ParamVector | null): Matrix | null {
    this.rx = rx;
    return rx === null ? null : this.times(rx, this.d1 as Float64Array);
  }

  rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    _sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null] {
    if (!needGx) return [null, null];
    const d1 = this.d1 as Float64Array;
    const gx = this.times(gy, d1);
    // R{gx} = f'(x) R{g} + f''(x) R{x} g; the second term vanishes for piecewise-linear f
    const rx = this.rx;
    const curved = rx !== null && !this.act.linearPieces;
    if (rgy === null && !curved) return [gx, null];
    const rgx = rgy === null ? new Float64Array(gy.data.length) : this.times(rgy, d1).data;
    if (curved) {
      const x = this.x as Float64Array;
      const y = this.y as Float64Array;
      const g = gy.data;
      const r = (rx as Matrix).data;
      for (let i = 0; i < rgx.length; i++) rgx[i] += this.act.d2(x[i], y[i]) * r[i] * g[i];
    }
    return [gx, { rows: gy.rows, cols: gy.cols, data: rgx }];
  }

  config(): Config {
    return { fn: this.fnName };
  }
}

/**
 * An elementwise activation layer: 'tanh', 'relu', 'softplus', 'gelu' (tanh approximation, as
 * PyTorch `approximate='tanh'`), 'sigmoid' or 'identity'. No parameters. The R-operator uses
 * f'' (zero for relu and identity).
 *
 * @param fn - the activation
 * @param options - `{ name }`
 * @throws {InvalidArgumentError} on an unknown activation
 * @example
 * import { fromRows } from '@rg/linalg';
 * const relu = activation('relu');
 * relu.forward(fromRows([[-1, 2]])) // => [[0, 2]]
 * relu.backward(fromRows([[5, 5]])) // => [[0, 5]]
 */
export function activation(fn: ActivationName, optionsIn: ActivationOptions = {}): Layer {
  const options = checkOptions('activation', 'options', optionsIn);
  if (typeof fn !== 'string' || !Object.hasOwn(ACTIVATIONS, fn))
    throw new InvalidArgumentError(
      `activation(): fn must be one of ${Object.keys(ACTIVATIONS).join(', ')} (got ${JSON.stringify(fn)})`,
    );
  return bindTree(new ActivationLayer(fn, layerName('activation()', options.name)));
}
