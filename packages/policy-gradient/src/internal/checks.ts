// Validation helpers shared by the public functions: one helper per check, so every message reads
// "fn(): name must ...", and the kernels below them stay free of checks.
import { InvalidArgumentError, type Matrix, NonFiniteError, ShapeError } from '@rg/linalg';

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

/** A finite number. */
export function finite(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a finite number (got ${String(v)})`);
  return v;
}

/** A number in [lo, hi] (or (lo, hi] / [lo, hi) with the open flags). */
export function inRange(
  fn: string,
  name: string,
  v: unknown,
  lo: number,
  hi: number,
  openLo = false,
  openHi = false,
): number {
  const ok =
    typeof v === 'number' &&
    (openLo ? v > lo : v >= lo) &&
    (openHi ? v < hi : v <= hi) &&
    !Number.isNaN(v);
  if (!ok)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be in ${openLo ? '(' : '['}${lo}, ${hi}${openHi ? ')' : ']'} (got ${String(v)})`,
    );
  return v as number;
}

/** An integer ≥ min. */
export function integerAtLeast(fn: string, name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be an integer ≥ ${min} (got ${String(v)})`,
    );
  return v;
}

/** A safe integer seed. */
export function seedOf(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a safe integer (got ${String(v)})`);
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
  for (let i = 0; i < length; i++)
    if (out[i] - out[i] !== 0)
      throw new NonFiniteError(`${fn}(): ${name}[${i}] is ${out[i]} (must be finite)`, i);
  return out;
}

/** A finite Float64Array of the given length (not copied). */
export function vectorOf(fn: string, name: string, v: unknown, length: number): Float64Array {
  if (!(v instanceof Float64Array))
    throw new ShapeError(`${fn}(): ${name} must be a Float64Array of length ${length}`);
  if (v.length !== length)
    throw new ShapeError(`${fn}(): ${name} has length ${v.length}, expected ${length}`);
  for (let i = 0; i < length; i++)
    if (v[i] - v[i] !== 0)
      throw new NonFiniteError(`${fn}(): ${name}[${i}] is ${v[i]} (must be finite)`, i);
  return v;
}

/** An optional output buffer of the given length (allocated when absent). */
export function outOf(fn: string, name: string, v: unknown, length: number): Float64Array {
  if (v === undefined) return new Float64Array(length);
  if (!(v instanceof Float64Array) || v.length !== length)
    throw new ShapeError(`${fn}(): ${name} must be a Float64Array of length ${length}`);
  return v;
}

/** A well-formed finite Matrix; `rows`/`cols` checked when given (≥ 0). */
export function matrixOf(fn: string, name: string, m: unknown, rows = -1, cols = -1): Matrix {
  const a = m as Matrix;
  if (
    !a ||
    typeof a !== 'object' ||
    !(a.data instanceof Float64Array) ||
    !Number.isInteger(a.rows) ||
    !Number.isInteger(a.cols) ||
    a.data.length !== a.rows * a.cols
  )
    throw new ShapeError(`${fn}(): ${name} must be a Matrix { rows, cols, data: Float64Array }`);
  if ((rows >= 0 && a.rows !== rows) || (cols >= 0 && a.cols !== cols))
    throw new ShapeError(
      `${fn}(): ${name} is ${a.rows}×${a.cols}, expected ${rows >= 0 ? rows : a.rows}×${cols >= 0 ? cols : a.cols}`,
    );
  const d = a.data;
  for (let i = 0; i < d.length; i++)
    if (d[i] - d[i] !== 0) {
      const r = Math.floor(i / a.cols);
      throw new NonFiniteError(
        `${fn}(): ${name}[${r}, ${i - r * a.cols}] is ${d[i]} (must be finite)`,
        i,
      );
    }
  return a;
}

/** A plain options object (undefined → {}). */
export function optionsOf<T extends object>(fn: string, v: T | undefined, name = 'options'): T {
  if (v === undefined) return {} as T;
  if (v === null || typeof v !== 'object')
    throw new InvalidArgumentError(`${fn}(): ${name} must be an object`);
  return v;
}
