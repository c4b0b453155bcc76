// Optimistic gradient descent in Popov's past-extragradient form (Popov 1980; Daskalakis,
// Ilyas, Syrgkanis & Zeng 2018; Mokhtari, Ozdaglar & Pattathil 2020).
import type { Game } from './game.js';
import { SolverRun } from './internal/run.js';
import type { GameSolverOptions, GameSolverResult } from './solver-types.js';

/**
 * Projected optimistic gradient descent: y_k = Π(x_k − h W F(y_{k−1})),
 * x_{k+1} = Π(x_k − h W F(y_k)); one evaluation per iteration. Unconstrained it is
 * y_{k+1} = y_k − h W(2F(y_k) − F(y_{k−1})). The residual and the returned point are the
 * leading sequence y. Converges on monotone L-Lipschitz games for h < 1/(2L).
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
 * optimisticGD(g, new Float64Array([1, 1]), { step: 0.3 }).converged // => true
 */
export function optimisticGD(
  game: Game,
  x0: Float64Array,
  options: GameSolverOptions,
): GameSolverResult {
  const run = new SolverRun('optimisticGD', game, x0, options);
  const { dim, eta, K } = run;
  const x = Float64Array.from(run.x0);
  const y = Float64Array.from(run.x0);
  const g = new Float64Array(dim);
  let k = 0;
  for (; ; k++) {
    run.F(y, g);
    if (run.record(k, y, run.naturalResidual(y, g))) break;
    for (let j = 0; j < dim; j++) x[j] -= eta[j] * g[j];
    K.project(x, x);
    for (let j = 0; j < dim; j++) y[j] = x[j] - eta[j] * g[j];
    K.project(y, y);
  }
  return run.finish(y, k);
}
