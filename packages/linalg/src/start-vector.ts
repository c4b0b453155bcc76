// Start vectors of the Krylov and power methods: standard normal draws divided by their norm,
// uniform on the unit sphere (Muller 1959, "A note on a method for generating points uniformly
// on n-dimensional spheres", CACM 2(4)); such a vector has a nonzero component along every
// eigenvector with probability 1 (Golub & Van Loan, Matrix Computations, 4th ed., §8.2.1).
import { guardAllocation } from './allocation.js';
import { InvalidArgumentError, ShapeError } from './errors.js';
import { dot } from './kernels/dot.js';
import type { Rng } from './rng.js';
import { checkInteger } from './validate-arguments.js';
import { assertFiniteArray } from './validate.js';

/** Throws unless `random` is a generator (an object with `normal()`), naming `fn`. */
function checkRandom(fn: string, random: Rng): void {
  if (!random || typeof random.normal !== 'function')
    throw new InvalidArgumentError(`${fn}(): random must be a generator from rng(seed)`);
}

/** v ← v/‖v‖₂ in place; returns ‖v‖₂ (v untouched when it is 0). @internal */
export function normalizeInPlace(v: Float64Array): number {
  const nv = Math.sqrt(dot(v.length, v, v));
  if (nv > 0) for (let i = 0; i < v.length; i++) v[i] /= nv;
  return nv;
}

/**
 * A random unit vector of length n: n standard normal draws from `random`, divided by their
 * 2-norm, so it is uniform on the unit sphere. The default start vector of {@link lanczos},
 * {@link powerIteration} and {@link lanczosEigenpairs}; the same draws in the same order, so
 * `lanczos(op, n, k, { start: randomUnitVector(n, rng(s)) })` runs as with `{ random: rng(s) }`.
 *
 * @param n - length, a positive integer
 * @param random - a seeded generator from {@link rng}
 * @throws {InvalidArgumentError} when n is not a positive integer or random is not a generator
 * @example
 * const v = randomUnitVector(3, rng(1));
 * Math.hypot(...v) // => ~1
 */
export function randomUnitVector(n: number, random: Rng): Float64Array {
  checkInteger('randomUnitVector', 'n', n, 1);
  checkRandom('randomUnitVector', random);
  guardAllocation('randomUnitVector', n, 8, 'vector');
  return drawUnit(new Float64Array(n), random);
}

/** out ← normal draws from random, normalized (unchecked core of {@link randomUnitVector}). */
function drawUnit<T extends Float64Array>(out: T, random: Rng): T {
  for (let i = 0; i < out.length; i++) out[i] = random.normal();
  normalizeInPlace(out);
  return out;
}

/**
 * The unit start vector of an iterative method `fn` into `out` (length n): the caller's
 * `start`, checked (a finite Float64Array of length n, not zero) and normalized, or normal
 * draws from `random` normalized.
 *
 * @internal
 */
export function startVector<T extends Float64Array>(
  fn: string,
  out: T,
  start: Float64Array | undefined,
  random: Rng,
): T {
  const n = out.length;
  if (start === undefined) {
    checkRandom(fn, random);
    return drawUnit(out, random);
  }
  if (!(start instanceof Float64Array) || start.length !== n)
    throw new ShapeError(`${fn}(): start must be a Float64Array of length n = ${n}`);
  assertFiniteArray(fn, 'start', start);
  out.set(start);
  if (normalizeInPlace(out) === 0)
    throw new InvalidArgumentError(`${fn}(): start must not be the zero vector`);
  return out;
}
