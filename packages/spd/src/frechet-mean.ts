// Fréchet (Karcher) means on SPD matrices: Karcher flow with pyRiemann's step-size adaptation
// for AIRM (Pennec 2006; Barachant et al. 2012), the Álvarez-Esteban et al. (2016) fixed point
// for BW/GBW, closed forms for Euclidean, log-Euclidean (Arsigny 2007) and log-Cholesky (Lin 2019).
import {
  ConvergenceError,
  InvalidArgumentError,
  type Matrix,
  type ProgressInfo,
  throwIfAborted,
} from '@rg/linalg';
import {
  choleskyLower,
  congruence,
  eigensystem,
  gemm,
  gemmTransB,
  reconstruct,
  symmetrizeInPlace,
  triangularInverse,
} from '@rg/linalg/kernels';
import { assertPoints, normalizedWeights } from './internal/points.js';
import { sq } from './internal/sq.js';
import { spdCholesky } from './internal/validate.js';
import { whitenedEig } from './metrics/affine-invariant.js';
import { bwInner } from './metrics/bures-wasserstein-kernels.js';
import type { GeneralizedBuresWassersteinMetric } from './metrics/generalized-bures-wasserstein.js';
import type { PowerDeformedMetric } from './metrics/power-deformed.js';
import type { SPDMetric } from './metrics/spd-metric.js';

/** Options of {@link frechetMean}. */
export interface FrechetMeanOptions {
  /** non-negative weights, one per point (normalized to sum 1; default uniform) */
  weights?: ArrayLike<number>;
  /** stop when the Riemannian gradient norm is ≤ tol (default 1e-8, pyRiemann's) */
  tol?: number;
  /** maximum iterations (default 50, pyRiemann's) */
  maxIter?: number;
  /** starting point (default: the weighted arithmetic mean) */
  init?: Matrix;
  signal?: AbortSignal;
  onProgress?: (info: ProgressInfo) => void;
  /** throw a ConvergenceError instead of returning converged: false */
  strict?: boolean;
}

/** Result of {@link frechetMean}. */
export interface FrechetMeanResult {
  mean: Matrix;
  iterations: number;
  converged: boolean;
  /** Riemannian norm of the gradient of ½Σ w_i d²(·, X_i) at `mean` */
  gradientNorm: number;
  /** same as gradientNorm (the IterativeResult field) */
  residual: number;
}

interface Ctx {
  w: Float64Array;
  tol: number;
  maxIter: number;
  opts: FrechetMeanOptions;
}

function arithmetic(xs: readonly Matrix[], w: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  xs.forEach((x, i) => {
    for (let k = 0; k < n * n; k++) out[k] += w[i] * x.data[k];
  });
  return out;
}

/** Gradient norm ‖Σ w_i Log_G(X_i)‖_G measured through the metric's public maps. */
function gradientNormOf(
  metric: SPDMetric,
  g: Matrix,
  xs: readonly Matrix[],
  w: Float64Array,
): number {
  const n = g.rows;
  const grad = new Float64Array(n * n);
  xs.forEach((x, i) => {
    const l = metric.log(g, x).data;
    for (let k = 0; k < n * n; k++) grad[k] += w[i] * l[k];
  });
  return metric.norm(g, sq(n, grad));
}

function finish(
  fn: string,
  ctx: Ctx,
  mean: Float64Array,
  n: number,
  iterations: number,
  converged: boolean,
  gradientNorm: number,
): FrechetMeanResult {
  if (!converged && ctx.opts.strict)
    throw new ConvergenceError(
      `${fn}(): no convergence after ${iterations} iterations (gradient norm ${gradientNorm.toExponential(2)} > tol ${ctx.tol})`,
      { iterations, residual: gradientNorm },
    );
  return { mean: sq(n, mean), iterations, converged, gradientNorm, residual: gradientNorm };
}

function closedForm(
  metric: SPDMetric,
  xs: readonly Matrix[],
  ctx: Ctx,
  n: number,
  mean: Float64Array,
): FrechetMeanResult {
  const g = gradientNormOf(metric, sq(n, mean), xs, ctx.w);
  return finish('frechetMean', ctx, mean, n, 0, g <= ctx.tol, g);
}

