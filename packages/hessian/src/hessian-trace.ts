// Hutchinson's stochastic trace estimator with Rademacher probes (Hutchinson 1990; Avron & Toledo 2011).
import { checkInteger, checkOptions, guardAllocation, rng, throwIfAborted } from '@rg/linalg';
import { dot } from '@rg/linalg/kernels';
import { hessianOperator } from './internal/checks.js';
import type { Objective } from './objective.js';

/** Result of {@link hessianTrace}. */
export interface HessianTraceResult {
  /** mean of zᵀHz over the probes: an unbiased estimate of tr(H) */
  estimate: number;
  /** sample standard deviation of zᵀHz over √samples */
  standardError: number;
  /** the individual zᵀHz */
  probes: Float64Array;
}

/**
 * Hutchinson estimate of tr(∇²f(x)): the mean of zᵀHz over Rademacher vectors z (±1
 * entries), whose variance 2 Σ_{i≠j} H_ij² is the smallest among i.i.d. probe laws.
 * Exact after one probe when H is diagonal.
 *
 * @param objective - an objective with `hvp`
 * @param x - the point
 * @param options - `samples` (default 100), `seed` (default 0), `signal`
 * @throws {InvalidArgumentError} when the objective has no hvp or samples < 2
 * @example
 * const quad = { dim: 2, value: () => 0, grad: (x) => x,
 *   hvp: (_x, v, out = new Float64Array(2)) => { out.set([3 * v[0], 4 * v[1]]); return out; } };
 * hessianTrace(quad, new Float64Array(2), { samples: 4 }) // => { estimate: 7, standardError: 0 }
 */
export function hessianTrace(
  objective: Objective,
  x: Float64Array,
  options: { samples?: number; seed?: number; signal?: AbortSignal } = {},
): HessianTraceResult {
  return hessianTraceAs('hessianTrace', objective, x, options);
}

/** hessianTrace with errors naming the public function `fn` that called it. @internal */
export function hessianTraceAs(
  fn: string,
  objective: Objective,
  x: Float64Array,
  options: { samples?: number; seed?: number; signal?: AbortSignal } = {},
): HessianTraceResult {
  const op = hessianOperator(fn, objective, x);
  const samples = checkOptions(fn, 'options', options).samples ?? 100;
  // one probe has no sample variance: the standard error would be NaN
  checkInteger(fn, 'samples', samples, 2);
  guardAllocation(fn, samples, 8, 'probe record');
  const r = rng(options.seed ?? 0);
  const dim = objective.dim;
  const z = new Float64Array(dim);
  const hz = new Float64Array(dim);
  const probes = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    throwIfAborted(fn, options.signal);
    for (let i = 0; i < dim; i++) z[i] = r.uniform() < 0.5 ? -1 : 1;
    op(z, hz);
    probes[s] = dot(z.length, z, hz);
  }
  let mean = 0;
  for (const p of probes) mean += p;
  mean /= samples;
  let ss = 0;
  for (const p of probes) ss += (p - mean) ** 2;
  const standardError = Math.sqrt(ss / (samples - 1) / samples);
  return { estimate: mean, standardError, probes };
}
