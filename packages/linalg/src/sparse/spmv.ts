// Validated sparse products: A x, Aᵀ x, A B (B dense), and the LinearOperator view of A.
import { checkOptions } from '../validate-arguments.js';
import { InvalidArgumentError, ShapeError } from '../errors.js';
import type { LinearOperator } from '../conjugate-gradient.js';
import type { Matrix } from '../matrix.js';
import { assertFinite, assertFiniteArray } from '../validate.js';
import type { CsrMatrix } from './kernels/csr.js';
import { csrMatmat, csrMatvec, csrMatvecTrans } from './kernels/spmv.js';
import { assertCsr } from './csr-matrix.js';

function vectorArg(fn: string, name: string, x: Float64Array, len: number): void {
  if (!(x instanceof Float64Array) || x.length !== len)
    throw new ShapeError(`${fn}(): ${name} must be a Float64Array of length ${len}`);
}

function outArg(fn: string, out: Float64Array | undefined, len: number, x: Float64Array) {
  if (out === undefined) return new Float64Array(len);
  vectorArg(fn, 'out', out, len);
  if (
    out.buffer === x.buffer &&
    out.byteOffset < x.byteOffset + x.byteLength &&
    x.byteOffset < out.byteOffset + out.byteLength
  )
    throw new ShapeError(`${fn}(): out must not share memory with x`);
  return out;
}

/**
 * The sparse matrix–vector product A x (length `a.rows`), written into `out` when given.
 * Plain TypeScript: the loop is memory-bound (12 bytes of matrix per multiply-add), and copying
 * A into WebAssembly memory on every call would cost as much as the product (see the package's
 * benchmark for GFLOP/s).
 *
 * @param a - sparse m×n matrix
 * @param x - vector of length n
 * @param out - optional result of length m (must not share memory with x)
 * @throws {ShapeError | NonFiniteError} on a malformed matrix, a wrong length or a non-finite entry
 * @example
 * const a = csrFromTriplets(2, 3, [0, 0, 1], [0, 2, 1], [1, 2, 3]);
 * spmv(a, vector([1, 1, 1])) // => [3, 3]
 */
export function spmv(a: CsrMatrix, x: Float64Array, out?: Float64Array): Float64Array {
  const fn = 'spmv';
  assertCsr(fn, 'a', a);
  vectorArg(fn, 'x', x, a.cols);
  assertFiniteArray(fn, 'x', x);
  const y = outArg(fn, out, a.rows, x);
  csrMatvec(a, x, y);
  return y;
}

/**
 * The product Aᵀ x (length `a.cols`) without forming Aᵀ, written into `out` when given.
 *
 * @param a - sparse m×n matrix
 * @param x - vector of length m
 * @param out - optional result of length n (must not share memory with x)
 * @throws {ShapeError | NonFiniteError} on a malformed matrix, a wrong length or a non-finite entry
 * @example
 * const a = csrFromTriplets(2, 3, [0, 0, 1], [0, 2, 1], [1, 2, 3]);
 * spmvTrans(a, vector([1, 1])) // => [1, 3, 2]
 */
export function spmvTrans(a: CsrMatrix, x: Float64Array, out?: Float64Array): Float64Array {
  const fn = 'spmvTrans';
  assertCsr(fn, 'a', a);
  vectorArg(fn, 'x', x, a.rows);
  assertFiniteArray(fn, 'x', x);
  const y = outArg(fn, out, a.cols, x);
  csrMatvecTrans(a, x, y);
  return y;
}

/**
 * The product A B of a sparse m×n matrix and a dense n×k matrix (dense m×k result). Faster per
 * column than k calls of {@link spmv}: each matrix entry is read once for all k columns.
 *
 * @throws {ShapeError | NonFiniteError} when b.rows ≠ a.cols or an entry is not finite
 * @example
 * const a = csrFromTriplets(2, 2, [0, 1], [1, 0], [2, 3]);
 * spmm(a, fromRows([[1, 2], [3, 4]])) // => [[6, 8], [3, 6]]
 */
export function spmm(a: CsrMatrix, b: Matrix): Matrix {
  const fn = 'spmm';
  assertCsr(fn, 'a', a);
  assertFinite(fn, 'b', b);
  if (b.rows !== a.cols)
    throw new ShapeError(`${fn}(): b has ${b.rows} rows, expected a.cols = ${a.cols}`);
  const data = new Float64Array(a.rows * b.cols);
  csrMatmat(a, b.data, b.cols, data);
  return { rows: a.rows, cols: b.cols, data };
}

/** Options of {@link csrOperator}. */
export interface CsrOperatorOptions {
  /** apply Aᵀ instead of A (default false) */
  transpose?: boolean;
  /** add the product to `out` instead of overwriting it (default false) */
  accumulate?: boolean;
  /**
   * apply A to row-major blocks of this many columns at once (x is cols×m, out rows×m; default
   * 1, a vector); each entry of A is then read once per block. Not with `transpose`.
   */
  columns?: number;
}

/**
 * A {@link LinearOperator} `(x, out) => void` for A (or Aᵀ), validated once here and unchecked
 * on every call, for the inner loops of iterative methods (`conjugateGradient`, `lanczos`,
 * {@link lanczosEigenpairs}, {@link lobpcg}), or for sparse × dense blocks in a loop
 * (`columns`). The operator reads `a` on every call: change its values only to other finite
 * numbers, and never its structure.
 *
 * @param a - sparse matrix
 * @param options - `{ transpose = false, accumulate = false, columns = 1 }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed matrix or bad options
 * @example
 * const a = csrFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [2, 1, 3]);
 * const r = conjugateGradient(csrOperator(a), vector([3, 3]));
 * r.x // => ~[1, 1]
 */
export function csrOperator(a: CsrMatrix, optionsIn: CsrOperatorOptions = {}): LinearOperator {
  const options: CsrOperatorOptions = checkOptions('csrOperator', 'options', optionsIn);
  const fn = 'csrOperator';
  assertCsr(fn, 'a', a);
  const { transpose = false, accumulate = false, columns = 1 } = options;
  if (typeof transpose !== 'boolean' || typeof accumulate !== 'boolean')
    throw new InvalidArgumentError(`${fn}(): transpose and accumulate must be booleans`);
  if (!Number.isInteger(columns) || columns < 1 || (transpose && columns !== 1))
    throw new InvalidArgumentError(
      `${fn}(): columns must be a positive integer (and 1 with transpose; got ${columns})`,
    );
  if (columns > 1) return (x, out) => csrMatmat(a, x, columns, out, accumulate);
  return transpose
    ? (x, out) => csrMatvecTrans(a, x, out, accumulate)
    : (x, out) => csrMatvec(a, x, out, accumulate);
}
