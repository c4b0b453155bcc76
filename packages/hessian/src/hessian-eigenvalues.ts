// Top Hessian eigenvalues by power iteration with deflation (Yao, Gholami, Keutzer & Mahoney 2020, PyHessian) or Lanczos (Golub & Van Loan §10.1).
import {
  checkInteger,
  checkOptions,
  checkPositive,
  ConvergenceError,
  eighTridiagonal,
  InvalidArgumentError,
  type IterativeOptions,
  type IterativeResult,
  lanczos,
  type LinearOperator,
  powerIteration,
  randomUnitVector,
  rng,
} from '@rg/linalg';
import { dot } from '@rg/linalg/kernels';
import { hessianOperator } from './internal/checks.js';
import type { Objective } from './objective.js';

/** Options of {@link hessianEigenvalues}. */
export interface HessianEigenvaluesOptions extends IterativeOptions {
  /** how many eigenvalues (default 1) */
  k?: number;
  /** 'power' (PyHessian: power iteration with deflation, default) or 'lanczos' */
  method?: 'power' | 'lanczos';
  /** power: iterations per eigenvalue; lanczos: Krylov steps (both default 100) */
  maxIter?: number;
  /** power: relative change of the Rayleigh quotient; lanczos: relative Ritz residual (default 1e-3) */
  tol?: number;
  /** seed of the random start vectors (default 0) */
  seed?: number;
}

/** Result of {@link hessianEigenvalues}. */
export interface HessianEigenvaluesResult extends IterativeResult {
  /** the k eigenvalues of largest magnitude, by decreasing magnitude */
  values: Float64Array;
  /** unit eigenvectors matching `values` */
  vectors: Float64Array[];
  /** Hessian-vector products used */
  hvps: number;
}

/**
 * The k Hessian eigenvalues of largest magnitude at x, with eigenvectors, from Hessian-vector
 * products only. 'power' follows PyHessian: for each eigenvalue, power iteration on the
 * complement of the ones found, stopped when the Rayleigh quotient changes by less than
 * `tol` relative (maxIter 100, tol 1e-3). 'lanczos' runs `maxIter` steps of Lanczos with full
 * reorthogonalization and returns Ritz pairs. `residual` is the largest relative change
 * (power) or relative Ritz residual |β_m y_m| / |λ| (Lanczos) among the returned pairs.
 *
 * @param objective - an objective with `hvp`
 * @param x - the point, length `objective.dim`
 * @param options - k, method, maxIter, tol, seed, signal, onProgress, strict
 * @throws {InvalidArgumentError} when the objective has no hvp or k exceeds dim
 * @throws {ConvergenceError} with `strict: true` when a pair did not reach `tol`
 * @example
 * const quad = { dim: 3, value: () => 0, grad: (x) => x,
 *   hvp: (_x, v, out = new Float64Array(3)) => { out.set([5 * v[0], 2 * v[1], v[2]]); return out; } };
 * hessianEigenvalues(quad, new Float64Array(3), { k: 2, method: 'lanczos' }).values // => ~[5, 2]
 */
export function hessianEigenvalues(
  objective: Objective,
  x: Float64Array,
  options: HessianEigenvaluesOptions = {},
): HessianEigenvaluesResult {
  return hessianEigenvaluesAs('hessianEigenvalues', objective, x, options);
}

