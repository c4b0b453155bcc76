// Group-relative advantages: each sampled response is scored against the other responses to the
// same prompt, with no learned critic (Shao et al. 2024, "DeepSeekMath", §4.1.2, GRPO).
import {
  InvalidArgumentError,
  ShapeError,
  checkInteger,
  checkOptions,
  checkPositive,
  checkVector,
} from '@rg/linalg';

/** Options of {@link groupRelativeAdvantages}. */
export interface GroupRelativeAdvantagesOptions {
  /**
   * 'std' (default): (r − mean)/(sd + epsilon), GRPO's normalization; 'none': r − mean (the
   * "Dr. GRPO" form of Liu et al. 2025, no division by the group's spread)
   */
  normalize?: 'std' | 'none';
  /** added to the group's standard deviation (default 1e-4, as TRL's GRPO trainer) */
  epsilon?: number;
}

/** @internal out[i] = (r_i − mean of i's group)/(sd + ε) (or without the division); unchecked */
export function groupAdvantagesKernel(
  rewards: ArrayLike<number>,
  G: number,
  divide: boolean,
  epsilon: number,
  out: Float64Array,
): Float64Array {
  const groups = rewards.length / G;
  for (let g = 0; g < groups; g++) {
    let mean = 0;
    for (let i = 0; i < G; i++) mean += rewards[g * G + i];
    mean /= G;
    let v = 0;
    for (let i = 0; i < G; i++) v += (rewards[g * G + i] - mean) ** 2;
    // the sample standard deviation, as torch.std in the reference trainers; a constant group
    // gets zeros whatever epsilon (no 0/0)
    const scale = v === 0 ? 0 : divide && G > 1 ? 1 / (Math.sqrt(v / (G - 1)) + epsilon) : 1;
    for (let i = 0; i < G; i++) out[g * G + i] = (rewards[g * G + i] - mean) * scale;
  }
  return out;
}

/**
 * GRPO's advantages: rewards come in groups of `groupSize` consecutive entries (the responses
 * to one prompt), and each response's advantage is its reward minus its group's mean, divided
 * by the group's sample standard deviation plus `epsilon` (`normalize: 'std'`). Every group's
 * advantages sum to zero; a group whose rewards are all equal gets zeros.
 *
 * @param rewards - one reward per response, groups consecutive (length a multiple of groupSize)
 * @param groupSize - responses per prompt (G ≥ 1)
 * @param options - normalize ('std' | 'none'), epsilon (1e-4)
 * @throws {ShapeError} when the length is not a multiple of groupSize
 * @throws {InvalidArgumentError} on bad options
 * @example
 * groupRelativeAdvantages([1, 0, 0, 0, 1, 1], 3, { epsilon: 0 }) // => ~[1.1547, -0.57735, -0.57735, -1.1547, 0.57735, 0.57735]
 * groupRelativeAdvantages([1, 1, 0, 0], 2, { normalize: 'none' }) // => [0, 0, 0, 0]
 */
export function groupRelativeAdvantages(
  rewards: ArrayLike<number>,
  groupSize: number,
  options: GroupRelativeAdvantagesOptions = {},
): Float64Array {
  const fn = 'groupRelativeAdvantages';
  const G = checkInteger(fn, 'groupSize', groupSize, 1);
  const n = rewards?.length;
  if (typeof n !== 'number' || n % G !== 0)
    throw new ShapeError(
      `${fn}(): rewards must have a multiple of groupSize (${G}) entries (has ${String(n)})`,
    );
  const r = checkVector(fn, 'rewards', rewards, n, true);
  const o = checkOptions(fn, 'options', options);
  const normalize = o.normalize ?? 'std';
  if (normalize !== 'std' && normalize !== 'none')
    throw new InvalidArgumentError(
      `${fn}(): options.normalize must be 'std' or 'none' (got ${String(normalize)})`,
    );
  const eps = checkPositive(fn, 'options.epsilon', o.epsilon ?? 1e-4, true);
  return groupAdvantagesKernel(r, G, normalize === 'std', eps, new Float64Array(n));
}
