// Geometric Brownian motion as the forward process of a multiplicative diffusion model
// ("Dale meets Langevin"): dX = μX dt + σX dW per coordinate, solved exactly by
// X_t = x₀ exp((μ − σ²/2)t + σ√t z). Given x₀, log X_t ~ N(log x₀ + (μ − σ²/2)t, σ²t), a
// log-normal transition density with a closed-form score.
import {
  assertFinite,
  assertFiniteArray,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';

/** Parameters of the geometric Brownian motion dX = μX dt + σX dW. */
export interface GbmOptions {
  /** volatility σ > 0 (default 0.8, the paper's) */
  sigma?: number;
  /** drift μ (default σ²/2, which makes log X a driftless Brownian motion) */
  mu?: number;
}

/** Resolved GBM parameters. */
export interface GbmParameters {
  readonly sigma: number;
  readonly mu: number;
  /** the drift of log X: μ − σ²/2 */
  readonly logDrift: number;
}

/**
 * Validated GBM parameters with their defaults (σ = 0.8, μ = σ²/2).
 *
 * @param options - sigma, mu
 * @param fn - the public function to name in error messages
 * @throws {InvalidArgumentError} on σ ≤ 0 or a non-finite μ
 * @example
 * gbmParameters().sigma // => 0.8
 * gbmParameters({ sigma: 1, mu: 0 }).logDrift // => -0.5
 */
export function gbmParameters(options: GbmOptions = {}, fn = 'gbmParameters'): GbmParameters {
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
  const sigma = options.sigma ?? 0.8;
  checkPositive(fn, 'sigma', sigma);
  const mu = options.mu ?? (sigma * sigma) / 2;
  if (typeof mu !== 'number' || !Number.isFinite(mu))
    throw new InvalidArgumentError(`${fn}(): mu must be a finite number (got ${mu})`);
  return { sigma, mu, logDrift: mu - (sigma * sigma) / 2 };
}

/** @internal a positive finite Matrix check */
export function assertPositive(fn: string, name: string, x: Matrix): void {
  assertFinite(fn, name, x);
  for (let q = 0; q < x.data.length; q++)
    if (!(x.data[q] > 0))
      throw new InvalidArgumentError(
        `${fn}(): ${name} must be positive (entry ${q} is ${x.data[q]}); shift the data into (0, ∞) first`,
      );
}

/** @internal per-row times: a number for every row, or one per row */
export function rowTimes(fn: string, t: number | ArrayLike<number>, rows: number): Float64Array {
  const out = new Float64Array(rows);
  if (typeof t === 'number') out.fill(t);
  else {
    if (!t || t.length !== rows)
      throw new ShapeError(`${fn}(): t must be a number or have one entry per row (${rows})`);
    for (let i = 0; i < rows; i++) out[i] = t[i];
  }
  for (let i = 0; i < rows; i++)
    if (!(out[i] > 0) || !Number.isFinite(out[i]))
      throw new InvalidArgumentError(`${fn}(): t must be finite and > 0 (got ${out[i]})`);
  return out;
}

function sameShape(fn: string, a: Matrix, b: Matrix, an: string, bn: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols)
    throw new ShapeError(
      `${fn}(): ${an} is ${a.rows} × ${a.cols} but ${bn} is ${b.rows} × ${b.cols}`,
    );
}

/**
 * Draws X_t = x₀ ⊙ exp((μ − σ²/2)t + σ√t z) exactly, given the standard normal noise z (same
 * shape as x₀). Every entry stays positive.
 *
 * @param x0 - positive data, one sample per row
 * @param t - the time (> 0), one for all rows or one per row
 * @param z - standard normal noise, the shape of x0
 * @param options - sigma, mu
 * @returns X_t, the shape of x0
 * @throws {ShapeError} when z or t does not match x0
 * @throws {InvalidArgumentError} on non-positive data or t, or bad GBM options
 * @example
 * import { fromRows } from '@rg/linalg';
 * // σ = 1, μ = 1/2: log X_t = log x₀ + √t z
 * gbmForward(fromRows([[1, 2]]), 4, fromRows([[0, 0.5]]), { sigma: 1 }) // => ~[[1, 5.4365637]]
 */
