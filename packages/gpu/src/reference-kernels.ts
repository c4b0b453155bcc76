// Float64 reference paths of the accelerator's linear-algebra primitives: plain loops (and
// @rg/linalg's products), the ground truth the float32 gpu.js paths are tested against.
// Chebyshev recurrence after Hammond, Vandergheynst & Gribonval (2011), "Wavelets on graphs via
// spectral graph theory". The device Sinkhorn has no float64 copy here: its float64 loop is
// @rg/ot's `sinkhorn()`.
import {
  checkPositive,
  checkVector,
  gram,
  InvalidArgumentError,
  matmul,
  matrix,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { checkMatrix } from './checks.js';

function checkProduct(fn: string, a: Matrix, b: Matrix): void {
  checkMatrix(fn, 'a', a);
  checkMatrix(fn, 'b', b);
  if (a.cols !== b.rows)
    throw new ShapeError(`${fn}(): a.cols (${a.cols}) must equal b.rows (${b.rows})`);
}

function checkBatch(fn: string, a: readonly Matrix[], b: readonly Matrix[]): void {
  if (!Array.isArray(a) || !Array.isArray(b))
    throw new ShapeError(`${fn}(): a and b must be arrays of matrices`);
  if (a.length !== b.length || a.length === 0)
    throw new ShapeError(
      `${fn}(): a and b must be non-empty and of equal length (${a.length} vs ${b.length})`,
    );
  for (let i = 0; i < a.length; i++) {
    checkMatrix(fn, `a[${i}]`, a[i]);
    checkMatrix(fn, `b[${i}]`, b[i]);
    if (a[i].rows !== a[0].rows || a[i].cols !== a[0].cols || b[i].cols !== b[0].cols)
      throw new ShapeError(`${fn}(): every a[i] and every b[i] must have the shape of a[0], b[0]`);
    if (a[i].cols !== b[i].rows)
      throw new ShapeError(
        `${fn}(): a[${i}].cols (${a[i].cols}) must equal b[${i}].rows (${b[i].rows})`,
      );
  }
}

function checkCost(
  fn: string,
  f: ArrayLike<number>,
  g: ArrayLike<number>,
  c: Matrix,
  eps: number,
): void {
  checkMatrix(fn, 'c', c);
  checkVector(fn, 'f', f, c.rows);
  checkVector(fn, 'g', g, c.cols);
  checkPositive(fn, 'eps', eps);
}

function checkChebyshev(
  fn: string,
  l: Matrix,
  x: Matrix,
  coeffs: ArrayLike<number>,
  lo: number,
  hi: number,
): void {
  checkMatrix(fn, 'l', l);
  checkMatrix(fn, 'x', x);
  if (l.rows !== l.cols) throw new ShapeError(`${fn}(): l must be square (is ${l.rows}×${l.cols})`);
  if (x.rows !== l.rows)
    throw new ShapeError(`${fn}(): x.rows (${x.rows}) must equal l.rows (${l.rows})`);
  if (!coeffs || coeffs.length === 0) throw new ShapeError(`${fn}(): coeffs must not be empty`);
  checkVector(fn, 'coeffs', coeffs, coeffs.length);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo))
    throw new InvalidArgumentError(`${fn}(): lambdaMax (${hi}) must exceed lambdaMin (${lo})`);
}

function logSumExp(
  fn: 'rows' | 'cols',
  f: ArrayLike<number>,
  g: ArrayLike<number>,
  c: Matrix,
  eps: number,
): Float64Array {
  const n = c.rows;
  const m = c.cols;
  const len = fn === 'rows' ? n : m;
  const max = new Float64Array(len).fill(-Infinity);
  const sum = new Float64Array(len);
  const cd = c.data;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const z = (f[i] + g[j] - cd[i * m + j]) / eps;
      const k = fn === 'rows' ? i : j;
      if (z > max[k]) max[k] = z;
    }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const k = fn === 'rows' ? i : j;
      sum[k] += Math.exp((f[i] + g[j] - cd[i * m + j]) / eps - max[k]);
    }
  for (let k = 0; k < len; k++) sum[k] = max[k] + Math.log(sum[k]);
  return sum;
}

/** Input checks shared by the reference and accelerated paths (internal). */
export const kernelChecks = {
  product: checkProduct,
  batch: checkBatch,
  cost: checkCost,
  chebyshev: checkChebyshev,
};

/**
 * The float64 TypeScript reference paths of every linear-algebra primitive of the accelerator:
 * what `auto` mode runs below its thresholds, and the ground truth of the float32 tests. Inputs are validated the same
 * way as on the accelerator and never mutated.
 *
 * @throws {ShapeError} on shape mismatch or empty input
 * @throws {NonFiniteError} when an input holds NaN or ±Infinity
 * @throws {InvalidArgumentError} when ε is not a positive number or the Chebyshev interval is empty
 * @example
 * import { fromRows } from '@rg/linalg';
 * referenceKernels.matmul(fromRows([[1, 2]]), fromRows([[3], [4]])) // => [[11]]
 * referenceKernels.rowSums(fromRows([[1, 2], [3, 4]])) // => [3, 7]
 * referenceKernels.pairwiseSqDist(fromRows([[0, 0]]), fromRows([[3, 4]])) // => [[25]]
 */
