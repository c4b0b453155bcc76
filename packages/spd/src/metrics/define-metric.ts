// Validated SPD metrics from unchecked cores (the ValidationManifold split of Manifolds.jl:
// formulas trust their inputs, one wrapper checks them), with the derived members filled in.
import { InvalidArgumentError, type Matrix, ShapeError, throwIfAborted } from '@rg/linalg';
import { sq } from '../internal/sq.js';
import { assertSameSize, assertTangent, isSPD, isSym, spdCholesky } from '../internal/validate.js';
import type {
  CompleteSPDMetricCore,
  MetricMeanOptions,
  MetricMeanResult,
  SPDMetric,
  SPDMetricCore,
  SPDMetricKind,
} from './spd-metric.js';

/** Options of {@link defineMetric}. */
export interface DefineMetricOptions {
  /** readable name, e.g. 'affine-invariant' */
  name: string;
  /** family (default 'custom') */
  kind?: SPDMetricKind;
  /** prefix of error messages, e.g. 'affineInvariant' gives `affineInvariant.distance(): …` (default: name) */
  label?: string;
  /** restrict points to size×size (a metric whose parameter fixes the size) */
  size?: number;
  /** the metric's SPD parameter (copied by the caller) */
  parameter?: Matrix;
  /** the same metric with another parameter value */
  withParameter?: (m: Matrix) => SPDMetric;
}

function scaled(v: Matrix, t: number): Matrix {
  const out = new Float64Array(v.data.length);
  for (let i = 0; i < out.length; i++) out[i] = t * v.data[i];
  return sq(v.rows, out);
}

/**
 * Riemannian gradient descent with unit step on ½Σ wᵢ d²(·, Xᵢ), whose gradient is −Σ wᵢ Log(Xᵢ):
 * the mean of a metric without its own algorithm. Starts at `init` or the arithmetic mean.
 */
function gradientDescentMean(
  core: SPDMetricCore & { norm(p: Matrix, u: Matrix): number },
  points: readonly Matrix[],
  w: Float64Array,
  options: MetricMeanOptions,
): MetricMeanResult {
  const n = points[0].rows;
  const fn = options.fn ?? 'frechetMean';
  let g = options.init ? sq(n, Float64Array.from(options.init.data)) : arithmeticMean(points, w);
  let gn = Number.POSITIVE_INFINITY;
  for (let it = 0; it <= options.maxIter; it++) {
    throwIfAborted(fn, options.signal);
    const grad = new Float64Array(n * n);
    for (let i = 0; i < points.length; i++) {
      const l = core.log(g, points[i]).data;
      for (let k = 0; k < n * n; k++) grad[k] += w[i] * l[k];
    }
    gn = core.norm(g, sq(n, grad));
    options.onProgress?.({ iteration: it, residual: gn });
    if (gn <= options.tol) return { mean: g, iterations: it, converged: true, gradientNorm: gn };
    if (it === options.maxIter) break;
    g = core.exp(g, sq(n, grad));
  }
  return { mean: g, iterations: options.maxIter, converged: false, gradientNorm: gn };
}

/** Σ wᵢ Xᵢ (weights normalized). */
export function arithmeticMean(points: readonly Matrix[], w: Float64Array): Matrix {
  const n = points[0].rows;
  const out = new Float64Array(n * n);
  for (let i = 0; i < points.length; i++) {
    const x = points[i].data;
    const wi = w[i];
    for (let k = 0; k < n * n; k++) out[k] += wi * x[k];
  }
  return sq(n, out);
}

/**
 * A core with the derived members filled in: geodesic exp(p, t·log(p, q)), norm √inner,
 * squaredDistanceFrom without sharing, and the mean by Riemannian gradient descent. A core that
 * is already complete is returned as is.
 */
export function completeCore(core: SPDMetricCore): CompleteSPDMetricCore {
  if (COMPLETE.has(core)) return core as CompleteSPDMetricCore;
  const norm = core.norm ?? ((p: Matrix, u: Matrix) => Math.sqrt(Math.max(0, core.inner(p, u, u))));
  const withNorm = { ...core, norm };
  const complete: CompleteSPDMetricCore = {
    ...core,
    parallelTransport: core.parallelTransport ?? false,
    norm,
    geodesic: core.geodesic ?? ((p, q, t) => core.exp(p, scaled(core.log(p, q), t))),
    squaredDistanceFrom: core.squaredDistanceFrom ?? ((a) => (b) => core.squaredDistance(a, b)),
    mean: core.mean ?? ((points, w, options) => gradientDescentMean(withNorm, points, w, options)),
  };
  COMPLETE.add(complete);
  return complete;
}

const COMPLETE = new WeakSet<object>();

