// Level-2 BLAS matrix–vector products (Golub & Van Loan, Matrix Computations, 4th ed., §1.1),
// on the gemv kernels (WebAssembly SIMD from a measured size, TypeScript below).
import { ShapeError } from './errors.js';
import { gemvChecked } from './kernels/gemv.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertFiniteArray, assertMatrix, assertVector } from './validate.js';

function checkOut(
  fn: string,
  out: Float64Array | undefined,
  len: number,
  x: Float64Array,
): Float64Array {
  if (out === undefined) return new Float64Array(len);
  if (!(out instanceof Float64Array) || out.length !== len)
    throw new ShapeError(`${fn}(): out must be a Float64Array of length ${len}`);
  if (out === x) throw new ShapeError(`${fn}(): out must not alias x`);
  return out;
}

/**
 * The product A x (length `a.rows`), written into `out` when given.
 *
 * @param a - m×n matrix
 * @param x - vector of length n
 * @param out - optional result buffer of length m (must not be `x`)
 * @throws {ShapeError} when `x.length !== a.cols` or `out` has the wrong length
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * matvec(fromRows([[1, 2], [3, 4]]), vector([1, 1])) // => [3, 7]
 */
export function matvec(a: Matrix, x: Float64Array, out?: Float64Array): Float64Array {
  assertMatrix('matvec', 'a', a);
  assertVector('matvec', 'x', x);
  if (x.length !== a.cols)
    throw new ShapeError(`matvec(): x has length ${x.length}, expected a.cols = ${a.cols}`);
  const y = checkOut('matvec', out, a.rows, x);
  // The kernel checks finiteness on its own pass (out untouched when it fails); the shared
  // validators then name the entry.
  if (!gemvChecked(false, a.rows, a.cols, a.data, x, y)) {
    assertFinite('matvec', 'a', a);
    assertFiniteArray('matvec', 'x', x);
  }
  return y;
}

/**
 * The product Aᵀ x (length `a.cols`) without forming Aᵀ, written into `out` when given.
 *
 * @param a - m×n matrix
 * @param x - vector of length m
 * @param out - optional result buffer of length n (must not be `x`)
 * @throws {ShapeError} when `x.length !== a.rows` or `out` has the wrong length
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * matvecTransA(fromRows([[1, 2], [3, 4]]), vector([1, 1])) // => [4, 6]
 */
export function matvecTransA(a: Matrix, x: Float64Array, out?: Float64Array): Float64Array {
  assertMatrix('matvecTransA', 'a', a);
  assertVector('matvecTransA', 'x', x);
  if (x.length !== a.rows)
    throw new ShapeError(`matvecTransA(): x has length ${x.length}, expected a.rows = ${a.rows}`);
  const y = checkOut('matvecTransA', out, a.cols, x);
  // Row-oriented accumulation (y += x_i · row i) keeps the access to A contiguous.
  if (!gemvChecked(true, a.rows, a.cols, a.data, x, y)) {
    assertFinite('matvecTransA', 'a', a);
    assertFiniteArray('matvecTransA', 'x', x);
  }
  return y;
}
