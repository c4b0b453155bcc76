// Generalized advantage estimation, Â = Σ_k (γλ)^k δ_{t+k} with δₜ = rₜ + γV(sₜ₊₁) − V(sₜ)
// (Schulman, Moritz, Levine, Jordan & Abbeel 2016, "High-dimensional continuous control using
// generalized advantage estimation").
import { checkInRange, checkOptions, checkVector } from '@rg/linalg';
import { startsOf } from './returns-to-go.js';

/** Options of {@link generalizedAdvantages}. */
export interface GeneralizedAdvantagesOptions {
  /** discount γ in [0, 1] */
  gamma: number;
  /** λ in [0, 1] (default 0.95): 0 gives the TD residual, 1 the return-to-go minus V */
  lambda?: number;
  /** E + 1 episode offsets (default one episode) */
  starts?: ArrayLike<number>;
  /** E values V(s_T) after each episode's last step (default 0: terminal states) */
  bootstrap?: ArrayLike<number>;
}

/** @internal unchecked GAE into out */
export function advantagesKernel(
  rewards: ArrayLike<number>,
  values: ArrayLike<number>,
  gamma: number,
  lambda: number,
  starts: ArrayLike<number>,
  bootstrap: ArrayLike<number> | null,
  out: Float64Array,
): Float64Array {
  for (let e = 0; e + 1 < starts.length; e++) {
    let next = bootstrap ? bootstrap[e] : 0;
    let adv = 0;
    for (let t = starts[e + 1] - 1; t >= starts[e]; t--) {
      const delta = rewards[t] + gamma * next - values[t];
      adv = delta + gamma * lambda * adv;
      out[t] = adv;
      next = values[t];
    }
  }
  return out;
}

/**
 * GAE(λ) advantages Âₜ = δₜ + γλ Âₜ₊₁ with δₜ = rₜ + γV(sₜ₊₁) − V(sₜ), within each episode; after
 * an episode's last step V is `bootstrap[e]` (0 for a terminal state). λ trades bias (small λ,
 * trusting V) against variance (λ = 1: Gₜ − V(sₜ)).
 *
 * @param rewards - T rewards
 * @param values - T value estimates V(sₜ)
 * @param options - gamma, lambda, starts, bootstrap
 * @throws {ShapeError} when the sizes do not fit
 * @throws {InvalidArgumentError} on gamma or lambda outside [0, 1]
 * @example
 * generalizedAdvantages([1, 1], [0.5, 0.5], { gamma: 1, lambda: 0 }) // => [1, 0.5]
 * generalizedAdvantages([1, 1], [0.5, 0.5], { gamma: 1, lambda: 1 }) // => [1.5, 0.5]
 */
export function generalizedAdvantages(
  rewards: ArrayLike<number>,
  values: ArrayLike<number>,
  options: GeneralizedAdvantagesOptions,
): Float64Array {
  return advantagesAs('generalizedAdvantages', rewards, values, options);
}

/** {@link generalizedAdvantages} with errors naming the public function `fn`. */
function advantagesAs(
  fn: string,
  rewards: ArrayLike<number>,
  values: ArrayLike<number>,
  options: GeneralizedAdvantagesOptions,
): Float64Array {
  const o = checkOptions(fn, 'options', options);
  const r = checkVector(fn, 'rewards', rewards, rewards?.length ?? -1, true);
  const v = checkVector(fn, 'values', values, r.length, true);
  const gamma = checkInRange(fn, 'options.gamma', o.gamma, 0, 1);
  const lambda = checkInRange(fn, 'options.lambda', o.lambda ?? 0.95, 0, 1);
  const s = startsOf(fn, o.starts, r.length);
  const b =
    o.bootstrap === undefined
      ? null
      : checkVector(fn, 'options.bootstrap', o.bootstrap, s.length - 1, true);
  return advantagesKernel(r, v, gamma, lambda, s, b, new Float64Array(r.length));
}

/**
 * The paper's name for {@link generalizedAdvantages} (its errors name `gae()`).
 *
 * @param rewards - per-step rewards of the episodes, concatenated
 * @param values - per-step value estimates V(s_t)
 * @param options - as {@link generalizedAdvantages}
 * @returns the advantages, one per step
 * @example
 * gae([1], [0], { gamma: 0.9 }) // => [1]
 */
export function gae(
  rewards: ArrayLike<number>,
  values: ArrayLike<number>,
  options: GeneralizedAdvantagesOptions,
): Float64Array {
  return advantagesAs('gae', rewards, values, options);
}
