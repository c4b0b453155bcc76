// Bures–Wasserstein metric (Bhatia, Jain & Lim 2019; Malagò, Montrucchio & Pistone 2018), with the
// barycenter fixed point of Álvarez-Esteban et al. (2016) as its mean algorithm.
import type { Matrix } from '@rg/linalg';
import { congruence, eigensystem, gemm, reconstruct, symmetrizeInPlace } from '@rg/linalg/kernels';
import {
  bwWeight,
  flooredSqrt,
  INV_SQRT,
  SQRT,
  type Tape,
  type TNode,
} from '../internal/autodiff.js';
import { addWeighted, sq } from '../internal/sq.js';
import {
  bwExp,
  bwGeodesic,
  bwInner,
  bwLog,
  bwSquaredDistance,
  bwTransport,
} from './bures-wasserstein-kernels.js';
import { bwFixedPoint, type BWFixedPointBackend, bwGradientNorm } from './bw-fixed-point.js';
import { arithmeticMean, defineMetric } from './define-metric.js';
import type {
  MetricMeanOptions,
  MetricMeanResult,
  SPDMetricCore,
  TapeGeometry,
} from './spd-metric.js';

/** G^½ and G^{-½} of a fixed-point iterate. */
export function bwHalves(
  n: number,
  g: Float64Array,
): { half: Float64Array; invHalf: Float64Array } {
  const e = eigensystem(n, g);
  return {
    half: reconstruct(n, e.vectors, e.values.map(Math.sqrt)),
    invHalf: reconstruct(
      n,
      e.vectors,
      e.values.map((x) => 1 / Math.sqrt(x)),
    ),
  };
}

/** (G^½ X G^½)^½ for one point: the term the fixed point averages (eigenvalues clamped at 0). */
export function bwRoot(n: number, half: Float64Array, x: Float64Array): Float64Array {
  const ei = eigensystem(n, congruence(n, n, half, x));
  return reconstruct(
    n,
    ei.vectors,
    ei.values.map((v) => Math.sqrt(Math.max(0, v))),
  );
}

/** The gradient norm at G from S = Σ wᵢ (G^½XᵢG^½)^½: A = G^{-½} S G^{-½} − I, ‖A G^½‖_F. */
export function bwMeasure(
  n: number,
  s: Float64Array,
  h: { half: Float64Array; invHalf: Float64Array },
): number {
  const a = congruence(n, n, h.invHalf, s);
  for (let i = 0; i < n; i++) a[i * n + i] -= 1;
  return bwGradientNorm(n, a, h.half);
}

/** The fixed-point step G^{-½} S² G^{-½}. */
export function bwStep(n: number, s: Float64Array, invHalf: Float64Array): Float64Array {
  const s2 = new Float64Array(n * n);
  gemm(n, n, n, s, s, s2);
  return congruence(n, n, invHalf, s2);
}

/** The fixed point on plain arrays, from `init` or the weighted arithmetic mean. */
function mean(
  points: readonly Matrix[],
  weights: Float64Array,
  options: MetricMeanOptions,
): MetricMeanResult {
  const n = points[0].rows;
  let s: Float64Array = new Float64Array(n * n);
  let invHalf: Float64Array = new Float64Array(n * n);
  const backend: BWFixedPointBackend<Float64Array> = {
    gradient(g) {
      const h = bwHalves(n, g);
      invHalf = h.invHalf;
      s = new Float64Array(n * n);
      for (let i = 0; i < points.length; i++)
        addWeighted(s, weights[i], bwRoot(n, h.half, points[i].data));
      return bwMeasure(n, s, h);
    },
    step: () => bwStep(n, s, invHalf),
  };
  const init = options.init
    ? Float64Array.from(options.init.data)
    : arithmeticMean(points, weights).data;
  const r = bwFixedPoint(backend, init, { ...options, fn: options.fn ?? 'frechetMean' });
  return { ...r, mean: sq(n, r.mean) };
}

