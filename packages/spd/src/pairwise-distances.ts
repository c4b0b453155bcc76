// Pairwise geodesic distances; the affine-invariant path whitens each row point once
// (Pennec, Fillard & Ayache 2006) so a pair costs one congruence and one eigenvalue solve.
import { assertMatrix, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import { spdCholesky } from './internal/validate.js';
import { airmSquaredDistanceWhitened, airmWhitener } from './metrics/affine-invariant.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link pairwiseDistances}. */
export interface PairwiseDistancesOptions {
  /**
   * Accepted for forward compatibility with the acceleration interface of @rg/linalg; it is
   * ignored for now and the computation stays float64 on the CPU.
   */
  accelerator?: unknown;
  /** return squared distances (default false) */
  squared?: boolean;
}

function checkList(name: string, xs: readonly Matrix[]): number {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new InvalidArgumentError(
      `pairwiseDistances(): ${name} must be a non-empty array of SPD matrices`,
    );
  const n = xs[0]?.rows;
  xs.forEach((x, i) => {
    assertMatrix('pairwiseDistances', `${name}[${i}]`, x);
    if (x.rows !== n)
      throw new ShapeError(
        `pairwiseDistances(): ${name}[${i}] is ${x.rows}×${x.cols}, expected ${n}×${n}`,
      );
    spdCholesky('pairwiseDistances', `${name}[${i}]`, x);
  });
  return n;
}

/**
 * Matrix of geodesic distances D[i][j] = d(xs[i], ys[j]) (ys defaults to xs, in which case D
 * is symmetric with a zero diagonal and only one triangle is computed).
 *
 * @param xs - SPD matrices, all n×n
 * @param ys - SPD matrices, all n×n (default: xs)
 * @param metric - the metric (e.g. {@link affineInvariant})
 * @returns an xs.length × ys.length Matrix
 * @throws {NotPositiveDefiniteError | ShapeError | InvalidArgumentError}
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * pairwiseDistances([identity(2), fromRows([[2, 0], [0, 2]])], undefined, affineInvariant) // => ~[[0, 0.980258], [0.980258, 0]]
 */
export function pairwiseDistances(
  xs: readonly Matrix[],
  ys: readonly Matrix[] | undefined,
  metric: SPDMetric,
  options: PairwiseDistancesOptions = {},
): Matrix {
  const n = checkList('xs', xs);
  const same = ys === undefined || ys === xs;
  const other = same ? xs : ys;
  if (!same && checkList('ys', other) !== n)
    throw new ShapeError(
      `pairwiseDistances(): xs are ${n}×${n} but ys are ${other[0].rows}×${other[0].rows}`,
    );
  const m = xs.length;
  const k = other.length;
  const out = new Float64Array(m * k);
  const fin = options.squared ? (d2: number) => d2 : (d2: number) => Math.sqrt(d2);
  const d2: (i: number, j: number) => number =
    metric.kind === 'affine-invariant'
      ? (() => {
          const w = xs.map((x, i) => airmWhitener('pairwiseDistances', `xs[${i}]`, x).w);
          return (i: number, j: number) => airmSquaredDistanceWhitened(w[i], other[j].data, n);
        })()
      : (i: number, j: number) => metric.squaredDistance(xs[i], other[j]);
  for (let i = 0; i < m; i++) {
    for (let j = same ? i + 1 : 0; j < k; j++) {
      const v = fin(d2(i, j));
      out[i * k + j] = v;
      if (same) out[j * k + i] = v;
    }
  }
  return { rows: m, cols: k, data: out };
}
