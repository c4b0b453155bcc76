// Log-Cholesky metric (Lin 2019, "Riemannian geometry of symmetric positive definite matrices
// via Cholesky decomposition", SIAM J. Matrix Anal. Appl. 40(4)).
import type { Matrix } from '@rg/linalg';
import {
  congruence,
  gemm,
  gemmTransB,
  symmetrizeInPlace,
  triangularInverse,
} from '@rg/linalg/kernels';
import { sq } from '../internal/sq.js';
import { assertSameSize, assertTangent, isSPD, isSym, spdCholesky } from '../internal/validate.js';
import type { SPDMetric } from './spd-metric.js';

/** P = LLᵀ from a lower-triangular L. */
function llt(l: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  gemmTransB(n, n, n, l, l, out);
  return symmetrizeInPlace(n, out);
}

/** Differential of the Cholesky map: X = L (L⁻¹VL⁻ᵀ)_½ (strict lower part plus half the diagonal). */
function cholTangent(l: Float64Array, v: Float64Array, n: number): Float64Array {
  const w = triangularInverse(n, l, { lower: true });
  const m = congruence(n, n, w, v);
  for (let i = 0; i < n; i++) {
    m[i * n + i] *= 0.5;
    for (let j = i + 1; j < n; j++) m[i * n + j] = 0;
  }
  const out = new Float64Array(n * n);
  gemm(n, n, n, l, m, out);
  return out;
}

/** V = LXᵀ + XLᵀ: the tangent vector of P = LLᵀ that the Cholesky tangent X represents. */
function symTangent(l: Float64Array, x: Float64Array, n: number): Float64Array {
  const a = new Float64Array(n * n);
  gemmTransB(n, n, n, l, x, a);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const s = a[i * n + j] + a[j * n + i];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  return out;
}

/** ⟨X, Y⟩_L = Σ_{i>j} X_ij Y_ij + Σ_i X_ii Y_ii / L_ii². */
function cholInner(l: Float64Array, x: Float64Array, y: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) s += x[i * n + j] * y[i * n + j];
    const d = l[i * n + i];
    s += (x[i * n + i] * y[i * n + i]) / (d * d);
  }
  return s;
}

function squaredDistance(a: Matrix, b: Matrix): number {
  const la = spdCholesky('logCholesky.distance', 'a', a);
  const lb = spdCholesky('logCholesky.distance', 'b', b);
  assertSameSize('logCholesky.distance', 'a', a, 'b', b);
  const n = a.rows;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) s += (la[i * n + j] - lb[i * n + j]) ** 2;
    s += Math.log(la[i * n + i] / lb[i * n + i]) ** 2;
  }
  return s;
}

function inner(p: Matrix, u: Matrix, v: Matrix): number {
  const n = p.rows;
  const l = spdCholesky('logCholesky.inner', 'p', p);
  assertTangent('logCholesky.inner', 'u', u, n);
  assertTangent('logCholesky.inner', 'v', v, n);
  return cholInner(l, cholTangent(l, u.data, n), cholTangent(l, v.data, n), n);
}

function exp(p: Matrix, v: Matrix): Matrix {
  const n = p.rows;
  const l = spdCholesky('logCholesky.exp', 'p', p);
  assertTangent('logCholesky.exp', 'v', v, n);
  const x = cholTangent(l, v.data, n);
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) k[i * n + j] = l[i * n + j] + x[i * n + j];
    const d = l[i * n + i];
    k[i * n + i] = d * Math.exp(x[i * n + i] / d);
  }
  return sq(n, llt(k, n));
}

function log(p: Matrix, q: Matrix): Matrix {
  const n = p.rows;
  const l = spdCholesky('logCholesky.log', 'p', p);
  const k = spdCholesky('logCholesky.log', 'q', q);
  assertSameSize('logCholesky.log', 'p', p, 'q', q);
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) x[i * n + j] = k[i * n + j] - l[i * n + j];
    const d = l[i * n + i];
    x[i * n + i] = d * Math.log(k[i * n + i] / d);
  }
  return sq(n, symTangent(l, x, n));
}

function geodesic(p: Matrix, q: Matrix, t: number): Matrix {
  const n = p.rows;
  const l = spdCholesky('logCholesky.geodesic', 'p', p);
  const k = spdCholesky('logCholesky.geodesic', 'q', q);
  assertSameSize('logCholesky.geodesic', 'p', p, 'q', q);
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) g[i * n + j] = (1 - t) * l[i * n + j] + t * k[i * n + j];
    g[i * n + i] = l[i * n + i] ** (1 - t) * k[i * n + i] ** t;
  }
  return sq(n, llt(g, n));
}

function transport(p: Matrix, q: Matrix, v: Matrix): Matrix {
  const n = p.rows;
  const l = spdCholesky('logCholesky.transport', 'p', p);
  const k = spdCholesky('logCholesky.transport', 'q', q);
  assertSameSize('logCholesky.transport', 'p', p, 'q', q);
  assertTangent('logCholesky.transport', 'v', v, n);
  // Lin 2019, Prop. 7: strict lower part unchanged, diagonal rescaled by D(K)D(L)⁻¹.
  const x = cholTangent(l, v.data, n);
  for (let i = 0; i < n; i++) x[i * n + i] *= k[i * n + i] / l[i * n + i];
  return sq(n, symTangent(k, x, n));
}

/**
 * The log-Cholesky metric of Lin (2019): with A = LLᵀ and B = KKᵀ (Cholesky factors),
 * d² = ‖⌊L⌋ − ⌊K⌋‖²_F + ‖log D(L) − log D(K)‖²_F (⌊·⌋ strict lower part, D(·) diagonal).
 * Cheap (one Cholesky per point, no eigendecomposition); `transport` is exact parallel
 * transport; Fréchet means have a closed form. Not invariant under orthogonal congruence.
 *
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * logCholesky.distance(identity(2), fromRows([[2, 0], [0, 2]])) // => ~0.490129
 * @example
 * import { fromRows, identity } from '@rg/linalg';
 * logCholesky.geodesic(identity(2), fromRows([[4, 0], [0, 9]]), 0.5) // => ~[[2, 0], [0, 3]]
 */
export const logCholesky: SPDMetric = {
  name: 'log-cholesky',
  kind: 'log-cholesky',
  parallelTransport: true,
  distance: (a, b) => Math.sqrt(squaredDistance(a, b)),
  squaredDistance,
  inner,
  norm: (p, u) => Math.sqrt(Math.max(0, inner(p, u, u))),
  exp,
  log,
  geodesic,
  transport,
  isPoint: (x) => isSPD(x),
  isTangent: (p, v) => isSym(v, p.rows),
};
