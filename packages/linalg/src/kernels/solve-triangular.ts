// Triangular solves by forward and back substitution on raw arrays, row-oriented
// (Golub & Van Loan, Matrix Computations, 4th ed., §3.1).

/** Options of {@link solveTriangularInPlace}. */
export interface SolveTriangularKernelOptions {
  /** true: `t` is lower triangular; false: upper. Only that triangle is read. */
  lower: boolean;
  /** solve Tᵀ X = B instead of T X = B (default false) */
  transpose?: boolean;
  /** take the diagonal of `t` to be all ones without reading it (default false) */
  unitDiagonal?: boolean;
}

/**
 * Overwrite the n×m row-major right-hand side `x` with the solution X of T X = B (or
 * Tᵀ X = B) for the triangular n×n row-major `t`, by substitution; m = 1 for a vector. Only
 * the triangle named by `lower` is read, so a packed LU or a Cholesky factor works as is. A
 * zero diagonal entry is not checked: it produces ±∞ or NaN.
 *
 * Aliasing: `x` must not overlap `t`.
 *
 * @example
 * import { solveTriangularInPlace } from '@rg/linalg/kernels';
 * const x = Float64Array.of(2, 9);
 * solveTriangularInPlace(2, 1, Float64Array.of(2, 0, 1, 4), x, { lower: true });
 * x // => [1, 2]
 */
export function solveTriangularInPlace(
  n: number,
  m: number,
  t: Float64Array,
  x: Float64Array,
  options: SolveTriangularKernelOptions,
): Float64Array {
  const trans = options.transpose === true;
  const unit = options.unitDiagonal === true;
  // Tᵀ of a lower matrix is upper and vice versa; the two loops below cover the
  // "forward" (solution index increasing) and "backward" directions.
  const forward = options.lower !== trans;
  if (!trans) substituteRows(t, n, x, m, forward, unit);
  else substituteColumns(t, n, x, m, forward, unit);
  return x;
}

/** T X = B: x_i = (b_i − Σ_k t_ik x_k) / t_ii, reading row i of T contiguously. */
function substituteRows(
  d: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  forward: boolean,
  unit: boolean,
): void {
  for (let s = 0; s < n; s++) {
    const i = forward ? s : n - 1 - s;
    const oi = i * n;
    const xi = i * m;
    const k0 = forward ? 0 : i + 1;
    const k1 = forward ? i : n;
    for (let k = k0; k < k1; k++) {
      const tik = d[oi + k];
      if (tik === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xi + c] -= tik * x[xk + c];
    }
    if (!unit) {
      const inv = 1 / d[oi + i];
      for (let c = 0; c < m; c++) x[xi + c] *= inv;
    }
  }
}

/**
 * Tᵀ X = B: once x_i is final, subtract its contribution t_ik x_i from the remaining rows k,
 * which reads row i of T (= column i of Tᵀ) contiguously instead of a strided column.
 */
function substituteColumns(
  d: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  forward: boolean,
  unit: boolean,
): void {
  for (let s = 0; s < n; s++) {
    const i = forward ? s : n - 1 - s;
    const oi = i * n;
    const xi = i * m;
    if (!unit) {
      const inv = 1 / d[oi + i];
      for (let c = 0; c < m; c++) x[xi + c] *= inv;
    }
    const k0 = forward ? i + 1 : 0;
    const k1 = forward ? n : i;
    for (let k = k0; k < k1; k++) {
      const tik = d[oi + k];
      if (tik === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xk + c] -= tik * x[xi + c];
    }
  }
}
