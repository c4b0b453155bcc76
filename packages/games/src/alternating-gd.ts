// Alternating (Gauss–Seidel) gradient play: players move in turn, each seeing the others'
// latest strategies (Bailey, Gidel & Piliouras, "Finite Regret and Cycles with Fixed
// Step-Size via Alternating Gradient Descent-Ascent", 2020).
import type { Game } from './game.js';
import { SolverRun } from './internal/run.js';
import type { GameSolverOptions, GameSolverResult } from './solver-types.js';

/**
 * Projected alternating gradient descent: in each sweep player i = 1 … N sets
 * x_i ← Π_i(x_i − h w_i F_i(x)) with the blocks already updated in this sweep. On bilinear
 * games it stays bounded (it cycles) where simultaneous play spirals out. The residual is
 * taken at the start of each sweep.
 *
 * @param game - the game
 * @param x0 - start (projected first)
 * @param options - `step` (required), `timescales`, `maxIter` (1000 sweeps), `tol` (1e-8), `equilibrium`, `keepEvery`, `signal`, `onProgress`, `strict`
 * @throws {InvalidArgumentError} when step or timescales are not positive
 * @throws {ShapeError} when x0 does not fit the game
 * @throws {ConvergenceError} with `strict: true` when the residual stays above tol
 * @example
 * import { fromRows } from '@rg/linalg';
 * const g = bilinearGame(fromRows([[1]]));
 * const r = alternatingGD(g, new Float64Array([1, 0]), { step: 0.5, maxIter: 200 });
 * r.diverged // => false
 * Math.max(...r.trajectory.distance!) < 2 // => true
 */
export function alternatingGD(
  game: Game,
  x0: Float64Array,
  options: GameSolverOptions,
): GameSolverResult {
  const run = new SolverRun('alternatingGD', game, x0, options);
  const { dim, eta, K } = run;
  const x = Float64Array.from(run.x0);
  const g = new Float64Array(dim);
  let k = 0;
  for (; ; k++) {
    run.F(x, g);
    if (run.record(k, x, run.naturalResidual(x, g))) break;
    for (let i = 0; i < K.players; i++) {
      if (i > 0) run.Fi(i, x, g);
      for (let j = K.offsets[i]; j < K.offsets[i + 1]; j++) x[j] -= eta[j] * g[j];
      K.projectPlayer(i, x, x);
    }
  }
  return run.finish(x, k);
}
