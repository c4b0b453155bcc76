// Cache-blocked matrix transpose (Golub & Van Loan, Matrix Computations, 4th ed., §1.5).
import type { Matrix } from './matrix.js';
import { assertMatrix } from './validate.js';

const BLOCK = 32;

/**
 * The transpose Aᵀ as a new matrix.
 *
 * @throws {ShapeError} when `a` is not a Matrix
 * @example
 * transpose(fromRows([[1, 2, 3]])) // => [[1], [2], [3]]
 */
export function transpose(a: Matrix): Matrix {
  assertMatrix('transpose', 'a', a);
  const m = a.rows;
  const n = a.cols;
  const src = a.data;
  const dst = new Float64Array(m * n);
  // Tiles keep both the strided reads and the strided writes inside L1 for large matrices.
  for (let ib = 0; ib < m; ib += BLOCK) {
    const iEnd = Math.min(ib + BLOCK, m);
    for (let jb = 0; jb < n; jb += BLOCK) {
      const jEnd = Math.min(jb + BLOCK, n);
      for (let i = ib; i < iEnd; i++) {
        const o = i * n;
        for (let j = jb; j < jEnd; j++) dst[j * m + i] = src[o + j];
      }
    }
  }
  return { rows: n, cols: m, data: dst };
}
