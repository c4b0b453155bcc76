// Log-Cholesky metric (Lin 2019, "Riemannian geometry of symmetric positive definite matrices
// via Cholesky decomposition", SIAM J. Matrix Anal. Appl. 40(4)): the Frobenius metric pulled back
// by the chart P = LLᵀ ↦ ⌊L⌋ + log D(L) onto lower-triangular matrices.
import type { Matrix } from '@rg/linalg';
import {
  choleskyLower,
  congruence,
  gemm,
  gemmTransB,
  symmetrizeInPlace,
  triangularInverse,
} from '@rg/linalg/kernels';
import { sq } from '../internal/sq.js';
import { defineMetric } from './define-metric.js';
import { frobeniusCore } from './frobenius-core.js';
import { type Diffeomorphism, type DiffeomorphismAt, pullback } from './pullback.js';

/** Lower Cholesky factor with a clean upper triangle. */
function lowerFactor(p: Matrix): Float64Array {
  const n = p.rows;
  const l = new Float64Array(n * n);
  choleskyLower(n, p.data, l);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) l[i * n + j] = 0;
  return l;
}

/** ⌊L⌋ + log D(L) */
function chartOf(l: Float64Array, n: number): Matrix {
  const c = Float64Array.from(l);
  for (let i = 0; i < n; i++) c[i * n + i] = Math.log(l[i * n + i]);
  return sq(n, c);
}

/** The point KKᵀ of a chart value C = ⌊K⌋ + log D(K). */
function unchart(c: Matrix): Matrix {
  const n = c.rows;
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) k[i * n + j] = c.data[i * n + j];
    k[i * n + i] = Math.exp(c.data[i * n + i]);
  }
  const out = new Float64Array(n * n);
  gemmTransB(n, n, n, k, k, out);
  return sq(n, symmetrizeInPlace(n, out));
}

/**
 * The chart at P = LLᵀ. A tangent V at P corresponds to the Cholesky tangent X = L(L⁻¹VL⁻ᵀ)_½
 * (strict lower part plus half the diagonal), and Dφ[V] = ⌊X⌋ + D(X)/D(L); back, a lower-
 * triangular W gives X = ⌊W⌋ + D(W)D(L) and V = LXᵀ + XLᵀ.
 */
function chartAt(p: Matrix): DiffeomorphismAt {
  const n = p.rows;
  const l = lowerFactor(p);
  return {
    image: chartOf(l, n),
    differential(v) {
      const w = triangularInverse(n, l, { lower: true });
      const m = congruence(n, n, w, v.data);
      for (let i = 0; i < n; i++) {
        m[i * n + i] *= 0.5;
        for (let j = i + 1; j < n; j++) m[i * n + j] = 0;
      }
      const x = new Float64Array(n * n);
      gemm(n, n, n, l, m, x);
      for (let i = 0; i < n; i++) x[i * n + i] /= l[i * n + i];
      return sq(n, x);
    },
    differentialInverse(wv) {
      const x = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++) x[i * n + j] = wv.data[i * n + j];
        x[i * n + i] = wv.data[i * n + i] * l[i * n + i];
      }
      const a = new Float64Array(n * n);
      gemmTransB(n, n, n, l, x, a);
      const out = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) {
          const s = a[i * n + j] + a[j * n + i];
          out[i * n + j] = s;
          out[j * n + i] = s;
        }
      return sq(n, out);
    },
  };
}

/** The log-Cholesky chart as a diffeomorphism onto lower-triangular matrices. */
const logCholeskyChart: Diffeomorphism = {
  forward: (x) => chartOf(lowerFactor(x), x.rows),
  inverse: unchart,
  differential: (x, v) => chartAt(x).differential(v),
  differentialInverse: (x, w) => chartAt(x).differentialInverse(w),
  at: chartAt,
  onTape: (t) => ({
    forward: (x) => t.mapDiagonal(t.cholesky(x), Math.log, (v) => 1 / v),
    inverse: (c) => t.gramNT(t.mapDiagonal(c, Math.exp, Math.exp)),
  }),
};

/**
 * The log-Cholesky metric of Lin (2019): with A = LLᵀ and B = KKᵀ (Cholesky factors),
 * d² = ‖⌊L⌋ − ⌊K⌋‖²_F + ‖log D(L) − log D(K)‖²_F (⌊·⌋ strict lower part, D(·) diagonal) — the
 * pullback of the Frobenius metric by the chart ⌊L⌋ + log D(L). Cheap (one Cholesky per
 * point, no eigendecomposition); `transport` is exact parallel transport (Lin 2019, Prop. 7:
 * strict lower part unchanged, diagonal rescaled by D(K)D(L)⁻¹); the mean is the closed form
 * through the chart. Not invariant under orthogonal congruence.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * logCholesky.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~0.490129
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * logCholesky.geodesic(identity(2), fromRows([[4, 0], [0, 9]]), 0.5) // => ~[[2, 0], [0, 3]]
 */
export const logCholesky = defineMetric(pullback(frobeniusCore, logCholeskyChart), {
  name: 'log-cholesky',
  kind: 'log-cholesky',
  label: 'logCholesky',
});
