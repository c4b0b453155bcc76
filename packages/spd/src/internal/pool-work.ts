// Worker side of @rg/spd's pooled per-point work (see ./pool-points.ts): each export handles
// one run of consecutive n×n points stored one after the other and writes `width` numbers per
// point into `out`, with the very functions the one-thread path calls, so results are bitwise
// those of the calling thread. Loaded by @rg/linalg's pool workers through pool.call; the
// inputs were validated on the calling side. Each returns `out` when it is a copy (a pool
// without shared memory sends it back) and null when it is shared memory the caller sees.
import { bwRoot } from '../metrics/bures-wasserstein.js';
import { whitenedLog } from '../metrics/affine-invariant.js';
import { resolveMetric } from '../metrics/resolve-metric.js';
import { tangentVectorInto } from '../tangent-space.js';
import { sq } from './sq.js';

function reply(out: Float64Array): Float64Array | null {
  return out.buffer instanceof SharedArrayBuffer ? null : out;
}

function each(
  n: number,
  points: Float64Array,
  count: number,
  f: (x: Float64Array, i: number) => void,
) {
  const nn = n * n;
  for (let i = 0; i < count; i++) f(points.subarray(i * nn, (i + 1) * nn), i);
}

/**
 * log(W Xᵢ Wᵀ) for each point: the terms of the affine-invariant Karcher gradient at the iterate
 * whitened by W. @internal
 */
export function airmWhitenedLogs(
  wInv: Float64Array,
  n: number,
  points: Float64Array,
  count: number,
  out: Float64Array,
): Float64Array | null {
  each(n, points, count, (x, i) => out.set(whitenedLog(n, wInv, x), i * n * n));
  return reply(out);
}

/** (G^½ Xᵢ G^½)^½ for each point: the terms of the Bures–Wasserstein fixed point. @internal */
export function bwRoots(
  half: Float64Array,
  n: number,
  points: Float64Array,
  count: number,
  out: Float64Array,
): Float64Array | null {
  each(n, points, count, (x, i) => out.set(bwRoot(n, half, x), i * n * n));
  return reply(out);
}

/**
 * Squared distances of each point to `k` means (stored one after the other) under the metric
 * named `metric`, k per point, as MDM computes them. @internal
 */
export function squaredDistancesToMeans(
  metric: string,
  means: Float64Array,
  k: number,
  n: number,
  points: Float64Array,
  count: number,
  out: Float64Array,
): Float64Array | null {
  const core = resolveMetric('MDM', metric as 'affine-invariant').unchecked;
  const nn = n * n;
  const from = Array.from({ length: k }, (_, c) =>
    core.squaredDistanceFrom(sq(n, means.subarray(c * nn, (c + 1) * nn))),
  );
  each(n, points, count, (x, i) => {
    for (let c = 0; c < k; c++) out[i * k + c] = from[c](sq(n, x));
  });
  return reply(out);
}

/** The tangent-space vector of each point at the reference whose C^{-½} is `invHalf`. @internal */
export function tangentVectors(
  invHalf: Float64Array,
  n: number,
  points: Float64Array,
  count: number,
  out: Float64Array,
): Float64Array | null {
  const d = (n * (n + 1)) / 2;
  each(n, points, count, (x, i) => tangentVectorInto(n, invHalf, x, out, i * d));
  return reply(out);
}
