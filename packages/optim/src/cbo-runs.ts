// Many independent CBO runs with a success criterion, as in the success-rate tables of the CBO
// literature (Pinnau et al. 2017; Carrillo, Jin, Li & Zhu 2021).
import {
  checkFunction,
  checkInRange,
  checkInteger,
  InvalidArgumentError,
  rng,
  ShapeError,
  throwIfAborted,
} from '@rg/linalg';
import type { CboOptions } from './cbo.js';
import { runCbo } from './internal/cbo-kernel.js';
import { cboHooks, prepareCbo } from './internal/cbo-options.js';
import { zigguratNormals } from './internal/normal-sampler.js';

/** Options of {@link cboRuns}: those of one CBO run plus the study's. */
export interface CboRunsOptions extends Omit<CboOptions, 'random' | 'history'> {
  /** number of independent runs (default 100); run r uses seed `seed + r` */
  runs?: number;
  /** the known global minimizer x* (length dim), for the success criterion */
  minimizer: ArrayLike<number>;
  /** a run succeeds when ‖x − x*‖∞ < radius (default 0.25) */
  radius?: number;
}

/** One run of a {@link cboRuns} study. */
export interface CboRunSummary {
  /** the run's final consensus point */
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
  /** ‖x − x*‖∞ */
  distance: number;
  success: boolean;
}

/** Result of {@link cboRuns}. */
export interface CboRunsResult {
  runs: number;
  successes: number;
  /** successes / runs */
  successRate: number;
  /** the mean number of iterations per run */
  meanIterations: number;
  results: CboRunSummary[];
}

/**
 * Independent runs of {@link cbo} on the same objective, reporting how many succeed: run r is
 * exactly `cbo(f, { ...options, seed: seed + r })`, and it succeeds when its final consensus
 * point x satisfies ‖x − x*‖∞ < radius (the criterion of the CBO literature, radius 0.25).
 * The options are validated once for all runs; `onProgress` is called after each run with
 * `{ iteration: r, residual: 1 − successes/(r+1) }`.
 *
 * @param f - the objective
 * @param options - runs, minimizer, radius and every option of {@link cbo}
 * @throws {InvalidArgumentError} on a bad option; {ShapeError} when minimizer does not have
 *   length dim; {NonFiniteError} when f returns NaN; {AbortError} when aborted
 * @example
 * // the Rastrigin setting of the CBO literature, in 2 dimensions
 * const study = cboRuns(rastrigin, {
 *   dim: 2, runs: 5, sigma: 10.1, alphaGrowth: 1.05, tol: 1e-6, minimizer: rastrigin.minimizer(2),
 * });
 * study.successes // => 5
 * study.successRate // => 1
 */
export function cboRuns(f: (x: Float64Array) => number, options: CboRunsOptions): CboRunsResult {
  const fn = 'cboRuns';
  checkFunction(fn, 'f', f);
  const { settings, initial } = prepareCbo(fn, options);
  const runs = options.runs ?? 100;
  checkInteger(fn, 'runs', runs, 1);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(seed + runs))
    throw new InvalidArgumentError(`${fn}(): seed must be a safe integer (got ${String(seed)})`);
  const target = options.minimizer;
  if (!target || typeof target !== 'object' || target.length !== settings.dim)
    throw new ShapeError(`${fn}(): minimizer must have length dim = ${settings.dim}`);
  for (let j = 0; j < settings.dim; j++)
    if (!Number.isFinite(target[j]))
      throw new InvalidArgumentError(`${fn}(): minimizer[${j}] must be finite`);
  const radius = options.radius ?? 0.25;
  checkInRange(fn, 'radius', radius, 0, Number.POSITIVE_INFINITY, true);
  const { signal, onProgress } = options;
  if (onProgress !== undefined) checkFunction(fn, 'onProgress', onProgress);
  const hooks = cboHooks(fn, f, settings, { iteration: () => throwIfAborted(fn, signal) });
  const results: CboRunSummary[] = [];
  let successes = 0;
  let iterations = 0;
  throwIfAborted(fn, signal);
  for (let r = 0; r < runs; r++) {
    const random = rng(seed + r);
    const start = initial(random);
    const run = runCbo(settings, start, zigguratNormals(random), hooks, false);
    let distance = 0;
    for (let j = 0; j < settings.dim; j++)
      distance = Math.max(distance, Math.abs(run.x[j] - target[j]));
    const success = distance < radius;
    if (success) successes++;
    iterations += run.iterations;
    results.push({
      x: run.x,
      value: run.value,
      iterations: run.iterations,
      converged: run.converged,
      distance,
      success,
    });
    onProgress?.({ iteration: r, residual: 1 - successes / (r + 1) });
  }
  return {
    runs,
    successes,
    successRate: successes / runs,
    meanIterations: iterations / runs,
    results,
  };
}