function logEuclideanMean(xs: readonly Matrix[], w: Float64Array, n: number): Float64Array {
  const acc = new Float64Array(n * n);
  xs.forEach((x, i) => {
    const e = eigensystem(n, x.data);
    const l = reconstruct(n, e.vectors, e.values.map(Math.log));
    for (let k = 0; k < n * n; k++) acc[k] += w[i] * l[k];
  });
  const e = eigensystem(n, acc);
  return reconstruct(n, e.vectors, e.values.map(Math.exp));
}

function logCholeskyMean(xs: readonly Matrix[], w: Float64Array, n: number): Float64Array {
  const k = new Float64Array(n * n);
  const l = new Float64Array(n * n);
  xs.forEach((x, i) => {
    choleskyLower(n, x.data, l);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < r; c++) k[r * n + c] += w[i] * l[r * n + c];
      k[r * n + r] += w[i] * Math.log(l[r * n + r]);
    }
  });
  for (let r = 0; r < n; r++) k[r * n + r] = Math.exp(k[r * n + r]);
  const out = new Float64Array(n * n);
  gemmTransB(n, n, n, k, k, out);
  return symmetrizeInPlace(n, out);
}

/** pyRiemann's mean_riemann: Karcher flow with step nu, ×0.95 on progress, ×0.5 otherwise. */
function affineInvariantMean(
  xs: readonly Matrix[],
  ctx: Ctx,
  n: number,
  init: Float64Array,
): FrechetMeanResult {
  let c = init;
  let nu = 1;
  let tau = Number.MAX_VALUE;
  let crit = Number.POSITIVE_INFINITY;
  const j = new Float64Array(n * n);
  for (let it = 0; it < ctx.maxIter; it++) {
    throwIfAborted('frechetMean', ctx.opts.signal);
    const lc = new Float64Array(n * n);
    if (choleskyLower(n, c, lc) >= 0)
      throw new InvalidArgumentError(
        'frechetMean(): the iterate lost positive definiteness (points too ill-conditioned for float64)',
      );
    const wInv = triangularInverse(n, lc, { lower: true });
    j.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const e = whitenedEig(wInv, xs[i].data, n);
      const lg = reconstruct(n, e.vectors, e.values.map(Math.log));
      const wi = ctx.w[i];
      for (let k = 0; k < n * n; k++) j[k] += wi * lg[k];
    }
    let s = 0;
    for (let k = 0; k < n * n; k++) s += j[k] * j[k];
    crit = Math.sqrt(s);
    ctx.opts.onProgress?.({ iteration: it, residual: crit, stepSize: nu });
    if (crit <= ctx.tol) return finish('frechetMean', ctx, c, n, it, true, crit);
    const h = nu * crit;
    const ej = eigensystem(n, j);
    const step = reconstruct(
      n,
      ej.vectors,
      ej.values.map((x) => Math.exp(nu * x)),
    );
    c = congruence(n, n, lc, step);
    if (h < tau) {
      nu *= 0.95;
      tau = h;
    } else nu *= 0.5;
    if (nu <= ctx.tol) return finish('frechetMean', ctx, c, n, it + 1, false, crit);
  }
  // The gradient at the final iterate has not been measured yet: measure it once.
  const lc = new Float64Array(n * n);
  choleskyLower(n, c, lc);
  const wInv = triangularInverse(n, lc, { lower: true });
  j.fill(0);
  for (let i = 0; i < xs.length; i++) {
    const e = whitenedEig(wInv, xs[i].data, n);
    const lg = reconstruct(n, e.vectors, e.values.map(Math.log));
    for (let k = 0; k < n * n; k++) j[k] += ctx.w[i] * lg[k];
  }
  let s = 0;
  for (let k = 0; k < n * n; k++) s += j[k] * j[k];
  crit = Math.sqrt(s);
  return finish('frechetMean', ctx, c, n, ctx.maxIter, crit <= ctx.tol, crit);
}

