// Quadratic (affine-VI) games: player i's pseudo-gradient is Σ_j A_ij x_j + b_i, the
// standard test bed for monotonicity and contraction analyses (Rosen 1965; Facchinei & Pang
// 2003, §2.2).
import {
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  checkMatrix,
  checkVector,
} from '@rg/linalg';
import type { Game } from './game.js';
import { checkSet } from './internal/set-checks.js';
import { affineGame } from './internal/affine-game.js';
import type { StrategySet } from './strategy-sets.js';

/** What {@link quadraticGame} needs. */
export interface QuadraticGameSpec {
  /** blocks[i][j] = A_ij, an n_i×n_j matrix: how player j's block moves player i's gradient */
  blocks: readonly (readonly Matrix[])[];
  /** b[i], length n_i */
  b: readonly ArrayLike<number>[];
  /** per-player strategy sets (default: unconstrained) */
  sets?: readonly StrategySet[];
}

/**
 * The game with pseudo-gradient F_i(x) = Σ_j A_ij x_j + b_i for player i (player i's cost
 * ½ x_iᵀA_ii x_i + Σ_{j≠i} x_iᵀA_ij x_j + b_iᵀx_i when A_ii is symmetric). The Jacobian is the
 * block matrix A, exact and constant. When unconstrained and A is nonsingular the unique
 * equilibrium x* = −A⁻¹b is stored in `equilibrium`.
 *
 * @param spec - `{ blocks, b, sets? }`
 * @throws {ShapeError} when blocks are ragged, do not chain (A_ij must be n_i×n_j) or b does not fit
 * @throws {NonFiniteError} when an entry is NaN or ±Infinity
 * @example
 * import { fromRows } from '@rg/linalg';
 * const g = quadraticGame({
 *   blocks: [[fromRows([[2]]), fromRows([[1]])], [fromRows([[-1]]), fromRows([[2]])]],
 *   b: [[-3], [1]],
 * });
 * g.equilibrium // => ~[1.4, 0.2]
 * g.pseudoGradient(g.equilibrium!) // => ~[0, 0]
 */
export function quadraticGame(spec: QuadraticGameSpec): Game {
  const fn = 'quadraticGame';
  if (!spec || typeof spec !== 'object' || !Array.isArray(spec.blocks) || spec.blocks.length < 1)
    throw new InvalidArgumentError(`${fn}(): blocks must be a non-empty N×N array of matrices`);
  const N = spec.blocks.length;
  for (let i = 0; i < N; i++)
    if (!Array.isArray(spec.blocks[i]) || spec.blocks[i].length !== N)
      throw new ShapeError(
        `${fn}(): blocks must be N×N (row ${i} has ${spec.blocks[i]?.length} blocks, N = ${N})`,
      );
  const sizes: number[] = [];
  for (let i = 0; i < N; i++) {
    const d = spec.blocks[i][i] as Matrix;
    if (!d || typeof d !== 'object' || !Number.isInteger(d.rows) || d.rows < 1)
      throw new ShapeError(`${fn}(): blocks[${i}][${i}] must be a square Matrix`);
    sizes.push(d.rows);
  }
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++)
      checkMatrix(fn, `blocks[${i}][${j}]`, spec.blocks[i][j], sizes[i], sizes[j]);
  if (!Array.isArray(spec.b) || spec.b.length !== N)
    throw new ShapeError(`${fn}(): b must hold ${N} vectors`);
  const offsets = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  const dim = offsets[N];
  const A = new Float64Array(dim * dim);
  const b = new Float64Array(dim);
  for (let i = 0; i < N; i++) {
    b.set(checkVector(fn, `b[${i}]`, spec.b[i], sizes[i], true), offsets[i]);
    for (let j = 0; j < N; j++) {
      const blk = spec.blocks[i][j];
      for (let r = 0; r < sizes[i]; r++)
        for (let c = 0; c < sizes[j]; c++)
          A[(offsets[i] + r) * dim + offsets[j] + c] = blk.data[r * sizes[j] + c];
    }
  }
  const sets = spec.sets ?? sizes.map(() => ({ kind: 'free' }) as const);
  if (sets.length !== N)
    throw new ShapeError(`${fn}(): sets has ${sets.length} entries, expected ${N}`);
  sets.forEach((s, i) => {
    checkSet(fn, `sets[${i}]`, s, sizes[i]);
  });
  return affineGame(sizes, A, b, sets, undefined);
}
