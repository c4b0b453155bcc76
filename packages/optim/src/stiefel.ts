// The Stiefel manifold of orthonormal k-frames with the embedded metric: QR and polar retractions, projection transport, and the closed-form geodesic of Edelman, Arias & Smith (1998), eq. 2.45.
import {
  add,
  dot,
  expm,
  frobeniusNorm,
  InvalidArgumentError,
  type Matrix,
  matmul,
  matmulTransA,
  matmulTransB,
  qr,
  type Rng,
  ShapeError,
  scale,
  sub,
  svd,
  symmetrize,
} from '@rg/linalg';
import { gaussianMatrix } from './internal/random.js';
import type { Manifold } from './manifold.js';

// Retractions keep WᵀW = I to a few ulp times k; anything farther than this was not produced
// by the optimizers and is a caller's mistake (a start that is not orthonormal).
const ORTHONORMALITY_TOLERANCE = 1e-8;

function orthonormalityError(x: Matrix): number {
  const g = matmulTransA(x, x);
  let e = 0;
  for (let i = 0; i < g.rows; i++)
    for (let j = 0; j < g.cols; j++)
      e = Math.max(e, Math.abs(g.data[i * g.cols + j] - (i === j ? 1 : 0)));
  return e;
}

/** U − X sym(XᵀU) */
function project(x: Matrix, u: Matrix): Matrix {
  return sub(u, matmul(x, symmetrize(matmulTransA(x, u))));
}

/** the Q factor of a thin QR with diag(R) > 0 (unique for full column rank) */
function qFactorPositive(a: Matrix): Matrix {
  return qr(a, { positiveDiagonal: true }).q;
}

/** the orthogonal polar factor U Vᵀ of a = U Σ Vᵀ */
function polarFactor(a: Matrix): Matrix {
  const { u, v } = svd(a);
  return matmulTransB(u, v);
}

/**
 * exp_X(V) = [X V] expm([[A, −S], [I, A]]) [I; 0] expm(−A) with A = XᵀV (skew for tangent V)
 * and S = VᵀV: the geodesic of the embedded metric.
 */
function stiefelExp(x: Matrix, v: Matrix): Matrix {
  const n = x.rows;
  const k = x.cols;
  const a = matmulTransA(x, v);
  const s = matmulTransA(v, v);
  const m = new Float64Array(4 * k * k);
  const w = 2 * k;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      m[i * w + j] = a.data[i * k + j];
      m[i * w + k + j] = -s.data[i * k + j];
      m[(k + i) * w + k + j] = a.data[i * k + j];
    }
    m[(k + i) * w + i] = 1;
  }
  const e = expm({ rows: w, cols: w, data: m });
  // [X V] times the first k columns of e
  const xv = new Float64Array(n * w);
  for (let i = 0; i < n; i++) {
    xv.set(x.data.subarray(i * k, (i + 1) * k), i * w);
    xv.set(v.data.subarray(i * k, (i + 1) * k), i * w + k);
  }
  const left = new Float64Array(w * k);
  for (let i = 0; i < w; i++) left.set(e.data.subarray(i * w, i * w + k), i * k);
  const y = matmul({ rows: n, cols: w, data: xv }, { rows: w, cols: k, data: left });
  return matmul(y, expm(scale(a, -1)));
}

function makeStiefel(name: string, retract: (a: Matrix) => Matrix): Manifold {
  return {
    name,
    inner: (_x: Matrix, u: Matrix, v: Matrix) => dot(u.data, v.data),
    norm: (_x: Matrix, v: Matrix) => frobeniusNorm(v),
    projectTangent: project,
    riemannianGradient: project,
    retract: (x: Matrix, v: Matrix) => retract(add(x, v)),
    exp: stiefelExp,
    transport: (_x: Matrix, y: Matrix, v: Matrix) => project(y, v),
    isPoint: (x: Matrix, tol = 1e-10) => x.cols <= x.rows && orthonormalityError(x) <= tol,
    validate(fn: string, label: string, x: Matrix): void {
      if (x.cols > x.rows || x.cols < 1)
        throw new ShapeError(
          `${fn}(): ${label} must be n×k with 1 ≤ k ≤ n to lie on the Stiefel manifold (is ${x.rows}×${x.cols})`,
        );
      const e = orthonormalityError(x);
      if (!(e <= ORTHONORMALITY_TOLERANCE))
        throw new InvalidArgumentError(
          `${fn}(): ${label} must have orthonormal columns to lie on the Stiefel manifold (max |XᵀX − I| = ${e.toExponential(2)})`,
        );
    },
    randomPoint: (rows: number, cols: number, random: Rng) =>
      qFactorPositive(gaussianMatrix(rows, cols, random)),
    randomTangent: (x: Matrix, random: Rng) => project(x, gaussianMatrix(x.rows, x.cols, random)),
  };
}

/**
 * The Stiefel manifold St(n, k) = {X ∈ ℝ^{n×k} : XᵀX = I} for any k ≤ n (sizes come from X),
 * with the embedded (Frobenius) metric. `projectTangent(X, U) = U − X sym(XᵀU)` is also the
 * Riemannian gradient; `retract` is the Q factor of a thin QR of X + V with diag(R) > 0;
 * `exp` is the closed-form geodesic of Edelman, Arias & Smith (1998); `transport` projects onto
 * the new tangent space (not isometric). See {@link stiefelPolar} for the polar retraction.
 *
 * @example
 * import { fromRows, matmulTransA } from '@rg/linalg';
 * const x = fromRows([[1, 0], [0, 1], [0, 0]]);
 * const y = stiefel.retract(x, fromRows([[0, 0.3], [-0.3, 0], [0.2, 0.1]]));
 * matmulTransA(y, y) // => ~[[1, 0], [0, 1]]
 * stiefel.projectTangent(x, fromRows([[1, 2], [0, 0], [5, 0]])) // => [[0, 1], [-1, 0], [5, 0]]
 */
export const stiefel: Manifold = makeStiefel('stiefel', qFactorPositive);

/**
 * The Stiefel manifold with the polar retraction R_X(V) = U Wᵀ from the SVD X + V = U Σ Wᵀ (the
 * closest matrix with orthonormal columns to X + V); everything else as {@link stiefel}.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * stiefelPolar.retract(fromRows([[1], [0]]), fromRows([[0], [1]])) // => ~[[0.707107], [0.707107]]
 */
export const stiefelPolar: Manifold = makeStiefel('stiefel-polar', polarFactor);
