// A time-indexed baseline from the other episodes of the batch: b_t^{(e)} = mean of G_t over the
// episodes e' ≠ e that last beyond t. It does not depend on episode e, so Σₜ γᵗ(Gₜ − bₜ)∇log π
// stays unbiased (Williams 1992, §8; Kool, van Hoof & Welling 2019, "Buy 4 REINFORCE samples,
// get a baseline for free!").
import { ShapeError, checkVector } from '@rg/linalg';
import { startsOf } from './returns-to-go.js';

/** @internal unchecked leave-one-out baseline into out */
export function leaveOneOutKernel(
  values: ArrayLike<number>,
  starts: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const E = starts.length - 1;
  let H = 0;
  for (let e = 0; e < E; e++) H = Math.max(H, starts[e + 1] - starts[e]);
  const sum = new Float64Array(H);
  const count = new Int32Array(H);
  for (let e = 0; e < E; e++)
    for (let t = starts[e]; t < starts[e + 1]; t++) {
      sum[t - starts[e]] += values[t];
      count[t - starts[e]]++;
    }
  for (let e = 0; e < E; e++)
    for (let t = starts[e]; t < starts[e + 1]; t++) {
      const k = t - starts[e];
      out[t] = count[k] > 1 ? (sum[k] - values[t]) / (count[k] - 1) : 0;
    }
  return out;
}

/**
 * For every step t of episode e, the mean of `values` at the same time index over the other
 * episodes that reach it (0 where none does). With returns-to-go as `values` it is the baseline
 * of {@link policyGradientEstimate}'s `'leave-one-out'` option: it reduces variance and, being
 * independent of episode e, keeps the estimate unbiased.
 *
 * @param values - T per-step values (e.g. returns-to-go)
 * @param starts - E + 1 episode offsets
 * @throws {ShapeError | InvalidArgumentError} when the offsets do not partition the steps
 * @example
 * leaveOneOutBaseline([1, 2, 3, 4, 5], [0, 2, 5]) // => [3, 4, 1, 2, 0]
 */
export function leaveOneOutBaseline(
  values: ArrayLike<number>,
  starts: ArrayLike<number>,
): Float64Array {
  const fn = 'leaveOneOutBaseline';
  const v = checkVector(fn, 'values', values, values?.length ?? -1, true);
  if (starts === undefined)
    throw new ShapeError(`${fn}(): starts must hold E + 1 ≥ 2 episode offsets (got undefined)`);
  const s = startsOf(fn, starts, v.length);
  return leaveOneOutKernel(v, s, new Float64Array(v.length));
}
