// The allocation guard: every public function that sizes a buffer from its arguments checks
// the request here first, so a tiny input cannot ask for gigabytes (or a RangeError from the
// engine past 2^32 elements) and the caller gets a typed error that says how to go further.
import { AllocationLimitError, InvalidArgumentError } from './errors.js';

/**
 * Default allocation limit in bytes: 2 GiB, i.e. 2^28 float64 entries (a 16384×16384
 * matrix). Larger than any single buffer our decompositions need at the sizes they are
 * measured at, and below what a browser tab or a default Node process can hold next to
 * its working copies (a factorization keeps 2–4 buffers of the input's size alive).
 */
export const DEFAULT_ALLOCATION_LIMIT = 2 ** 31;

let limitBytes = DEFAULT_ALLOCATION_LIMIT;

/**
 * The current allocation limit in bytes (one buffer, checked by {@link guardAllocation}).
 *
 * @example
 * getAllocationLimit() // => 2147483648
 */
export function getAllocationLimit(): number {
  return limitBytes;
}

/**
 * Set the allocation limit in bytes for every later call of every @rg package; returns
 * the previous limit so it can be restored. `Infinity` turns the guard off (the engine's
 * own limits still apply).
 *
 * @throws {InvalidArgumentError} when `bytes` is not a positive number
 * @example
 * const previous = setAllocationLimit(2 ** 33) // 8 GiB
 * getAllocationLimit() // => 8589934592
 * setAllocationLimit(previous) // => 8589934592
 */
export function setAllocationLimit(bytes: number): number {
  if (typeof bytes !== 'number' || Number.isNaN(bytes) || !(bytes > 0))
    throw new InvalidArgumentError(
      `setAllocationLimit(): bytes must be a positive number or Infinity (got ${String(bytes)})`,
    );
  const previous = limitBytes;
  limitBytes = bytes;
  return previous;
}

function formatBytes(b: number): string {
  if (b >= 2 ** 30) return `${(b / 2 ** 30).toPrecision(3)} GiB`;
  if (b >= 2 ** 20) return `${(b / 2 ** 20).toPrecision(3)} MiB`;
  return `${b} B`;
}

/**
 * Throw unless a buffer of `elements` entries of `bytesPerElement` bytes (8: float64) fits
 * the allocation limit. Call it with the size computed from the arguments, before
 * allocating; `what` names the buffer in the message.
 *
 * @throws {AllocationLimitError} when the request exceeds {@link getAllocationLimit}
 * @throws {InvalidArgumentError} when `elements` is negative or not a number
 * @example
 * guardAllocation('kron', 40000 * 40000) // => throws AllocationLimitError
 * guardAllocation('zeros', 100) // => undefined
 */
export function guardAllocation(
  fn: string,
  elements: number,
  bytesPerElement = 8,
  what = 'result',
): void {
  if (typeof elements !== 'number' || Number.isNaN(elements) || elements < 0)
    throw new InvalidArgumentError(
      `${fn}(): the ${what} size must be a non-negative number (got ${String(elements)})`,
    );
  const bytes = elements * bytesPerElement;
  if (bytes > limitBytes)
    throw new AllocationLimitError(
      `${fn}(): the ${what} needs ${elements.toPrecision(4)} entries (${formatBytes(bytes)}), above the allocation limit of ${formatBytes(limitBytes)}; raise it with setAllocationLimit(bytes) from @rg/linalg if this is intended`,
      { requestedBytes: bytes, limitBytes },
    );
}
