// Per-sample gradients of a layer model in one batched backward pass (the outer-product trick
// of Goodfellow 2015, "Efficient per-example gradient computations"; BackPACK's BatchGrad).
import { checkOptions, type Matrix } from '@rg/linalg';
import type { LossName } from './internal/loss-kernels.js';
import type { Targets } from './internal/targets.js';
import type { Layer } from './layer.js';
import { buildModelObjective } from './model-objective.js';

/** Options of {@link perSampleGradients}. */
export interface PerSampleGradientsOptions {
  /** output rows per sample (default 1) */
  tokens?: number;
  /** padding tokens attention does not attend to, one entry per sequence row */
  keyPaddingMask?: ArrayLike<boolean | number>;
  /** a class index in y that marks a row to ignore */
  ignoreIndex?: number;
}

/**
 * The gradient of each sample's loss at the model's current parameters, one row per sample
 * (samples × dim, columns in the layout of `model.params`), from one batched forward and
 * backward pass: each layer splits its parameter gradient by sample (the outer products
 * x_sᵀ g_s of a dense layer, the per-token rows of an embedding, …) instead of summing it.
 * Rows average to the gradient of the mean loss; with one row per sample and no ignored
 * targets, row s is exactly ∇ℓ(model(x_s), y_s) (see {@link ModelObjective.perSampleGradients}
 * for sequences). The model's parameters and gradients are not changed.
 *
 * @param model - any layer or model
 * @param x - inputs (see {@link ModelData})
 * @param y - targets (see {@link ModelData})
 * @param loss - 'mse' (default), 'softmaxCrossEntropy' or 'logistic'
 * @param options - `{ tokens, keyPaddingMask, ignoreIndex }`
 * @throws {ShapeError} when x or y does not fit the model
 * @example
 * import { fromRows } from '@rg/linalg';
 * const model = dense({ inputs: 1, outputs: 1 });
 * model.params.set([2, 0]);
 * perSampleGradients(model, fromRows([[1], [3]]), fromRows([[0], [0]])) // => [[2, 2], [18, 6]]
 */
export function perSampleGradients(
  model: Layer,
  x: Matrix,
  y: Targets,
  loss: LossName = 'mse',
  optionsIn: PerSampleGradientsOptions = {},
): Matrix {
  const options = checkOptions('perSampleGradients', 'options', optionsIn);
  const f = buildModelObjective(
    'perSampleGradients',
    model,
    { x, y, tokens: options.tokens, keyPaddingMask: options.keyPaddingMask },
    loss,
    { ignoreIndex: options.ignoreIndex },
  );
  return f.perSampleGradients(model.params);
}
