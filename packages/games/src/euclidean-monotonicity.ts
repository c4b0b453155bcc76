// Euclidean (Rosen 1965) monotonicity test: the smallest eigenvalue of the symmetric part of
// the pseudo-gradient's Jacobian, the classical condition the small-gain certificate relaxes.
import { checkOptions, eigh } from '@rg/linalg';
import type { Game } from './game.js';
import { kernelsOf } from './internal/game-kernels.js';
import { sampleJacobians } from './internal/sampling.js';
import type { Region } from './region.js';
import { symmetrizeInPlace } from '@rg/linalg/kernels';

/** What {@link euclideanMonotonicity} returns. */
export interface EuclideanMonotonicity {
  /** min over the region of λ_min((J + Jᵀ)/2) */
  minEigenvalue: number;
  /** minEigenvalue > 0: F is strongly monotone in the Euclidean norm (Rosen's diagonal strict convexity) */
  stronglyMonotone: boolean;
  /** true when exact (constant Jacobian); false when taken from samples */
  exact: boolean;
  /** Jacobians evaluated */
  samples: number;
}

/**
 * The Euclidean monotonicity modulus of a game on a region: the minimum of
 * λ_min((J(x) + J(x)ᵀ)/2) over the region (exact for affine games, sampled otherwise). When
 * it is positive, plain gradient play contracts in the Euclidean norm; the small-gain
 * certificate can succeed where it is negative.
 *
 * @param game - the game
 * @param region - optional for affine games
 * @param options - `samples` (64), `seed` (0)
 * @throws {InvalidArgumentError} when a non-affine game has no region
 * @example
 * import { fromRows } from '@rg/linalg';
 * euclideanMonotonicity(bilinearGame(fromRows([[2]]))).minEigenvalue // => ~0
 */
export function euclideanMonotonicity(
  game: Game,
  region?: Region,
  options: { samples?: number; seed?: number } = {},
): EuclideanMonotonicity {
  const fn = 'euclideanMonotonicity';
  checkOptions(fn, 'options', options);
  const K = kernelsOf(fn, game);
  const { jacobians, exact } = sampleJacobians(fn, game, K, region, options);
  const n = K.dim;
  let minEigenvalue = Number.POSITIVE_INFINITY;
  for (const J of jacobians) {
    const S = symmetrizeInPlace(n, Float64Array.from(J.data));
    minEigenvalue = Math.min(
      minEigenvalue,
      eigh({ rows: n, cols: n, data: S }, { vectors: false }).values[0],
    );
  }
  return { minEigenvalue, stronglyMonotone: minEigenvalue > 0, exact, samples: jacobians.length };
}
