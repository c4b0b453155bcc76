// One-dimensional optimal transport through quantile functions
// (Santambrogio, "Optimal Transport for Applied Mathematicians", 2015, §2.2).
import { assertFiniteArray, checkOptions, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { checkWeights, total, type Weights } from './problem.js';

/** Options of {@link wasserstein1D}. */
export interface Wasserstein1DOptions {
  /** weights of the samples u (default uniform) */
  uWeights?: Weights;
  /** weights of the samples v (default uniform) */
  vWeights?: Weights;
  /** order p ≥ 1 of the distance (default 1) */
  p?: number;
}

function sortedWithWeights(
  fn: string,
  name: string,
  x: ArrayLike<number>,
  w: Weights | undefined,
): { x: Float64Array; w: Float64Array } {
  if (!x || typeof x.length !== 'number' || x.length === 0)
    throw new ShapeError(`${fn}(): ${name} must be a non-empty array of numbers`);
  assertFiniteArray(fn, name, x);
  const n = x.length;
  let ww: Float64Array;
  if (w === undefined) ww = new Float64Array(n).fill(1 / n);
  else {
    ww = checkWeights(fn, `${name}Weights`, w);
    if (ww.length !== n)
      throw new ShapeError(`${fn}(): ${name}Weights has ${ww.length} entries but ${name} has ${n}`);
    const s = total(ww);
    for (let i = 0; i < n; i++) ww[i] /= s;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i] - x[j]);
  const xs = new Float64Array(n);
  const ws = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    xs[k] = x[order[k]];
    ws[k] = ww[order[k]];
  }
  return { x: xs, w: ws };
}

/**
 * The p-Wasserstein distance W_p between two weighted samples on the real line,
 * (∫₀¹ |F_u⁻¹(q) − F_v⁻¹(q)|^p dq)^{1/p}, computed exactly by merging the two
 * quantile functions (O((n + m) log(n + m))). Samples need not be sorted; weights are
 * normalized to unit mass. POT's `ot.wasserstein_1d` returns the p-th power W_p^p.
 *
 * @param u - samples of the first distribution
 * @param v - samples of the second distribution
 * @param options - `{ uWeights, vWeights, p = 1 }`
 * @returns W_p(u, v) ≥ 0
 * @throws {ShapeError} on empty samples or weights of the wrong length
 * @throws {NonFiniteError} on a non-finite sample or weight
 * @throws {InvalidArgumentError} on negative weights or p < 1
 * @example
 * wasserstein1D([0, 1], [2, 3]) // => 2
 * wasserstein1D([0], [1, 3], { p: 2 }) // => ~2.2360680
 * wasserstein1D([0, 10], [1], { uWeights: [0.9, 0.1] }) // => ~1.8
 */
export function wasserstein1D(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  options: Wasserstein1DOptions = {},
): number {
  const fn = 'wasserstein1D';
  checkOptions(fn, 'options', options);
  const p = options.p ?? 1;
  if (typeof p !== 'number' || !(p >= 1) || !Number.isFinite(p))
    throw new InvalidArgumentError(`${fn}(): p must be a finite number ≥ 1 (got ${p})`);
  const U = sortedWithWeights(fn, 'u', u, options.uWeights);
  const V = sortedWithWeights(fn, 'v', v, options.vWeights);
  const acc = wassersteinPowerSorted(U.x, U.w, V.x, V.w, p);
  if (p === 1) return acc;
  if (acc < Infinity && acc > 1e-290) return acc ** (1 / p);
  // |x − y|^p overflowed or underflowed (large p or far-apart samples) although W_p fits:
  // W_p = M (Σ w (|x − y| / M)^p)^{1/p} with M the largest gap carrying mass.
  const big = wassersteinPowerSorted(U.x, U.w, V.x, V.w, Infinity);
  if (big === 0) return 0;
  return big * wassersteinPowerSorted(U.x, U.w, V.x, V.w, p, big) ** (1 / p);
}

/**
 * W_p^p between two sorted weighted samples (weights summing to 1), unchecked: the merge of the
 * two quantile functions. Inputs must be validated and sorted by the caller. Gaps are divided
 * by `scale`; `p = Infinity` gives the largest gap that carries mass (W_∞).
 */
export function wassersteinPowerSorted(
  ux: Float64Array,
  uw: Float64Array,
  vx: Float64Array,
  vw: Float64Array,
  p: number,
  scale = 1,
): number {
  // Walk the merged breakpoints of the two CDFs; between two breakpoints both
  // quantile functions are constant. The last atom's CDF is taken as exactly 1 so
  // rounding in the cumulative sums cannot leave a gap at the top.
  const n = ux.length;
  const m = vx.length;
  let i = 0;
  let j = 0;
  let cu = uw[0];
  let cv = vw[0];
  let q = 0;
  let acc = 0;
  for (;;) {
    const fu = i === n - 1 ? 1 : cu;
    const fv = j === m - 1 ? 1 : cv;
    const next = Math.min(fu, fv);
    if (next > q) {
      const d = Math.abs(ux[i] - vx[j]) / scale;
      if (p === Infinity) acc = Math.max(acc, d);
      else acc += (next - q) * (p === 1 ? d : d ** p);
      q = next;
    }
    if (fu <= fv) {
      if (i === n - 1) break;
      cu += uw[++i];
    } else {
      if (j === m - 1) break;
      cv += vw[++j];
    }
  }
  return acc;
}
