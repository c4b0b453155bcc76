// The Euclidean space of rows×cols matrices with the Frobenius inner product.
import { add, copy, dot, frobeniusNorm, type Matrix, type Rng } from '@rg/linalg';
import { gaussianMatrix } from './internal/random.js';
import type { Manifold } from './manifold.js';

/**
 * The flat space of matrices of any size with the Frobenius inner product ⟨u, v⟩ = Σ uᵢⱼvᵢⱼ:
 * tangent vectors are matrices of the same size, `retract` and `exp` add, `transport` is the
 * identity. It is the default manifold of a {@link Parameter}; optimizers update it in place
 * elementwise (it is `flat`), which reproduces the classic SGD and Adam.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * euclidean.retract(fromRows([[1, 2]]), fromRows([[0.5, -1]])) // => [[1.5, 1]]
 * euclidean.inner(fromRows([[1, 2]]), fromRows([[1, 2]]), fromRows([[3, 4]])) // => 11
 */
export const euclidean: Manifold = {
  name: 'euclidean',
  flat: true,
  isometricTransport: true,
  inner: (_x: Matrix, u: Matrix, v: Matrix) => dot(u.data, v.data),
  norm: (_x: Matrix, v: Matrix) => frobeniusNorm(v),
  projectTangent: (_x: Matrix, u: Matrix) => copy(u),
  riemannianGradient: (_x: Matrix, egrad: Matrix) => copy(egrad),
  retract: (x: Matrix, v: Matrix) => add(x, v),
  exp: (x: Matrix, v: Matrix) => add(x, v),
  transport: (_x: Matrix, _y: Matrix, v: Matrix) => copy(v),
  isPoint(x: Matrix): boolean {
    for (let i = 0; i < x.data.length; i++) if (!Number.isFinite(x.data[i])) return false;
    return true;
  },
  randomPoint: (rows: number, cols: number, random: Rng) => gaussianMatrix(rows, cols, random),
  randomTangent: (x: Matrix, random: Rng) => gaussianMatrix(x.rows, x.cols, random),
};
