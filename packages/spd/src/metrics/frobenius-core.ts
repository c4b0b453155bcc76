// The flat (Frobenius) geometry of a whole vector space of matrices: straight lines, identity
// transport, the arithmetic mean. The base that chart pullbacks (log-Euclidean, log-Cholesky)
// are built on; complete, so it carries the batch-normalization pieces.
import type { Matrix } from '@rg/linalg';
import { dot, symmetrizeInPlace } from '@rg/linalg/kernels';
import type { Tape, TNode } from '../internal/autodiff.js';
import { sq } from '../internal/sq.js';
import { arithmeticMean } from './define-metric.js';
import type { MetricMeanOptions, SPDMetricCore, TapeGeometry } from './spd-metric.js';

function combine(a: Float64Array, b: Float64Array, s: number, t: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = s * a[i] + t * b[i];
  return out;
}

function squaredDistance(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return s;
}

/** The closed-form mean Σ wᵢ Xᵢ, with the gradient ‖Σ wᵢ (Xᵢ − G)‖_F measured at it. */
function mean(points: readonly Matrix[], w: Float64Array, _options: MetricMeanOptions) {
  const g = arithmeticMean(points, w);
  const n = g.rows;
  const grad = new Float64Array(n * n);
  for (let i = 0; i < points.length; i++)
    for (let k = 0; k < n * n; k++) grad[k] += w[i] * (points[i].data[k] - g.data[k]);
  const gradientNorm = Math.sqrt(dot(n * n, grad, grad));
  return { mean: g, iterations: 0, converged: gradientNorm <= _options.tol, gradientNorm };
}

function record(tape: Tape): TapeGeometry {
  const t = tape;
  const diffs = (points: readonly TNode[], m: TNode) => {
    const v = points.map((x) => t.linear([x, m], [1, -1]));
    return { v, sqNorm: v.map((x) => t.dot(x, x)) };
  };
  return {
    centre(points) {
      const m = t.linear(points, new Float64Array(points.length).fill(1 / points.length));
      return { ...diffs(points, m), mean: m, iterations: 0, converged: true };
    },
    centreAt: diffs,
    placer: (w) => (v) => t.add(v, w),
  };
}

/**
 * The Frobenius geometry of a vector space of matrices: d(A, B) = ‖A − B‖_F, exp(P, V) = P + V,
 * identity transport, mean Σ wᵢ Xᵢ. Complete (it is the whole space), so it has the
 * batch-normalization pieces; the chart pullbacks {@link logEuclidean} and {@link logCholesky}
 * are built on it. Restricted to the SPD cone it is {@link euclidean}.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * frobeniusCore.squaredDistance(identity(2), fromRows([[2, 0], [0, 3]])) // => 5
 * frobeniusCore.exp(identity(2), fromRows([[0, 1], [1, 0]])) // => [[1, 1], [1, 1]]
 */
export const frobeniusCore: SPDMetricCore = {
  parallelTransport: true,
  squaredDistance,
  squaredDistanceFrom: (a) => (b) => squaredDistance(a, b),
  flatChart: (x) => x,
  inner: (_p, u, v) => dot(u.data.length, u.data, v.data),
  exp: (p, v) => sq(p.rows, combine(p.data, v.data, 1, 1)),
  log: (p, q) => sq(p.rows, combine(q.data, p.data, 1, -1)),
  geodesic: (p, q, t) => sq(p.rows, combine(p.data, q.data, 1 - t, t)),
  transport: (_p, _q, v) => sq(v.rows, Float64Array.from(v.data)),
  riemannianGradient: (_p, g) => {
    const n = g.rows;
    return sq(n, symmetrizeInPlace(n, Float64Array.from(g.data)));
  },
  mean,
  batchNorm: { record },
};
