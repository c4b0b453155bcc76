// Regularized Newton with gradient-normalized smoothness and approximate Hessians (Doikov, Mishchenko & Nesterov line of work; ALGORITHMS.md "Gradient-Normalized Smoothness").
import {
  checkInteger,
  checkOptions,
  checkPositive,
  cholesky,
  ConvergenceError,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  NotPositiveDefiniteError,
  solveTriangular,
  throwIfAborted,
} from '@rg/linalg';
import { checkedGrad, checkedValue, checkObjective, checkPoint } from './internal/checks.js';
import type { CurvatureObjective } from './objective.js';
import { dot, symmetrizeInPlace } from '@rg/linalg/kernels';

/** Which curvature the Newton model uses. */
export type GnsHessian = 'exact' | 'fisher' | 'gaussNewton' | ((x: Float64Array) => Matrix);

/** Options of {@link gnsNewton}. */
export interface GnsNewtonOptions extends IterativeOptions {
  /** curvature: the objective's exact Hessian (default), Fisher, Gauss–Newton, or your own x ↦ H */
  hessian?: GnsHessian;
  /** initial γ (default 1) */
  gamma0?: number;
  /** outer iterations, each one curvature evaluation (default 100) */
  maxIter?: number;
  /** stop when ‖∇f‖ ≤ tol (default 1e-10) */
  tol?: number;
  /** rejected trials allowed per iteration before giving up (default 60) */
  maxRejections?: number;
}

/** One accepted step, with the two sides of the acceptance inequality. */
export interface GnsStep {
  iteration: number;
  gamma: number;
  /** λ = ‖g‖/γ */
  lambda: number;
  /** f(x) − f(x + Δ) */
  decrease: number;
  /** ‖∇f(x + Δ)‖² / (8λ) */
  bound: number;
  /** ‖∇f(x + Δ)‖ */
  gradNorm: number;
  /**
   * 'inequality': accepted because decrease ≥ bound. 'tolerance': the final step, taken
   * because ‖∇f(x + Δ)‖ ≤ tol while f did not rise beyond rounding (8ε|f|): near the
   * optimum the decrease falls below the rounding error of f and cannot be certified
   * (objectives with `valueDecrease` avoid this).
   */
  rule: 'inequality' | 'tolerance';
}

/** Result of {@link gnsNewton}. */
export interface GnsNewtonResult extends IterativeResult {
  /** the final parameters (the name @rg/nn's `train` uses for the same thing) */
  params: Float64Array;
  /** @deprecated since 0.x: use `params` (the same array); removed in 1.0 */
  x: Float64Array;
  value: number;
  /** the accepted steps */
  steps: GnsStep[];
  /** ‖∇f‖ at the start and after each accepted step */
  gradNormHistory: number[];
  /** trials rejected by the inequality (γ halved) */
  rejections: number;
}

function denseFromProducts(
  dim: number,
  product: (v: Float64Array, out: Float64Array) => void,
): Matrix {
  const H = new Float64Array(dim * dim);
  const e = new Float64Array(dim);
  const col = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    e.fill(0);
    e[j] = 1;
    product(e, col);
    for (let i = 0; i < dim; i++) H[i * dim + j] = col[i];
  }
  // products are symmetric only up to rounding; Cholesky wants exact symmetry
  symmetrizeInPlace(dim, H);
  return { rows: dim, cols: dim, data: H };
}

function curvatureSource(
  fn: string,
  objective: CurvatureObjective,
  kind: GnsHessian,
): (x: Float64Array) => Matrix {
  const dim = objective.dim;
  if (typeof kind === 'function') return kind;
  const table = {
    exact: [objective.hessian, objective.hvp],
    fisher: [objective.fisher, objective.fisherVectorProduct],
    gaussNewton: [objective.gaussNewton, objective.gaussNewtonVectorProduct],
  } as const;
  if (!(kind in table))
    throw new InvalidArgumentError(
      `${fn}(): hessian must be 'exact', 'fisher', 'gaussNewton' or a function (got '${String(kind)}')`,
    );
  const [dense, product] = table[kind];
  if (typeof dense === 'function') return (x) => dense.call(objective, x);
  if (typeof product === 'function')
    return (x) =>
      denseFromProducts(dim, (v, out) => {
        const r = product.call(objective, x, v, out);
        if (r !== out) out.set(r);
      });
  throw new InvalidArgumentError(
    `${fn}(): hessian '${kind}' needs the objective to provide a dense matrix or a vector product for it`,
  );
}

