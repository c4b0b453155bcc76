// Power iteration with Rayleigh-quotient eigenvalue estimates (von Mises & Pollaczek-Geiringer 1929; Golub & Van Loan, Matrix Computations, 4th ed., §8.2.1).
import { checkOptions } from './validate-arguments.js';
import type { LinearOperator } from './conjugate-gradient.js';
import { ConvergenceError, InvalidArgumentError, NonFiniteError } from './errors.js';
import type { IterativeOptions, IterativeResult } from './iterative-types.js';
import { type Rng, rng } from './rng.js';
import { startVector } from './start-vector.js';
import { throwIfAborted } from './validate.js';

/** Options of {@link powerIteration}. */
export interface PowerIterationOptions extends IterativeOptions {
  /** starting vector (default: Gaussian from `random`) */
  start?: Float64Array;
  /** generator for the default start vector (default rng(0)) */
  random?: Rng;
  /**
   * What `tol` bounds: `'residual'` (default), the relative eigen-residual ‖Av − λv‖/|λ|; or
   * `'value'`, the relative change of the Rayleigh quotient between consecutive steps,
   * |λₖ − λₖ₋₁| / (|λₖ₋₁| + 1e-6) (PyHessian's test: it bounds a step, not the error, which is
   * about that change times λ₂/(λ₁ − λ₂); never met on the first step)
   */
  stopWhen?: 'residual' | 'value';
}

/** Result of {@link powerIteration}. */
export interface PowerIterationResult extends IterativeResult {
  /** the Rayleigh quotient vᵀAv of the final vector (signed) */
  value: number;
  /** unit eigenvector estimate */
  vector: Float64Array;
  /** relative eigen-residual ‖A v − value·v‖₂ / |value| */
  residual: number;
  /** relative change of the Rayleigh quotient in the last step (Infinity after a single step) */
  valueChange: number;
}

/**
 * The dominant (largest in magnitude) eigenpair of an operator by power iteration. Converges
 * at the rate |λ₂/λ₁| per step; when two eigenvalues of equal magnitude and opposite sign
 * dominate there is no single dominant eigenvector and the run reports `converged: false`.
 * Stops when ‖A v − λ v‖ ≤ tol·|λ|, or with `stopWhen: 'value'` when the Rayleigh quotient
 * changes by at most `tol` relative.
 *
 * @param op - x ↦ A x
 * @param n - dimension
 * @param options - `tol` (default 1e-8), `maxIter` (default 1000), `start`, `random`,
 *   `stopWhen`, `signal`, `onProgress` (also given `valueChange`), `strict`
 * @throws {ConvergenceError} with `strict: true` when tol is not reached in maxIter steps
 * @throws {NonFiniteError | ShapeError | InvalidArgumentError | AbortError}
 * @example
 * const a = fromRows([[2, 1], [1, 2]]);
 * const r = powerIteration((x, out) => matvec(a, x, out), 2, { tol: 1e-12 });
 * r.value // => ~3.000000
 * r // => { converged: true }
 * powerIteration((x, out) => matvec(a, x, out), 2, { tol: 1e-3, stopWhen: 'value' }).value // => ~3.00
 */
export function powerIteration(
  op: LinearOperator,
  n: number,
  optionsIn: PowerIterationOptions = {},
): PowerIterationResult {
  const options: PowerIterationOptions = checkOptions('powerIteration', 'options', optionsIn);
  const fn = 'powerIteration';
  if (typeof op !== 'function')
    throw new InvalidArgumentError(`${fn}(): op must be a function (x, out) => void`);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${fn}(): n must be a positive integer (got ${n})`);
  const { tol = 1e-8, maxIter = 1000, start, signal, onProgress, strict = false } = options;
  const stopWhen = options.stopWhen ?? 'residual';
  if (!(tol >= 0)) throw new InvalidArgumentError(`${fn}(): tol must be ≥ 0 (got ${tol})`);
  if (stopWhen !== 'residual' && stopWhen !== 'value')
    throw new InvalidArgumentError(
      `${fn}(): stopWhen must be 'residual' or 'value' (got ${String(stopWhen)})`,
    );
  if (!Number.isInteger(maxIter) || maxIter < 1)
    throw new InvalidArgumentError(`${fn}(): maxIter must be a positive integer (got ${maxIter})`);
  let v = startVector(fn, new Float64Array(n), start, options.random ?? rng(0));
  let w = new Float64Array(n);
  let value = 0;
  let residual = Number.POSITIVE_INFINITY;
  let valueChange = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIter) {
    throwIfAborted(fn, signal);
    op(v, w);
    iterations++;
    let lambda = 0;
    let ww = 0;
    for (let i = 0; i < n; i++) {
      const x = w[i];
      if (x - x !== 0) throw new NonFiniteError(`${fn}(): op returned ${x} at index ${i}`, i);
      lambda += v[i] * x;
      ww += x * x;
    }
    if (iterations > 1) valueChange = Math.abs(lambda - value) / (Math.abs(value) + 1e-6);
    value = lambda;
    if (ww === 0) {
      // A v = 0: v is an eigenvector for 0, and 0 is dominant only for the zero operator,
      // which a non-degenerate start vector reveals.
      residual = 0;
      valueChange = 0;
      break;
    }
    let rr = 0;
    for (let i = 0; i < n; i++) {
      const d = w[i] - lambda * v[i];
      rr += d * d;
    }
    residual = lambda === 0 ? Number.POSITIVE_INFINITY : Math.sqrt(rr) / Math.abs(lambda);
    onProgress?.({ iteration: iterations, residual, value, valueChange });
    if ((stopWhen === 'value' ? valueChange : residual) <= tol) break;
    const inv = 1 / Math.sqrt(ww);
    for (let i = 0; i < n; i++) w[i] *= inv;
    const t = v;
    v = w;
    w = t;
  }
  const converged = (stopWhen === 'value' ? valueChange : residual) <= tol;
  if (!converged && strict)
    throw new ConvergenceError(
      `${fn}(): relative ${stopWhen === 'value' ? 'change of the Rayleigh quotient' : 'residual'} ${(stopWhen === 'value' ? valueChange : residual).toExponential(2)} > tol ${tol.toExponential(0)} after ${iterations} iterations`,
      { iterations, residual },
    );
  return { value, vector: v.slice(), iterations, converged, residual, valueChange };
}
