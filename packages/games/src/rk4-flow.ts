// The projected pseudo-gradient flow integrated by classical Runge–Kutta (RK4) with a
// projection after every stage, so that equilibria stay fixed points of the map.
import type { Game } from './game.js';
import { horizonSteps, SolverRun } from './internal/run.js';
import type { FlowOptions, FlowResult } from './solver-types.js';

/**
 * RK4 for the weighted flow ẋ = −W F(x): stages k₁ = −WF(x), x₂ = Π(x + h k₁/2),
 * k₂ = −WF(x₂), x₃ = Π(x + h k₂/2), k₃ = −WF(x₃), x₄ = Π(x + h k₃), k₄ = −WF(x₄), then
 * x⁺ = Π(x + h(k₁ + 2k₂ + 2k₃ + k₄)/6). Projecting every stage keeps each equilibrium a
 * fixed point. Four pseudo-gradient evaluations per step; the certificate's `rk4Step` bounds
 * h (proved for unconstrained games, where the projections are identities).
 *
 * @param game - the game
 * @param x0 - start (projected first)
 * @param options - `step` (required), `horizon` or `maxIter`, `timescales`, `tol`, `equilibrium`, `keepEvery`, `signal`, `onProgress`, `strict`
 * @throws {InvalidArgumentError} when step, horizon or timescales are not positive
 * @throws {ShapeError} when x0 does not fit the game
 * @example
 * import { fromRows } from '@rg/linalg';
 * // ẋ = 1 − x from 0: x(5) = 1 − e⁻⁵
 * const g = quadraticGame({ blocks: [[fromRows([[1]])]], b: [[-1]] });
 * const r = rk4Flow(g, new Float64Array(1), { step: 0.1, horizon: 5, tol: 0 });
 * r.x[0] // => ~0.993262
 */
export function rk4Flow(game: Game, x0: Float64Array, options: FlowOptions): FlowResult {
  const fn = 'rk4Flow';
  const run = new SolverRun(fn, game, x0, options, horizonSteps(fn, options));
  const { dim, eta, K } = run;
  const x = Float64Array.from(run.x0);
  const k1 = new Float64Array(dim);
  const k2 = new Float64Array(dim);
  const k3 = new Float64Array(dim);
  const k4 = new Float64Array(dim);
  const xs = new Float64Array(dim);
  let k = 0;
  for (; ; k++) {
    run.F(x, k1);
    if (run.record(k, x, run.naturalResidual(x, k1))) break;
    for (let j = 0; j < dim; j++) xs[j] = x[j] - 0.5 * eta[j] * k1[j];
    K.project(xs, xs);
    run.F(xs, k2);
    for (let j = 0; j < dim; j++) xs[j] = x[j] - 0.5 * eta[j] * k2[j];
    K.project(xs, xs);
    run.F(xs, k3);
    for (let j = 0; j < dim; j++) xs[j] = x[j] - eta[j] * k3[j];
    K.project(xs, xs);
    run.F(xs, k4);
    for (let j = 0; j < dim; j++) x[j] -= (eta[j] / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    K.project(x, x);
  }
  return { ...run.finish(x, k), time: k * options.step };
}
