// The affine game F(x) = A x + b on raw arrays: shared by quadraticGame and bilinearGame.
import { SingularMatrixError, solve } from '@rg/linalg';
import type { Game } from '../game.js';
import type { StrategySet } from '../strategy-sets.js';
import { createGame } from './game-kernels.js';
import { matvecInto } from './kernels.js';

/**
 * The game F(x) = A x + b over the given blocks (no validation). `equilibrium` overrides the
 * solve of A x = −b for unconstrained games.
 */
export function affineGame(
  sizes: readonly number[],
  A: Float64Array,
  b: Float64Array,
  sets: readonly StrategySet[],
  equilibrium: Float64Array | undefined,
): Game {
  const dim = b.length;
  const offsets = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  let eq = equilibrium;
  if (eq === undefined && sets.every((s) => s.kind === 'free')) {
    try {
      eq = solve(
        { rows: dim, cols: dim, data: A },
        Float64Array.from(b, (v) => -v),
      );
    } catch (e) {
      if (!(e instanceof SingularMatrixError)) throw e;
    }
  }
  return createGame({
    sizes,
    sets,
    affine: true,
    equilibrium: eq,
    F(x, out) {
      matvecInto(A, dim, dim, x, out);
      for (let k = 0; k < dim; k++) out[k] += b[k];
    },
    Fi(i, x, out) {
      const o = offsets[i];
      const n = offsets[i + 1] - o;
      matvecInto(A.subarray(o * dim, (o + n) * dim), n, dim, x, out.subarray(o, o + n));
      for (let k = o; k < o + n; k++) out[k] += b[k];
    },
    J: () => ({ rows: dim, cols: dim, data: Float64Array.from(A) }),
  });
}