/** BW fixed point G ← G^{-½}[Σ w (G^½XG^½)^½]²G^{-½}; gradient −Σw Log_G X = 2G − (G^½SG^{-½} + G^{-½}SG^½). */
function buresWassersteinMean(
  xs: readonly Float64Array[],
  ctx: Ctx,
  n: number,
  init: Float64Array,
): { mean: Float64Array; it: number; converged: boolean; g: number } {
  let g = init;
  let gradNorm = Number.POSITIVE_INFINITY;
  for (let it = 0; it <= ctx.maxIter; it++) {
    throwIfAborted('frechetMean', ctx.opts.signal);
    const e = eigensystem(n, g);
    const half = reconstruct(n, e.vectors, e.values.map(Math.sqrt));
    const invHalf = reconstruct(
      n,
      e.vectors,
      e.values.map((x) => 1 / Math.sqrt(x)),
    );
    const s = new Float64Array(n * n);
    for (let i = 0; i < xs.length; i++) {
      const ei = eigensystem(n, congruence(n, n, half, xs[i]));
      const r = reconstruct(
        n,
        ei.vectors,
        ei.values.map((x) => Math.sqrt(Math.max(0, x))),
      );
      for (let k = 0; k < n * n; k++) s[k] += ctx.w[i] * r[k];
    }
    const hs = new Float64Array(n * n);
    gemm(n, n, n, half, s, hs);
    const a = new Float64Array(n * n);
    gemm(n, n, n, hs, invHalf, a);
    const grad = new Float64Array(n * n);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) grad[r * n + c] = a[r * n + c] + a[c * n + r] - 2 * g[r * n + c];
    gradNorm = Math.sqrt(Math.max(0, bwInner(g, grad, grad, n)));
    ctx.opts.onProgress?.({ iteration: it, residual: gradNorm });
    if (gradNorm <= ctx.tol) return { mean: g, it, converged: true, g: gradNorm };
    if (it === ctx.maxIter) break;
    const s2 = new Float64Array(n * n);
    gemm(n, n, n, s, s, s2);
    g = congruence(n, n, invHalf, s2);
  }
  return { mean: g, it: ctx.maxIter, converged: false, g: gradNorm };
}

function genericMean(
  metric: SPDMetric,
  xs: readonly Matrix[],
  ctx: Ctx,
  n: number,
  init: Float64Array,
): FrechetMeanResult {
  let g = sq(n, init);
  let gn = Number.POSITIVE_INFINITY;
  for (let it = 0; it <= ctx.maxIter; it++) {
    throwIfAborted('frechetMean', ctx.opts.signal);
    const grad = new Float64Array(n * n);
    xs.forEach((x, i) => {
      const l = metric.log(g, x).data;
      for (let k = 0; k < n * n; k++) grad[k] += ctx.w[i] * l[k];
    });
    gn = metric.norm(g, sq(n, grad));
    ctx.opts.onProgress?.({ iteration: it, residual: gn });
    if (gn <= ctx.tol) return finish('frechetMean', ctx, g.data, n, it, true, gn);
    if (it === ctx.maxIter) break;
    g = metric.exp(g, sq(n, grad));
  }
  return finish('frechetMean', ctx, g.data, n, ctx.maxIter, false, gn);
}

function powMat(x: Float64Array, n: number, s: number): Float64Array {
  const e = eigensystem(n, x);
  return reconstruct(
    n,
    e.vectors,
    e.values.map((v) => v ** s),
  );
}

