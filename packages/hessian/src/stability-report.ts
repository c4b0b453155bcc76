// Linear stability of GD and SGD at a minimum (Wu, Ma & E 2018, "How SGD selects the global minima"; Wu, Wang & Su 2022).
import { checkInteger, checkOptions, checkPositive } from '@rg/linalg';
import { hessianEigenvaluesAs } from './hessian-eigenvalues.js';
import { hessianTraceAs } from './hessian-trace.js';
import type { Objective } from './objective.js';

/** Result of {@link stabilityReport}. */
export interface StabilityReport {
  lr: number;
  batchSize: number;
  /** largest-magnitude Hessian eigenvalue (power iteration, PyHessian defaults) */
  lambdaMax: number;
  /** Hutchinson estimate of tr(H) and its standard error */
  trace: number;
  traceStandardError: number;
  /** 2/η: the threshold of both criteria */
  threshold: number;
  /** η·λ_max (≤ 2 for GD stability) and η·tr(H) (≤ 2 for SGD stability) */
  lrTimesLambdaMax: number;
  lrTimesTrace: number;
  /** λ_max ≤ 2/η: the minimum is linearly stable for gradient descent */
  gdStable: boolean;
  /** tr(H) ≤ 2/η: the necessary condition for SGD (sharp for batch size 1; conservative for larger batches) */
  sgdStable: boolean;
}

/**
 * Compare the curvature at x with a learning rate: gradient descent is linearly stable at a
 * minimum iff λ_max(H) ≤ 2/η; for SGD (small batches, interpolating minimum) stability
 * forces tr(H) ≤ 2/η, since the noise covariance aligns with H.
 *
 * @param objective - an objective with `hvp`
 * @param x - a (near-)minimum
 * @param options - `lr`, `batchSize` (default 1), `samples` for the trace (default 100), `seed`
 * @throws {InvalidArgumentError} when the objective has no hvp or lr ≤ 0
 * @example
 * const quad = { dim: 2, value: () => 0, grad: (x) => x,
 *   hvp: (_x, v, out = new Float64Array(2)) => { out.set([3 * v[0], v[1]]); return out; } };
 * const r = stabilityReport(quad, new Float64Array(2), { lr: 0.5 });
 * r // => { gdStable: true, sgdStable: true }
 * r.lrTimesTrace // => ~2
 */
export function stabilityReport(
  objective: Objective,
  x: Float64Array,
  options: { lr: number; batchSize?: number; samples?: number; seed?: number },
): StabilityReport {
  const fn = 'stabilityReport';
  // lr is required: a missing one is reported by the check below, naming it
  const {
    lr,
    batchSize = 1,
    samples = 100,
    seed = 0,
  } = checkOptions(fn, 'options', options) as typeof options;
  checkPositive(fn, 'lr', lr);
  checkInteger(fn, 'batchSize', batchSize, 1);
  const eig = hessianEigenvaluesAs(fn, objective, x, { k: 1, seed });
  const tr = hessianTraceAs(fn, objective, x, { samples, seed: seed + 1 });
  const lambdaMax = eig.values[0];
  const threshold = 2 / lr;
  return {
    lr,
    batchSize,
    lambdaMax,
    trace: tr.estimate,
    traceStandardError: tr.standardError,
    threshold,
    lrTimesLambdaMax: lr * lambdaMax,
    lrTimesTrace: lr * tr.estimate,
    gdStable: lambdaMax <= threshold,
    sgdStable: tr.estimate <= threshold,
  };
}
