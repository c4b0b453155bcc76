// Sliced Wasserstein distance (Rabin, Peyré, Delon & Bernot 2011; Bonneel, Rabin, Peyré & Pfister
// 2015, "Sliced and Radon Wasserstein barycenters of measures"): the mean over directions θ of
// the one-dimensional W_p^p between the projections ⟨x, θ⟩, to the power 1/p.
import {
  checkOptions,
  checkSeed,
  InvalidArgumentError,
  isMatrix,
  type Matrix,
  rng,
  ShapeError,
} from '@rg/linalg';
import { type Points, toPoints } from './cost-matrix.js';
import { checkWeights, total, type Weights } from './problem.js';
import { wassersteinPowerSorted } from './wasserstein-1d.js';

/** Options of {@link slicedWasserstein}. */
export interface SlicedWassersteinOptions {
  /**
   * the directions: a number of random unit vectors (default 50, drawn uniformly on the sphere
   * from `seed`), or a d × L Matrix whose columns are the directions (used as given, as POT's
   * `projections`)
   */
  projections?: number | Matrix;
  /** seed of the random directions, a safe integer (default 0) */
  seed?: number;
  /** order p ≥ 1 (default 2) */
  p?: number;
  /** weights of the rows of x (default uniform) */
  xWeights?: Weights;
  /** weights of the rows of y (default uniform) */
  yWeights?: Weights;
}

function normalizedWeights(fn: string, name: string, w: Weights | undefined, n: number) {
  if (w === undefined) return new Float64Array(n).fill(1 / n);
  const out = checkWeights(fn, name, w);
  if (out.length !== n)
    throw new ShapeError(`${fn}(): ${name} has ${out.length} entries but there are ${n} points`);
  const s = total(out);
  for (let i = 0; i < n; i++) out[i] /= s;
  return out;
}

/** the projections of the rows of a (n × d) on direction column l of dirs (d × L), sorted, with their weights */
function projectSorted(
  a: Matrix,
  w: Float64Array,
  dirs: Float64Array,
  L: number,
  l: number,
  order: Uint32Array,
  proj: Float64Array,
  xs: Float64Array,
  ws: Float64Array,
): void {
  const n = a.rows;
  const d = a.cols;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += a.data[i * d + c] * dirs[c * L + l];
    proj[i] = s;
    order[i] = i;
  }
  order.sort((i, j) => proj[i] - proj[j]);
  for (let k = 0; k < n; k++) {
    xs[k] = proj[order[k]];
    ws[k] = w[order[k]];
  }
}

/**
 * The sliced p-Wasserstein distance between two weighted point clouds in R^d,
 * SW_p = ((1/L) Σ_l W_p^p(⟨x, θ_l⟩, ⟨y, θ_l⟩))^{1/p}, each one-dimensional distance exact (merged
 * quantile functions). With the same `projections` Matrix it equals POT's
 * `ot.sliced_wasserstein_distance(x, y, a, b, n_projections=L, p=p, projections=θ)`. Cost
 * O(L (n + m)(d + log(n + m))); a metric on measures, and a Monte Carlo estimate of the
 * integral over the sphere when the directions are random.
 *
 * @param x - n points, one per row (Matrix or nested arrays)
 * @param y - m points of the same dimension
 * @param options - projections (count or d × L Matrix), seed, p, xWeights, yWeights
 * @returns SW_p(x, y) ≥ 0
 * @throws {ShapeError} on empty clouds, dimensions that differ, weights or a projection Matrix
 *   of the wrong size
 * @throws {NonFiniteError} on a non-finite coordinate or weight
 * @throws {InvalidArgumentError} on p < 1, a projection count that is not a positive integer,
 *   a seed that is not a safe integer, or negative weights
 * @example
 * // a translation by (3, 4) along the directions e1 and e2: W_2 is 3 and 4 on each
 * import { fromRows } from '@rg/linalg';
 * const x = [[0, 0], [1, 1]];
 * const y = [[3, 4], [4, 5]];
 * slicedWasserstein(x, y, { projections: fromRows([[1, 0], [0, 1]]) }) // => ~3.5355339
 * slicedWasserstein(x, x, { projections: 20 }) // => 0
 */
export function slicedWasserstein(
  x: Points,
  y: Points,
  options: SlicedWassersteinOptions = {},
): number {
  const fn = 'slicedWasserstein';
  checkOptions(fn, 'options', options);
  const px = toPoints(fn, 'x', x);
  const py = toPoints(fn, 'y', y);
  if (px.rows === 0 || py.rows === 0) throw new ShapeError(`${fn}(): x and y must not be empty`);
  if (px.cols !== py.cols)
    throw new ShapeError(`${fn}(): x has dimension ${px.cols} but y has dimension ${py.cols}`);
  const d = px.cols;
  const p = options.p ?? 2;
  if (typeof p !== 'number' || !(p >= 1) || !Number.isFinite(p))
    throw new InvalidArgumentError(`${fn}(): p must be a finite number ≥ 1 (got ${p})`);
  const wx = normalizedWeights(fn, 'xWeights', options.xWeights, px.rows);
  const wy = normalizedWeights(fn, 'yWeights', options.yWeights, py.rows);
  const proj = options.projections ?? 50;
  let dirs: Float64Array;
  let L: number;
  if (isMatrix(proj)) {
    if (proj.rows !== d || proj.cols === 0)
      throw new ShapeError(
        `${fn}(): projections must be a ${d} × L Matrix (got ${proj.rows} × ${proj.cols})`,
      );
    dirs = toPoints(fn, 'projections', proj).data;
    L = proj.cols;
  } else {
    if (typeof proj !== 'number' || !Number.isInteger(proj) || proj < 1)
      throw new InvalidArgumentError(
        `${fn}(): projections must be a positive integer or a Matrix (got ${String(proj)})`,
      );
    const seed = checkSeed(fn, 'seed', options.seed ?? 0);
    L = proj;
    dirs = new Float64Array(d * L);
    const r = rng(seed);
    for (let l = 0; l < L; l++) {
      // a standard normal vector, normalized, is uniform on the sphere
      let s = 0;
      for (let c = 0; c < d; c++) {
        const z = r.normal();
        dirs[c * L + l] = z;
        s += z * z;
      }
      const inv = 1 / Math.sqrt(s);
      for (let c = 0; c < d; c++) dirs[c * L + l] *= inv;
    }
  }
  const n = px.rows;
  const m = py.rows;
  const ox = new Uint32Array(n);
  const oy = new Uint32Array(m);
  const prx = new Float64Array(n);
  const pry = new Float64Array(m);
  const xs = new Float64Array(n);
  const xw = new Float64Array(n);
  const ys = new Float64Array(m);
  const yw = new Float64Array(m);
  let acc = 0;
  for (let l = 0; l < L; l++) {
    projectSorted(px, wx, dirs, L, l, ox, prx, xs, xw);
    projectSorted(py, wy, dirs, L, l, oy, pry, ys, yw);
    acc += wassersteinPowerSorted(xs, xw, ys, yw, p);
  }
  return (acc / L) ** (1 / p);
}
