// Level-2 BLAS matrix–vector products (Golub & Van Loan, Matrix Computations, 4th ed., §1.1).
import { ShapeError } from './errors.js';
import { dot } from './kernels/dot.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertFiniteArray } from './validate.js';

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
  assertFinite('matvec', 'a', a);
  if (x.length !== a.cols)
    throw new ShapeError(`matvec(): x has length ${x.length}, expected a.cols = ${a.cols}`);
  assertFiniteArray('matvec', 'x', x);
  const y = checkOut('matvec', out, a.rows, x);
  const n = a.cols;
  const d = a.data;
  for (let i = 0; i < a.rows; i++) y[i] = dot(n, d, x, i * n);
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
  assertFinite('matvecTransA', 'a', a);
  if (x.length !== a.rows)
    throw new ShapeError(`matvecTransA(): x has length ${x.length}, expected a.rows = ${a.rows}`);
  assertFiniteArray('matvecTransA', 'x', x);
  const y = checkOut('matvecTransA', out, a.cols, x);
  y.fill(0);
  const n = a.cols;
  const d = a.data;
  // Row-oriented accumulation (y += x_i · row i) keeps the access to A contiguous.
  for (let i = 0; i < a.rows; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const o = i * n;
    for (let j = 0; j < n; j++) y[j] += xi * d[o + j];
  }
  return y;
}
