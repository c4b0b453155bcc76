// Loss targets checked once against the output shape: a Matrix (one row per output row) or, for
// softmax cross-entropy, class indices with an optional ignore index (padding).
import { assertFinite, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import {
  LOSSES,
  type LossKernel,
  type LossName,
  SPARSE_SOFTMAX_CROSS_ENTROPY,
} from './loss-kernels.js';

/** A loss bound to its targets. */
export interface PreparedLoss {
  readonly name: LossName;
  readonly kernel: LossKernel;
  /** targets as the kernel reads them (class indices with −1 for ignored rows, or rows×k values) */
  readonly y: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** rows that count (not ignored); the loss is their mean */
  readonly counted: number;
}

/** Targets of a loss: rows×k values, or one class index per row (softmax cross-entropy). */
export type Targets = Matrix | ArrayLike<number>;

function isMatrix(t: unknown): t is Matrix {
  return (
    typeof t === 'object' && t !== null && (t as Matrix).data instanceof Float64Array && 'cols' in t
  );
}

/** Validate a loss name and its targets for an output of rows × cols. */
export function prepareLoss(
  fn: string,
  name: string,
  loss: unknown,
  targets: Targets,
  rows: number,
  cols: number,
  ignoreIndex: number | undefined,
): PreparedLoss {
  if (typeof loss !== 'string' || !Object.hasOwn(LOSSES, loss))
    throw new InvalidArgumentError(
      `${fn}(): loss must be one of ${Object.keys(LOSSES).join(', ')} (got ${JSON.stringify(loss)})`,
    );
  const lossName = loss as LossName;
  if (ignoreIndex !== undefined && !Number.isInteger(ignoreIndex))
    throw new InvalidArgumentError(`${fn}(): ignoreIndex must be an integer (got ${ignoreIndex})`);
  if (isMatrix(targets)) {
    assertFinite(fn, name, targets);
    if (targets.rows !== rows || targets.cols !== cols)
      throw new ShapeError(
        `${fn}(): ${name} must be ${rows}×${cols} like the model output (is ${targets.rows}×${targets.cols})${
          lossName === 'softmaxCrossEntropy' ? '; for class indices pass an array' : ''
        }`,
      );
    return { name: lossName, kernel: LOSSES[lossName], y: targets.data, rows, cols, counted: rows };
  }
  if (lossName !== 'softmaxCrossEntropy')
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a ${rows}×${cols} Matrix for loss '${lossName}' (class indices need 'softmaxCrossEntropy')`,
    );
  if (targets === null || typeof targets !== 'object' || typeof targets.length !== 'number')
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a Matrix or an array of class indices`,
    );
  if (targets.length !== rows)
    throw new ShapeError(
      `${fn}(): ${name} has ${targets.length} class indices; the model output has ${rows} rows`,
    );
  const y = new Float64Array(rows);
  let counted = 0;
  for (let i = 0; i < rows; i++) {
    const t = targets[i];
    if (ignoreIndex !== undefined && t === ignoreIndex) {
      y[i] = -1;
      continue;
    }
    if (!Number.isInteger(t) || t < 0 || t >= cols)
      throw new InvalidArgumentError(
        `${fn}(): ${name}[${i}] = ${t} is not a class index in [0, ${cols})${
          ignoreIndex === undefined ? '' : ` or the ignoreIndex ${ignoreIndex}`
        }`,
      );
    y[i] = t;
    counted++;
  }
  if (counted === 0)
    throw new InvalidArgumentError(
      `${fn}(): every target of ${name} is ignored; nothing to average`,
    );
  return { name: lossName, kernel: SPARSE_SOFTMAX_CROSS_ENTROPY, y, rows, cols, counted };
}
