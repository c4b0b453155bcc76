// Spectral density by stochastic Lanczos quadrature (Lin, Saad & Yang 2016; Ghorbani, Krishnan & Xiao 2019; PyHessian).
import {
  checkInteger,
  checkOptions,
  checkPositive,
  eighTridiagonal,
  guardAllocation,
  InvalidArgumentError,
  lanczos,
  rng,
  throwIfAborted,
} from '@rg/linalg';
import { hessianOperator } from './internal/checks.js';
import type { Objective } from './objective.js';

/** Options of {@link spectralDensity}. */
export interface SpectralDensityOptions {
  /** Lanczos steps per probe (default 100, clamped to dim) */
  steps?: number;
  /** independent Rademacher probes (default 1) */
  samples?: number;
  /** Gaussian smoothing width (default PyHessian's √(1e-5 · max(1, λ_max − λ_min))) */
  sigma?: number;
  /** grid points (default 10000 over [λ_min − pad, λ_max + pad]) or the grid itself */
  grid?: number | ArrayLike<number>;
  /** seed of the probes (default 0) */
  seed?: number;
  signal?: AbortSignal;
}

/** Result of {@link spectralDensity}. */
export interface SpectralDensityResult {
  /** Ritz values of all probes (quadrature nodes) */
  nodes: Float64Array;
  /** quadrature weights: squared first Ritz-vector components / samples; they sum to 1 */
  weights: Float64Array;
  grid: Float64Array;
  /** Σ_j w_j N(t; node_j, σ²) on the grid: a probability density */
  density: Float64Array;
  sigma: number;
  /** Hessian-vector products used */
  hvps: number;
}

/**
 * The Hessian eigenvalue density at x by stochastic Lanczos quadrature: for each Rademacher
 * probe, `steps` Lanczos steps with full reorthogonalization give a tridiagonal T whose
 * eigenvalues are Gauss quadrature nodes and whose squared first eigenvector components are
 * the weights of the spectral measure seen from the probe; the probes are averaged and
 * smoothed with a Gaussian. With steps ≥ dim the nodes are the eigenvalues themselves.
 *
 * @param objective - an objective with `hvp`
 * @param x - the point
 * @param options - steps, samples, sigma, grid, seed, signal
 * @throws {InvalidArgumentError} when the objective has no hvp or an option is out of range
 * @example
 * const quad = { dim: 2, value: () => 0, grad: (x) => x,
 *   hvp: (_x, v, out = new Float64Array(2)) => { out.set([v[0], 3 * v[1]]); return out; } };
 * const d = spectralDensity(quad, new Float64Array(2), { steps: 2 });
 * Array.from(d.nodes).sort() // => ~[1, 3]
 * d.weights.reduce((a, b) => a + b) // => ~1
 */
export function spectralDensity(
  objective: Objective,
  x: Float64Array,
  optionsIn: SpectralDensityOptions = {},
): SpectralDensityResult {
  const fn = 'spectralDensity';
  const options = checkOptions(fn, 'options', optionsIn);
  const op = hessianOperator(fn, objective, x);
  const dim = objective.dim;
  const steps = Math.min(options.steps ?? 100, dim);
  const samples = options.samples ?? 1;
  checkInteger(fn, 'steps', steps, 1);
  checkInteger(fn, 'samples', samples, 1);
  if (typeof options.grid === 'number') {
    // sized before the Lanczos runs, so a huge grid fails fast instead of after the work
    checkInteger(fn, 'grid', options.grid, 1);
    guardAllocation(fn, options.grid, 8, 'grid');
  }
  if (options.sigma !== undefined) checkPositive(fn, 'sigma', options.sigma);
  const r = rng(options.seed ?? 0);
  const nodes: number[] = [];
  const weights: number[] = [];
  let hvps = 0;
  for (let s = 0; s < samples; s++) {
    throwIfAborted(fn, options.signal);
    const start = Float64Array.from({ length: dim }, () => (r.uniform() < 0.5 ? -1 : 1));
    const lz = lanczos(op, dim, steps, {
      reorthogonalize: 'full',
      start,
      basis: false,
      signal: options.signal,
    });
    hvps += lz.alpha.length;
    const { values, firstRow } = eighTridiagonal(lz.alpha, lz.beta, { vectors: 'first-row' });
    if (!firstRow) throw new InvalidArgumentError(`${fn}(): eighTridiagonal returned no first row`);
    for (let j = 0; j < values.length; j++) {
      nodes.push(values[j]);
      weights.push((firstRow[j] * firstRow[j]) / samples);
    }
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of nodes) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const sigma = options.sigma ?? Math.sqrt(1e-5 * Math.max(1, hi - lo));
  let grid: Float64Array;
  if (options.grid === undefined || typeof options.grid === 'number') {
    const points = options.grid ?? 10000;
    checkInteger(fn, 'grid', points, 1);
    const pad = Math.max(0.01 * (hi - lo), 5 * sigma);
    const a = lo - pad;
    const b = hi + pad;
    grid = Float64Array.from({ length: points }, (_, i) =>
      points === 1 ? (a + b) / 2 : a + ((b - a) * i) / (points - 1),
    );
  } else grid = Float64Array.from(options.grid);
  const density = new Float64Array(grid.length);
  const norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
  for (let j = 0; j < nodes.length; j++) {
    const c = nodes[j];
    const w = weights[j] * norm;
    for (let i = 0; i < grid.length; i++) {
      const t = (grid[i] - c) / sigma;
      // beyond 40σ the Gaussian underflows relative to any weight we keep
      if (t > -40 && t < 40) density[i] += w * Math.exp(-0.5 * t * t);
    }
  }
  return {
    nodes: Float64Array.from(nodes),
    weights: Float64Array.from(weights),
    grid,
    density,
    sigma,
    hvps,
  };
}
