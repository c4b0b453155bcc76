// One way to name a metric everywhere: canonical names and pyRiemann's aliases
// (pyRiemann's metric strings: 'riemann', 'logeuclid', 'euclid', 'logchol', 'wasserstein',
// 'poweuclid') resolved to metric objects.
import { checkOptions, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { affineInvariant } from './affine-invariant.js';
import { buresWasserstein } from './bures-wasserstein.js';
import { defineMetric } from './define-metric.js';
import { euclidean } from './euclidean.js';
import { generalizedBuresWasserstein } from './generalized-bures-wasserstein.js';
import { logCholesky } from './log-cholesky.js';
import { logEuclidean } from './log-euclidean.js';
import { powerEuclidean } from './power-euclidean.js';
import type { SPDMetric, SPDMetricCore } from './spd-metric.js';

/** Canonical metric names. */
export type CanonicalMetricName =
  | 'affine-invariant'
  | 'log-euclidean'
  | 'log-cholesky'
  | 'bures-wasserstein'
  | 'generalized-bures-wasserstein'
  | 'euclidean'
  | 'power-euclidean';

/** Canonical metric names and pyRiemann's aliases for them. */
export type MetricName =
  | CanonicalMetricName
  | 'riemann'
  | 'logeuclid'
  | 'euclid'
  | 'logchol'
  | 'wasserstein'
  | 'poweuclid';

/** Options of {@link resolveMetric}: parameters of the metrics that need one. */
export interface ResolveMetricOptions {
  /** the SPD parameter M of 'generalized-bures-wasserstein' */
  parameter?: Matrix;
  /** the power α of 'power-euclidean' */
  power?: number;
}

const ALIASES: Readonly<Record<string, CanonicalMetricName>> = {
  'affine-invariant': 'affine-invariant',
  riemann: 'affine-invariant',
  'log-euclidean': 'log-euclidean',
  logeuclid: 'log-euclidean',
  'log-cholesky': 'log-cholesky',
  logchol: 'log-cholesky',
  'bures-wasserstein': 'bures-wasserstein',
  wasserstein: 'bures-wasserstein',
  'generalized-bures-wasserstein': 'generalized-bures-wasserstein',
  euclidean: 'euclidean',
  euclid: 'euclidean',
  'power-euclidean': 'power-euclidean',
  poweuclid: 'power-euclidean',
};

/** Every accepted name, for messages: `'affine-invariant' ('riemann'), …`. */
export const METRIC_NAMES_TEXT = (() => {
  const byCanonical = new Map<string, string[]>();
  for (const [name, canonical] of Object.entries(ALIASES)) {
    if (name === canonical) continue;
    byCanonical.set(canonical, [...(byCanonical.get(canonical) ?? []), name]);
  }
  return [...new Set(Object.values(ALIASES))]
    .map((c) => {
      const a = byCanonical.get(c);
      return a ? `'${c}' (${a.map((x) => `'${x}'`).join(', ')})` : `'${c}'`;
    })
    .join(', ');
})();

/** The canonical name of a metric name or alias, or undefined. */
export function canonicalMetricName(name: string): CanonicalMetricName | undefined {
  return Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
}

/** A hand-written metric object without `unchecked` (the interface before 0.x cores): its own validating methods serve as the core. */
function adaptLegacy(fn: string, m: SPDMetric): SPDMetric {
  for (const member of ['squaredDistance', 'inner', 'exp', 'log', 'transport'] as const)
    if (typeof m[member] !== 'function')
      throw new InvalidArgumentError(
        `${fn}(): metric must be an SPDMetric (its ${member} is not a function) or one of ${METRIC_NAMES_TEXT}`,
      );
  const core: SPDMetricCore = {
    parallelTransport: m.parallelTransport,
    squaredDistance: (a, b) => m.squaredDistance(a, b),
    inner: (p, u, v) => m.inner(p, u, v),
    norm: typeof m.norm === 'function' ? (p, u) => m.norm(p, u) : undefined,
    exp: (p, v) => m.exp(p, v),
    log: (p, q) => m.log(p, q),
    geodesic: typeof m.geodesic === 'function' ? (p, q, t) => m.geodesic(p, q, t) : undefined,
    transport: (p, q, v) => m.transport(p, q, v),
  };
  return defineMetric(core, { name: m.name || 'custom', kind: m.kind ?? 'custom' });
}

/**
 * The metric object for a metric or a metric name: names 'affine-invariant', 'log-euclidean',
 * 'log-cholesky', 'bures-wasserstein', 'generalized-bures-wasserstein' (needs
 * `options.parameter`), 'euclidean', 'power-euclidean' (needs `options.power`), and pyRiemann's
 * aliases 'riemann', 'logeuclid', 'logchol', 'wasserstein', 'euclid', 'poweuclid'. A metric
 * object is returned as is (an object implementing the interface by hand, without `unchecked`,
 * is wrapped so that its own methods serve as its core). Every function of this package that
 * takes a metric goes through here.
 *
 * @param fn - the public function to name in messages
 * @param metric - a metric or a name
 * @param options - the parameter of 'generalized-bures-wasserstein', the power of 'power-euclidean'
 * @throws {InvalidArgumentError} for an unknown name, a missing metric or a missing parameter; the message lists the valid names
 * @example
 * resolveMetric('example', 'riemann') === affineInvariant // => true
 * resolveMetric('example', 'poweuclid', { power: 0.5 }).name // => 'power-euclidean(0.5)'
 */
export function resolveMetric(
  fn: string,
  metric: SPDMetric | MetricName | undefined,
  options: ResolveMetricOptions = {},
): SPDMetric {
  if (typeof fn !== 'string' || fn === '')
    throw new InvalidArgumentError(
      `resolveMetric(): fn must be the name of the calling function, for its error messages (got ${fn === null ? 'null' : typeof fn})`,
    );
  checkOptions(fn, 'options', options);
  if (metric !== null && typeof metric === 'object')
    return 'unchecked' in metric && metric.unchecked ? metric : adaptLegacy(fn, metric);
  if (typeof metric !== 'string')
    throw new InvalidArgumentError(
      `${fn}(): metric is required: an SPDMetric or one of ${METRIC_NAMES_TEXT} (got ${String(metric)})`,
    );
  const name = canonicalMetricName(metric);
  switch (name) {
    case 'affine-invariant':
      return affineInvariant;
    case 'log-euclidean':
      return logEuclidean;
    case 'log-cholesky':
      return logCholesky;
    case 'bures-wasserstein':
      return buresWasserstein;
    case 'euclidean':
      return euclidean;
    case 'generalized-bures-wasserstein':
      if (options.parameter === undefined)
        throw new InvalidArgumentError(
          `${fn}(): metric 'generalized-bures-wasserstein' needs its SPD parameter M: pass generalizedBuresWasserstein(M)`,
        );
      return generalizedBuresWasserstein(options.parameter);
    case 'power-euclidean':
      if (options.power === undefined)
        throw new InvalidArgumentError(
          `${fn}(): metric '${metric}' needs its power α: pass powerEuclidean(α)`,
        );
      return powerEuclidean(options.power);
    default:
      throw new InvalidArgumentError(
        `${fn}(): metric must be an SPDMetric or one of ${METRIC_NAMES_TEXT} (got '${metric}')`,
      );
  }
}