export const referenceKernels = {
  /** A·B in float64 (through @rg/linalg's matmul) */
  matmul(a: Matrix, b: Matrix): Matrix {
    checkProduct('referenceKernels.matmul', a, b);
    return matmul(a, b);
  },
  /** A_i·B_i for every i */
  batchedMatmul(a: readonly Matrix[], b: readonly Matrix[]): Matrix[] {
    checkBatch('referenceKernels.batchedMatmul', a, b);
    return a.map((ai, i) => matmul(ai, b[i]));
  },
  /** D_ij = ‖x_i − y_j‖², summed over differences (no cancellation from the norm expansion) */
  pairwiseSqDist(x: Matrix, y: Matrix): Matrix {
    const fn = 'referenceKernels.pairwiseSqDist';
    checkMatrix(fn, 'x', x);
    checkMatrix(fn, 'y', y);
    if (x.cols !== y.cols)
      throw new ShapeError(`${fn}(): x.cols (${x.cols}) must equal y.cols (${y.cols})`);
    const n = x.rows;
    const m = y.rows;
    const d = x.cols;
    const out = matrix(n, m);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) {
          const diff = x.data[i * d + t] - y.data[j * d + t];
          s += diff * diff;
        }
        out.data[i * m + j] = s;
      }
    return out;
  },
  /** K = exp(−C/ε) */
  gibbsKernel(c: Matrix, eps: number): Matrix {
    checkMatrix('referenceKernels.gibbsKernel', 'c', c);
    checkPositive('referenceKernels.gibbsKernel', 'eps', eps);
    const out = matrix(c.rows, c.cols);
    for (let i = 0; i < c.data.length; i++) out.data[i] = Math.exp(-c.data[i] / eps);
    return out;
  },
  /** K·v */
  kernelMatvec(k: Matrix, v: ArrayLike<number>): Float64Array {
    checkMatrix('referenceKernels.kernelMatvec', 'k', k);
    checkVector('referenceKernels.kernelMatvec', 'v', v, k.cols);
    const out = new Float64Array(k.rows);
    for (let i = 0; i < k.rows; i++) {
      let s = 0;
      for (let j = 0; j < k.cols; j++) s += k.data[i * k.cols + j] * v[j];
      out[i] = s;
    }
    return out;
  },
  /** Kᵀ·u */
  kernelMatvecTrans(k: Matrix, u: ArrayLike<number>): Float64Array {
    checkMatrix('referenceKernels.kernelMatvecTrans', 'k', k);
    checkVector('referenceKernels.kernelMatvecTrans', 'u', u, k.rows);
    const out = new Float64Array(k.cols);
    for (let i = 0; i < k.rows; i++)
      for (let j = 0; j < k.cols; j++) out[j] += k.data[i * k.cols + j] * u[i];
    return out;
  },
  /** r_i = log Σ_j exp((f_i + g_j − C_ij)/ε), max-shifted */
  logSumExpRows(f: ArrayLike<number>, g: ArrayLike<number>, c: Matrix, eps: number): Float64Array {
    checkCost('referenceKernels.logSumExpRows', f, g, c, eps);
    return logSumExp('rows', f, g, c, eps);
  },
  /** s_j = log Σ_i exp((f_i + g_j − C_ij)/ε), max-shifted */
  logSumExpCols(f: ArrayLike<number>, g: ArrayLike<number>, c: Matrix, eps: number): Float64Array {
    checkCost('referenceKernels.logSumExpCols', f, g, c, eps);
    return logSumExp('cols', f, g, c, eps);
  },
  /** G·Gᵀ (through @rg/linalg's gram) */
  gram(g: Matrix): Matrix {
    checkMatrix('referenceKernels.gram', 'g', g);
    return gram(g, 'AAt');
  },
  rowSums(a: Matrix): Float64Array {
    checkMatrix('referenceKernels.rowSums', 'a', a);
    const out = new Float64Array(a.rows);
    for (let i = 0; i < a.rows; i++) {
      let s = 0;
      for (let j = 0; j < a.cols; j++) s += a.data[i * a.cols + j];
      out[i] = s;
    }
    return out;
  },
  colSums(a: Matrix): Float64Array {
    checkMatrix('referenceKernels.colSums', 'a', a);
    const out = new Float64Array(a.cols);
    for (let i = 0; i < a.rows; i++)
      for (let j = 0; j < a.cols; j++) out[j] += a.data[i * a.cols + j];
    return out;
  },
  /** Σ_k c_k T_k(L̃)·X, L̃ = (2L − (λmax + λmin)I)/(λmax − λmin) */
  chebyshevFilter(
    l: Matrix,
    x: Matrix,
    coeffs: ArrayLike<number>,
    options: { lambdaMin?: number; lambdaMax?: number } = {},
  ): Matrix {
    const lo = options.lambdaMin ?? -1;
    const hi = options.lambdaMax ?? 1;
    checkChebyshev('referenceKernels.chebyshevFilter', l, x, coeffs, lo, hi);
    const alpha = 2 / (hi - lo);
    const beta = (hi + lo) / (hi - lo);
    const len = x.data.length;
    const scaled = (t: Matrix): Matrix => {
      const p = matmul(l, t);
      for (let i = 0; i < len; i++) p.data[i] = alpha * p.data[i] - beta * t.data[i];
      return p;
    };
    const out = matrix(x.rows, x.cols);
    for (let i = 0; i < len; i++) out.data[i] = coeffs[0] * x.data[i];
    if (coeffs.length === 1) return out;
    let prev = x;
    let cur = scaled(x);
    for (let i = 0; i < len; i++) out.data[i] += coeffs[1] * cur.data[i];
    for (let k = 2; k < coeffs.length; k++) {
      const next = scaled(cur);
      for (let i = 0; i < len; i++) {
        next.data[i] = 2 * next.data[i] - prev.data[i];
        out.data[i] += coeffs[k] * next.data[i];
      }
      prev = cur;
      cur = next;
    }
    return out;
  },
};
