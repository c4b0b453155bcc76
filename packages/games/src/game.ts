// N-player differentiable games on flat vectors (Rosen 1965; Balduzzi et al., "The Mechanics
// of n-Player Differentiable Games", 2018): player i owns block x_i and the pseudo-gradient
// F(x) = (∇_{x_1} f_1(x), …, ∇_{x_N} f_N(x)) stacks each player's own gradient.
import type { Matrix } from '@rg/linalg';
import {
  InvalidArgumentError,
  ShapeError,
  checkFunction,
  checkInteger,
  checkVector,
} from '@rg/linalg';
import { checkSet } from './internal/set-checks.js';
import { createGame } from './internal/game-kernels.js';
import type { StrategySet } from './strategy-sets.js';

/**
 * A game of N players with vector blocks. Player i controls `x[offsets[i] .. offsets[i+1])`
 * within `sets[i]` and minimizes its own cost; `pseudoGradient` stacks the players' own
 * gradients. The methods check lengths; solvers call the unchecked kernels behind them.
 */
export interface Game {
  /** number of players N */
  readonly players: number;
  /** block length of each player */
  readonly sizes: readonly number[];
  /** block start indices, length N + 1 (offsets[N] = dim) */
  readonly offsets: readonly number[];
  /** total length Σ sizes */
  readonly dim: number;
  /** each player's strategy set */
  readonly sets: readonly StrategySet[];
  /** true when the Jacobian does not depend on x (quadratic, bilinear, unregularized matrix games) */
  readonly affine: boolean;
  /** true when `jacobian` is exact; false when it is taken by central finite differences */
  readonly exactJacobian: boolean;
  /** a known Nash equilibrium (solvers report the distance to it), or undefined */
  readonly equilibrium: Float64Array | undefined;
  /** F(x), written into `out` when given */
  pseudoGradient(x: Float64Array, out?: Float64Array): Float64Array;
  /** the Jacobian ∂F/∂x (dim×dim) */
  jacobian(x: Float64Array): Matrix;
  /** the projection of x onto the product of the strategy sets, written into `out` when given */
  project(x: Float64Array, out?: Float64Array): Float64Array;
}

/** What {@link defineGame} needs. */
export interface GameSpec {
  /** block length of each player */
  sizes: readonly number[];
  /** F(x): write into `out` (or return a new array) */
  pseudoGradient: (x: Float64Array, out: Float64Array) => unknown;
  /** exact Jacobian ∂F/∂x; central finite differences when omitted */
  jacobian?: (x: Float64Array) => Matrix;
  /** per-player strategy sets (default: unconstrained) */
  sets?: readonly StrategySet[];
  /** a known equilibrium, for distance reporting */
  equilibrium?: Float64Array;
  /** declare the Jacobian constant (certificates then evaluate it once) */
  affine?: boolean;
}

/**
 * A game from its pseudo-gradient. The Jacobian is exact when `jacobian` is given and taken by
 * central differences (step ε^{1/3}·max(1, |x_j|), error ≈ 1e-10 relative for smooth F)
 * otherwise.
 *
 * @param spec - `{ sizes, pseudoGradient, jacobian?, sets?, equilibrium?, affine? }`
 * @throws {InvalidArgumentError} when sizes are not positive integers or a callback is missing
 * @throws {ShapeError} when sets or the equilibrium do not fit the blocks
 * @example
 * // f₁ = x₁²/2 + x₁x₂, f₂ = x₂²/2 − x₁x₂: F = (x₁ + x₂, x₂ − x₁)
 * const g = defineGame({ sizes: [1, 1], pseudoGradient: (x, out) => { out[0] = x[0] + x[1]; out[1] = x[1] - x[0]; } });
 * g.pseudoGradient(new Float64Array([1, 2])) // => [3, 1]
 * g.jacobian(new Float64Array([0, 0])) // => ~[[1, 1], [-1, 1]]
 */
export function defineGame(spec: GameSpec): Game {
  const fn = 'defineGame';
  if (!spec || typeof spec !== 'object')
    throw new InvalidArgumentError(`${fn}(): spec must be an object`);
  if (!Array.isArray(spec.sizes) || spec.sizes.length < 1)
    throw new InvalidArgumentError(`${fn}(): sizes must be a non-empty array of block lengths`);
  spec.sizes.forEach((s, i) => {
    checkInteger(fn, `sizes[${i}]`, s, 1);
  });
  checkFunction(fn, 'pseudoGradient', spec.pseudoGradient);
  if (spec.jacobian !== undefined) checkFunction(fn, 'jacobian', spec.jacobian);
  const sets = spec.sets ?? spec.sizes.map(() => ({ kind: 'free' }) as const);
  if (sets.length !== spec.sizes.length)
    throw new ShapeError(`${fn}(): sets has ${sets.length} entries, expected ${spec.sizes.length}`);
  sets.forEach((s, i) => {
    checkSet(fn, `sets[${i}]`, s, spec.sizes[i]);
  });
  const dim = spec.sizes.reduce((a, b) => a + b, 0);
  const equilibrium =
    spec.equilibrium === undefined
      ? undefined
      : Float64Array.from(checkVector(fn, 'equilibrium', spec.equilibrium, dim));
  const user = spec.pseudoGradient;
  const jac = spec.jacobian;
  return createGame({
    sizes: spec.sizes,
    sets,
    affine: spec.affine ?? false,
    equilibrium,
    F: (x, out) => {
      const r = user(x, out);
      if (r instanceof Float64Array && r !== out) out.set(r);
    },
    J: jac ? (x) => jac(x) : undefined,
  });
}
