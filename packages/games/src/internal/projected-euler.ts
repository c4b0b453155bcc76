// Projected Euler / simultaneous gradient play x⁺ = Π(x − h W F(x)), shared by
// simultaneousGD, eulerFlow and the policy-gradient driver.
import type { Game } from '../game.js';
import type { GameSolverOptions, GameSolverResult } from '../solver-types.js';
import { SolverRun } from './run.js';

export function projectedEuler(
  fn: string,
  game: Game,
  x0: Float64Array,
  options: GameSolverOptions,
  maxIterOverride?: number,
): GameSolverResult {
  const run = new SolverRun(fn, game, x0, options, maxIterOverride);
  const { dim, eta, K } = run;
  let x = Float64Array.from(run.x0);
  let xn = new Float64Array(dim);
  const g = new Float64Array(dim);
  let k = 0;
  for (; ; k++) {
    run.F(x, g);
    if (run.record(k, x, run.naturalResidual(x, g))) break;
    for (let j = 0; j < dim; j++) xn[j] = x[j] - eta[j] * g[j];
    K.project(xn, xn);
    const t = x;
    x = xn;
    xn = t;
  }
  return run.finish(x, k);
}
