// Metric multidimensional scaling by SMACOF: iterated Guttman transforms, which majorize the
// raw stress and therefore never increase it (de Leeuw, "Applications of convex analysis to
// multidimensional scaling", 1977; Borg & Groenen, "Modern Multidimensional Scaling", 2nd ed.,
// 2005, §8.6).
import {
  ConvergenceError,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  ShapeError,
  assertFinite,
  throwIfAborted,
  checkOptions,
  checkInteger,
  checkPositive,
} from '@rg/linalg';
import { checkDistances } from '../internal/distances.js';
import { classicalMdsKernel } from './classical-mds.js';

/** Options of {@link smacof}. */
export interface SmacofOptions extends IterativeOptions {
  /** target dimension (default 2; taken from `init` when given) */
  dims?: number;
  /** n×dims starting configuration (default: classical MDS of d) */
  init?: Matrix;
}

/** Result of {@link smacof}. */
export interface SmacofResult extends IterativeResult {
  embedding: Matrix;
  /** raw stress Σ_{i<j} (‖x_i − x_j‖ − d_ij)² of the returned embedding */
  stress: number;
  /** normalized stress √(stress / Σ_{i<j} d_ij²) */
  normalizedStress: number;
  /** raw stress before every iteration and after the last: non-increasing */
  stressHistory: number[];
  /** relative stress decrease of the last iteration */
  residual: number;
}

/**
 * Metric MDS: minimize the raw stress σ(X) = Σ_{i<j} (‖x_i − x_j‖ − d_ij)² by SMACOF. Each
 * iteration is one Guttman transform X ← (1/n) B(X) X, b_ij = −d_ij/‖x_i − x_j‖ (i ≠ j),
 * b_ii = −Σ_{j≠i} b_ij, computed in one O(n² dims) pass over the pairs with the current stress;
 * the majorization guarantees σ never increases (checked in the tests). Stops when the relative
 * decrease (σ_old − σ)/σ_old ≤ tol (default 1e-6) or after maxIter (default 300) iterations.
 * Started from classical MDS, which is usually close, so few iterations are needed.
 *
 * @param d - n×n symmetric distance matrix (zero diagonal)
 * @param options - `{ dims = 2, init, tol = 1e-6, maxIter = 300, signal, onProgress, strict }`
 * @returns `{ embedding, stress, normalizedStress, stressHistory, iterations, converged, residual }`
 * @throws {ShapeError | NonFiniteError | NotSymmetricError | InvalidArgumentError} on bad input
 * @throws {ConvergenceError} with `strict: true` when tol is not reached
 * @example
 * import { fromRows } from '@rg/linalg';
 * // the distances of a unit square's corners: reproduced exactly in the plane
 * const s = Math.SQRT2;
 * const r = smacof(fromRows([[0, 1, s, 1], [1, 0, 1, s], [s, 1, 0, 1], [1, s, 1, 0]]));
 * r.stress < 1e-12 // => true
 */
export function smacof(d: Matrix, options: SmacofOptions = {}): SmacofResult {
  const fn = 'smacof';
  checkOptions(fn, 'options', options);
  checkDistances(fn, 'd', d);
  const n = d.rows;
  const { tol = 1e-6, maxIter = 300, signal, onProgress, strict = false } = options;
  checkPositive(fn, 'tol', tol, true);
  checkInteger(fn, 'maxIter', maxIter, 0);
  let x: Float64Array;
  let dims: number;
  if (options.init !== undefined) {
    assertFinite(fn, 'init', options.init);
    if (options.init.rows !== n)
      throw new ShapeError(`${fn}(): init must have n = ${n} rows (got ${options.init.rows})`);
    dims = options.init.cols;
    if (options.dims !== undefined && options.dims !== dims)
      throw new ShapeError(`${fn}(): init has ${dims} columns but dims is ${options.dims}`);
    x = options.init.data.slice();
  } else {
    dims = checkInteger(fn, 'dims', options.dims ?? 2, 1, Math.max(1, n - 1));
    x = classicalMdsKernel(d.data, n, dims).embedding.data;
  }
  return smacofKernel(d.data, n, dims, x, { tol, maxIter, signal, onProgress, strict });
}

/** Unchecked SMACOF from the configuration x (n×dims, overwritten). */
export function smacofKernel(
  d: Float64Array,
  n: number,
  dims: number,
  x: Float64Array,
  opts: Required<Pick<IterativeOptions, 'tol' | 'maxIter' | 'strict'>> &
    Pick<IterativeOptions, 'signal' | 'onProgress'>,
): SmacofResult {
  const fn = 'smacof';
  let dd = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) dd += d[i * n + j] ** 2;
  const next = new Float64Array(n * dims);
  const history: number[] = [];
  let iterations = 0;
  let residual = Number.POSITIVE_INFINITY;
  let stress = guttman(d, n, dims, x, next);
  history.push(stress);
  let converged = stress === 0;
  while (!converged && iterations < opts.maxIter) {
    throwIfAborted(fn, opts.signal);
    x.set(next);
    iterations++;
    const s = guttman(d, n, dims, x, next);
    history.push(s);
    residual = stress > 0 ? (stress - s) / stress : 0;
    stress = s;
    opts.onProgress?.({ iteration: iterations, residual, stress });
    if (residual <= opts.tol) converged = true;
  }
  if (!converged && opts.strict)
    throw new ConvergenceError(
      `${fn}(): relative stress decrease ${residual.toExponential(2)} > tol ${opts.tol} after ${iterations} iterations`,
      { iterations, residual },
    );
  return {
    embedding: { rows: n, cols: dims, data: x },
    stress,
    normalizedStress: dd > 0 ? Math.sqrt(stress / dd) : 0,
    stressHistory: history,
    iterations,
    converged,
    residual: Number.isFinite(residual) ? residual : 0,
  };
}

/**
 * The raw stress of x and its Guttman transform into `out`:
 * out_i = (1/n) Σ_{j≠i} (d_ij/‖x_i − x_j‖)(x_i − x_j) (coincident points contribute nothing).
 */
function guttman(
  d: Float64Array,
  n: number,
  dims: number,
  x: Float64Array,
  out: Float64Array,
): number {
  out.fill(0);
  let stress = 0;
  const diff = new Float64Array(dims);
  for (let i = 0; i < n; i++) {
    const io = i * dims;
    const drow = i * n;
    for (let j = i + 1; j < n; j++) {
      const jo = j * dims;
      let s = 0;
      for (let c = 0; c < dims; c++) {
        const v = x[io + c] - x[jo + c];
        diff[c] = v;
        s += v * v;
      }
      const dist = Math.sqrt(s);
      const target = d[drow + j];
      stress += (dist - target) ** 2;
      if (dist > 0) {
        const r = target / dist;
        for (let c = 0; c < dims; c++) {
          const v = r * diff[c];
          out[io + c] += v;
          out[jo + c] -= v;
        }
      }
    }
  }
  const inv = 1 / n;
  for (let q = 0; q < out.length; q++) out[q] *= inv;
  return stress;
}
