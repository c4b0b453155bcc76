// Ground cost between two point clouds (pairwise distances; POT's ot.dist).
import {
  guardAllocation,
  InvalidArgumentError,
  isMatrix,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { toMatrix } from './problem.js';

/** A built-in metric name or a function of two points. */
export type CostMetric = CostMetricName | ((p: Float64Array, q: Float64Array) => number);

/** Points as a Matrix (one point per row) or nested arrays. */
export type Points = Matrix | readonly (readonly number[])[];

/** Validates points (Matrix or nested arrays) and returns them as a Matrix (no copy for a Matrix). */
export function toPoints(fn: string, name: string, x: Points): Matrix {
  if (!isMatrix(x) && !Array.isArray(x))
    throw new ShapeError(`${fn}(): ${name} must be a Matrix or an array of points`);
  return toMatrix(fn, name, x, 'coordinates');
}

/**
 * Pairwise cost C_ij = d(x_i, y_j) between the rows of `x` and the rows of `y`.
 *
 * @param x - n points (a Matrix with one point per row, or nested arrays)
 * @param y - m points of the same dimension
 * @param metric - `'sqeuclidean'` (default, as POT's `ot.dist`), `'euclidean'`,
 *   `'cityblock'`, or a function `(p, q) => number` of two points
 * @returns the n×m cost matrix
 * @throws {ShapeError} when the point dimensions differ or a cloud is empty
 * @throws {NonFiniteError} on a non-finite coordinate or a non-finite custom cost
 * @throws {InvalidArgumentError} on an unknown metric name
 * @example
 * costMatrix([[0, 0], [1, 0]], [[0, 1]]) // => [[1], [2]]
 * costMatrix([[0, 0]], [[3, 4]], 'euclidean') // => [[5]]
 * costMatrix([[0, 0]], [[3, 4]], 'cityblock') // => [[7]]
 */
export function costMatrix(x: Points, y: Points, metric: CostMetric = 'sqeuclidean'): Matrix {
  const { X, Y, n, m, d, out } = prepareCost('costMatrix', x, y, metric);
  if (typeof metric === 'function') {
    for (let i = 0; i < n; i++) {
      const p = X.subarray(i * d, i * d + d);
      for (let j = 0; j < m; j++) {
        const c = metric(p, Y.subarray(j * d, j * d + d));
        if (typeof c !== 'number' || !Number.isFinite(c))
          throw new InvalidArgumentError(
            `costMatrix(): metric(x[${i}], y[${j}]) returned ${String(c)} (must be a finite number)`,
          );
        out[i * m + j] = c;
      }
    }
    return { rows: n, cols: m, data: out };
  }
  costRows(X, Y, d, m, metric, 0, n, out);
  return { rows: n, cols: m, data: out };
}

/**
 * Validate a cost-matrix call (`fn` names it): the two point clouds, their dimensions and the
 * metric; allocates the n×m output under the allocation guard.
 *
 * @internal
 */
export function prepareCost(
  fn: string,
  x: Points,
  y: Points,
  metric: CostMetric,
): { X: Float64Array; Y: Float64Array; n: number; m: number; d: number; out: Float64Array } {
  const px = toPoints(fn, 'x', x);
  const py = toPoints(fn, 'y', y);
  if (px.rows === 0 || py.rows === 0) throw new ShapeError(`${fn}(): x and y must not be empty`);
  if (px.cols !== py.cols)
    throw new ShapeError(`${fn}(): x has dimension ${px.cols} but y has dimension ${py.cols}`);
  if (
    typeof metric !== 'function' &&
    metric !== 'sqeuclidean' &&
    metric !== 'euclidean' &&
    metric !== 'cityblock'
  )
    throw new InvalidArgumentError(
      `${fn}(): metric must be 'sqeuclidean', 'euclidean', 'cityblock' or a function (got ${String(metric)})`,
    );
  const n = px.rows;
  const m = py.rows;
  guardAllocation(fn, n * m);
  return { X: px.data, Y: py.data, n, m, d: px.cols, out: new Float64Array(n * m) };
}

/** The built-in metrics of {@link costMatrix}. */
export type CostMetricName = 'sqeuclidean' | 'euclidean' | 'cityblock';

/**
 * Rows [i0, i1) of the cost matrix between the rows of X (n×d) and of Y (m×d) under a built-in
 * metric, into `out` (which holds those rows only): the loop of {@link costMatrix}, shared with
 * the pool workers of its parallel form.
 *
 * @internal
 */
export function costRows(
  X: Float64Array,
  Y: Float64Array,
  d: number,
  m: number,
  metric: CostMetricName,
  i0: number,
  i1: number,
  out: Float64Array,
): void {
  for (let i = i0; i < i1; i++) {
    const io = i * d;
    const ro = (i - i0) * m;
    for (let j = 0; j < m; j++) {
      const jo = j * d;
      let s = 0;
      if (metric === 'cityblock') {
        for (let k = 0; k < d; k++) s += Math.abs(X[io + k] - Y[jo + k]);
      } else {
        // Direct differences rather than ‖x‖² + ‖y‖² − 2x·y: no cancellation for close points.
        for (let k = 0; k < d; k++) {
          const t = X[io + k] - Y[jo + k];
          s += t * t;
        }
        // The sum of squares can overflow (or underflow) where the distance itself fits:
        // redo those rare pairs scaled by the largest difference, as hypot does.
        if (metric === 'euclidean')
          s = s < Infinity && s > 1e-290 ? Math.sqrt(s) : scaledDistance(X, io, Y, jo, d);
      }
      out[ro + j] = s;
    }
  }
}

/** ‖x − y‖₂ without overflow or underflow: the differences scaled by the largest one. */
function scaledDistance(
  X: Float64Array,
  io: number,
  Y: Float64Array,
  jo: number,
  d: number,
): number {
  let big = 0;
  for (let k = 0; k < d; k++) big = Math.max(big, Math.abs(X[io + k] - Y[jo + k]));
  if (big === 0 || big === Infinity) return big;
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = (X[io + k] - Y[jo + k]) / big;
    s += t * t;
  }
  return big * Math.sqrt(s);
}
