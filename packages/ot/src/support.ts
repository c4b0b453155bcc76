// Zero-mass bins carry no plan mass: solvers work on the support and embed back.
import type { Matrix } from '@rg/linalg';

/** Indices of the strictly positive entries of w. */
export function supportOf(w: Float64Array): Int32Array {
  let k = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > 0) k++;
  const idx = new Int32Array(k);
  k = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > 0) idx[k++] = i;
  return idx;
}

/** The weights and cost restricted to rows `ri` and columns `ci` (no copy when full). */
export function restrict(
  a: Float64Array,
  b: Float64Array,
  cost: Matrix,
  ri: Int32Array,
  ci: Int32Array,
): { a: Float64Array; b: Float64Array; C: Float64Array; full: boolean } {
  const full = ri.length === a.length && ci.length === b.length;
  if (full) return { a, b, C: cost.data, full };
  const m = cost.cols;
  const C = new Float64Array(ri.length * ci.length);
  for (let r = 0; r < ri.length; r++) {
    const o = ri[r] * m;
    for (let c = 0; c < ci.length; c++) C[r * ci.length + c] = cost.data[o + ci[c]];
  }
  const sa = new Float64Array(ri.length);
  const sb = new Float64Array(ci.length);
  for (let r = 0; r < ri.length; r++) sa[r] = a[ri[r]];
  for (let c = 0; c < ci.length; c++) sb[c] = b[ci[c]];
  return { a: sa, b: sb, C, full };
}

/** Embed a reduced plan (ri.length × ci.length) into an n×m zero matrix. */
export function embedPlan(
  plan: Float64Array,
  n: number,
  m: number,
  ri: Int32Array,
  ci: Int32Array,
): Float64Array {
  if (ri.length === n && ci.length === m) return plan;
  const out = new Float64Array(n * m);
  for (let r = 0; r < ri.length; r++)
    for (let c = 0; c < ci.length; c++) out[ri[r] * m + ci[c]] = plan[r * ci.length + c];
  return out;
}

/** Embed reduced potentials, `fill` on the bins outside the support. */
export function embedVector(
  x: Float64Array,
  len: number,
  idx: Int32Array,
  fill: number,
): Float64Array {
  if (idx.length === len) return x;
  const out = new Float64Array(len).fill(fill);
  for (let k = 0; k < idx.length; k++) out[idx[k]] = x[k];
  return out;
}

/** Restrict a full-length vector to `idx`. */
export function restrictVector(x: ArrayLike<number>, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = x[idx[k]];
  return out;
}
