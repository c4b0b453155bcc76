// The projected pseudo-gradient flow ẋ = Π_{T_K(x)}(−W F(x)) integrated by projected forward
// Euler (Nagurney & Zhang, "Projected Dynamical Systems and Variational Inequalities", 1996).
import type { Game } from './game.js';
import { projectedEuler } from './internal/projected-euler.js';
import { horizonSteps } from './internal/run.js';
import type { FlowOptions, FlowResult } from './solver-types.js';

/**
 * Projected Euler for the weighted flow ẋ = −W F(x) (W = diag of `timescales`, i.e. the
 * pseudo-gradient flow in the block metric diag(1/w_i)): x_{k+1} = Π(x_k − h W F(x_k)). The
 * same map as {@link simultaneousGD}, read as a flow: `horizon` sets the time to integrate to
 * and the result carries `time`. With a certificate's weights and h ≤ `eulerStep`, every step
 * contracts distances by at least its `eulerFactor`.
 *
 * @param game - the game
 * @param x0 - start (projected first)
 * @param options - `step` (required), `horizon` or `maxIter`, `timescales`, `tol`, `equilibrium`, `keepEvery`, `signal`, `onProgress`, `strict`
 * @throws {InvalidArgumentError} when step, horizon or timescales are not positive
 * @throws {ShapeError} when x0 does not fit the game
 * @example
 * import { fromRows } from '@rg/linalg';
 * const g = quadraticGame({ blocks: [[fromRows([[1]])]], b: [[-1]] });
 * const r = eulerFlow(g, new Float64Array(1), { step: 0.1, horizon: 5 });
 * r.time // => ~5
 * r.x[0] // => ~0.9948
 */
export function eulerFlow(game: Game, x0: Float64Array, options: FlowOptions): FlowResult {
  const fn = 'eulerFlow';
  const steps = horizonSteps(fn, options);
  const r = projectedEuler(fn, game, x0, options, steps);
  return { ...r, time: r.iterations * options.step };
}
