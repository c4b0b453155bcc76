// Validation and small matrix helpers shared by the SPDNet layers, head and optimizers (not exported).
import {
  assertSymmetric,
  InvalidArgumentError,
  isMatrix,
  matmulTransA,
  type Matrix,
  NonFiniteError,
  ShapeError,
  SYMMETRY_TOLERANCE,
} from '@rg/linalg';

/** Throw unless `m` is a finite matrix of the given shape; `label` names it (e.g. `batch[3]`). */
export function assertShape(fn: string, label: string, m: unknown, rows: number, cols: number) {
  if (!isMatrix(m))
    throw new InvalidArgumentError(`${fn}(): ${label} must be a Matrix { rows, cols, data }`);
  if (m.rows !== rows || m.cols !== cols)
    throw new ShapeError(`${fn}(): ${label} must be ${rows}×${cols} (got ${m.rows}×${m.cols})`);
  const d = m.data;
  for (let k = 0; k < d.length; k++)
    if (d[k] - d[k] !== 0)
      throw new NonFiniteError(
        `${fn}(): ${label} has a non-finite entry ${d[k]} at (${Math.floor(k / cols)}, ${k % cols})`,
        k,
      );
}

/** Throw unless `batch` is a non-empty array (or, with `count`, one of that length). */
export function assertBatchArray(fn: string, name: string, batch: unknown, count?: number) {
  if (!Array.isArray(batch))
    throw new InvalidArgumentError(`${fn}(): ${name} must be an array of matrices`);
  if (count === undefined && batch.length === 0)
    throw new InvalidArgumentError(`${fn}(): ${name} must not be empty`);
  if (count !== undefined && batch.length !== count)
    throw new ShapeError(
      `${fn}(): ${name} must hold ${count} matrices, one per input of the last forward (got ${batch.length})`,
    );
}

/** Validate a batch of symmetric n×n matrices. */
export function assertSymmetricBatch(
  fn: string,
  name: string,
  batch: readonly Matrix[],
  n: number,
  count?: number,
): void {
  assertBatchArray(fn, name, batch, count);
  for (let i = 0; i < batch.length; i++) {
    assertShape(fn, `${name}[${i}]`, batch[i], n, n);
    assertSymmetric(fn, `${name}[${i}]`, batch[i], SYMMETRY_TOLERANCE);
  }
}

/** Validate a batch of n×n matrices (any symmetry: gradients are symmetrized by the caller). */
export function assertSquareBatch(
  fn: string,
  name: string,
  batch: readonly Matrix[],
  n: number,
  count: number,
): void {
  assertBatchArray(fn, name, batch, count);
  for (let i = 0; i < batch.length; i++) assertShape(fn, `${name}[${i}]`, batch[i], n, n);
}

/** Throw unless `x` is a positive integer. */
export function assertPositiveInteger(fn: string, name: string, x: unknown): asserts x is number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a positive integer (got ${String(x)})`,
    );
}

/** Row count of the first matrix of a batch (0 when there is none), for size-agnostic layers. */
export function firstSize(batch: unknown): number {
  if (!Array.isArray(batch) || batch.length === 0 || !isMatrix(batch[0])) return 0;
  return batch[0].rows;
}

/** Copy the lower triangle onto the upper one in place (removes rounding asymmetry). */
export function mirrorLowerInPlace(a: Matrix): Matrix {
  const n = a.rows;
  const x = a.data;
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) x[j * n + i] = x[i * n + j];
  return a;
}

/** A deep copy of a matrix. */
export function copyMatrix(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.slice() };
}

/** max |WᵀW − I| */
export function orthonormalityError(w: Matrix): number {
  const g = matmulTransA(w, w);
  let e = 0;
  for (let i = 0; i < g.rows; i++)
    for (let j = 0; j < g.cols; j++)
      e = Math.max(e, Math.abs(g.data[i * g.cols + j] - (i === j ? 1 : 0)));
  return e;
}

/** Throw unless `labels` holds `count` integers in [0, classes). */
export function checkLabelArray(
  fn: string,
  name: string,
  labels: ArrayLike<number>,
  count: number,
  classes: number,
): void {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number')
    throw new InvalidArgumentError(`${fn}(): ${name} must be an array of class indices`);
  if (labels.length !== count)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must have one entry per input (${count}), got ${labels.length}`,
    );
  for (let i = 0; i < count; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= classes)
      throw new InvalidArgumentError(
        `${fn}(): ${name}[${i}] must be an integer class index in [0, ${classes - 1}] (got ${y})`,
      );
  }
}

/** Row-wise argmax of a row-major m × k array. */
export function argmaxRows(x: Float64Array, k: number): number[] {
  const m = x.length / k;
  const out: number[] = [];
  for (let b = 0; b < m; b++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (x[b * k + j] > x[b * k + best]) best = j;
    out.push(best);
  }
  return out;
}