export function gbmForward(
  x0: Matrix,
  t: number | ArrayLike<number>,
  z: Matrix,
  options: GbmOptions = {},
): Matrix {
  const fn = 'gbmForward';
  const g = gbmParameters(options, fn);
  assertPositive(fn, 'x0', x0);
  assertFinite(fn, 'z', z);
  sameShape(fn, x0, z, 'x0', 'z');
  const tt = rowTimes(fn, t, x0.rows);
  return gbmForwardUnchecked(g, x0, tt, z);
}

/** @internal X_t without checks */
export function gbmForwardUnchecked(
  g: GbmParameters,
  x0: Matrix,
  t: Float64Array,
  z: Matrix,
): Matrix {
  const { rows, cols } = x0;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const m = g.logDrift * t[i];
    const s = g.sigma * Math.sqrt(t[i]);
    for (let c = 0; c < cols; c++) {
      const q = i * cols + c;
      out[q] = x0.data[q] * Math.exp(m + s * z.data[q]);
    }
  }
  return { rows, cols, data: out };
}

/**
 * The log transition density of each row: Σ_c log p(x_c | x₀_c, t) with the log-normal
 * p(x | x₀) = exp(−(log x − log x₀ − (μ − σ²/2)t)² / (2σ²t)) / (x σ √(2πt)).
 *
 * @param x - positive states X_t, one per row
 * @param x0 - positive starting points, the shape of x
 * @param t - the time (> 0), one for all rows or one per row
 * @param options - sigma, mu
 * @returns one log density per row
 * @throws {ShapeError} on shapes that differ
 * @throws {InvalidArgumentError} on non-positive states, times or bad options
 * @example
 * import { fromRows } from '@rg/linalg';
 * // at x = x₀ = 1, σ = 1, t = 1, μ = 1/2: the standard normal density at 0
 * gbmLogDensity(fromRows([[1]]), fromRows([[1]]), 1, { sigma: 1 })[0] // => ~-0.9189385
 */
export function gbmLogDensity(
  x: Matrix,
  x0: Matrix,
  t: number | ArrayLike<number>,
  options: GbmOptions = {},
): Float64Array {
  const fn = 'gbmLogDensity';
  const g = gbmParameters(options, fn);
  assertPositive(fn, 'x', x);
  assertPositive(fn, 'x0', x0);
  sameShape(fn, x, x0, 'x', 'x0');
  const tt = rowTimes(fn, t, x.rows);
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    const v = g.sigma * g.sigma * tt[i];
    let s = 0;
    for (let c = 0; c < x.cols; c++) {
      const q = i * x.cols + c;
      const ly = Math.log(x.data[q]);
      const r = ly - Math.log(x0.data[q]) - g.logDrift * tt[i];
      s += (-r * r) / (2 * v) - ly - 0.5 * Math.log(2 * Math.PI * v);
    }
    out[i] = s;
  }
  return out;
}

/**
 * The exact score of the transition density, ∇ₓ log p(x | x₀, t) = −(1 + r/(σ²t)) / x with
 * r = log x − log x₀ − (μ − σ²/2)t, entry by entry.
 *
 * @param x - positive states X_t, one per row
 * @param x0 - positive starting points, the shape of x
 * @param t - the time (> 0), one for all rows or one per row
 * @param options - sigma, mu
 * @returns the score, the shape of x
 * @throws {ShapeError} on shapes that differ
 * @throws {InvalidArgumentError} on non-positive states, times or bad options
 * @example
 * import { fromRows } from '@rg/linalg';
 * // x = x₀ and μ = σ²/2: r = 0, the score is −1/x
 * gbmScore(fromRows([[2]]), fromRows([[2]]), 1) // => [[-0.5]]
 */
