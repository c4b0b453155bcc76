// The Stiefel manifold with the canonical metric (Edelman, Arias & Smith 1998, §2.4: metric
// eq. 2.39, gradient eq. 2.53, geodesic eq. 2.42) and the Cayley retraction (Wen & Yin 2013, "A
// feasible method for optimization with orthogonality constraints").
import { expm, type Matrix, qr, solve } from '@rg/linalg';
import { dot, gemm, gemmTransA } from '@rg/linalg/kernels';
import { type Manifold, stiefel } from '@rg/optim';

/** ⟨U, V⟩_c = tr(Uᵀ(I − ½XXᵀ)V) = ⟨U, V⟩_F − ½⟨XᵀU, XᵀV⟩_F */
function canonicalInner(x: Matrix, u: Matrix, v: Matrix): number {
  const n = x.rows;
  const k = x.cols;
  const xu = new Float64Array(k * k);
  const xv = new Float64Array(k * k);
  gemmTransA(k, k, n, x.data, u.data, xu);
  gemmTransA(k, k, n, x.data, v.data, xv);
  return dot(n * k, u.data, v.data) - 0.5 * dot(k * k, xu, xv);
}

/** G − X GᵀX: the tangent vector that represents the Euclidean gradient G in the canonical metric */
function canonicalGradient(x: Matrix, g: Matrix): Matrix {
  const n = x.rows;
  const k = x.cols;
  const gx = new Float64Array(k * k);
  gemmTransA(k, k, n, g.data, x.data, gx);
  const out = new Float64Array(n * k);
  gemm(n, k, k, x.data, gx, out);
  for (let i = 0; i < n * k; i++) out[i] = g.data[i] - out[i];
  return { rows: n, cols: k, data: out };
}

/**
 * The Cayley retraction R_X(ξ) = (I − ½W)⁻¹(I + ½W)X with the skew W = PξXᵀ − X(Pξ)ᵀ,
 * P = I − ½XXᵀ (so WX = ξ for tangent ξ), through its rank-2k form W = UVᵀ, U = [Pξ, X],
 * V = [X, −Pξ]: R = X + U(I − ½VᵀU)⁻¹VᵀX, one 2k×2k solve. Orthonormal for every step size.
 */
function cayley(x: Matrix, xi: Matrix): Matrix {
  const n = x.rows;
  const k = x.cols;
  const w = 2 * k;
  const xtxi = new Float64Array(k * k);
  gemmTransA(k, k, n, x.data, xi.data, xtxi);
  const half = new Float64Array(n * k);
  gemm(n, k, k, x.data, xtxi, half);
  const u = new Float64Array(n * w);
  const v = new Float64Array(n * w);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      const p = xi.data[i * k + j] - 0.5 * half[i * k + j];
      const xij = x.data[i * k + j];
      u[i * w + j] = p;
      u[i * w + k + j] = xij;
      v[i * w + j] = xij;
      v[i * w + k + j] = -p;
    }
  const vu = new Float64Array(w * w);
  gemmTransA(w, w, n, v, u, vu);
  for (let i = 0; i < w * w; i++) vu[i] *= -0.5;
  for (let i = 0; i < w; i++) vu[i * w + i] += 1;
  const vx = new Float64Array(w * k);
  gemmTransA(w, k, n, v, x.data, vx);
  const s = solve({ rows: w, cols: w, data: vu }, { rows: w, cols: k, data: vx });
  const out = new Float64Array(n * k);
  gemm(n, k, w, u, s.data, out);
  for (let i = 0; i < n * k; i++) out[i] += x.data[i];
  return { rows: n, cols: k, data: out };
}

/**
 * The canonical geodesic: with A = XᵀH and the thin QR (I − XXᵀ)H = QR,
 * Exp_X(H) = X M + Q N where [M; N] = expm([[A, −Rᵀ], [R, 0]]) [I; 0].
 */
function canonicalExp(x: Matrix, h: Matrix): Matrix {
  const n = x.rows;
  const k = x.cols;
  const a = new Float64Array(k * k);
  gemmTransA(k, k, n, x.data, h.data, a);
  const xa = new Float64Array(n * k);
  gemm(n, k, k, x.data, a, xa);
  const perp = new Float64Array(n * k);
  for (let i = 0; i < n * k; i++) perp[i] = h.data[i] - xa[i];
  // Householder QR: (I − XXᵀ)H may be rank-deficient (Q stays orthonormal, R gets zero rows)
  const f = qr({ rows: n, cols: k, data: perp });
  const qk = f.q.cols;
  const w = k + qk;
  const block = new Float64Array(w * w);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) block[i * w + j] = a[i * k + j];
  for (let i = 0; i < qk; i++)
    for (let j = 0; j < k; j++) {
      const r = f.r.data[i * k + j];
      block[(k + i) * w + j] = r;
      block[j * w + k + i] = -r;
    }
  const e = expm({ rows: w, cols: w, data: block }).data;
  const mn = new Float64Array(w * k);
  for (let i = 0; i < w; i++) for (let j = 0; j < k; j++) mn[i * k + j] = e[i * w + j];
  const out = new Float64Array(n * k);
  gemm(n, k, k, x.data, mn.subarray(0, k * k), out);
  const qn = new Float64Array(n * k);
  gemm(n, k, qk, f.q.data, mn.subarray(k * k), qn);
  for (let i = 0; i < n * k; i++) out[i] += qn[i];
  return { rows: n, cols: k, data: out };
}

/**
 * The Stiefel manifold St(n, k) = {X : XᵀX = I} (any k ≤ n, sizes from X) with the canonical
 * metric ⟨U, V⟩ = tr(Uᵀ(I − ½XXᵀ)V), which weighs the rotation of the frame within its span
 * half as much as the embedded metric of @rg/optim's `stiefel` does. Riemannian gradient
 * G − XGᵀX; `retract` is the Cayley retraction (Wen & Yin 2013), orthonormal for every step;
 * `exp` the canonical geodesic; `transport`, `projectTangent`, `isPoint`, `validate` and the
 * random points are those of `stiefel`. All members trust their inputs (the core's contract).
 *
 * @example
 * import { fromRows, matmulTransA } from '@rg/linalg';
 * const x = fromRows([[1, 0], [0, 1], [0, 0]]);
 * const y = stiefelCanonical.retract(x, fromRows([[0, 2], [-2, 0], [1, 1]]));
 * matmulTransA(y, y) // => ~[[1, 0], [0, 1]]
 * // the canonical metric counts the in-span rotation XA half: ⟨XA, XA⟩ = ½‖A‖²
 * const h = fromRows([[0, 1], [-1, 0], [0, 0]]);
 * stiefelCanonical.inner(x, h, h) // => ~1
 */
export const stiefelCanonical: Manifold = {
  ...stiefel,
  name: 'stiefel-canonical',
  inner: canonicalInner,
  norm: (x: Matrix, v: Matrix) => Math.sqrt(Math.max(canonicalInner(x, v, v), 0)),
  riemannianGradient: canonicalGradient,
  retract: cayley,
  exp: canonicalExp,
  isometricTransport: false,
};
