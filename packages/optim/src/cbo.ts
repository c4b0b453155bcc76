// Consensus-based optimization (Pinnau, Totzeck, Tse & Martin 2017, "A consensus-based model for
// global optimization and its mean-field limit"; anisotropic noise: Carrillo, Jin, Li & Zhu 2021;
// as a stochastic relaxation of gradient descent: Riedl, Klock, Geldhauser & Fornasier 2023).
import {
  checkFunction,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  rng,
  type Rng,
  throwIfAborted,
} from '@rg/linalg';
import { cboHooks, prepareCbo, toResult } from './internal/cbo-options.js';
import { runCbo } from './internal/cbo-kernel.js';
import { rngNormals, zigguratNormals } from './internal/normal-sampler.js';

/** Options of {@link cbo} (and of each run of {@link cboRuns}). */
export interface CboOptions extends Omit<IterativeOptions, 'strict'> {
  /** dimension d of the search space (required) */
  dim: number;
  /** number of particles N (default 40) */
  particles?: number;
  /** the Laplace-principle weight α in exp(−α f) at the first iteration, > 0, may be ∞ (default 30) */
  alpha?: number;
  /** α ← α·alphaGrowth after every iteration, ≥ 1 (default 1) */
  alphaGrowth?: number;
  /** drift λ ≥ 0 toward the consensus point (default 1) */
  lambda?: number;
  /** noise strength σ ≥ 0 (default 1) */
  sigma?: number;
  /** time step dt > 0 (default 0.01) */
  dt?: number;
  /**
   * 'anisotropic' (default): each coordinate's noise scales with its own distance to the
   * consensus point, σ√dt (x_i − c) ⊙ ξ; 'isotropic': with the whole distance, σ√dt ‖x_i − c‖ ξ
   */
  noise?: 'isotropic' | 'anisotropic';
  /**
   * initial particles: a box { lower, upper } (numbers or per-coordinate arrays) sampled
   * uniformly (default { lower: −3, upper: 3 }), or the N×d particles as a Matrix (copied)
   */
  init?: { lower: number | ArrayLike<number>; upper: number | ArrayLike<number> } | Matrix;
  /** maximum number of updates (default 5000) */
  maxIter?: number;
  /**
   * stop when the root-mean-square distance of the particles to the consensus point is
   * ≤ tol (default 1e-8): the swarm has collapsed and no longer moves
   */
  tol?: number;
  /** seed of the generator (default 0) */
  seed?: number;
  /**
   * a generator to use instead of `rng(seed)`: it draws the initial particles and its
   * `normal()` supplies every noise sample (e.g. to inject noise in tests). With a seed the
   * noise comes from a faster ziggurat stream seeded by `rng(seed)`.
   */
  random?: Rng;
  /** record the history (default true) */
  history?: boolean;
}

/** Result of {@link cbo}. */
export interface CboResult extends IterativeResult {
  /** the final consensus point */
  x: Float64Array;
  /** f(x) */
  value: number;
  /** the final particles, N×d */
  particles: Matrix;
  /**
   * per iteration (the initial one included): f at the consensus point, the particles'
   * root-mean-square distance to it, and α (absent with `history: false`)
   */
  history?: { value: number[]; spread: number[]; alpha: number[] };
}

/**
 * Consensus-based optimization (CBO): derivative-free global minimization of f by N
 * interacting particles. Each iteration computes the consensus point
 * c = Σ x_i w_i / Σ w_i with the Laplace-principle weights w_i = exp(−α f(x_i)) (evaluated as
 * exp(−α(f_i − min f)), the log-sum-exp shift, so any α up to ∞ is safe), then moves every
 * particle toward it with noise proportional to its distance:
 * x_i ← x_i − λ dt (x_i − c) + σ √dt ‖x_i − c‖ ξ_i (isotropic) or σ √dt (x_i − c) ⊙ ξ_i
 * (anisotropic, which works with σ independent of the dimension), ξ_i ~ N(0, I); and
 * α ← α·alphaGrowth. As α → ∞, c tends to the best particle. The run stops when the swarm has
 * collapsed (root-mean-square distance to c ≤ tol) or after maxIter updates; the answer is the
 * final consensus point. f may return +∞ (weight 0), never NaN.
 *
 * @param f - the objective, called with a view of one particle (do not keep or modify it)
 * @param options - dim (required), particles, alpha, alphaGrowth, lambda, sigma, dt, noise,
 *   init, maxIter, tol, seed, random, history, signal, onProgress
 * @returns { x, value, iterations, converged, residual, particles, history }
 * @throws {InvalidArgumentError} on a bad option; {ShapeError} on an init of the wrong size;
 *   {NonFiniteError} when f returns NaN or +∞ at every particle; {AbortError} when aborted
 * @example
 * const r = cbo(rastrigin, { dim: 2, sigma: 5, alpha: 30, alphaGrowth: 1.05, seed: 1 });
 * r.converged // => true
 * Math.max(...r.x.map(Math.abs)) < 0.01 // => true
 */
export function cbo(f: (x: Float64Array) => number, options: CboOptions): CboResult {
  const fn = 'cbo';
  checkFunction(fn, 'f', f);
  const { settings, initial } = prepareCbo(fn, options);
  const seed = options.seed ?? 0;
  if (options.random === undefined && !Number.isSafeInteger(seed))
    throw new InvalidArgumentError(`${fn}(): seed must be a safe integer (got ${String(seed)})`);
  const random = options.random ?? rng(seed);
  const { signal, onProgress } = options;
  if (onProgress !== undefined) checkFunction(fn, 'onProgress', onProgress);
  throwIfAborted(fn, signal);
  const hooks = cboHooks(fn, f, settings, {
    iteration(k, spread, _c, alpha) {
      throwIfAborted(fn, signal);
      onProgress?.({ iteration: k, residual: spread, alpha });
    },
  });
  const start = initial(random);
  // a given generator supplies the noise through its normal(); a seed, a fast ziggurat stream
  // seeded after the initial particles (as cboRuns does, so that its run r is cbo's seed + r)
  const normals = options.random ? rngNormals(random) : zigguratNormals(random);
  const run = runCbo(settings, start, normals, hooks, options.history !== false);
  return toResult(run, settings);
}