export function gbmScore(
  x: Matrix,
  x0: Matrix,
  t: number | ArrayLike<number>,
  options: GbmOptions = {},
): Matrix {
  const fn = 'gbmScore';
  const g = gbmParameters(options, fn);
  assertPositive(fn, 'x', x);
  assertPositive(fn, 'x0', x0);
  sameShape(fn, x, x0, 'x', 'x0');
  const tt = rowTimes(fn, t, x.rows);
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < x.rows; i++) {
    const v = g.sigma * g.sigma * tt[i];
    for (let c = 0; c < x.cols; c++) {
      const q = i * x.cols + c;
      const r = Math.log(x.data[q]) - Math.log(x0.data[q]) - g.logDrift * tt[i];
      out[q] = -(1 + r / v) / x.data[q];
    }
  }
  return { rows: x.rows, cols: x.cols, data: out };
}

/** A log-normal distribution with independent coordinates: log X_c ~ N(logMean_c, logVar_c). */
export interface LogNormal {
  readonly logMean: Float64Array;
  readonly logVar: Float64Array;
}

/**
 * The GBM marginal at time t of log-normal data: log X_t ~ N(m + (μ − σ²/2)t, v + σ²t) per
 * coordinate, with its exact score ∇ₓ log p_t(x) = −(1 + (log x − m_t)/v_t)/x. The closed form
 * against which samplers and losses are tested, and the prior of the generative models.
 *
 * @param data - logMean and logVar (> 0) per coordinate
 * @param t - the time ≥ 0
 * @param options - sigma, mu
 * @returns the marginal (a LogNormal) and its score function
 * @throws {ShapeError} when logMean and logVar differ in length
 * @throws {InvalidArgumentError} on t < 0, logVar ≤ 0 or bad options
 * @example
 * const m = gbmLogNormalMarginal({ logMean: [0], logVar: [0.36] }, 1);
 * m.logVar[0] // => ~1
 * m.score({ rows: 1, cols: 1, data: Float64Array.from([1]) }).data[0] // => -1
 */
export function gbmLogNormalMarginal(
  data: { logMean: ArrayLike<number>; logVar: ArrayLike<number> },
  t: number,
  options: GbmOptions = {},
): LogNormal & { score(x: Matrix): Matrix } {
  const fn = 'gbmLogNormalMarginal';
  const g = gbmParameters(options, fn);
  checkPositive(fn, 't', t, true);
  if (data === null || typeof data !== 'object')
    throw new InvalidArgumentError(`${fn}(): data must be an object { logMean, logVar }`);
  assertFiniteArray(fn, 'data.logMean', data.logMean);
  assertFiniteArray(fn, 'data.logVar', data.logVar);
  const d = data.logMean.length;
  if (data.logVar.length !== d)
    throw new ShapeError(`${fn}(): logMean has ${d} entries but logVar has ${data.logVar.length}`);
  const logMean = new Float64Array(d);
  const logVar = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    if (!Number.isFinite(data.logMean[c]))
      throw new InvalidArgumentError(`${fn}(): logMean must be finite`);
    checkPositive(fn, `data.logVar[${c}]`, data.logVar[c]);
    logMean[c] = data.logMean[c] + g.logDrift * t;
    logVar[c] = data.logVar[c] + g.sigma * g.sigma * t;
  }
  return {
    logMean,
    logVar,
    score(x: Matrix): Matrix {
      if (x.cols !== d) throw new ShapeError(`${fn}().score(): x must have ${d} columns`);
      const out = new Float64Array(x.data.length);
      for (let q = 0; q < out.length; q++) {
        const c = q % d;
        out[q] = -(1 + (Math.log(x.data[q]) - logMean[c]) / logVar[c]) / x.data[q];
      }
      return { rows: x.rows, cols: d, data: out };
    },
  };
}