/**
 * Weighted Fréchet mean argmin_G Σ w_i d²(G, X_i) under `metric`. Euclidean, log-Euclidean and
 * log-Cholesky means are closed forms (iterations 0); the affine-invariant mean is pyRiemann's
 * Karcher flow (step ν starts at 1, ×0.95 while the step length decreases, ×0.5 otherwise;
 * stops when ‖gradient‖ ≤ tol or ν ≤ tol); Bures–Wasserstein and GBW use the fixed-point
 * iteration G ← G^{-½}[Σ w (G^½X_iG^½)^½]²G^{-½} started from the arithmetic mean; a
 * power-deformed metric averages X_i^θ under its base metric; any other metric gets Riemannian
 * gradient descent with unit step. The returned `gradientNorm` is measured at the returned mean.
 * For point sets with condition numbers near 1e10 the achievable gradient norm is limited by
 * float64 (measured: about 5e-7 for AIRM, 4×4, κ = 1e10); the result then says
 * `converged: false` unless `tol` is raised accordingly.
 *
 * @param points - SPD matrices of the same size
 * @param metric - the metric
 * @returns `{ mean, iterations, converged, gradientNorm, residual }`
 * @throws {NotPositiveDefiniteError | ShapeError | InvalidArgumentError | AbortError}
 * @throws {ConvergenceError} only with `strict: true`
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * const { mean } = frechetMean([identity(2), fromRows([[4, 0], [0, 4]])], affineInvariant);
 * mean // => ~[[2, 0], [0, 2]]
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * frechetMean([identity(2), fromRows([[9, 0], [0, 1]])], buresWasserstein).mean // => ~[[4, 0], [0, 1]]
 */
export function frechetMean(
  points: readonly Matrix[],
  metric: SPDMetric,
  options: FrechetMeanOptions = {},
): FrechetMeanResult {
  const n = assertPoints('frechetMean', 'points', points);
  const w = normalizedWeights('frechetMean', points.length, options.weights);
  const tol = options.tol ?? 1e-8;
  const maxIter = options.maxIter ?? 50;
  if (!(tol >= 0)) throw new InvalidArgumentError(`frechetMean(): tol must be ≥ 0 (got ${tol})`);
  if (!Number.isInteger(maxIter) || maxIter < 0)
    throw new InvalidArgumentError(
      `frechetMean(): maxIter must be a non-negative integer (got ${maxIter})`,
    );
  if (options.init !== undefined) {
    spdCholesky('frechetMean', 'init', options.init);
    if (options.init.rows !== n)
      throw new InvalidArgumentError(`frechetMean(): init must be ${n}×${n}`);
  }
  const ctx: Ctx = { w, tol, maxIter, opts: options };
  const init = () =>
    options.init ? Float64Array.from(options.init.data) : arithmetic(points, w, n);
  switch (metric.kind) {
    case 'euclidean':
      return closedForm(metric, points, ctx, n, arithmetic(points, w, n));
    case 'log-euclidean':
      return closedForm(metric, points, ctx, n, logEuclideanMean(points, w, n));
    case 'log-cholesky':
      return closedForm(metric, points, ctx, n, logCholeskyMean(points, w, n));
    case 'affine-invariant':
      return affineInvariantMean(points, ctx, n, init());
    case 'bures-wasserstein': {
      const r = buresWassersteinMean(
        points.map((p) => p.data),
        ctx,
        n,
        init(),
      );
      return finish('frechetMean', ctx, r.mean, n, r.it, r.converged, r.g);
    }
    case 'generalized-bures-wasserstein': {
      const gbw = metric as GeneralizedBuresWassersteinMetric;
      const xs = points.map((p) => gbw.whiten(p).data);
      const start = gbw.whiten(sq(n, init())).data;
      const r = buresWassersteinMean(xs, ctx, n, start);
      return finish(
        'frechetMean',
        ctx,
        gbw.unwhiten(sq(n, r.mean)).data,
        n,
        r.it,
        r.converged,
        r.g,
      );
    }
    case 'power-deformed': {
      const pd = metric as PowerDeformedMetric;
      const th = pd.theta;
      const deformed = points.map((p) => sq(n, powMat(p.data, n, th)));
      const inner = frechetMean(deformed, pd.base, {
        ...options,
        init: options.init ? sq(n, powMat(options.init.data, n, th)) : undefined,
        // the deformed metric's norms are the base norms divided by |θ|
        tol: tol * Math.abs(th),
        strict: false,
      });
      const g = inner.gradientNorm / Math.abs(th);
      return finish(
        'frechetMean',
        ctx,
        powMat(inner.mean.data, n, 1 / th),
        n,
        inner.iterations,
        inner.converged,
        g,
      );
    }
    default:
      return genericMean(metric, points, ctx, n, init());
  }
}
