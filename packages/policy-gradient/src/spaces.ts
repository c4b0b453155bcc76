// Observation and action spaces: finite sets {0, …, n − 1} and boxes in Rᵈ (Brockman et al.
// 2016, "OpenAI Gym", the same two kinds).
import { InvalidArgumentError, checkInteger } from '@rg/linalg';

/** The finite set {0, 1, …, n − 1}: a state index or an action index. */
export interface DiscreteSpace {
  readonly kind: 'discrete';
  /** number of elements */
  readonly n: number;
}

/** The box [low₁, high₁] × … × [low_d, high_d] in Rᵈ (bounds may be ±Infinity). */
export interface BoxSpace {
  readonly kind: 'box';
  /** dimension d */
  readonly size: number;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/**
 * An observation or action space. Observations of a discrete space are delivered as a
 * Float64Array of length 1 holding the index; actions of a discrete space are numbers.
 */
export type Space = DiscreteSpace | BoxSpace;

/**
 * The finite space {0, …, n − 1}.
 *
 * @param n - number of elements, ≥ 1
 * @throws {InvalidArgumentError} when n is not a positive integer
 * @example
 * discreteSpace(3) // => { kind: 'discrete', n: 3 }
 */
export function discreteSpace(n: number): DiscreteSpace {
  checkInteger('discreteSpace', 'n', n, 1);
  return { kind: 'discrete', n };
}

/**
 * The box [low, high] in Rᵈ, d = low.length.
 *
 * @param low - lower bounds (−Infinity allowed)
 * @param high - upper bounds (Infinity allowed), high ≥ low
 * @throws {InvalidArgumentError} on different lengths, NaN, or high < low
 * @example
 * boxSpace([-1, -Infinity], [1, Infinity]).size // => 2
 */
export function boxSpace(low: ArrayLike<number>, high: ArrayLike<number>): BoxSpace {
  const fn = 'boxSpace';
  if (!low || !high || low.length !== high.length || low.length === 0)
    throw new InvalidArgumentError(`${fn}(): low and high must be non-empty and of equal length`);
  const lo = Float64Array.from(low);
  const hi = Float64Array.from(high);
  for (let i = 0; i < lo.length; i++)
    if (Number.isNaN(lo[i]) || Number.isNaN(hi[i]) || hi[i] < lo[i])
      throw new InvalidArgumentError(
        `${fn}(): bound ${i} must satisfy low ≤ high (got [${lo[i]}, ${hi[i]}])`,
      );
  return { kind: 'box', size: lo.length, low: lo, high: hi };
}

/**
 * The length of one observation (or action) vector of a space: 1 for a discrete space (the
 * index), d for a box.
 *
 * @example
 * spaceSize(discreteSpace(5)) // => 1
 * spaceSize(boxSpace([0, 0, 0], [1, 1, 1])) // => 3
 */
export function spaceSize(space: Space): number {
  return spaceSizeOf('spaceSize', 'space', space);
}

/** @internal {@link spaceSize} with errors naming the public function `fn` and the argument */
export function spaceSizeOf(fn: string, name: string, space: Space): number {
  if (
    space === null ||
    typeof space !== 'object' ||
    (space.kind !== 'discrete' && space.kind !== 'box')
  )
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a space from discreteSpace() or boxSpace()`,
    );
  return space.kind === 'discrete' ? 1 : space.size;
}

/** @internal an unbounded box of dimension d */
export function unboundedBox(d: number): BoxSpace {
  const lo = new Float64Array(d).fill(Number.NEGATIVE_INFINITY);
  return { kind: 'box', size: d, low: lo, high: lo.map(() => Number.POSITIVE_INFINITY) };
}
