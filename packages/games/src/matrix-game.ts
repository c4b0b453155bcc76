// Two-player matrix (bimatrix) games in mixed strategies, optionally entropy-regularized:
// the regularized equilibrium is the logit quantal response equilibrium (McKelvey & Palfrey
// 1995), x = softmax(A y / τ), y = softmax(Bᵀx / τ).
import { type Matrix, ShapeError, checkOptions, checkMatrix, checkPositive } from '@rg/linalg';
import type { Game } from './game.js';
import { createGame } from './internal/game-kernels.js';
import type { SimplexSet } from './strategy-sets.js';

/**
 * The bimatrix game in which the row player (x ∈ Δₘ) receives xᵀA y and the column player
 * (y ∈ Δₙ) receives xᵀB y, each maximizing its payoff plus τ times its strategy's entropy.
 * As a minimization game: F = (−A y + τ(log x + 1), −Bᵀx + τ(log y + 1)), exact Jacobian
 * [[τ diag(1/x), −A], [−Bᵀ, τ diag(1/y)]].
 *
 * With τ > 0 the strategy sets are simplices with a floor
 * ε = max(exp(−(max A − min A)/τ)/(2m), 1e-300) (and likewise for B), which the logit
 * equilibrium does not reach (its smallest entry is at least exp(−(max A − min A)/τ)/m), so
 * log x stays finite under projection.
 * Zero-sum games take B = −A.
 *
 * @param a - m×n payoffs of the row player
 * @param b - m×n payoffs of the column player
 * @param options - `entropy`: τ ≥ 0 (default 0)
 * @throws {ShapeError} when a and b differ in shape
 * @throws {InvalidArgumentError} when entropy is negative
 * @example
 * import { fromRows } from '@rg/linalg';
 * // matching pennies: the equilibrium is (½, ½) for both players
 * const A = fromRows([[1, -1], [-1, 1]]);
 * const g = matrixGame(A, fromRows([[-1, 1], [1, -1]]));
 * g.pseudoGradient(new Float64Array([0.5, 0.5, 0.5, 0.5])) // => [0, 0, 0, 0]
 */
export function matrixGame(a: Matrix, b: Matrix, options: { entropy?: number } = {}): Game {
  const fn = 'matrixGame';
  checkOptions(fn, 'options', options);
  if (!a || typeof a !== 'object' || !Number.isInteger(a.rows) || a.rows < 1 || a.cols < 1)
    throw new ShapeError(`${fn}(): a must be a non-empty Matrix`);
  checkMatrix(fn, 'a', a, a.rows, a.cols);
  checkMatrix(fn, 'b', b, a.rows, a.cols);
  const tau = checkPositive(fn, 'entropy', options.entropy ?? 0, true);
  const m = a.rows;
  const n = a.cols;
  const dim = m + n;
  const A = a.data.slice();
  const B = b.data.slice();
  const spread = (d: Float64Array) => {
    let lo = d[0];
    let hi = d[0];
    for (const v of d) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return hi - lo;
  };
  const floorOf = (d: Float64Array, k: number) =>
    tau > 0 ? Math.max(Math.exp(-spread(d) / tau) / (2 * k), 1e-300) : 0;
  const sets: SimplexSet[] = [
    { kind: 'simplex', total: 1, floor: floorOf(A, m) },
    { kind: 'simplex', total: 1, floor: floorOf(B, n) },
  ];
  return createGame({
    sizes: [m, n],
    sets,
    affine: tau === 0,
    equilibrium: undefined,
    F(z, out) {
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += A[i * n + j] * z[m + j];
        out[i] = -s + (tau > 0 ? tau * (Math.log(z[i]) + 1) : 0);
      }
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += B[i * n + j] * z[i];
        out[m + j] = -s + (tau > 0 ? tau * (Math.log(z[m + j]) + 1) : 0);
      }
    },
    J(z) {
      const J = new Float64Array(dim * dim);
      for (let i = 0; i < m; i++) {
        J[i * dim + i] = tau > 0 ? tau / z[i] : 0;
        for (let j = 0; j < n; j++) {
          J[i * dim + m + j] = -A[i * n + j];
          J[(m + j) * dim + i] = -B[i * n + j];
        }
      }
      for (let j = 0; j < n; j++) J[(m + j) * dim + m + j] = tau > 0 ? tau / z[m + j] : 0;
      return { rows: dim, cols: dim, data: J };
    },
  });
}
