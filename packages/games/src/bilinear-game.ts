// Bilinear zero-sum games min_x max_y xᵀA y: monotone but not strongly monotone, the classic
// case where simultaneous gradient play spirals out and extragradient converges (Korpelevich
// 1976; Daskalakis et al., "Training GANs with Optimism", 2018).
import {
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  checkOptions,
  checkMatrix,
} from '@rg/linalg';
import type { Game } from './game.js';
import { affineGame } from './internal/affine-game.js';
import { checkSet } from './internal/set-checks.js';
import type { StrategySet } from './strategy-sets.js';

/**
 * The zero-sum game min_x max_y xᵀA y with x ∈ ℝᵐ, y ∈ ℝⁿ: F(x, y) = (A y, −Aᵀx). Its
 * Jacobian [[0, A], [−Aᵀ, 0]] is skew, so the game is monotone with modulus 0: the origin is
 * an equilibrium (stored in `equilibrium` when unconstrained), unique when A is square and
 * nonsingular.
 *
 * @param a - the m×n payoff matrix
 * @param options - `sets`: strategy sets of the two players (default: unconstrained)
 * @throws {ShapeError} when `a` is not a Matrix or the sets do not fit
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @example
 * import { fromRows } from '@rg/linalg';
 * const g = bilinearGame(fromRows([[1]]));
 * g.pseudoGradient(new Float64Array([1, 2])) // => [2, -1]
 */
export function bilinearGame(a: Matrix, options: { sets?: readonly StrategySet[] } = {}): Game {
  const fn = 'bilinearGame';
  checkOptions(fn, 'options', options);
  if (!a || typeof a !== 'object' || !Number.isInteger(a.rows) || a.rows < 1 || a.cols < 1)
    throw new ShapeError(`${fn}(): a must be a non-empty Matrix`);
  checkMatrix(fn, 'a', a, a.rows, a.cols);
  const m = a.rows;
  const n = a.cols;
  const sets = options.sets ?? [{ kind: 'free' } as const, { kind: 'free' } as const];
  if (!Array.isArray(sets) || sets.length !== 2)
    throw new InvalidArgumentError(`${fn}(): sets must hold two strategy sets`);
  checkSet(fn, 'sets[0]', sets[0], m);
  checkSet(fn, 'sets[1]', sets[1], n);
  const dim = m + n;
  const A = new Float64Array(dim * dim);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const v = a.data[i * n + j];
      A[i * dim + m + j] = v;
      A[(m + j) * dim + i] = -v;
    }
  const free = sets.every((s) => s.kind === 'free');
  return affineGame(
    [m, n],
    A,
    new Float64Array(dim),
    sets,
    free ? new Float64Array(dim) : undefined,
  );
}
