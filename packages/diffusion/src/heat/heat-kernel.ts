// The heat kernel H_t = exp(−tL) of a graph (or connection) Laplacian applied to vectors and
// blocks: Chebyshev expansion with Bessel coefficients (Hammond, Vandergheynst & Gribonval,
// ACHA 30, 2011), exact eigendecomposition for small graphs, or implicit (backward) Euler steps
// (I + (t/s)L)^{-s} through one sparse Cholesky factorization (Crane, Weischedel & Wardetzky,
// "Geodesics in heat", 2013, use s = 1).
import {
  type Accelerator,
  assertCsr,
  assertFinite,
  assertSymmetricCsr,
  type CsrMatrix,
  csrFromTriplets,
  csrOperator,
  csrToDense,
  eigh,
  InvalidArgumentError,
  type LinearOperator,
  type Matrix,
  ShapeError,
  sparseCholesky,
  checkOptions,
  checkChoice,
  checkInteger,
  checkPositive,
} from '@rg/linalg';
import { gemm, gemmTransA, gemmTransB } from '@rg/linalg/kernels';
import { gershgorin } from '../internal/gershgorin.js';
import { smallestEigenpairs } from '../internal/eigenbasis.js';
import { heatChebyshevKernel } from './chebyshev-heat.js';

/** Largest n for which method 'exact' (a dense eigendecomposition) is accepted. */
export const HEAT_EXACT_MAX_N = 4096;

/** Options of {@link heatKernel}. */
export interface HeatKernelOptions {
  /**
   * 'chebyshev' (default), 'exact' (dense eigendecomposition, n ≤ 4096), 'spectral' (the
   * smallest eigenpairs until e^{−tλ} < tol: cheap for large t) or 'backwardEuler'
   */
  method?: 'chebyshev' | 'exact' | 'spectral' | 'backwardEuler';
  /** Chebyshev order K (default: the smallest whose error bound is ≤ tol) */
  order?: number;
  /** target uniform error of the Chebyshev polynomial on [0, λmax] (default 1e-10) */
  tol?: number;
  /** upper bound on the spectrum of L (default: the Gershgorin bound max_i Σ_j |l_ij|) */
  lambdaMax?: number;
  /** implicit Euler steps s (default 1) */
  steps?: number;
  /** run `applyMatrix` and `matrix` of the Chebyshev method as one dense float32 filter on it */
  accelerator?: Accelerator;
}

/** The operator H_t = exp(−tL) from {@link heatKernel}. */
export interface HeatKernel {
  readonly n: number;
  readonly t: number;
  readonly method: 'chebyshev' | 'exact' | 'spectral' | 'backwardEuler';
  /** the spectrum bound used (Chebyshev), or the largest eigenvalue (exact) */
  readonly lambdaMax: number;
  /** Chebyshev order, or the number of eigenpairs ('spectral', 'exact') */
  readonly order: number;
  /**
   * bound on ‖H_t − p(L)‖₂ for the Chebyshev polynomial p (rounding aside), 0 for 'exact',
   * e^{−tλ_m} for 'spectral' (λ_m the largest eigenvalue kept); for 'backwardEuler' max over
   * [0, λmax] of |e^{−tλ} − (1 + tλ/s)^{−s}|
   */
  readonly errorBound: number;
  /** H_t v (into `out` when given) */
  apply(v: Float64Array, out?: Float64Array): Float64Array;
  /** H_t X for a dense n×m block X (each column diffused) */
  applyMatrix(x: Matrix): Matrix;
  /** the dense n×n H_t (for small n) */
  matrix(): Matrix;
}

