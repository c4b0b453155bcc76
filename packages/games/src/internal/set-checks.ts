// Strategy-set checks shared by the games that take per-player sets (the generic argument
// checks are @rg/linalg's validators).
import { InvalidArgumentError, ShapeError } from '@rg/linalg';
import type { StrategySet } from '../strategy-sets.js';

/** Block length a set requires, or -1 when any length fits. */
export function setLength(set: StrategySet): number {
  if (set.kind === 'box') {
    if (typeof set.lower !== 'number') return set.lower.length;
    if (typeof set.upper !== 'number') return set.upper.length;
  }
  if (set.kind === 'ball' && set.center) return set.center.length;
  return -1;
}

/** Throw unless `set` is a valid StrategySet for a block of length `len`. */
export function checkSet(fn: string, name: string, set: StrategySet, len: number): void {
  if (!set || typeof set !== 'object' || !['free', 'box', 'ball', 'simplex'].includes(set.kind))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a strategy set (freeSet, boxSet, ballSet or simplexSet)`,
    );
  const need = setLength(set);
  if (need >= 0 && need !== len)
    throw new ShapeError(`${fn}(): ${name} is for blocks of length ${need}, the block has ${len}`);
  if (set.kind === 'simplex' && set.total < len * set.floor * (1 - 1e-12))
    throw new InvalidArgumentError(
      `${fn}(): ${name} is empty (floor ${set.floor} × ${len} entries exceeds total ${set.total})`,
    );
}
