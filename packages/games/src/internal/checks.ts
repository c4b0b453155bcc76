// Validation helpers shared by the public functions: one helper per check so every message
// reads "fn(): name must ...", and the kernels below them stay free of checks.
import {
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  ShapeError,
  assertFiniteArray,
} from '@rg/linalg';
import type { StrategySet } from '../strategy-sets.js';

/** A positive finite number. */
export function positive(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a positive finite number (got ${String(v)})`,
    );
  return v;
}

/** A finite number ≥ 0. */
export function nonNegative(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a finite number ≥ 0 (got ${String(v)})`,
    );
  return v;
}

/** An integer in [min, ∞). */
export function integerAtLeast(fn: string, name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be an integer ≥ ${min} (got ${String(v)})`,
    );
  return v;
}

/** A finite Float64Array of the given length (copied when `copy`). */
export function vectorOf(fn: string, name: string, v: unknown, length: number): Float64Array {
  if (!(v instanceof Float64Array))
    throw new ShapeError(`${fn}(): ${name} must be a Float64Array of length ${length}`);
  if (v.length !== length)
    throw new ShapeError(`${fn}(): ${name} has length ${v.length}, expected ${length}`);
  assertFiniteArray(fn, name, v);
  return v;
}

/** A finite array-like of numbers with the given length, as a fresh Float64Array. */
export function numbersOf(fn: string, name: string, v: unknown, length: number): Float64Array {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number')
    throw new ShapeError(`${fn}(): ${name} must be an array of ${length} numbers`);
  const a = v as ArrayLike<number>;
  if (a.length !== length)
    throw new ShapeError(`${fn}(): ${name} has length ${a.length}, expected ${length}`);
  const out = Float64Array.from(a);
  assertFiniteArray(fn, name, out);
  return out;
}

/** A well-formed finite Matrix of the given shape. */
export function matrixOf(fn: string, name: string, m: unknown, rows: number, cols: number): Matrix {
  const a = m as Matrix;
  if (
    !a ||
    typeof a !== 'object' ||
    !(a.data instanceof Float64Array) ||
    a.data.length !== a.rows * a.cols
  )
    throw new ShapeError(`${fn}(): ${name} must be a Matrix { rows, cols, data: Float64Array }`);
  if (a.rows !== rows || a.cols !== cols)
    throw new ShapeError(`${fn}(): ${name} is ${a.rows}×${a.cols}, expected ${rows}×${cols}`);
  for (let i = 0; i < a.data.length; i++) {
    const x = a.data[i];
    if (x - x !== 0) {
      const r = Math.floor(i / cols);
      throw new NonFiniteError(
        `${fn}(): ${name}[${r}, ${i - r * cols}] is ${x} (must be finite)`,
        i,
      );
    }
  }
  return a;
}

/** Throw a NonFiniteError naming the user callback that produced a NaN or ±Infinity. */
export function finiteResult(fn: string, what: string, v: Float64Array): void {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x - x !== 0)
      throw new NonFiniteError(`${fn}(): ${what} returned ${x} at index ${i} (must be finite)`, i);
  }
}

/** A function-valued property. */
export function callable(fn: string, name: string, v: unknown): void {
  if (typeof v !== 'function')
    throw new InvalidArgumentError(`${fn}(): ${name} must be a function`);
}

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
