// Shared input checks for every solver of @rg/ot: one helper per check so every
// message has the same form ("fn(): name ...") and the kernels can trust their inputs.
import {
  assertFinite,
  assertFiniteArray,
  InvalidArgumentError,
  isMatrix,
  type Matrix,
  ShapeError,
} from '@rg/linalg';

/** Weights accepted by the public functions: a Float64Array or a plain array. */
export type Weights = Float64Array | readonly number[];

/** A cost matrix as a Matrix or nested rows (`cost[i][j]`), accepted by every solver. */
export type CostInput = Matrix | readonly (readonly number[])[];

/**
 * A finite Matrix from a Matrix (returned as is) or nested rows (copied). `what` names the
 * rows' entries in messages ('entries' for a cost, 'coordinates' for points).
 */
export function toMatrix(
  fn: string,
  name: string,
  x: Matrix | readonly (readonly number[])[],
  what = 'entries',
): Matrix {
  if (isMatrix(x)) {
    assertFinite(fn, name, x);
    return x;
  }
  if (!Array.isArray(x))
    throw new ShapeError(
      `${fn}(): ${name} must be a Matrix or nested arrays of numbers (one array per row)`,
    );
  const rows = x.length;
  const cols = rows ? (x[0]?.length ?? 0) : 0;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = x[i];
    if (!r || r.length !== cols)
      throw new ShapeError(
        `${fn}(): ${name}[${i}] has ${r?.length} ${what}, ${name}[0] has ${cols}`,
      );
    for (let k = 0; k < cols; k++) data[i * cols + k] = r[k];
  }
  const m = { rows, cols, data };
  assertFinite(fn, name, m);
  return m;
}

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
 * total mass (within {@link MASS_TOLERANCE} relative) and a finite a.length × b.length cost
 * (a Matrix or nested rows). Returns copies of the weights, so callers never mutate user
 * input, and the cost as a Matrix.
 */
export function checkProblem(
  fn: string,
  a: Weights,
  b: Weights,
  costIn: CostInput,
): { a: Float64Array; b: Float64Array; n: number; m: number; cost: Matrix } {
  const aa = checkWeights(fn, 'a', a);
  const bb = checkWeights(fn, 'b', b);
  const cost = toMatrix(fn, 'cost', costIn);
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
  return { a: aa, b: bb, n: aa.length, m: bb.length, cost };
}
