// Importance ratios π_θ(a | s)/π_old(a | s) from log-probabilities (Precup, Sutton & Singh 2000;
// the ratio of the surrogate objectives of TRPO, PPO and MDPO).
import { ShapeError, checkOutput, checkVector } from '@rg/linalg';

/**
 * ρᵢ = exp(log π_θ(aᵢ | sᵢ) − log π_old(aᵢ | sᵢ)), computed from the difference of
 * log-probabilities (no ratio of underflowing probabilities).
 *
 * @param logProbs - log π_θ per sample
 * @param behaviourLogProbs - log π_old per sample (e.g. `Trajectories.logProbs`)
 * @param out - optional output buffer
 * @throws {ShapeError} when the lengths differ
 * @example
 * importanceRatios([Math.log(0.5)], [Math.log(0.25)]) // => ~[2]
 */
export function importanceRatios(
  logProbs: ArrayLike<number>,
  behaviourLogProbs: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const fn = 'importanceRatios';
  const a = checkVector(fn, 'logProbs', logProbs, logProbs?.length ?? -1, true);
  if (!behaviourLogProbs || behaviourLogProbs.length !== a.length)
    throw new ShapeError(`${fn}(): behaviourLogProbs must have ${a.length} entries like logProbs`);
  const b = checkVector(fn, 'behaviourLogProbs', behaviourLogProbs, a.length, true);
  const o = checkOutput(fn, 'out', out, a.length);
  for (let i = 0; i < a.length; i++) o[i] = Math.exp(a[i] - b[i]);
  return o;
}
