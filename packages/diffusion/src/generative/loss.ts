// The multiplicative denoising score-matching loss: the squared error of x ⊙ s against
// x ⊙ ∇ₓ log p(x | x₀, t), weighted by σ²t. Since x ⊙ ∇ₓ log p(x_t | x₀) = −1 − z/(σ√t) for
// x_t = x₀ exp((μ − σ²/2)t + σ√t z), writing x ⊙ s = −1 − ε/(σ√t) turns it into the noise
// prediction error ‖ε − z‖², the form the generative model trains on.
import { assertFinite, checkFunction, type Matrix, ShapeError } from '@rg/linalg';
import {
  assertPositive,
  type GbmOptions,
  gbmForwardUnchecked,
  gbmParameters,
  rowTimes,
} from './gbm.js';
import { checkScore, type ScoreFunction } from './samplers.js';

/**
 * The multiplicative denoising score-matching loss of a score function on a batch:
 * (1/B) Σ_i σ²t_i ‖x_i ⊙ (s(x_i, t_i) − ∇ₓ log p(x_i | x₀_i, t_i))‖² with x_i the GBM state
 * reached from x₀_i with noise z_i. Its minimizer over score functions is the marginal score of
 * the data (Vincent 2011's argument, multiplied by x); with a single data point the transition
 * score is the marginal score and the loss is zero.
 *
 * @param score - ∇ₓ log p_t(x); called once per distinct time
 * @param x0 - positive data, one sample per row
 * @param t - times (> 0), one for all rows or one per row
 * @param z - standard normal noise, the shape of x0
 * @param options - sigma, mu
 * @returns the mean loss over the rows
 * @throws {ShapeError} on shapes that differ
 * @throws {InvalidArgumentError} on non-positive data or times, or bad options
 * @example
 * import { fromRows, type Matrix } from '@rg/linalg';
 * const x0 = fromRows([[1.5, 1.2], [1.5, 1.2]]);
 * const z = fromRows([[0.3, -1], [2, 0.1]]);
 * // the transition score from the single data point is its exact marginal score: zero loss
 * const exact = (x: Matrix, t: number) => gbmScore(x, fromRows([[1.5, 1.2], [1.5, 1.2]]), t);
 * multiplicativeDsmLoss(exact, x0, 0.5, z) // => ~0
 * // the score 0 (x ⊙ s = 0) pays (1 + z/(σ√t))²σ²t = (σ√t + z)² per entry
 * multiplicativeDsmLoss(() => fromRows([[0, 0], [0, 0]]), x0, 1, z, { sigma: 1 }) // => ~5.95
 */
export function multiplicativeDsmLoss(
  score: ScoreFunction,
  x0: Matrix,
  t: number | ArrayLike<number>,
  z: Matrix,
  options: GbmOptions = {},
): number {
  const fn = 'multiplicativeDsmLoss';
  checkFunction(fn, 'score', score, '(x, t) => Matrix');
  const g = gbmParameters(options, fn);
  assertPositive(fn, 'x0', x0);
  assertFinite(fn, 'z', z);
  if (z.rows !== x0.rows || z.cols !== x0.cols)
    throw new ShapeError(`${fn}(): z must be ${x0.rows} × ${x0.cols} like x0`);
  const tt = rowTimes(fn, t, x0.rows);
  const xt = gbmForwardUnchecked(g, x0, tt, z);
  const d = x0.cols;
  // group rows by time so that the score is called once per distinct time
  const byTime = new Map<number, number[]>();
  for (let i = 0; i < x0.rows; i++) {
    const list = byTime.get(tt[i]);
    if (list) list.push(i);
    else byTime.set(tt[i], [i]);
  }
  let total = 0;
  for (const [time, rowsAt] of byTime) {
    const xs = new Float64Array(rowsAt.length * d);
    for (const [k, i] of rowsAt.entries()) xs.set(xt.data.subarray(i * d, i * d + d), k * d);
    const s = checkScore(
      fn,
      score({ rows: rowsAt.length, cols: d, data: xs }, time),
      rowsAt.length,
      d,
    );
    const st = g.sigma * Math.sqrt(time);
    rowsAt.forEach((i, k) => {
      for (let c = 0; c < d; c++) {
        // σ√t (x ⊙ s) + σ√t + z: σ√t times the residual x ⊙ (s − ∇ log p(x | x₀))
        const e = st * xs[k * d + c] * s.data[k * d + c] + st + z.data[i * d + c];
        total += e * e;
      }
    });
  }
  return total / x0.rows;
}
