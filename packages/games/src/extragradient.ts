// Extragradient (Korpelevich 1976): an extrapolation step, then the update with the gradient
// taken at the extrapolated point; converges on monotone games where gradient play cycles.
import type { Game } from './game.js';
import { SolverRun } from './internal/run.js';
import type { GameSolverOptions, GameSolverResult } from './solver-types.js';

/**
 * Projected extragradient: y = Π(x − h W F(x)), x⁺ = Π(x − h W F(y)). Two evaluations per
 * iteration. Converges on monotone L-Lipschitz games for h < 1/L (bilinear games included).
 *
 * @param game - the game
 * @param x0 - start (projected first)
 * @param options - `step` (required), `timescales`, `maxIter` (1000), `tol` (1e-8), `equilibrium`, `keepEvery`, `signal`, `onProgress`, `strict`
 * @throws {InvalidArgumentError} when step or timescales are not positive
 * @throws {ShapeError} when x0 does not fit the game
 * @throws {ConvergenceError} with `strict: true` when the residual stays above tol
 * @example
 * import { fromRows } from '@rg/linalg';
 * const g = bilinearGame(fromRows([[1]]));
 * extragradient(g, new Float64Array([1, 1]), { step: 0.5 }).converged // => true
 * simultaneousGD(g, new Float64Array([1, 1]), { step: 0.5 }).converged // => false
 */
export function extragradient(
  game: Game,
  x0: Float64Array,
  options: GameSolverOptions,
): GameSolverResult {
  const run = new SolverRun('extragradient', game, x0, options);
  const { dim, eta, K } = run;
  const x = Float64Array.from(run.x0);
  const y = new Float64Array(dim);
  const g = new Float64Array(dim);
  let k = 0;
  for (; ; k++) {
    run.F(x, g);
    if (run.record(k, x, run.naturalResidual(x, g))) break;
    for (let j = 0; j < dim; j++) y[j] = x[j] - eta[j] * g[j];
    K.project(y, y);
    run.F(y, g);
    for (let j = 0; j < dim; j++) x[j] -= eta[j] * g[j];
    K.project(x, x);
  }
  return run.finish(x, k);
}
