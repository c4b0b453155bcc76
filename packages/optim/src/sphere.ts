// The unit sphere in the Frobenius norm, with its closed-form exponential map and parallel transport (Absil, Mahony & Sepulchre 2008, §3.6 and Example 5.4.1).
import {
  add,
  axpy,
  axpyInPlace,
  copy,
  dot,
  frobeniusNorm,
  InvalidArgumentError,
  type Matrix,
  type Rng,
  ShapeError,
  scale,
} from '@rg/linalg';
import { gaussianMatrix } from './internal/random.js';
import type { Manifold } from './manifold.js';

// A value drifts from unit norm by a few ulp per retraction; anything farther than this was
// not produced by the optimizers and is a caller's mistake (an unnormalized start).
const UNIT_NORM_TOLERANCE = 1e-8;

function project(x: Matrix, u: Matrix): Matrix {
  return { rows: u.rows, cols: u.cols, data: axpy(-dot(x.data, u.data), x.data, u.data) };
}

/**
 * The unit sphere {x : ‖x‖_F = 1} of matrices of any fixed size (vectors as n×1), with the
 * metric induced by the Frobenius inner product. T_x = {v : ⟨x, v⟩ = 0};
 * `projectTangent(x, u) = u − ⟨x, u⟩x`; `retract(x, v) = (x + v)/‖x + v‖`; `exp` is the great
 * circle `cos(‖v‖)x + sin(‖v‖)v/‖v‖`; `transport` is the parallel transport along the
 * minimizing geodesic from x to y, `v − ⟨y, v⟩/(1 + ⟨x, y⟩)·(x + y)` (isometric; undefined for
 * y = −x, where it falls back to projection onto T_y). Size-agnostic: sizes come from x.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const x = fromRows([[1], [0]]);
 * sphere.exp(x, fromRows([[0], [Math.PI / 2]])) // => ~[[0], [1]]
 * sphere.retract(x, fromRows([[0], [1]])) // => ~[[0.707107], [0.707107]]
 */
export const sphere: Manifold = {
  name: 'sphere',
  isometricTransport: true,
  inner: (_x: Matrix, u: Matrix, v: Matrix) => dot(u.data, v.data),
  norm: (_x: Matrix, v: Matrix) => frobeniusNorm(v),
  projectTangent: project,
  riemannianGradient: project,
  retract(x: Matrix, v: Matrix): Matrix {
    const y = add(x, v);
    return scale(y, 1 / frobeniusNorm(y));
  },
  exp(x: Matrix, v: Matrix): Matrix {
    const t = frobeniusNorm(v);
    if (t === 0) return copy(x);
    const out = scale(x, Math.cos(t));
    axpyInPlace(Math.sin(t) / t, v.data, out.data);
    return out;
  },
  transport(x: Matrix, y: Matrix, v: Matrix): Matrix {
    const c = 1 + dot(x.data, y.data);
    // near-antipodal points: the minimizing geodesic is not unique; project instead
    if (!(c > 1e-8)) return project(y, v);
    const k = dot(y.data, v.data) / c;
    return { rows: v.rows, cols: v.cols, data: axpy(-k, add(x, y).data, v.data) };
  },
  isPoint(x: Matrix, tol = 1e-10): boolean {
    const n = frobeniusNorm(x);
    return Math.abs(n - 1) <= tol;
  },
  validate(fn: string, name: string, x: Matrix): void {
    if (x.data.length === 0) throw new ShapeError(`${fn}(): ${name} must not be empty (sphere)`);
    const n = frobeniusNorm(x);
    if (!(Math.abs(n - 1) <= UNIT_NORM_TOLERANCE))
      throw new InvalidArgumentError(
        `${fn}(): ${name} must have unit Frobenius norm to lie on the sphere (norm ${n}); normalize it first`,
      );
  },
  randomPoint(rows: number, cols: number, random: Rng): Matrix {
    const g = gaussianMatrix(rows, cols, random);
    return scale(g, 1 / frobeniusNorm(g));
  },
  randomTangent: (x: Matrix, random: Rng) => project(x, gaussianMatrix(x.rows, x.cols, random)),
};
