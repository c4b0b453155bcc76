// Worker side of pairwiseDistancesParallel: rows i0 ≤ i < i1 of the distance matrix, computed
// exactly as pairwiseDistances computes them (the row point prepared once by the metric's
// core, then one squared distance per column), on matrices stored one after the other. Loaded
// by @rg/linalg's pool workers through pool.call; validation happened on the calling side.
import { resolveMetric } from '../metrics/resolve-metric.js';

/**
 * Fill rows [i0, i1) of the m×k distance matrix `out` (and, when `ys` is null — ys = xs — the
 * mirrored entries below the diagonal). Returns `out`.
 *
 * @internal
 */
export function pairwiseRows(
  n: number,
  k: number,
  xs: Float64Array,
  ys: Float64Array | null,
  metric: string,
  squared: boolean,
  i0: number,
  i1: number,
  out: Float64Array,
): Float64Array {
  const core = resolveMetric('pairwiseDistancesParallel', metric as 'affine-invariant').unchecked;
  const nn = n * n;
  const at = (d: Float64Array, i: number) => ({
    rows: n,
    cols: n,
    data: d.subarray(i * nn, (i + 1) * nn),
  });
  const same = ys === null;
  const other = ys ?? xs;
  for (let i = i0; i < i1; i++) {
    const from = core.squaredDistanceFrom(at(xs, i));
    for (let j = same ? i + 1 : 0; j < k; j++) {
      const d2 = from(at(other, j));
      const v = squared ? d2 : Math.sqrt(d2);
      out[i * k + j] = v;
      if (same) out[j * k + i] = v;
    }
  }
  return out;
}