/** hessianEigenvalues with errors naming the public function `fn` that called it. @internal */
export function hessianEigenvaluesAs(
  fn: string,
  objective: Objective,
  x: Float64Array,
  optionsIn: HessianEigenvaluesOptions = {},
): HessianEigenvaluesResult {
  const options = checkOptions(fn, 'options', optionsIn);
  const op = hessianOperator(fn, objective, x);
  const dim = objective.dim;
  const { k = 1, method = 'power', maxIter = 100, tol = 1e-3, seed = 0 } = options;
  checkInteger(fn, 'k', k, 1);
  checkInteger(fn, 'maxIter', maxIter, 1);
  checkPositive(fn, 'tol', tol);
  if (k > dim) throw new InvalidArgumentError(`${fn}(): k (${k}) must not exceed dim (${dim})`);
  if (method !== 'power' && method !== 'lanczos')
    throw new InvalidArgumentError(
      `${fn}(): method must be 'power' or 'lanczos' (got '${method}')`,
    );
  const r = rng(seed);
  const result = method === 'power' ? power() : krylov();
  if (options.strict && !result.converged)
    throw new ConvergenceError(
      `${fn}(): ${method} did not reach tol ${tol} (residual ${result.residual.toExponential(2)})`,
      result,
    );
  return result;

  function power(): HessianEigenvaluesResult {
    const values = new Float64Array(k);
    const vectors: Float64Array[] = [];
    const deflated = new Float64Array(dim);
    // deflation: power iteration on the complement of the eigenvectors already found
    const deflate = (v: Float64Array): void => {
      for (const u of vectors) {
        const c = dot(u.length, u, v);
        for (let i = 0; i < dim; i++) v[i] -= c * u[i];
      }
    };
    const complement: LinearOperator = (v, out) => {
      deflated.set(v);
      deflate(deflated);
      op(deflated, out);
      deflate(out);
    };
    let hvps = 0;
    let worst = 0;
    let allConverged = true;
    for (let e = 0; e < k; e++) {
      const start = randomUnitVector(dim, r);
      deflate(start);
      const pi = powerIteration(complement, dim, {
        start,
        tol,
        maxIter,
        stopWhen: 'value',
        signal: options.signal,
        onProgress: options.onProgress
          ? (info) =>
              options.onProgress?.({
                iteration: info.iteration,
                residual: info.valueChange as number,
                eigenvalue: e,
                value: info.value,
              })
          : undefined,
      });
      hvps += pi.iterations;
      if (!pi.converged) allConverged = false;
      worst = Math.max(worst, pi.valueChange);
      values[e] = pi.value;
      vectors.push(pi.vector);
    }
    // power iteration finds eigenvalues in magnitude order only approximately; sort to be sure
    const order = Array.from(values.keys()).sort(
      (a, b) => Math.abs(values[b]) - Math.abs(values[a]),
    );
    return {
      values: Float64Array.from(order, (i) => values[i]),
      vectors: order.map((i) => vectors[i]),
      hvps,
      iterations: hvps,
      converged: allConverged,
      residual: worst,
    };
  }

  function krylov(): HessianEigenvaluesResult {
    const steps = Math.min(maxIter, dim);
    const lz = lanczos(op, dim, steps, {
      reorthogonalize: 'full',
      random: r,
      basis: true,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    const m = lz.alpha.length;
    const basis = lz.basis;
    if (!basis) throw new InvalidArgumentError(`${fn}(): lanczos returned no basis`);
    const { values: ritz, vectors: Y } = eighTridiagonal(lz.alpha, lz.beta, { vectors: true });
    if (!Y) throw new InvalidArgumentError(`${fn}(): eighTridiagonal returned no vectors`);
    if (k > m)
      throw new InvalidArgumentError(
        `${fn}(): the Krylov space has dimension ${m} < k = ${k} (raise maxIter or use 'power')`,
      );
    const order = Array.from(ritz.keys()).sort((a, b) => Math.abs(ritz[b]) - Math.abs(ritz[a]));
    const values = new Float64Array(k);
    const vectors: Float64Array[] = [];
    let worst = 0;
    for (let j = 0; j < k; j++) {
      const c = order[j];
      values[j] = ritz[c];
      const v = new Float64Array(dim);
      for (let i = 0; i < dim; i++) {
        let s = 0;
        for (let t = 0; t < m; t++) s += basis.data[i * m + t] * Y.data[t * m + c];
        v[i] = s;
      }
      vectors.push(v);
      // the Lanczos remainder β_m times the last component of the Ritz vector (0 when invariant)
      const res = lz.converged
        ? 0
        : (lz.residual * Math.abs(Y.data[(m - 1) * m + c])) / Math.max(Math.abs(ritz[c]), 1e-300);
      worst = Math.max(worst, res);
    }
    return { values, vectors, hvps: m, iterations: m, converged: worst <= tol, residual: worst };
  }
}
