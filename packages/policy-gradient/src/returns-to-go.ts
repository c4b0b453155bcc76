// Discounted returns-to-go Gₜ = Σ_{k≥t} γ^{k−t} r_k within each episode (Sutton & Barto 2018, §3.3).
import { InvalidArgumentError, ShapeError, checkInRange, checkVector } from '@rg/linalg';

/** @internal validated episode offsets: starts[0] = 0, increasing, starts[E] = T */
export function startsOf(fn: string, starts: ArrayLike<number> | undefined, T: number): Int32Array {
  if (starts === undefined) return Int32Array.of(0, T);
  if (!starts || starts.length < 2)
    throw new ShapeError(`${fn}(): starts must hold E + 1 ≥ 2 episode offsets`);
  const s = Int32Array.from(starts);
  if (s[0] !== 0 || s[s.length - 1] !== T)
    throw new InvalidArgumentError(`${fn}(): starts must run from 0 to the number of steps ${T}`);
  for (let e = 1; e < s.length; e++)
    if (!(s[e] >= s[e - 1]) || s[e] !== starts[e])
      throw new InvalidArgumentError(`${fn}(): starts must be non-decreasing integers`);
  return s;
}

/** @internal unchecked: G ← returns-to-go with bootstrap values after each episode */
export function returnsToGoKernel(
  rewards: ArrayLike<number>,
  gamma: number,
  starts: ArrayLike<number>,
  bootstrap: ArrayLike<number> | null,
  out: Float64Array,
): Float64Array {
  for (let e = 0; e + 1 < starts.length; e++) {
    let g = bootstrap ? bootstrap[e] : 0;
    for (let t = starts[e + 1] - 1; t >= starts[e]; t--) {
      g = rewards[t] + gamma * g;
      out[t] = g;
    }
  }
  return out;
}

/**
 * Returns-to-go Gₜ = rₜ + γ Gₜ₊₁ within each episode, with G after the last step of episode e
 * equal to `bootstrap[e]` (default 0: a terminal state; pass a value estimate for an episode cut
 * by a time limit).
 *
 * @param rewards - T rewards, episodes one after another
 * @param gamma - discount in [0, 1]
 * @param starts - E + 1 episode offsets (default one episode: [0, T])
 * @param bootstrap - E values after each episode's last step (default zeros)
 * @throws {ShapeError} when the sizes do not fit
 * @throws {InvalidArgumentError} on gamma outside [0, 1] or offsets that do not partition the steps
 * @example
 * returnsToGo([1, 1, 1], 0.5) // => [1.75, 1.5, 1]
 * returnsToGo([1, 1, 1], 1, [0, 2, 3], [0, 10]) // => [2, 1, 11]
 */
export function returnsToGo(
  rewards: ArrayLike<number>,
  gamma: number,
  starts?: ArrayLike<number>,
  bootstrap?: ArrayLike<number>,
): Float64Array {
  const fn = 'returnsToGo';
  const r = checkVector(fn, 'rewards', rewards, rewards?.length ?? -1, true);
  checkInRange(fn, 'gamma', gamma, 0, 1);
  const s = startsOf(fn, starts, r.length);
  const b =
    bootstrap === undefined ? null : checkVector(fn, 'bootstrap', bootstrap, s.length - 1, true);
  return returnsToGoKernel(r, gamma, s, b, new Float64Array(r.length));
}
