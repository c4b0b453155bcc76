// Per-player strategy sets of a game and their Euclidean projections (Facchinei & Pang,
// "Finite-Dimensional Variational Inequalities", 2003, §1.5: projected dynamics need Π_K).
import {
  InvalidArgumentError,
  ShapeError,
  assertFiniteArray,
  checkOptions,
  checkPositive,
} from '@rg/linalg';
import { checkSet } from './internal/set-checks.js';
import { projectBlock } from './internal/projection.js';

/** No constraint: the player's block ranges over all of ℝⁿ. */
export interface FreeSet {
  readonly kind: 'free';
}

/** The box lower ≤ x ≤ upper (scalars apply to every coordinate). */
export interface BoxSet {
  readonly kind: 'box';
  readonly lower: number | Float64Array;
  readonly upper: number | Float64Array;
}

/** The Euclidean ball ‖x − center‖ ≤ radius (center 0 when omitted). */
export interface BallSet {
  readonly kind: 'ball';
  readonly radius: number;
  readonly center?: Float64Array;
}

/**
 * The (scaled, floored) simplex { x : Σ x = total, x ≥ floor }; total 1 and floor 0 is the set
 * of mixed strategies.
 */
export interface SimplexSet {
  readonly kind: 'simplex';
  readonly total: number;
  readonly floor: number;
}

/** A player's strategy set. */
export type StrategySet = FreeSet | BoxSet | BallSet | SimplexSet;

/**
 * The unconstrained set ℝⁿ (projection is the identity).
 *
 * @example
 * freeSet().kind // => 'free'
 */
export function freeSet(): FreeSet {
  return { kind: 'free' };
}

function bound(fn: string, name: string, v: number | ArrayLike<number>): number | Float64Array {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new InvalidArgumentError(`${fn}(): ${name} must not be NaN`);
    return v;
  }
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number')
    throw new ShapeError(
      `${fn}(): ${name} must be a number or an array of numbers (got ${v === null ? 'null' : typeof v})`,
    );
  const a = Float64Array.from(v);
  for (let i = 0; i < a.length; i++)
    if (Number.isNaN(a[i]))
      throw new InvalidArgumentError(`${fn}(): ${name}[${i}] must not be NaN`);
  return a;
}

/**
 * The box lower ≤ x ≤ upper. Bounds are scalars (every coordinate) or arrays of the block's
 * length; ±Infinity leaves a side open.
 *
 * @throws {InvalidArgumentError} when a bound is NaN or lower > upper somewhere
 * @throws {ShapeError} when array bounds differ in length
 * @example
 * projectOntoSet(boxSet(0, 1), new Float64Array([-0.5, 0.3, 2])) // => [0, 0.3, 1]
 */
export function boxSet(
  lower: number | ArrayLike<number>,
  upper: number | ArrayLike<number>,
): BoxSet {
  const fn = 'boxSet';
  const lo = bound(fn, 'lower', lower);
  const hi = bound(fn, 'upper', upper);
  if (typeof lo !== 'number' && typeof hi !== 'number' && lo.length !== hi.length)
    throw new ShapeError(
      `${fn}(): lower (length ${lo.length}) and upper (length ${hi.length}) differ`,
    );
  const n = typeof lo !== 'number' ? lo.length : typeof hi !== 'number' ? hi.length : 1;
  for (let i = 0; i < n; i++) {
    const l = typeof lo === 'number' ? lo : lo[i];
    const h = typeof hi === 'number' ? hi : hi[i];
    if (l > h)
      throw new InvalidArgumentError(`${fn}(): lower must be ≤ upper (index ${i}: ${l} > ${h})`);
  }
  return { kind: 'box', lower: lo, upper: hi };
}

/**
 * The Euclidean ball of `radius` around `center` (the origin when omitted).
 *
 * @throws {InvalidArgumentError} when radius is not positive and finite
 * @throws {NonFiniteError} when center holds NaN or ±Infinity
 * @example
 * projectOntoSet(ballSet(1), new Float64Array([3, 4])) // => ~[0.6, 0.8]
 */
export function ballSet(radius: number, center?: ArrayLike<number>): BallSet {
  checkPositive('ballSet', 'radius', radius);
  if (center === undefined) return { kind: 'ball', radius };
  assertFiniteArray('ballSet', 'center', center);
  const c = Float64Array.from(center);
  return { kind: 'ball', radius, center: c };
}

/**
 * The simplex { x : Σ x = total, x ≥ floor } (defaults: total 1, floor 0, the mixed
 * strategies). A positive floor keeps entropy terms finite.
 *
 * @throws {InvalidArgumentError} when total is not positive or floor is negative
 * @example
 * projectOntoSet(simplexSet(), new Float64Array([0.5, 0.5, 1])) // => ~[0.1667, 0.1667, 0.6667]
 */
export function simplexSet(options: { total?: number; floor?: number } = {}): SimplexSet {
  checkOptions('simplexSet', 'options', options);
  const total = checkPositive('simplexSet', 'total', options.total ?? 1);
  const floor = checkPositive('simplexSet', 'floor', options.floor ?? 0, true);
  return { kind: 'simplex', total, floor };
}

/**
 * The Euclidean projection of `v` onto `set`, in a new array (or `out`).
 *
 * @throws {ShapeError} when the set's bounds do not fit `v`
 * @throws {NonFiniteError} when `v` holds NaN or ±Infinity
 * @example
 * projectOntoSet(simplexSet(), new Float64Array([2, 0])) // => [1, 0]
 */
export function projectOntoSet(
  set: StrategySet,
  v: Float64Array,
  out?: Float64Array,
): Float64Array {
  const fn = 'projectOntoSet';
  if (!(v instanceof Float64Array)) throw new ShapeError(`${fn}(): v must be a Float64Array`);
  assertFiniteArray(fn, 'v', v);
  checkSet(fn, 'set', set, v.length);
  const res = out ?? new Float64Array(v.length);
  if (res.length !== v.length)
    throw new ShapeError(`${fn}(): out has length ${res.length}, expected ${v.length}`);
  projectBlock(set, v, 0, v.length, res, new Float64Array(v.length));
  return res;
}
