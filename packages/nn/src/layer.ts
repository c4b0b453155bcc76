// The composable layer: forward, backward for any upstream gradient, Pearlmutter's R-operator
// (Pearlmutter 1994, "Fast exact multiplication by the Hessian"), named parameters.
import type { Matrix } from '@rg/linalg';
import type { JsonValue, Parameter } from '@rg/optim';

/**
 * Options of a forward pass, passed unchanged to every layer of a model.
 *
 * Layout of sequences: a batch of `batch` sequences of `tokens` feature rows is one Matrix of
 * (batch·tokens) rows, sample-major (row `b·tokens + t` is token t of sample b). Layers that
 * mix tokens (attention, positional encodings) read `tokens`; all other layers act on rows.
 *
 * @example
 * import { matrix } from '@rg/linalg';
 * const options: ForwardOptions = { tokens: 2, keyPaddingMask: [0, 0, 0, 1] };
 * const att = attention({ dModel: 4, heads: 2 });
 * att.forward(matrix(4, 4), options).rows // => 4
 */
export interface ForwardOptions {
  /** dropout is active only in training passes (default false) */
  training?: boolean;
  /** rows per sample for sequence layers (default 1: every row is its own sample) */
  tokens?: number;
  /**
   * one entry per row (batch·tokens): true or 1 marks a padding token that attention layers do
   * not attend to (PyTorch's `key_padding_mask`)
   */
  keyPaddingMask?: ArrayLike<boolean | number>;
}

/**
 * The architecture of a layer as plain JSON: its `kind`, its options, and for containers the
 * `layers` inside it. Parameter values are not part of it (see {@link ModelJSON}).
 *
 * @example
 * dense({ inputs: 2, outputs: 3 }).toJSON().layer // => { kind: 'dense', inputs: 2, outputs: 3, bias: true }
 */
export interface LayerSpec {
  readonly kind: string;
  readonly name?: string;
  readonly layers?: readonly LayerSpec[];
  readonly [option: string]: JsonValue | readonly LayerSpec[] | undefined;
}

/**
 * A model saved by `toJSON()`: the architecture and the flat parameter vector (float64 numbers
 * survive JSON exactly). {@link fromJSON} rebuilds it.
 *
 * @example
 * const saved: ModelJSON = JSON.parse(JSON.stringify(dense({ inputs: 1, outputs: 1 })));
 * saved.format // => '@rg/nn'
 * saved.params.length // => 2
 */
export interface ModelJSON {
  readonly format: '@rg/nn';
  readonly version: 1;
  readonly layer: LayerSpec;
  readonly params: readonly number[];
}

/**
 * What {@link Layer.rBackward} returns: the input gradient of the backward pass, its
 * directional derivative R{·}, and R{∇θ}, the Hessian-vector-product contribution.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const layer = dense({ inputs: 1, outputs: 1 });
 * layer.params.set([2, 0]);
 * layer.forward(fromRows([[3]]));
 * layer.rForward(null, Float64Array.from([1, 0]));
 * const r: RBackwardResult = layer.rBackward(fromRows([[1]]), fromRows([[0]]));
 * r.rGrad // => [[1]]
 */
export interface RBackwardResult {
  /** ∂(⟨gradOut, y⟩)/∂x: the same as `backward(gradOut)` returns */
  readonly grad: Matrix;
  /** R{grad}: its derivative along the input and parameter directions of `rForward` */
  readonly rGrad: Matrix;
  /** R{∇θ}: the derivative of the parameter gradient (flat, length `dim`) */
  readonly rParamGrad: Float64Array;
}

/**
 * A differentiable layer (every model is one: {@link sequential} is a layer too). Its
 * parameters are @rg/optim `Parameter`s named by their path (`layer1.weight`), whose
 * `value` and `grad` Matrices are views into one flat parameter vector (`params`) and one flat
 * gradient vector (`grads`) of the outermost model, so optimizers update them in place and the
 * Hessian tools see the same numbers.
 *
 * - `forward(x, options)` computes the output and keeps what backward needs;
 * - `backward(gradOut)` takes the gradient of any scalar with respect to the output of the
 *   last forward (a loss, or a custom head's gradient), **accumulates** the parameter
 *   gradients into `grads` and returns the gradient with respect to the input;
 * - `rForward(dInput, dParams)` and `rBackward(gradOut, rGradOut)` are Pearlmutter's
 *   R-operator: the directional derivative of the forward pass and of the backward pass, which
 *   give exact Hessian-vector products (see {@link modelObjective}).
 *
 * A layer keeps references to the input of its last forward pass; do not modify it before
 * calling backward. A layer belongs to at most one container.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const model = sequential([dense({ inputs: 2, outputs: 3 }), activation('tanh'), dense({ inputs: 3, outputs: 1 })]);
 * model.parameters().map((p) => p.name) // => ['layer1.weight', 'layer1.bias', 'layer3.weight', 'layer3.bias']
 * model.dim // => 13
 * const y = model.forward(fromRows([[1, 2]]));
 * model.backward(fromRows([[1]])).cols // => 2
 */
export interface Layer {
  /** 'dense', 'activation', 'attention', 'sequential', … */
  readonly kind: string;
  /** the name given at creation, if any (containers otherwise name children layer1, layer2, …) */
  readonly name: string | undefined;
  /** number of parameters */
  readonly dim: number;
  /** all parameters, flat, in `parameters()` order (row-major each); a live view */
  readonly params: Float64Array;
  /** the accumulated gradients, laid out like `params`; a live view */
  readonly grads: Float64Array;
  /** the layers directly inside a container (empty for other layers) */
  readonly layers: readonly Layer[];
  /** the named parameters; `value`/`grad` are views into `params`/`grads` */
  parameters(): Parameter[];
  /** set `grads` to zero */
  zeroGrad(): void;
  forward(x: Matrix, options?: ForwardOptions): Matrix;
  backward(gradOut: Matrix): Matrix;
  /**
   * R{y}: the derivative of the last forward's output along the input direction `dInput`
   * (null: zero) and the parameter direction `dParams` (flat like `params`; null: zero)
   */
  rForward(dInput: Matrix | null, dParams: Float64Array | null): Matrix;
  /**
   * The derivative of the backward pass along the directions of the last `rForward`, for the
   * upstream gradient `gradOut` and its derivative `rGradOut`. `rParamGrad` is written into
   * `out` (length `dim`) when given. Does not change `grads`.
   */
  rBackward(gradOut: Matrix, rGradOut: Matrix | null, out?: Float64Array): RBackwardResult;
  /** the architecture and parameters as JSON (also what `JSON.stringify(layer)` writes) */
  toJSON(): ModelJSON;
}
