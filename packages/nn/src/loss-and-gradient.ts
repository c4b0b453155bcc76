// The mean loss of a model output and its gradient with respect to that output, for
// hand-written training loops and custom heads.
import { assertFinite, checkOptions, type Matrix, ShapeError } from '@rg/linalg';
import type { LossName } from './internal/loss-kernels.js';
import { prepareLoss, type Targets } from './internal/targets.js';

/** Options of {@link lossAndGradient}. */
export interface LossOptions {
  /** a class index in the targets that marks a row to ignore (padding) */
  ignoreIndex?: number;
}

/** What {@link lossAndGradient} returns. */
export interface LossAndGradient {
  /** the mean loss over the rows that count */
  readonly value: number;
  /** ∂value/∂output, the shape of the output: feed it to `model.backward` */
  readonly gradient: Matrix;
  /** rows that count (all unless targets equal `ignoreIndex`) */
  readonly counted: number;
}

/**
 * The mean loss of a model's output over its rows, `(1/m) Σ_r ℓ(output_r, y_r)`, and its
 * gradient with respect to the output, which `model.backward(gradient)` turns into parameter
 * gradients. Losses: 'mse' (½‖f − y‖²), 'softmaxCrossEntropy' (on logits; targets one-hot or
 * probability rows, or class indices with an optional `ignoreIndex` for padding), 'logistic'
 * (binary cross-entropy on logits). The same kernels as {@link modelObjective}.
 *
 * @param output - the model output (rows × k)
 * @param targets - a rows × k Matrix, or rows class indices (softmaxCrossEntropy)
 * @param loss - default 'mse'
 * @param options - `{ ignoreIndex }`
 * @throws {ShapeError} when the targets do not match the output
 * @throws {InvalidArgumentError} on an unknown loss, a bad class index, or every row ignored
 * @example
 * import { fromRows } from '@rg/linalg';
 * const { value, gradient } = lossAndGradient(fromRows([[0, 0], [0, 0]]), [1, -100], 'softmaxCrossEntropy', { ignoreIndex: -100 });
 * value // => ~0.693147
 * gradient // => [[0.5, -0.5], [0, 0]]
 */
export function lossAndGradient(
  output: Matrix,
  targets: Targets,
  loss: LossName = 'mse',
  optionsIn: LossOptions = {},
): LossAndGradient {
  const fn = 'lossAndGradient';
  const options = checkOptions(fn, 'options', optionsIn);
  assertFinite(fn, 'output', output);
  if (output.rows === 0) throw new ShapeError(`${fn}(): output must have at least one row`);
  const p = prepareLoss(
    fn,
    'targets',
    loss,
    targets,
    output.rows,
    output.cols,
    options.ignoreIndex,
  );
  const n = output.rows;
  const k = output.cols;
  const g = new Float64Array(n * k);
  p.kernel.grad(output.data, p.y, n, k, g);
  for (let i = 0; i < g.length; i++) g[i] /= p.counted;
  return {
    value: p.kernel.sum(output.data, p.y, n, k) / p.counted,
    gradient: { rows: n, cols: k, data: g },
    counted: p.counted,
  };
}
