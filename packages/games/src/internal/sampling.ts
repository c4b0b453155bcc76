// Points at which the certificates evaluate a game's Jacobian: once for affine games,
// otherwise the region's centre and seeded random points of the region, projected onto the
// strategy sets.
import {
  checkCallbackOutput,
  checkInteger,
  checkPositive,
  checkSeed,
  checkVector,
  InvalidArgumentError,
  type Matrix,
  rng,
  ShapeError,
} from '@rg/linalg';
import type { Game } from '../game.js';
import type { Region } from '../region.js';
import type { GameKernels } from './game-kernels.js';

/** The Jacobians a certificate needs, and whether they are exact for the whole region. */
export function sampleJacobians(
  fn: string,
  game: Game,
  K: GameKernels,
  region: Region | undefined,
  options: { samples?: number; seed?: number },
): { jacobians: Matrix[]; exact: boolean } {
  const samples = checkInteger(fn, 'samples', options.samples ?? 64, 1);
  const seed = options.seed ?? 0;
  checkSeed(fn, 'seed', seed);
  const dim = K.dim;
  const points: Float64Array[] = [];
  if (region === undefined) {
    if (!game.affine)
      throw new InvalidArgumentError(
        `${fn}(): region is required for games whose Jacobian varies ({ lower, upper } or { center, radius })`,
      );
    const x = new Float64Array(dim);
    K.project(x, x);
    points.push(x);
  } else {
    const r = rng(seed);
    if (region && typeof region === 'object' && 'lower' in region) {
      const lo = checkVector(fn, 'region.lower', region.lower, dim, true);
      const hi = checkVector(fn, 'region.upper', region.upper, dim, true);
      for (let j = 0; j < dim; j++)
        if (!(lo[j] <= hi[j]))
          throw new InvalidArgumentError(
            `${fn}(): region.lower[${j}] must be ≤ region.upper[${j}]`,
          );
      const count = game.affine ? 1 : samples;
      for (let s = 0; s < count; s++)
        points.push(
          Float64Array.from(lo, (l, j) =>
            s === 0 ? 0.5 * (l + hi[j]) : l + r.uniform() * (hi[j] - l),
          ),
        );
    } else if (region && typeof region === 'object' && 'center' in region) {
      const c = checkVector(fn, 'region.center', region.center, dim, true);
      const rad = checkPositive(fn, 'region.radius', region.radius);
      const count = game.affine ? 1 : samples;
      for (let s = 0; s < count; s++) {
        if (s === 0) {
          points.push(Float64Array.from(c));
          continue;
        }
        const d = Float64Array.from({ length: dim }, () => r.normal());
        let nrm = 0;
        for (const v of d) nrm += v * v;
        const scale = (rad * r.uniform() ** (1 / dim)) / Math.sqrt(nrm);
        points.push(Float64Array.from(c, (ci, j) => ci + scale * d[j]));
      }
    } else throw new ShapeError(`${fn}(): region must be { lower, upper } or { center, radius }`);
    for (const p of points) K.project(p, p);
  }
  const jacobians = points.map((p) => {
    const J = K.J(p);
    if (J.rows !== dim || J.cols !== dim)
      throw new ShapeError(
        `${fn}(): the game's jacobian is ${J.rows}×${J.cols}, expected ${dim}×${dim}`,
      );
    checkCallbackOutput(fn, 'the jacobian', J.data, J.data.length);
    return J;
  });
  return { jacobians, exact: game.affine };
}