/**
 * Build a validated {@link SPDMetric} from an unchecked core. Every public method checks its
 * arguments once — points finite, symmetric and positive definite (a Cholesky factorization),
 * tangent vectors finite and symmetric, sizes equal, t finite — and then calls the core; the
 * missing members (geodesic, norm, the mean algorithm, …) are derived from the core, and
 * `unchecked` exposes the completed core for inner loops. A new metric is one file: a core
 * (or a {@link pullback} of an existing one) and one `defineMetric` call.
 *
 * @param core - the formulas, trusting their inputs (see {@link SPDMetricCore})
 * @param options - name, kind, label for messages, size restriction, parameter
 * @throws {InvalidArgumentError} when the core lacks a required formula or the name is empty
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * // the Frobenius metric from its four formulas; geodesic, norm and the mean are derived
 * const frobenius = defineMetric({
 *   squaredDistance: (a, b) => a.data.reduce((s, x, i) => s + (x - b.data[i]) ** 2, 0),
 *   inner: (_p, u, v) => u.data.reduce((s, x, i) => s + x * v.data[i], 0),
 *   exp: (p, v) => ({ ...p, data: p.data.map((x, i) => x + v.data[i]) }),
 *   log: (p, q) => ({ ...p, data: q.data.map((x, i) => x - p.data[i]) }),
 *   transport: (_p, _q, v) => v,
 * }, { name: 'frobenius' });
 * frobenius.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~1.414214
 * frobenius.geodesic(identity(2), fromRows([[3, 0], [0, 3]]), 0.5) // => ~[[2, 0], [0, 2]]
 */
export function defineMetric(core: SPDMetricCore, options: DefineMetricOptions): SPDMetric {
  if (!core || typeof core !== 'object')
    throw new InvalidArgumentError('defineMetric(): core must be an SPDMetricCore object');
  for (const member of ['squaredDistance', 'inner', 'exp', 'log', 'transport'] as const)
    if (typeof core[member] !== 'function')
      throw new InvalidArgumentError(`defineMetric(): core.${member} must be a function`);
  if (!options || typeof options.name !== 'string' || options.name === '')
    throw new InvalidArgumentError('defineMetric(): options.name must be a non-empty string');
  const c = completeCore(core);
  const label = options.label ?? options.name;
  const size = options.size;
  const point = (fn: string, name: string, x: Matrix): void => {
    spdCholesky(`${label}.${fn}`, name, x);
    if (size !== undefined && x.rows !== size)
      throw new ShapeError(
        `${label}.${fn}(): ${name} must be ${size}×${size} like the metric's parameter (is ${x.rows}×${x.cols})`,
      );
  };
  const pair = (fn: string, na: string, a: Matrix, nb: string, b: Matrix): void => {
    point(fn, na, a);
    point(fn, nb, b);
    assertSameSize(`${label}.${fn}`, na, a, nb, b);
  };
  const tangent = (fn: string, name: string, v: Matrix, n: number): void =>
    assertTangent(`${label}.${fn}`, name, v, n);
  const squaredDistance = (a: Matrix, b: Matrix): number => {
    pair('distance', 'a', a, 'b', b);
    return c.squaredDistance(a, b);
  };
  const inner = (fn: string, p: Matrix, u: Matrix, v: Matrix): number => {
    point(fn, 'p', p);
    tangent(fn, 'u', u, p.rows);
    if (v !== u) tangent(fn, 'v', v, p.rows);
    return c.inner(p, u, v);
  };
  const metric: SPDMetric = {
    name: options.name,
    kind: options.kind ?? 'custom',
    parallelTransport: c.parallelTransport,
    unchecked: c,
    distance: (a, b) => Math.sqrt(squaredDistance(a, b)),
    squaredDistance,
    inner: (p, u, v) => inner('inner', p, u, v),
    norm: (p, u) => {
      point('norm', 'p', p);
      tangent('norm', 'u', u, p.rows);
      return c.norm(p, u);
    },
    exp: (p, v) => {
      point('exp', 'p', p);
      tangent('exp', 'v', v, p.rows);
      return c.exp(p, v);
    },
    log: (p, q) => {
      pair('log', 'p', p, 'q', q);
      return c.log(p, q);
    },
    geodesic: (p, q, t) => {
      pair('geodesic', 'p', p, 'q', q);
      if (typeof t !== 'number' || !Number.isFinite(t))
        throw new InvalidArgumentError(
          `${label}.geodesic(): t must be a finite number (got ${String(t)})`,
        );
      return c.geodesic(p, q, t);
    },
    transport: (p, q, v) => {
      pair('transport', 'p', p, 'q', q);
      tangent('transport', 'v', v, p.rows);
      return c.transport(p, q, v);
    },
    isPoint: (x) => isSPD(x) && (size === undefined || x.rows === size),
    isTangent: (p, v) => (size === undefined || p.rows === size) && isSym(v, p.rows),
  };
  if (options.parameter !== undefined) {
    const parameter = options.parameter;
    Object.defineProperty(metric, 'parameter', {
      get: () => sq(parameter.rows, Float64Array.from(parameter.data)),
      enumerable: true,
    });
  }
  if (options.withParameter)
    (metric as { withParameter?: (m: Matrix) => SPDMetric }).withParameter = options.withParameter;
  return metric;
}
