// Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by implicit QL with shifts
// (Golub & Van Loan, Matrix Computations, 4th ed., §8.3.5; Bowdler, Martin, Reinsch & Wilkinson 1968).
import {
  powerOfTwoScale,
  sortAscendingToColumns,
  tridiagonalQL,
} from './kernels/symmetric-eigensolvers.js';
import { ConvergenceError, InvalidArgumentError, NonFiniteError, ShapeError } from './errors.js';
import type { Matrix } from './matrix.js';
import { assertFiniteArray, assertVector } from './validate.js';
import { checkOptions } from './validate-arguments.js';

/** Result of {@link eighTridiagonal}. */
export interface EighTridiagonalResult {
  /** eigenvalues, ascending */
  values: Float64Array;
  /** eigenvectors as columns (n×n) when `vectors: true` */
  vectors?: Matrix;
  /** first component of each eigenvector (matching `values`) when `vectors: 'first-row'` */
  firstRow?: Float64Array;
}

/**
 * Eigen-decomposition of the symmetric tridiagonal matrix with diagonal `d` and off-diagonal
 * `e` (e[i] couples i and i+1). `vectors: 'first-row'` returns only the first component of
 * every eigenvector in O(n²) time: the Gauss quadrature weights of Lanczos / stochastic Lanczos
 * quadrature are their squares.
 *
 * @param d - diagonal, length n
 * @param e - off-diagonal, length n − 1 (a length-n array is accepted, its last entry ignored)
 * @param options - `vectors`: false (default), true (full n×n matrix) or 'first-row'
 * @throws {ShapeError} when the lengths do not fit
 * @throws {NonFiniteError} when d or e holds NaN or ±Infinity
 * @example
 * eighTridiagonal([2, 2], [1]).values // => ~[1, 3]
 * @example
 * const { firstRow } = eighTridiagonal([2, 2], [1], { vectors: 'first-row' });
 * firstRow[0] ** 2 + firstRow[1] ** 2 // => ~1
 */
export function eighTridiagonal(
  d: ArrayLike<number>,
  e: ArrayLike<number>,
  optionsIn: { vectors?: boolean | 'first-row' } = {},
): EighTridiagonalResult {
  const fn = 'eighTridiagonal';
  const options = checkOptions(fn, 'options', optionsIn);
  assertVector(fn, 'd', d);
  assertVector(fn, 'e', e);
  const n = d.length;
  if (e.length !== Math.max(n - 1, 0) && e.length !== n)
    throw new ShapeError(`${fn}(): e must have length n − 1 = ${n - 1} (got ${e.length})`);
  const mode = options.vectors ?? false;
  if (mode !== true && mode !== false && mode !== 'first-row')
    throw new InvalidArgumentError(`${fn}(): vectors must be true, false or 'first-row'`);
  assertFiniteArray(fn, 'd', d);
  for (let i = 0; i < n - 1; i++)
    if (e[i] - e[i] !== 0)
      throw new NonFiniteError(`${fn}(): e[${i}] is ${e[i]} (must be finite)`, i);
  const values = new Float64Array(n);
  if (n === 0)
    return mode === true
      ? { values, vectors: { rows: 0, cols: 0, data: new Float64Array(0) } }
      : mode === 'first-row'
        ? { values, firstRow: new Float64Array(0) }
        : { values };
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) maxAbs = Math.max(maxAbs, Math.abs(e[i]));
  // Exact power-of-two scaling keeps the shift computation free of overflow and underflow.
  const scale = powerOfTwoScale(maxAbs);
  const dd = new Float64Array(n);
  const ee = new Float64Array(n);
  for (let i = 0; i < n; i++) dd[i] = d[i] / scale;
  for (let i = 0; i < n - 1; i++) ee[i] = e[i] / scale;
  // zt row i, column c: component c of eigenvector i ('first-row' keeps only column 0).
  const nz = mode === true ? n : mode === 'first-row' ? 1 : 0;
  const zt = nz > 0 ? new Float64Array(n * nz) : null;
  if (zt) for (let i = 0; i < (nz === 1 ? 1 : n); i++) zt[i * nz + (nz === 1 ? 0 : i)] = 1;
  if (!tridiagonalQL(n, dd, ee, zt, nz))
    throw new ConvergenceError(`${fn}(): QL iteration did not converge (n = ${n})`, {
      iterations: -1,
      residual: Number.NaN,
    });
  for (let i = 0; i < n; i++) dd[i] *= scale;
  const order = new Int32Array(n);
  if (mode === true) {
    const v = new Float64Array(n * n);
    sortAscendingToColumns(n, dd, values, zt, n, v, order);
    return { values, vectors: { rows: n, cols: n, data: v } };
  }
  sortAscendingToColumns(n, dd, values, null, 0, null, order);
  if (mode === 'first-row' && zt) {
    const firstRow = new Float64Array(n);
    for (let j = 0; j < n; j++) firstRow[j] = zt[order[j]];
    return { values, firstRow };
  }
  return { values };
}
