// Shared input checks for every solver of @rg/ot: one helper per check so every
// message has the same form ("fn(): name ...") and the kernels can trust their inputs.
import {
  assertFinite,
  assertFiniteArray,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';

/** Weights accepted by the public functions: a Float64Array or a plain array. */
export type Weights = Float64Array | readonly number[];

/** Relative tolerance on |Σa − Σb| / max(Σa, Σb) accepted as equal total mass. */
export const MASS_TOLERANCE = 1e-9;

/** A validated, copied histogram with its total mass. */
export function checkWeights(fn: string, name: string, w: Weights): Float64Array {
  if (!w || typeof w.length !== 'number')
    throw new ShapeError(`${fn}(): ${name} must be a Float64Array or an array of numbers`);
  if (w.length === 0) throw new ShapeError(`${fn}(): ${name} must not be empty`);
  assertFiniteArray(fn, name, w);
  const out = Float64Array.from(w);
  let s = 0;
  for (let i = 0; i < out.length; i++) {
    if (out[i] < 0)
      throw new InvalidArgumentError(
        `${fn}(): ${name}[${i}] is ${out[i]} (weights must be non-negative)`,
      );
    s += out[i];
  }
  if (!(s > 0)) throw new InvalidArgumentError(`${fn}(): ${name} has zero total mass`);
  return out;
}

/** Sum of a Float64Array. */
export function total(w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  return s;
}

/**
 * Validate a transport problem (a, b, cost): finite non-negative weights of equal
 * total mass (within {@link MASS_TOLERANCE} relative) and a finite a.length × b.length cost.
 * Returns copies of the weights, so callers never mutate user input.
 */
export function checkProblem(
  fn: string,
  a: Weights,
  b: Weights,
  cost: Matrix,
): { a: Float64Array; b: Float64Array; n: number; m: number } {
  const aa = checkWeights(fn, 'a', a);
  const bb = checkWeights(fn, 'b', b);
  assertFinite(fn, 'cost', cost);
  if (cost.rows !== aa.length || cost.cols !== bb.length)
    throw new ShapeError(
      `${fn}(): cost is ${cost.rows}×${cost.cols} but a has ${aa.length} and b has ${bb.length} entries`,
    );
  const sa = total(aa);
  const sb = total(bb);
  const rel = Math.abs(sa - sb) / Math.max(sa, sb);
  if (rel > MASS_TOLERANCE)
    throw new InvalidArgumentError(
      `${fn}(): a and b must have the same total mass (Σa = ${sa}, Σb = ${sb}, relative difference ${rel.toExponential(2)} > ${MASS_TOLERANCE})`,
    );
  return { a: aa, b: bb, n: aa.length, m: bb.length };
}

/** Throw unless the entropic regularization is a finite positive number. */
export function checkReg(fn: string, reg: unknown): number {
  if (typeof reg !== 'number' || !Number.isFinite(reg) || reg <= 0)
    throw new InvalidArgumentError(`${fn}(): reg must be a finite number > 0 (got ${String(reg)})`);
  return reg;
}

/** Throw unless an iteration count is a non-negative integer. */
export function checkCount(fn: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a non-negative integer (got ${value})`,
    );
  return value;
}

/** Throw unless a tolerance is finite and ≥ 0. */
export function checkTol(fn: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new InvalidArgumentError(`${fn}(): tol must be a finite number ≥ 0 (got ${value})`);
  return value;
}
