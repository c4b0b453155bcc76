// Public surface of @rg/games: named re-exports only.

// --- games and strategy sets ---
export type { Game, GameSpec } from './game.js';
export { defineGame } from './game.js';
export type { QuadraticGameSpec } from './quadratic-game.js';
export { quadraticGame } from './quadratic-game.js';
export { bilinearGame } from './bilinear-game.js';
export { matrixGame } from './matrix-game.js';
export type { MarkovGame, MarkovGameSpec } from './markov-game.js';
export { markovGame } from './markov-game.js';
export type { BallSet, BoxSet, FreeSet, SimplexSet, StrategySet } from './strategy-sets.js';
export { ballSet, boxSet, freeSet, projectOntoSet, simplexSet } from './strategy-sets.js';

// --- certificates ---
export type { Region } from './region.js';
export type { SmallGainCertificate, SmallGainOptions } from './small-gain-certificate.js';
export { smallGainCertificate } from './small-gain-certificate.js';
export { timescaleBand } from './timescale-band.js';
export type { EuclideanMonotonicity } from './euclidean-monotonicity.js';
export { euclideanMonotonicity } from './euclidean-monotonicity.js';

// --- solvers ---
export type {
  FlowOptions,
  FlowResult,
  GameSolverOptions,
  GameSolverResult,
  GameTrajectory,
} from './solver-types.js';
export { simultaneousGD } from './simultaneous-gd.js';
export { alternatingGD } from './alternating-gd.js';
export { extragradient } from './extragradient.js';
export { optimisticGD } from './optimistic-gd.js';
export { eulerFlow } from './euler-flow.js';
export { rk4Flow } from './rk4-flow.js';
export type {
  EntropicPolicyGradientOptions,
  EntropicPolicyGradientResult,
} from './entropic-policy-gradient.js';
export { entropicPolicyGradient } from './entropic-policy-gradient.js';

// --- bilevel ---
export type {
  BilevelConstraint,
  BilevelFunction,
  BilevelProblem,
  LvHbaHistory,
  LvHbaOptions,
  LvHbaResult,
  Projection,
} from './lv-hba.js';
export { lvHba } from './lv-hba.js';
export type { CoupledBilevelToy } from './coupled-bilevel-toy.js';
export { coupledBilevelToy } from './coupled-bilevel-toy.js';
