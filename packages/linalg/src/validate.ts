// Shared validation: one helper per check so every message has the same form
// ("fn(): name must ...") and the kernels below stay allocation-free.
import {
  AbortError,
  InvalidArgumentError,
  NonFiniteError,
  NotSymmetricError,
  ShapeError,
} from './errors.js';
import type { Matrix } from './matrix.js';

/**
 * Relative asymmetry max|a_ij − a_ji| / max|a_ij| (0 for the zero matrix).
 *
 * @throws {ShapeError} when `a` is not a square Matrix
 * @example
 * asymmetry(fromRows([[1, 2], [2.5, 1]])) // => 0.2
 */
export function asymmetry(a: Matrix): number {
  assertMatrix('asymmetry', 'a', a);
  if (a.rows !== a.cols)
    throw new ShapeError(`asymmetry(): a must be square (is ${a.rows}×${a.cols})`);
  return asymmetryKernel(a);
}

/** Unvalidated: the relative asymmetry of a square matrix. */
function asymmetryKernel(a: Matrix): number {
  const n = a.rows;
  const d = a.data;
  let maxAbs = 0;
  let maxDiff = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = Math.abs(d[i * n + j]);
      if (v > maxAbs) maxAbs = v;
      if (j > i) {
        const diff = Math.abs(d[i * n + j] - d[j * n + i]);
        if (diff > maxDiff) maxDiff = diff;
      }
    }
  }
  return maxAbs === 0 ? 0 : maxDiff / maxAbs;
}

/** Default relative asymmetry accepted by symmetric routines (about 100 ulp). */
export const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Throw unless `a` is a well-formed Matrix.
 *
 * @throws {ShapeError}
 * @example
 * assertMatrix('f', 'a', { rows: 2, cols: 2, data: new Float64Array(3) }) // => throws ShapeError
 */
export function assertMatrix(fn: string, name: string, a: Matrix): void {
  if (
    !a ||
    typeof a !== 'object' ||
    !(a.data instanceof Float64Array) ||
    !Number.isInteger(a.rows) ||
    !Number.isInteger(a.cols) ||
    a.rows < 0 ||
    a.cols < 0 ||
    a.data.length !== a.rows * a.cols
  )
    throw new ShapeError(
      `${fn}(): ${name} must be a Matrix { rows ≥ 0, cols ≥ 0, data: Float64Array(rows*cols) }`,
    );
}

/**
 * Throw unless `v` is array-like (a typed array, an array or an object with an integer
 * `length`), of length `length` when given: the structural check before a vector's length
 * is read. Entries are not scanned
 * (see {@link assertFiniteArray}).
 *
 * @throws {ShapeError}
 * @example
 * assertVector('dot', 'x', null) // => throws ShapeError
 * assertVector('dot', 'x', new Float64Array(2), 3) // => throws ShapeError
 * assertVector('dot', 'x', [1, 2], 2) // => undefined
 */
export function assertVector(
  fn: string,
  name: string,
  v: unknown,
  length?: number,
): asserts v is ArrayLike<number> {
  if (
    v === null ||
    typeof v !== 'object' ||
    !Number.isInteger((v as ArrayLike<number>).length) ||
    (v as ArrayLike<number>).length < 0
  )
    throw new ShapeError(
      `${fn}(): ${name} must be an array of numbers (got ${v === null ? 'null' : typeof v})`,
    );
  const got = (v as ArrayLike<number>).length;
  if (length !== undefined && got !== length)
    throw new ShapeError(`${fn}(): ${name} has length ${got}, expected ${length}`);
}

/**
 * Throw unless every entry of `v` is finite.
 *
 * @throws {NonFiniteError}
 * @example
 * assertFiniteArray('f', 'x', [1, NaN]) // => throws NonFiniteError
 */
export function assertFiniteArray(fn: string, name: string, v: ArrayLike<number>): void {
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number')
    throw new ShapeError(
      `${fn}(): ${name} must be an array of numbers (got ${v === null ? 'null' : typeof v})`,
    );
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x - x !== 0) throw new NonFiniteError(`${fn}(): ${name}[${i}] is ${x} (must be finite)`, i);
  }
}

/**
 * Throw unless `a` is a matrix with finite entries.
 *
 * @throws {ShapeError | NonFiniteError}
 * @example
 * assertFinite('f', 'a', fromRows([[1, Infinity]])) // => throws NonFiniteError
 */
export function assertFinite(fn: string, name: string, a: Matrix): void {
  assertMatrix(fn, name, a);
  const d = a.data;
  for (let i = 0; i < d.length; i++) {
    const x = d[i];
    if (x - x !== 0) {
      const r = Math.floor(i / a.cols);
      throw new NonFiniteError(
        `${fn}(): ${name}[${r}, ${i - r * a.cols}] is ${x} (must be finite)`,
        i,
      );
    }
  }
}

/**
 * Throw unless `a` is a square matrix with finite entries.
 *
 * @throws {ShapeError | NonFiniteError}
 * @example
 * assertSquare('f', 'a', zeros(2, 3)) // => throws ShapeError
 */
export function assertSquare(fn: string, name: string, a: Matrix): void {
  assertFinite(fn, name, a);
  if (a.rows !== a.cols)
    throw new ShapeError(`${fn}(): ${name} must be square (is ${a.rows}×${a.cols})`);
}

/**
 * Throw unless `a` is square, finite and symmetric within `tol` (relative asymmetry).
 *
 * @throws {ShapeError | NonFiniteError | NotSymmetricError}
 * @throws {InvalidArgumentError} when `tol` is NaN or negative
 * @example
 * assertSymmetric('f', 'a', fromRows([[1, 2], [0, 1]])) // => throws NotSymmetricError
 */
export function assertSymmetric(
  fn: string,
  name: string,
  a: Matrix,
  tol = SYMMETRY_TOLERANCE,
): void {
  if (typeof tol !== 'number' || !(tol >= 0))
    throw new InvalidArgumentError(
      `${fn}(): symmetryTolerance must be a number ≥ 0 (got ${String(tol)})`,
    );
  assertSquare(fn, name, a);
  const s = asymmetryKernel(a);
  if (s > tol)
    throw new NotSymmetricError(
      `${fn}(): ${name} must be symmetric (relative asymmetry ${s.toExponential(2)} > ${tol.toExponential(0)})`,
      s,
    );
}

/**
 * Throw unless the two matrices have the same shape.
 *
 * @throws {ShapeError}
 * @example
 * assertSameShape('add', 'a', zeros(2), 'b', zeros(3)) // => throws ShapeError
 */
export function assertSameShape(
  fn: string,
  nameA: string,
  a: Matrix,
  nameB: string,
  b: Matrix,
): void {
  if (a.rows !== b.rows || a.cols !== b.cols)
    throw new ShapeError(
      `${fn}(): ${nameA} (${a.rows}×${a.cols}) and ${nameB} (${b.rows}×${b.cols}) must have the same shape`,
    );
}

/**
 * Throw an {@link AbortError} when `signal` is aborted.
 *
 * @throws {AbortError}
 * @example
 * throwIfAborted('f', AbortSignal.abort()) // => throws AbortError
 */
export function throwIfAborted(fn: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new AbortError(`${fn}(): aborted${signal.reason ? ` (${String(signal.reason)})` : ''}`);
}
