// Pairwise geodesic distances through the metric's core: a metric with a flat chart (Euclidean,
// log-Euclidean, log-Cholesky, power-Euclidean) maps each point once and takes Frobenius
// distances; otherwise each row point is prepared once (the affine-invariant core whitens it,
// Pennec, Fillard & Ayache 2006) so a pair costs one congruence and one eigenvalue solve.
import {
  type Accelerator,
  assertMatrix,
  checkOptions,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { spdCholesky } from './internal/validate.js';
import { type MetricName, resolveMetric } from './metrics/resolve-metric.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link pairwiseDistances}. */
export interface PairwiseDistancesOptions {
  /**
   * An accelerator (the `Accelerator` interface of @rg/linalg, e.g. `createAccelerator()` from
   * @rg/gpu). Used for the metrics that are Euclidean in a chart (`flatChart` of their core) —
   * `euclidean` (the matrices themselves), `logEuclidean` (their logarithms), `logCholesky`
   * (the log-Cholesky chart), power-Euclidean (X^α/|α|), charts computed in float64 first —
   * whose distance matrix is one `pairwiseSqDist` call on the flattened charts; the
   * accelerator's precision (float32 on a GPU: relative error about n²·2⁻²⁴ on squared
   * distances, worse for nearly equal points by cancellation) then applies. Other metrics stay
   * float64 on the CPU.
   */
  accelerator?: Accelerator;
  /** return squared distances (default false) */
  squared?: boolean;
}

function checkList(fn: string, name: string, xs: readonly Matrix[]): number {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new InvalidArgumentError(`${fn}(): ${name} must be a non-empty array of SPD matrices`);
  const n = xs[0]?.rows;
  xs.forEach((x, i) => {
    assertMatrix(fn, `${name}[${i}]`, x);
    if (x.rows !== n)
      throw new ShapeError(`${fn}(): ${name}[${i}] is ${x.rows}×${x.cols}, expected ${n}×${n}`);
    spdCholesky(fn, `${name}[${i}]`, x);
  });
  return n;
}

/**
 * Matrix of geodesic distances D[i][j] = d(xs[i], ys[j]) (ys defaults to xs, in which case D
 * is symmetric with a zero diagonal and only one triangle is computed).
 *
 * @param xs - SPD matrices, all n×n
 * @param ys - SPD matrices, all n×n (default: xs)
 * @param metric - the metric (e.g. {@link affineInvariant}) or its name (see {@link resolveMetric})
 * @returns an xs.length × ys.length Matrix
 * @throws {NotPositiveDefiniteError | ShapeError | InvalidArgumentError}
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * pairwiseDistances([identity(2), fromRows([[2, 0], [0, 2]])], undefined, affineInvariant) // => ~[[0, 0.980258], [0.980258, 0]]
 */
export function pairwiseDistances(
  xs: readonly Matrix[],
  ys: readonly Matrix[] | undefined,
  metric: SPDMetric | MetricName,
  options: PairwiseDistancesOptions = {},
): Matrix {
  return pairwiseDistancesAs('pairwiseDistances', xs, ys, metric, options);
}

/** {@link pairwiseDistances} with errors naming the public function `fn` that called it. */
export function pairwiseDistancesAs(
  fn: string,
  xs: readonly Matrix[],
  ys: readonly Matrix[] | undefined,
  metric: SPDMetric | MetricName,
  options: PairwiseDistancesOptions = {},
): Matrix {
  checkOptions(fn, 'options', options);
  const core = resolveMetric(fn, metric).unchecked;
  const n = checkList(fn, 'xs', xs);
  const same = ys === undefined || ys === xs;
  const other = same ? xs : ys;
  if (!same && checkList(fn, 'ys', other) !== n)
    throw new ShapeError(`${fn}(): xs are ${n}×${n} but ys are ${other[0].rows}×${other[0].rows}`);
  const m = xs.length;
  const k = other.length;
  const acc = options.accelerator;
  const chart = core.flatChart?.bind(core);
  if (chart) {
    // each point mapped once; the distance is the Frobenius distance of the charts
    const cx = xs.map(chart);
    const cy = same ? cx : other.map(chart);
    if (acc !== undefined) return acceleratedChart(acc, cx, cy, same, options.squared);
    return fill(m, k, same, options.squared, (i, j) => frobenius2(cx[i].data, cy[j].data));
  }
  const from = xs.map((x) => core.squaredDistanceFrom(x));
  return fill(m, k, same, options.squared, (i, j) => from[i](other[j]));
}

function frobenius2(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}

function fill(
  m: number,
  k: number,
  same: boolean,
  squared: boolean | undefined,
  d2: (i: number, j: number) => number,
): Matrix {
  const out = new Float64Array(m * k);
  const fin = squared ? (v: number) => v : (v: number) => Math.sqrt(v);
  for (let i = 0; i < m; i++) {
    for (let j = same ? i + 1 : 0; j < k; j++) {
      const v = fin(d2(i, j));
      out[i * k + j] = v;
      if (same) out[j * k + i] = v;
    }
  }
  return { rows: m, cols: k, data: out };
}

/** Frobenius distances of charts on the accelerator. */
function acceleratedChart(
  acc: Accelerator,
  xs: readonly Matrix[],
  ys: readonly Matrix[],
  same: boolean,
  squared: boolean | undefined,
): Matrix {
  if (typeof acc.pairwiseSqDist !== 'function')
    throw new InvalidArgumentError(
      'pairwiseDistances(): options.accelerator must implement the Accelerator interface of @rg/linalg',
    );
  const flatten = (list: readonly Matrix[]): Matrix => {
    const d = list[0].rows * list[0].cols;
    const data = new Float64Array(list.length * d);
    for (let i = 0; i < list.length; i++) data.set(list[i].data, i * d);
    return { rows: list.length, cols: d, data };
  };
  const fx = flatten(xs);
  const fy = same ? fx : flatten(ys);
  const d2 = acc.pairwiseSqDist(fx, fy);
  const out = new Float64Array(d2.data.length);
  const k = ys.length;
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < k; j++) {
      // float32 rounding can leave tiny negative squared distances for nearly equal points
      const v = Math.max(0, same && i === j ? 0 : d2.data[i * k + j]);
      out[i * k + j] = squared ? v : Math.sqrt(v);
    }
  }
  if (same)
    for (let i = 0; i < xs.length; i++) for (let j = 0; j < i; j++) out[i * k + j] = out[j * k + i];
  return { rows: xs.length, cols: k, data: out };
}