function record(tape: Tape): TapeGeometry {
  const t = tape;
  const to = bwWeight(0.5);
  /** Log_G(Xᵢ) transported to the identity: in G's eigenbasis (Tᵢ − I) scaled by √(2(gᵢ + gⱼ)) */
  const centred = (g: TNode, maps: readonly TNode[]) => {
    const v = maps.map((m) => t.bilinear(g, m, to));
    // ‖Log‖²_G = ¼‖v‖²_F for the isometry above
    return { v, sqNorm: v.map((x) => t.linear([t.dot(x, x)], [0.25])) };
  };
  const mapsAt = (points: readonly TNode[], g: TNode) => {
    const gh = t.spectral(g, SQRT);
    const gih = t.spectral(g, INV_SQRT);
    // G^½XG^½ is SPD, but with κ(G)·κ(X) beyond 1/ε (HDM05-like covariances reach κ(X) ≈ 1e10)
    // its smallest eigenvalues are rounding noise of size ε·tr and can come out negative; the
    // plain-array mean clamps them at 0, the tape lifts them to ε·tr to keep gradients finite
    const roots = points.map((x) => {
      const c = t.congruence(gh, x);
      let tr = 0;
      for (let i = 0; i < c.rows; i++) tr += c.value[i * c.rows + i];
      return t.spectral(c, flooredSqrt(Number.EPSILON * tr));
    });
    return { gh, gih, roots, maps: roots.map((r) => t.addIdentity(t.congruence(gih, r), -1)) };
  };
  return {
    centre(points, options) {
      const w = new Float64Array(points.length).fill(1 / points.length);
      let last: ReturnType<typeof mapsAt> | undefined;
      const backend: BWFixedPointBackend<TNode> = {
        gradient(g) {
          last = mapsAt(points, g);
          const a = t.linear(last.maps, w);
          return bwGradientNorm(g.rows, a.value, last.gh.value);
        },
        step: () => {
          const m = last as ReturnType<typeof mapsAt>;
          return t.congruence(m.gih, t.gramNT(t.linear(m.roots, w)));
        },
      };
      const r = bwFixedPoint(backend, t.linear(points, w), {
        ...options,
        fn: 'RiemannianBatchNorm.forward',
      });
      return {
        ...centred(r.mean, (last as ReturnType<typeof mapsAt>).maps),
        mean: r.mean,
        iterations: r.iterations,
        converged: r.converged,
      };
    },
    centreAt: (points, g) => centred(g, mapsAt(points, g).maps),
    // K = L_W[T_{I→W} v]; Exp_W(T_{I→W} v) = (I + K) W (I + K)
    placer: (w) => (v) => t.congruence(t.addIdentity(t.bilinear(w, v, bwWeight(-0.5)), 1), w),
  };
}

const core: SPDMetricCore = {
  parallelTransport: false,
  squaredDistance: (a, b) => bwSquaredDistance(a.data, b.data, a.rows),
  inner: (p, u, v) => bwInner(p.data, u.data, v.data, p.rows),
  exp: (p, v) => sq(p.rows, bwExp(p.data, v.data, p.rows)),
  log: (p, q) => sq(p.rows, bwLog(p.data, q.data, p.rows)),
  geodesic: (p, q, t) => sq(p.rows, bwGeodesic(p.data, q.data, p.rows, t)),
  transport: (p, q, v) => sq(p.rows, bwTransport(p.data, q.data, v.data, p.rows)),
  riemannianGradient(p, g) {
    // ½ tr(L_P[ξ] V) = tr(sym(G) V) for all V gives L_P[ξ] = 2 sym(G), ξ = 2(P·sym(G) + sym(G)·P)
    const n = p.rows;
    const s = symmetrizeInPlace(n, Float64Array.from(g.data));
    const ps = new Float64Array(n * n);
    gemm(n, n, n, p.data, s, ps);
    const out = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        const x = 2 * (ps[i * n + j] + ps[j * n + i]);
        out[i * n + j] = x;
        out[j * n + i] = x;
      }
    return sq(n, out);
  },
  mean,
  batchNorm: { record },
};

/**
 * The Bures–Wasserstein metric: the 2-Wasserstein distance between centred Gaussians,
 * d² = tr A + tr B − 2 tr (A^½BA^½)^½, inner product ½ tr(L_P[U] V) with L_P[U] the
 * solution of PL + LP = U. Invariant under orthogonal congruence (not general congruence);
 * well suited to ill-conditioned and nearly singular matrices since it involves P linearly
 * rather than through P⁻¹. `exp` is only defined while I + L_P[V] stays positive definite
 * (the manifold is not complete). `transport` is an isometric vector transport through the
 * identity (closed-form parallel transport is not known in general), so `parallelTransport`
 * is false. The squared distance is a difference of traces: its absolute error is about
 * ε·(tr A + tr B), which dominates for nearby ill-conditioned matrices. Its mean algorithm is
 * the barycenter fixed point G ← G^{-½}[Σ wᵢ (G^½XᵢG^½)^½]²G^{-½}.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * buresWasserstein.distance(identity(2), fromRows([[4, 0], [0, 4]])) // => ~1.414214
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * buresWasserstein.geodesic(identity(2), fromRows([[4, 0], [0, 9]]), 0.5) // => ~[[2.25, 0], [0, 4]]
 */
export const buresWasserstein = defineMetric(core, {
  name: 'bures-wasserstein',
  kind: 'bures-wasserstein',
  label: 'buresWasserstein',
});
