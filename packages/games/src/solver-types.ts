// Option and result shapes shared by the game solvers (the iterative contract of @rg/linalg,
// extended with step sizes, timescales and the distance to a known equilibrium).
import type { IterativeOptions, IterativeResult } from '@rg/linalg';

/** Options of the game solvers (simultaneousGD, alternatingGD, extragradient, optimisticGD, flows). */
export interface GameSolverOptions extends IterativeOptions {
  /** base step size h > 0 (required) */
  step: number;
  /**
   * per-player timescales w_i > 0 (default all 1): player i moves with step h·w_i, i.e. the
   * dynamics is ẋ = −W F(x), the pseudo-gradient flow in the block metric diag(1/w_i).
   * A certificate's `weights` go here.
   */
  timescales?: ArrayLike<number>;
  /** an equilibrium to report distances to (default: the game's `equilibrium`) */
  equilibrium?: Float64Array;
  /** keep every k-th iterate in `trajectory.points` (default 0: none) */
  keepEvery?: number;
  /** iterations (default 1000) */
  maxIter?: number;
  /** stop when the natural residual ‖x − Π(x − F(x))‖ ≤ tol (default 1e-8) */
  tol?: number;
}

/** What the solvers record along the way. */
export interface GameTrajectory {
  /** natural residual ‖x_k − Π(x_k − F(x_k))‖ at every iterate, k = 0 … iterations */
  residual: number[];
  /** ‖x_k − x*‖ at every iterate when an equilibrium is known */
  distance: number[] | undefined;
  /** kept iterates (see `keepEvery`), with their iteration numbers */
  points: { iteration: number; x: Float64Array }[];
}

/** Result of a game solver. */
export interface GameSolverResult extends IterativeResult {
  /** the last iterate (the leading sequence for optimisticGD) */
  x: Float64Array;
  /**
   * true when the run stopped because the iterate became non-finite or its residual grew
   * beyond 1e8 times the initial one (or beyond 1 when it started below 1e-8)
   */
  diverged: boolean;
  /** ‖x − x*‖ when an equilibrium is known */
  distance: number | undefined;
  /** pseudo-gradient evaluations spent */
  evaluations: number;
  trajectory: GameTrajectory;
}

/** Options of the flows: a horizon in time may replace maxIter. */
export interface FlowOptions extends GameSolverOptions {
  /** integrate up to time T = horizon (iterations = ⌈T/step⌉; overrides maxIter) */
  horizon?: number;
}

/** Result of eulerFlow / rk4Flow. */
export interface FlowResult extends GameSolverResult {
  /** the time reached, iterations × step */
  time: number;
}