/**
 * The heat kernel H_t = exp(−tL) of a symmetric positive semidefinite sparse L (a graph
 * Laplacian from {@link laplacian}, or a connection Laplacian), as an operator on vectors and
 * dense blocks. 'chebyshev': p(L) = Σ_{k≤K} c_k T_k(2L/λmax − I) with c_k = (2 − δ_k0)(−1)^k
 * e^{−a} I_k(a), a = tλmax/2 ({@link heatChebyshevCoefficients}); K sparse products per vector,
 * uniform error ≤ `errorBound` on the spectrum, K growing like √(tλmax ln(1/tol)). 'exact': a dense
 * eigendecomposition. 'spectral': H_t ≈ V_m e^{−tΛ_m} V_mᵀ from the m smallest eigenpairs
 * (shift-invert Lanczos through a sparse Cholesky), m doubled from 64 until e^{−tλ_m} ≤ tol:
 * the cheap choice at large t, where few modes survive. 'backwardEuler':
 * (I + (t/s)L)^{-s}, s sparse triangular solve pairs after one sparse Cholesky; its entries are
 * positive for Laplacians (an M-matrix inverse), however far from the source. With an
 * `accelerator`, the Chebyshev `applyMatrix`/`matrix` run as its dense float32
 * `chebyshevFilter` (L densified; about 1e-6 relative error).
 *
 * @param l - symmetric PSD sparse n×n matrix with spectrum in [0, λmax]
 * @param t - diffusion time ≥ 0
 * @param options - `{ method = 'chebyshev', order, tol = 1e-10, lambdaMax, steps = 1, accelerator }`
 * @returns the operator `{ apply, applyMatrix, matrix, order, errorBound, lambdaMax, ... }`
 * @throws {ShapeError | NonFiniteError | NotSymmetricError} on a malformed L
 * @throws {InvalidArgumentError} on a bad option (or n > 4096 with 'exact')
 * @throws {NotPositiveDefiniteError} with 'backwardEuler' when I + (t/s)L is not positive definite
 * @example
 * import { csrFromTriplets } from '@rg/linalg';
 * // the Laplacian of one edge: H_t = ½[[1 + e^{−2t}, 1 − e^{−2t}], [1 − e^{−2t}, 1 + e^{−2t}]]
 * const L = csrFromTriplets(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [1, -1, -1, 1]);
 * const h = heatKernel(L, 0.5);
 * h.apply(Float64Array.of(1, 0)) // => ~[0.6839397, 0.3160603]
 * heatKernel(L, 0.5, { method: 'exact' }).matrix().data[1] // => ~0.3160603
 */
export function heatKernel(l: CsrMatrix, t: number, options: HeatKernelOptions = {}): HeatKernel {
  return heatKernelAs('heatKernel', l, t, options);
}

/** {@link heatKernel} with errors naming the public function `fn` that called it. */
export function heatKernelAs(
  fn: string,
  l: CsrMatrix,
  t: number,
  options: HeatKernelOptions = {},
): HeatKernel {
  checkOptions(fn, 'options', options);
  assertCsr(fn, 'l', l, true);
  assertSymmetricCsr(fn, 'l', l);
  checkPositive(fn, 't', t, true);
  const method = checkChoice(fn, 'method', options.method ?? 'chebyshev', [
    'chebyshev',
    'exact',
    'spectral',
    'backwardEuler',
  ] as const);
  let lambdaMax = options.lambdaMax;
  if (lambdaMax === undefined) lambdaMax = gershgorin(l);
  else checkPositive(fn, 'lambdaMax', lambdaMax);
  const tol = checkPositive(fn, 'tol', options.tol ?? 1e-10);
  if (options.order !== undefined) checkInteger(fn, 'order', options.order, 0, 1e6);
  const steps = checkInteger(fn, 'steps', options.steps ?? 1, 1, 1e6);
  if (
    options.accelerator !== undefined &&
    typeof options.accelerator?.chebyshevFilter !== 'function'
  )
    throw new InvalidArgumentError(`${fn}(): accelerator must implement chebyshevFilter`);
  if (method === 'exact') return exactHeat(fn, l, t);
  if (method === 'spectral') return spectralHeat(l, t, tol);
  if (method === 'backwardEuler') return eulerHeat(l, t, steps, lambdaMax);
  return chebyshevHeat(l, t, lambdaMax, options.order, tol, options.accelerator);
}

function checkVector(fn: string, v: Float64Array, n: number, name = 'v'): void {
  if (!(v instanceof Float64Array) || v.length !== n)
    throw new ShapeError(`${fn}(): ${name} must be a Float64Array of length ${n}`);
}

function checkBlock(fn: string, x: Matrix, n: number): void {
  assertFinite(fn, 'x', x);
  if (x.rows !== n) throw new ShapeError(`${fn}(): x must have n = ${n} rows (got ${x.rows})`);
}

function identity(n: number): Matrix {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { rows: n, cols: n, data };
}