/**
 * Regularized Newton with gradient-normalized smoothness: at x with gradient g, take
 * λ = ‖g‖/γ and Δ = −(H + λI)⁻¹ g (Cholesky); accept when
 * `f(x) − f(x + Δ) ≥ ‖∇f(x + Δ)‖² / (8λ)` and double γ, otherwise halve γ and retry with
 * the same H. H is the exact Hessian or an approximation (Fisher, Gauss–Newton, your own);
 * the rule adapts λ to how good the approximation is. Needs dense H: for dim up to a few
 * thousand. When the objective offers `valueDecrease`, the decrease is taken from it, which
 * keeps the test meaningful below ‖∇f‖ ≈ √(ε|f|).
 *
 * @param objective - value, grad and the chosen curvature (dense or as products)
 * @param x0 - start, length dim (not changed)
 * @param options - hessian, gamma0, maxIter, tol, maxRejections, signal, onProgress, strict
 * @throws {InvalidArgumentError} when the chosen curvature is not available
 * @throws {ConvergenceError} with `strict: true` when ‖∇f‖ > tol after maxIter
 * @example
 * import { fromRows } from '@rg/linalg';
 * const f = logisticRegression(fromRows([[1, 0.5], [-1, 1], [0.3, -2], [2, 1]]), [1, 0, 0, 1], { l2: 0.1 });
 * const r = gnsNewton(f, new Float64Array(2));
 * r // => { converged: true }
 * r.residual < 1e-10 // => true
 * r.params === r.x // => true
 */
export function gnsNewton(
  objective: CurvatureObjective,
  x0: Float64Array,
  optionsIn: GnsNewtonOptions = {},
): GnsNewtonResult {
  const fn = 'gnsNewton';
  const options = checkOptions(fn, 'options', optionsIn);
  checkObjective(fn, objective);
  const dim = objective.dim;
  checkPoint(fn, 'x0', x0, dim);
  const { gamma0 = 1, maxIter = 100, tol = 1e-10, maxRejections = 60 } = options;
  checkPositive(fn, 'gamma0', gamma0);
  checkPositive(fn, 'tol', tol);
  checkInteger(fn, 'maxIter', maxIter, 0);
  const curvature = curvatureSource(fn, objective, options.hessian ?? 'exact');

  let x = Float64Array.from(x0);
  let f = checkedValue(fn, objective, x);
  let g = checkedGrad(fn, objective, x);
  let gNorm = Math.sqrt(dot(g.length, g, g));
  let gamma = gamma0;
  const steps: GnsStep[] = [];
  const gradNormHistory = [gNorm];
  let rejections = 0;
  let iterations = 0;
  let stalled = false;
  const rhs = { rows: dim, cols: 1, data: new Float64Array(dim) };

  while (gNorm > tol && iterations < maxIter && !stalled) {
    throwIfAborted(fn, options.signal);
    iterations++;
    const H = curvature(x);
    let accepted = false;
    for (let trial = 0; trial <= maxRejections && !accepted; trial++) {
      const lambda = gNorm / gamma;
      const A = { rows: dim, cols: dim, data: Float64Array.from(H.data) };
      for (let i = 0; i < dim; i++) A.data[i * dim + i] += lambda;
      let L: Matrix;
      try {
        L = cholesky(A);
      } catch (e) {
        // an indefinite exact Hessian needs a larger λ: same as a rejection
        if (!(e instanceof NotPositiveDefiniteError)) throw e;
        gamma /= 2;
        rejections++;
        continue;
      }
      rhs.data.set(g);
      const y = solveTriangular(L, rhs, { lower: true });
      const delta = solveTriangular(L, y, { lower: true, transpose: true }).data;
      const xn = Float64Array.from(x, (xi, i) => xi - delta[i]);
      const fnew = checkedValue(fn, objective, xn);
      const gn = checkedGrad(fn, objective, xn);
      const gnNorm = Math.sqrt(dot(gn.length, gn, gn));
      const decrease = objective.valueDecrease
        ? objective.valueDecrease(
            x,
            Float64Array.from(delta, (t) => -t),
          )
        : f - fnew;
      const bound = (gnNorm * gnNorm) / (8 * lambda);
      let rule: GnsStep['rule'] | null = null;
      if (decrease >= bound) rule = 'inequality';
      else if (gnNorm <= tol && fnew <= f + 8 * Number.EPSILON * Math.abs(f)) rule = 'tolerance';
      if (rule) {
        steps.push({
          iteration: iterations,
          gamma,
          lambda,
          decrease,
          bound,
          gradNorm: gnNorm,
          rule,
        });
        x = xn;
        f = fnew;
        g = gn;
        gNorm = gnNorm;
        gradNormHistory.push(gNorm);
        gamma *= 2;
        accepted = true;
      } else {
        gamma /= 2;
        rejections++;
      }
    }
    if (!accepted) stalled = true;
    options.onProgress?.({ iteration: iterations, residual: gNorm, value: f, gamma });
  }
  const converged = gNorm <= tol;
  const result = {
    params: x,
    x,
    value: f,
    steps,
    gradNormHistory,
    rejections,
    iterations,
    converged,
    residual: gNorm,
  };
  if (options.strict && !converged)
    throw new ConvergenceError(
      `${fn}(): ‖∇f‖ = ${gNorm.toExponential(2)} > tol ${tol} after ${iterations} iterations${stalled ? ` (${maxRejections} rejections in a row)` : ''}`,
      result,
    );
  return result;
}
