// Multilayer perceptron with a flat parameter vector (Goodfellow, Bengio & Courville 2016, ch. 6),
// built from dense and activation layers.
import {
  assertFinite,
  assertFiniteArray,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  rng,
  ShapeError,
  guardAllocation,
} from '@rg/linalg';
import { activation as activationLayer } from './activation.js';
import { dense } from './dense.js';
import { ACTIVATIONS, type ActivationName } from './internal/activation-kernels.js';
import type { Layer } from './layer.js';
import { sequential } from './sequential.js';

export type { ActivationName } from './internal/activation-kernels.js';

/** Options of {@link mlp}. */
export interface MlpOptions {
  /** layer widths [input, hidden..., output]; at least two entries */
  sizes: readonly number[];
  /** hidden-layer activation (default 'tanh') */
  activation?: ActivationName;
  /** activation after the last layer (default 'identity': logits for the cross-entropy losses) */
  outputActivation?: ActivationName;
  /** seed of the weight initialisation (default 0) */
  seed?: number;
}

/** One affine layer `Z = A W + b` as views onto a flat parameter vector. */
export interface MlpLayer {
  /** weights, fan-in × fan-out (row-major view, so `A W` maps a batch of rows) */
  W: Matrix;
  /** bias, length fan-out */
  b: Float64Array;
  activation: ActivationName;
}

/** A multilayer perceptron whose parameters live in one Float64Array. */
export interface Mlp {
  readonly sizes: readonly number[];
  readonly activation: ActivationName;
  readonly outputActivation: ActivationName;
  /** number of parameters */
  readonly dim: number;
  /** all parameters: layer by layer, W (row-major) then b */
  readonly params: Float64Array;
  /** named views onto `params` (writing through a view changes `params`) */
  readonly layers: readonly MlpLayer[];
  /** the same views onto another parameter vector of length `dim` */
  layerViews(params: Float64Array): MlpLayer[];
  /** the network output for a batch X (n × sizes[0]), with `params` or the net's own */
  forward(X: Matrix, params?: Float64Array): Matrix;
  /**
   * the same network as composable layers: a {@link sequential} of {@link dense} layers
   * (`layer1.weight`, …) and activations whose parameters are `params` itself
   */
  readonly model: Layer;
}

function checkActivation(name: string, a: string): ActivationName {
  if (!(a in ACTIVATIONS))
    throw new InvalidArgumentError(
      `mlp(): ${name} must be one of ${Object.keys(ACTIVATIONS).join(', ')} (got '${a}')`,
    );
  return a as ActivationName;
}

/**
 * A multilayer perceptron `f(x) = σ_L(… σ(x W₁ + b₁) … W_L + b_L)` with all weights in
 * one Float64Array (`params`) and named Matrix/Float64Array views onto it (`layers`).
 * Weights start Glorot-normal (He-normal for relu), biases at zero. `model` is the same network
 * as a {@link sequential} of {@link dense} and {@link activation} layers sharing `params`.
 *
 * @param options - sizes, activations, seed
 * @returns the network; `params` is a flat vector for optimizers and Hessian tools
 * @throws {InvalidArgumentError} on fewer than two sizes, a non-positive width or an unknown activation
 * @example
 * import { fromRows } from '@rg/linalg';
 * const net = mlp({ sizes: [2, 3, 1], activation: 'tanh', seed: 1 });
 * net.dim // => 13
 * net.layers[0].W.rows // => 2
 * net.forward(fromRows([[0, 0]])).cols // => 1
 * net.model.parameters()[0].name // => 'layer1.weight'
 * net.model.params === net.params // => true
 */
export function mlp(optionsIn: MlpOptions): Mlp {
  const options = checkOptions('mlp', 'options', optionsIn);
  if (!Array.isArray(options.sizes) && !ArrayBuffer.isView(options.sizes))
    throw new InvalidArgumentError('mlp(): options.sizes must be an array of layer widths');
  const sizes = Array.from(options.sizes);
  if (sizes.length < 2)
    throw new InvalidArgumentError(
      `mlp(): sizes must list at least an input and an output width (got [${sizes.join(', ')}])`,
    );
  for (const s of sizes)
    if (!Number.isInteger(s) || s < 1)
      throw new InvalidArgumentError(
        `mlp(): sizes must be positive integers (got [${sizes.join(', ')}])`,
      );
  const activation = checkActivation('activation', options.activation ?? 'tanh');
  const outputActivation = checkActivation(
    'outputActivation',
    options.outputActivation ?? 'identity',
  );
  let dim = 0;
  for (let l = 0; l + 1 < sizes.length; l++) dim += sizes[l] * sizes[l + 1] + sizes[l + 1];
  // [20000, 20000] would ask for 3.2 GB of weights: refuse before initializing them
  guardAllocation('mlp', dim, 8, 'parameter vector');

  const layerViews = (params: Float64Array): MlpLayer[] => {
    if (!(params instanceof Float64Array) || params.length !== dim)
      throw new ShapeError(`mlp().layerViews(): params must be a Float64Array of length ${dim}`);
    const out: MlpLayer[] = [];
    let off = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const fin = sizes[l];
      const fout = sizes[l + 1];
      const W: Matrix = { rows: fin, cols: fout, data: params.subarray(off, off + fin * fout) };
      off += fin * fout;
      const b = params.subarray(off, off + fout);
      off += fout;
      out.push({ W, b, activation: l + 2 === sizes.length ? outputActivation : activation });
    }
    return out;
  };

  const parts: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    parts.push(dense({ inputs: sizes[l], outputs: sizes[l + 1], init: 'zeros' }));
    const act = l + 2 === sizes.length ? outputActivation : activation;
    if (act !== 'identity') parts.push(activationLayer(act));
  }
  const model = sequential(parts);
  const layers = layerViews(model.params);
  const r = rng(options.seed ?? 0);
  for (const layer of layers) {
    const fin = layer.W.rows;
    const fout = layer.W.cols;
    // He init keeps relu activations' variance; Glorot suits the saturating ones
    const std = layer.activation === 'relu' ? Math.sqrt(2 / fin) : Math.sqrt(2 / (fin + fout));
    for (let i = 0; i < layer.W.data.length; i++) layer.W.data[i] = std * r.normal();
  }

  const forward = (X: Matrix, p: Float64Array = model.params): Matrix => {
    assertFinite('mlp().forward', 'X', X);
    if (X.cols !== sizes[0])
      throw new ShapeError(`mlp().forward(): X must have ${sizes[0]} columns (has ${X.cols})`);
    if (!(p instanceof Float64Array) || p.length !== dim)
      throw new ShapeError(`mlp().forward(): params must be a Float64Array of length ${dim}`);
    assertFiniteArray('mlp().forward', 'params', p);
    const params = model.params;
    if (p === params) return model.forward(X);
    // evaluate at p without changing the net: swap it in for the call
    const saved = Float64Array.from(params);
    params.set(p);
    try {
      return model.forward(X);
    } finally {
      params.set(saved);
    }
  };

  return {
    sizes,
    activation,
    outputActivation,
    dim,
    // the model's storage (a getter: it follows the model into a container)
    get params() {
      return model.params;
    },
    get layers() {
      return layerViews(model.params);
    },
    layerViews,
    forward,
    model,
  };
}