function chebyshevHeat(
  l: CsrMatrix,
  t: number,
  lambdaMax: number,
  order: number | undefined,
  tol: number,
  accelerator: Accelerator | undefined,
): HeatKernel {
  const n = l.rows;
  const a = lambdaMax > 0 ? 0.5 * t * lambdaMax : 0;
  const { coefficients: c, errorBound } = heatChebyshevKernel(a, order, tol);
  const K = c.length - 1;
  // L̃ = (2/λmax) L − I; the recurrence T_{k+1} = 2 L̃ T_k − T_{k−1}
  const s = lambdaMax > 0 ? 2 / lambdaMax : 0;
  const ops = new Map<number, LinearOperator>();
  const product = (x: Float64Array, m: number, out: Float64Array) => {
    let op = ops.get(m);
    if (!op) {
      op = csrOperator(l, { columns: m });
      ops.set(m, op);
    }
    op(x, out);
  };
  const filter = (x: Float64Array, m: number, y: Float64Array): void => {
    const len = n * m;
    let t0: Float64Array = x;
    let t1: Float64Array = new Float64Array(len);
    let t2: Float64Array = new Float64Array(len);
    for (let q = 0; q < len; q++) y[q] = c[0] * x[q];
    if (K === 0) return;
    product(x, m, t1);
    for (let q = 0; q < len; q++) {
      t1[q] = s * t1[q] - x[q];
      y[q] += c[1] * t1[q];
    }
    for (let k = 2; k <= K; k++) {
      product(t1, m, t2);
      const ck = c[k];
      for (let q = 0; q < len; q++) {
        const v = 2 * (s * t2[q] - t1[q]) - t0[q];
        t2[q] = v;
        y[q] += ck * v;
      }
      const tmp = t0 === x ? new Float64Array(len) : t0;
      t0 = t1;
      t1 = t2;
      t2 = tmp;
    }
  };
  const applyMatrix = (x: Matrix): Matrix => {
    checkBlock('HeatKernel.applyMatrix', x, n);
    if (accelerator) {
      return accelerator.chebyshevFilter(csrToDense(l), x, c, {
        lambdaMin: 0,
        lambdaMax: lambdaMax > 0 ? lambdaMax : 1,
      });
    }
    const y = new Float64Array(n * x.cols);
    filter(x.data, x.cols, y);
    return { rows: n, cols: x.cols, data: y };
  };
  return {
    n,
    t,
    method: 'chebyshev',
    lambdaMax,
    order: K,
    errorBound,
    apply(v, out) {
      checkVector('HeatKernel.apply', v, n);
      const y = out ?? new Float64Array(n);
      checkVector('HeatKernel.apply', y, n, 'out');
      const tmp = new Float64Array(n);
      filter(v, 1, tmp);
      y.set(tmp);
      return y;
    },
    applyMatrix,
    matrix: () => applyMatrix(identity(n)),
  };
}

function exactHeat(fn: string, l: CsrMatrix, t: number): HeatKernel {
  const n = l.rows;
  if (n > HEAT_EXACT_MAX_N)
    throw new InvalidArgumentError(
      `${fn}(): method 'exact' needs a dense eigendecomposition; n = ${n} > ${HEAT_EXACT_MAX_N} (use 'chebyshev')`,
    );
  const { values, vectors } = eigh(csrToDense(l));
  const V = vectors.data;
  const w = Float64Array.from(values, (lam) => Math.exp(-t * lam));
  // H = V diag(w) Vᵀ, applied as V (w ⊙ (Vᵀ X))
  const applyRaw = (x: Float64Array, m: number): Float64Array => {
    const c = new Float64Array(n * m);
    gemmTransA(n, m, n, V, x, c);
    for (let i = 0; i < n; i++) for (let q = 0; q < m; q++) c[i * m + q] *= w[i];
    const y = new Float64Array(n * m);
    gemm(n, m, n, V, c, y);
    return y;
  };
  return {
    n,
    t,
    method: 'exact',
    lambdaMax: n ? values[n - 1] : 0,
    order: 0,
    errorBound: 0,
    apply(v, out) {
      checkVector('HeatKernel.apply', v, n);
      const y = out ?? new Float64Array(n);
      checkVector('HeatKernel.apply', y, n, 'out');
      y.set(applyRaw(v, 1));
      return y;
    },
    applyMatrix(x) {
      checkBlock('HeatKernel.applyMatrix', x, n);
      return { rows: n, cols: x.cols, data: applyRaw(x.data, x.cols) };
    },
    matrix() {
      const d = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += V[i * n + k] * w[k] * V[j * n + k];
          d[i * n + j] = s;
          d[j * n + i] = s;
        }
      return { rows: n, cols: n, data: d };
    },
  };
}

