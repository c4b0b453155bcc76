// Simultaneous (Jacobi) gradient play: every player steps on its own gradient at once
// (Rosen 1965; Mertikopoulos & Zhou 2019 for the projected form).
import type { Game } from './game.js';
import { projectedEuler } from './internal/projected-euler.js';
import type { GameSolverOptions, GameSolverResult } from './solver-types.js';

/**
 * Projected simultaneous gradient descent x_{k+1} = Π(x_k − h W F(x_k)), player i with step
 * h·w_i (`timescales`). Converges linearly when the game is strongly monotone in a metric the
 * certificate finds and h is below its `eulerStep` bound; on bilinear games it spirals out.
 *
 * @param game - the game
 * @param x0 - start (projected onto the strategy sets first)
 * @param options - `step` (required), `timescales`, `maxIter` (1000), `tol` (1e-8), `equilibrium`, `keepEvery`, `signal`, `onProgress`, `strict`
 * @returns `{ x, iterations, converged, residual, diverged, distance, evaluations, trajectory }`
 * @throws {InvalidArgumentError} when step or timescales are not positive
 * @throws {ShapeError} when x0 does not have length game.dim
 * @throws {ConvergenceError} with `strict: true` when the residual stays above tol
 * @example
 * import { fromRows } from '@rg/linalg';
 * const g = quadraticGame({ blocks: [[fromRows([[1]]), fromRows([[0.5]])], [fromRows([[-0.5]]), fromRows([[1]])]], b: [[1], [0]] });
 * const r = simultaneousGD(g, new Float64Array(2), { step: 0.5 });
 * r.converged // => true
 * r.distance! < 1e-8 // => true
 */
export function simultaneousGD(
  game: Game,
  x0: Float64Array,
  options: GameSolverOptions,
): GameSolverResult {
  return projectedEuler('simultaneousGD', game, x0, options);
}
