// G2RL's bounded reward scales: responses whose gradient features point in directions the rest
// of their group does not cover are up-weighted, redundant ones down-weighted (the reward
// scaler of "Can LLMs guide their own exploration? Gradient-guided reinforcement learning for
// LLM reasoning", 2025; the paper does not publish its formula, this is our design).
import {
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  checkInRange,
  checkInteger,
  checkMatrix,
  checkOptions,
  checkPositive,
} from '@rg/linalg';

/** Options of {@link gradientNoveltyScales}. */
export interface GradientNoveltyScalesOptions {
  /** β: the scales lie in (1 − β, 1 + β), β in [0, 1) (default 0.5) */
  bound?: number;
  /** κ: the slope of tanh at the group's mean novelty (default 5) */
  sharpness?: number;
}

/** @internal the scales of each group of G consecutive rows of F (n × D); unchecked */
export function noveltyScalesKernel(
  F: Float64Array,
  n: number,
  D: number,
  G: number,
  bound: number,
  sharpness: number,
  out: Float64Array,
): Float64Array {
  const norms = new Float64Array(G);
  const novelty = new Float64Array(G);
  for (let g = 0; g * G < n; g++) {
    const base = g * G;
    if (G === 1) {
      out[base] = 1;
      continue;
    }
    for (let i = 0; i < G; i++) {
      let s = 0;
      const o = (base + i) * D;
      for (let k = 0; k < D; k++) s += F[o + k] * F[o + k];
      norms[i] = Math.sqrt(s);
    }
    novelty.fill(0);
    for (let i = 0; i < G; i++)
      for (let j = i + 1; j < G; j++) {
        let c = 1;
        // a zero feature adds no direction: it counts as aligned with everything
        if (norms[i] > 0 && norms[j] > 0) {
          let s = 0;
          const oi = (base + i) * D;
          const oj = (base + j) * D;
          for (let k = 0; k < D; k++) s += F[oi + k] * F[oj + k];
          c = s / (norms[i] * norms[j]);
        }
        novelty[i] += c;
        novelty[j] += c;
      }
    let mean = 0;
    for (let i = 0; i < G; i++) {
      novelty[i] = 1 - novelty[i] / (G - 1);
      mean += novelty[i];
    }
    mean /= G;
    for (let i = 0; i < G; i++)
      out[base + i] = 1 + bound * Math.tanh(sharpness * (novelty[i] - mean));
  }
  return out;
}

/**
 * G2RL's reward scales (our design; the paper states the idea, not the formula). For each group
 * of `groupSize` consecutive rows of `features` (the responses to one prompt, e.g. from
 * {@link gradientFeatures}), with cᵢⱼ the cosine similarity of rows i and j (1 when either is
 * zero: a zero gradient adds no direction),
 *
 *   novelty nᵢ = 1 − (1/(G − 1)) Σ_{j≠i} cᵢⱼ ∈ [0, 2],  scale sᵢ = 1 + β tanh(κ (nᵢ − n̄)),
 *
 * n̄ the group's mean novelty. A response whose gradient direction is less shared with the
 * rest of its group than average gets a scale above 1, a more redundant one below 1; the
 * scales lie in (1 − β, 1 + β), and they are all exactly 1 when every response of the group
 * has the same features (or G = 1). G2RL multiplies each reward by its scale before the group's
 * advantages are formed ({@link g2rl}).
 *
 * @param features - one row per response, groups consecutive
 * @param groupSize - responses per group (rows a multiple of it)
 * @param options - bound β (0.5), sharpness κ (5)
 * @throws {ShapeError} when the rows are not a multiple of groupSize
 * @throws {InvalidArgumentError} on bad options
 * @example
 * import { fromRows } from '@rg/linalg';
 * // two identical responses and a third orthogonal to both
 * const s = gradientNoveltyScales(fromRows([[1, 0], [1, 0], [0, 1]]), 3);
 * s // => ~[0.6589, 0.6589, 1.4656]
 * gradientNoveltyScales(fromRows([[1, 2], [1, 2]]), 2) // => [1, 1]
 */
export function gradientNoveltyScales(
  features: Matrix,
  groupSize: number,
  options: GradientNoveltyScalesOptions = {},
): Float64Array {
  const fn = 'gradientNoveltyScales';
  checkMatrix(fn, 'features', features);
  const G = checkInteger(fn, 'groupSize', groupSize, 1);
  if (features.rows === 0 || features.rows % G !== 0)
    throw new ShapeError(
      `${fn}(): features must have a positive multiple of groupSize (${G}) rows (has ${features.rows})`,
    );
  const o = checkOptions(fn, 'options', options);
  const bound = checkInRange(fn, 'options.bound', o.bound ?? 0.5, 0, 1, false, true);
  const sharpness = checkPositive(fn, 'options.sharpness', o.sharpness ?? 5, true);
  if (features.cols === 0)
    throw new InvalidArgumentError(`${fn}(): features must have at least one column`);
  return noveltyScalesKernel(
    features.data,
    features.rows,
    features.cols,
    G,
    bound,
    sharpness,
    new Float64Array(features.rows),
  );
}