function eulerHeat(l: CsrMatrix, t: number, steps: number, lambdaMax: number): HeatKernel {
  const n = l.rows;
  const h = t / steps;
  // I + hL as triplets of L plus the identity
  const nnz = l.rowPtr[n];
  const rows = new Int32Array(nnz + n);
  const cols = new Int32Array(nnz + n);
  const vals = new Float64Array(nnz + n);
  for (let i = 0; i < n; i++) {
    for (let p = l.rowPtr[i]; p < l.rowPtr[i + 1]; p++) {
      rows[p] = i;
      cols[p] = l.colIndex[p];
      vals[p] = h * l.values[p];
    }
    rows[nnz + i] = cols[nnz + i] = i;
    vals[nnz + i] = 1;
  }
  const factor = sparseCholesky(csrFromTriplets(n, n, rows, cols, vals));
  // uniform error on [0, λmax] of (1 + hλ)^{−s} against e^{−tλ}, on a fine grid
  let errorBound = 0;
  for (let q = 0; q <= 2000; q++) {
    const lam = (lambdaMax * q) / 2000;
    errorBound = Math.max(errorBound, Math.abs(Math.exp(-t * lam) - (1 + h * lam) ** -steps));
  }
  const applyRaw = (x: Float64Array, m: number): Float64Array => {
    const y = new Float64Array(n * m);
    const col = new Float64Array(n);
    for (let q = 0; q < m; q++) {
      for (let i = 0; i < n; i++) col[i] = x[i * m + q];
      for (let s = 0; s < steps; s++) factor.solve(col, col);
      for (let i = 0; i < n; i++) y[i * m + q] = col[i];
    }
    return y;
  };
  return {
    n,
    t,
    method: 'backwardEuler',
    lambdaMax,
    order: 0,
    errorBound,
    apply(v, out) {
      checkVector('HeatKernel.apply', v, n);
      const y = out ?? new Float64Array(n);
      checkVector('HeatKernel.apply', y, n, 'out');
      y.set(applyRaw(v, 1));
      return y;
    },
    applyMatrix(x) {
      checkBlock('HeatKernel.applyMatrix', x, n);
      return { rows: n, cols: x.cols, data: applyRaw(x.data, x.cols) };
    },
    matrix: () => ({ rows: n, cols: n, data: applyRaw(identity(n).data, n) }),
  };
}

/** H_t from the m smallest eigenpairs, m doubled until e^{−tλ_m} ≤ tol (or m = n). */
function spectralHeat(l: CsrMatrix, t: number, tol: number): HeatKernel {
  const n = l.rows;
  const cut = Math.log(1 / tol);
  let m = Math.min(n, 64);
  let e = smallestEigenpairs(l, m);
  while (m < n && t * e.values[m - 1] < cut) {
    m = Math.min(n, 2 * m);
    e = smallestEigenpairs(l, m);
  }
  const V = e.vectors;
  const w = Float64Array.from(e.values, (lam) => Math.exp(-t * lam));
  const errorBound = m < n ? Math.exp(-t * e.values[m - 1]) : 0;
  const applyRaw = (x: Float64Array, k: number): Float64Array => {
    // V (w ⊙ (Vᵀ X)), V n×m
    const c = new Float64Array(m * k);
    gemmTransA(m, k, n, V, x, c);
    for (let i = 0; i < m; i++) for (let q = 0; q < k; q++) c[i * k + q] *= w[i];
    const y = new Float64Array(n * k);
    gemm(n, k, m, V, c, y);
    return y;
  };
  return {
    n,
    t,
    method: 'spectral',
    lambdaMax: e.values[m - 1],
    order: m,
    errorBound,
    apply(v, out) {
      checkVector('HeatKernel.apply', v, n);
      const y = out ?? new Float64Array(n);
      checkVector('HeatKernel.apply', y, n, 'out');
      y.set(applyRaw(v, 1));
      return y;
    },
    applyMatrix(x) {
      checkBlock('HeatKernel.applyMatrix', x, n);
      return { rows: n, cols: x.cols, data: applyRaw(x.data, x.cols) };
    },
    matrix() {
      // V diag(w) Vᵀ as (V√w)(V√w)ᵀ: one symmetric product
      const u = new Float64Array(n * m);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) u[i * m + j] = V[i * m + j] * Math.sqrt(w[j]);
      const d = new Float64Array(n * n);
      gemmTransB(n, n, m, u, u, d);
      return { rows: n, cols: n, data: d };
    },
  };
}
