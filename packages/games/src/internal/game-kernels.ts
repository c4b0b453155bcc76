// The unchecked kernels behind every Game: pseudo-gradient, per-player block, Jacobian and
// projection on raw arrays. Public Game methods validate and delegate here; solvers look the
// kernels up once and call them in their loops.
import { InvalidArgumentError, type Matrix, ShapeError, assertFiniteArray } from '@rg/linalg';
import type { Game } from '../game.js';
import type { StrategySet } from '../strategy-sets.js';
import { projectBlock } from './projection.js';

/** Unchecked kernels of a game. */
export interface GameKernels {
  dim: number;
  players: number;
  offsets: readonly number[];
  /** out = F(x) */
  F(x: Float64Array, out: Float64Array): void;
  /** out[offsets[i] .. offsets[i+1]) = F_i(x); other entries of out are left alone */
  Fi(i: number, x: Float64Array, out: Float64Array): void;
  /** ∂F/∂x */
  J(x: Float64Array): Matrix;
  /** out = Π(v) per block (out may alias v) */
  project(v: Float64Array, out: Float64Array): void;
  /** out[block i] = Π_i(v[block i]) (out may alias v) */
  projectPlayer(i: number, v: Float64Array, out: Float64Array): void;
  /** true when every set is 'free' */
  unconstrained: boolean;
}

const registry = new WeakMap<Game, GameKernels>();

/** Central-difference Jacobian of F at x: step ε^{1/3}·max(1, |x_j|) balances truncation and rounding. */
export function finiteDifferenceJacobian(
  F: (x: Float64Array, out: Float64Array) => void,
  x: Float64Array,
): Matrix {
  const n = x.length;
  const J = new Float64Array(n * n);
  const xp = Float64Array.from(x);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  const base = Math.cbrt(Number.EPSILON);
  for (let j = 0; j < n; j++) {
    const h = base * Math.max(1, Math.abs(x[j]));
    xp[j] = x[j] + h;
    F(xp, fp);
    xp[j] = x[j] - h;
    F(xp, fm);
    xp[j] = x[j];
    const inv = 1 / (2 * h);
    for (let i = 0; i < n; i++) J[i * n + j] = (fp[i] - fm[i]) * inv;
  }
  return { rows: n, cols: n, data: J };
}

/** Everything createGame needs. */
export interface GameParts {
  sizes: readonly number[];
  sets: readonly StrategySet[];
  affine: boolean;
  equilibrium: Float64Array | undefined;
  F(x: Float64Array, out: Float64Array): void;
  Fi?(i: number, x: Float64Array, out: Float64Array): void;
  J?(x: Float64Array): Matrix;
}

/** Build a Game (validated public methods) over unchecked kernels and register the kernels. */
export function createGame<X extends object = object>(parts: GameParts, extra?: X): Game & X {
  const sizes = Object.freeze([...parts.sizes]);
  const offsets: number[] = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  Object.freeze(offsets);
  const dim = offsets[sizes.length];
  const sets = Object.freeze([...parts.sets]);
  const scratch = new Float64Array(Math.max(...sizes));
  const F = parts.F;
  const full = new Float64Array(dim);
  const Fi =
    parts.Fi ??
    ((i: number, x: Float64Array, out: Float64Array) => {
      F(x, full);
      for (let k = offsets[i]; k < offsets[i + 1]; k++) out[k] = full[k];
    });
  const J = parts.J ?? ((x: Float64Array) => finiteDifferenceJacobian(F, x));
  const unconstrained = sets.every((s) => s.kind === 'free');
  const project = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < sizes.length; i++)
      projectBlock(sets[i], v, offsets[i], sizes[i], out, scratch);
  };
  const projectPlayer = (i: number, v: Float64Array, out: Float64Array) =>
    projectBlock(sets[i], v, offsets[i], sizes[i], out, scratch);
  const kernels: GameKernels = {
    dim,
    players: sizes.length,
    offsets,
    F,
    Fi,
    J,
    project,
    projectPlayer,
    unconstrained,
  };
  const check = (fn: string, x: Float64Array) => {
    if (!(x instanceof Float64Array) || x.length !== dim)
      throw new ShapeError(`game.${fn}(): x must be a Float64Array of length ${dim}`);
    assertFiniteArray(`game.${fn}`, 'x', x);
  };
  const outOf = (fn: string, out: Float64Array | undefined) => {
    if (out === undefined) return new Float64Array(dim);
    if (!(out instanceof Float64Array) || out.length !== dim)
      throw new ShapeError(`game.${fn}(): out must be a Float64Array of length ${dim}`);
    return out;
  };
  const game: Game = {
    players: sizes.length,
    sizes,
    offsets,
    dim,
    sets,
    affine: parts.affine,
    exactJacobian: parts.J !== undefined,
    equilibrium: parts.equilibrium,
    pseudoGradient(x, out) {
      check('pseudoGradient', x);
      const o = outOf('pseudoGradient', out);
      if (o === x) throw new ShapeError('game.pseudoGradient(): out must not alias x');
      F(x, o);
      return o;
    },
    jacobian(x) {
      check('jacobian', x);
      return J(x);
    },
    project(x, out) {
      check('project', x);
      const o = outOf('project', out);
      project(x, o);
      return o;
    },
  };
  const result = Object.assign(game, extra ?? {}) as Game & X;
  registry.set(result, kernels);
  return Object.freeze(result);
}

/** The unchecked kernels of `game` (built by this package, or wrapped from its methods). */
export function kernelsOf(fn: string, game: Game): GameKernels {
  const k = registry.get(game);
  if (k) return k;
  if (
    !game ||
    typeof game !== 'object' ||
    typeof game.pseudoGradient !== 'function' ||
    typeof game.project !== 'function' ||
    typeof game.jacobian !== 'function' ||
    !Array.isArray(game.offsets) ||
    !Number.isInteger(game.dim)
  )
    throw new InvalidArgumentError(
      `${fn}(): game must be a Game (quadraticGame, bilinearGame, matrixGame, markovGame, defineGame)`,
    );
  const full = new Float64Array(game.dim);
  const wrapped: GameKernels = {
    dim: game.dim,
    players: game.players,
    offsets: game.offsets,
    F: (x, out) => {
      game.pseudoGradient(x, out);
    },
    Fi: (i, x, out) => {
      game.pseudoGradient(x, full);
      for (let k2 = game.offsets[i]; k2 < game.offsets[i + 1]; k2++) out[k2] = full[k2];
    },
    J: (x) => game.jacobian(x),
    project: (v, out) => {
      const r = game.project(Float64Array.from(v));
      out.set(r);
    },
    projectPlayer: (i, v, out) => {
      const r = game.project(Float64Array.from(v));
      for (let k2 = game.offsets[i]; k2 < game.offsets[i + 1]; k2++) out[k2] = r[k2];
    },
    unconstrained: game.sets.every((s) => s.kind === 'free'),
  };
  registry.set(game, wrapped);
  return wrapped;
}
