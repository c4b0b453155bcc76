// Conversions between CSR and dense row-major matrices.
import { checkOptions } from '../validate-arguments.js';
import { InvalidArgumentError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { assertFinite } from '../validate.js';
import type { CsrMatrix } from './kernels/csr.js';
import { assertCsr } from './csr-matrix.js';

/** Options of {@link csrFromDense}. */
export interface CsrFromDenseOptions {
  /**
   * keep the entries with |a_ij| ≥ threshold (default `Number.MIN_VALUE`: every nonzero);
   * 0 or −Infinity keeps every entry, zeros included
   */
  threshold?: number;
}

/**
 * The entries of a dense matrix with |a_ij| ≥ threshold, in CSR form.
 *
 * @param a - dense matrix (finite)
 * @param options - `{ threshold = Number.MIN_VALUE }`
 * @throws {ShapeError | NonFiniteError} on a malformed or non-finite matrix
 * @throws {InvalidArgumentError} when threshold is NaN
 * @example
 * const s = csrFromDense(fromRows([[0, 2], [0.001, 0]]), { threshold: 0.01 });
 * s.colIndex // => [1]
 * s.rowPtr // => [0, 1, 1]
 */
export function csrFromDense(a: Matrix, optionsIn: CsrFromDenseOptions = {}): CsrMatrix {
  const options: CsrFromDenseOptions = checkOptions('csrFromDense', 'options', optionsIn);
  const fn = 'csrFromDense';
  assertFinite(fn, 'a', a);
  const threshold = options.threshold ?? Number.MIN_VALUE;
  if (typeof threshold !== 'number' || Number.isNaN(threshold))
    throw new InvalidArgumentError(`${fn}(): threshold must be a number (got ${threshold})`);
  const { rows, cols, data } = a;
  let nnz = 0;
  for (let k = 0; k < data.length; k++) if (Math.abs(data[k]) >= threshold) nnz++;
  const rowPtr = new Int32Array(rows + 1);
  const colIndex = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let q = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[o + j];
      if (Math.abs(v) >= threshold) {
        colIndex[q] = j;
        values[q++] = v;
      }
    }
    rowPtr[i + 1] = q;
  }
  return { rows, cols, rowPtr, colIndex, values };
}

/**
 * The dense row-major form of a CSR matrix (repeated entries summed).
 *
 * @throws {ShapeError | NonFiniteError} on a malformed matrix
 * @example
 * csrToDense(csrFromTriplets(2, 2, [0, 1, 1], [1, 0, 0], [5, 1, 2])) // => [[0, 5], [3, 0]]
 */
export function csrToDense(a: CsrMatrix): Matrix {
  assertCsr('csrToDense', 'a', a);
  const { rows, cols, rowPtr, colIndex, values } = a;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) data[i * cols + colIndex[p]] += values[p];
  return { rows, cols, data };
}
