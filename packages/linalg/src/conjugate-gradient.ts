// (Preconditioned) conjugate gradient for SPD systems (Hestenes & Stiefel 1952; Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., Alg. 9.1).
import { checkInteger, checkOptions, checkPositive } from './validate-arguments.js';
import {
  ConvergenceError,
  InvalidArgumentError,
  NonFiniteError,
  NotPositiveDefiniteError,
  ShapeError,
} from './errors.js';
import type { IterativeOptions, IterativeResult } from './iterative-types.js';
import { assertFiniteArray, throwIfAborted } from './validate.js';

/**
 * A linear operator x ↦ A x written into `out` (length n). It must not keep `x` or `out`:
 * both buffers are reused between calls.
 */
export type LinearOperator = (x: Float64Array, out: Float64Array) => void;

/** Options of {@link conjugateGradient}. */
export interface ConjugateGradientOptions extends IterativeOptions {
  /** initial guess (default 0) */
  x0?: Float64Array;
  /** applies M⁻¹ for an SPD preconditioner M ≈ A (e.g. Jacobi: divide by diag A) */
  preconditioner?: LinearOperator;
}

/** Result of {@link conjugateGradient}. */
export interface ConjugateGradientResult extends IterativeResult {
  /** the approximate solution of A x = b */
  x: Float64Array;
  /** relative residual ‖b − A x‖₂ / ‖b‖₂ (the recursively updated one) */
  residual: number;
}

function applyChecked(
  fn: string,
  what: string,
  op: LinearOperator,
  x: Float64Array,
  out: Float64Array,
): void {
  op(x, out);
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (v - v !== 0) throw new NonFiniteError(`${fn}(): ${what} returned ${v} at index ${i}`, i);
  }
}

/**
 * Solve A x = b for a symmetric positive definite operator A by (preconditioned) conjugate
 * gradients. Stops when the relative residual ‖r‖/‖b‖ ≤ tol.
 *
 * @param op - x ↦ A x for SPD A
 * @param b - right-hand side
 * @param options - `tol` (default 1e-10, relative residual), `maxIter` (default 10·n),
 *   `x0`, `preconditioner`, `signal`, `onProgress`, `strict`
 * @throws {NotPositiveDefiniteError} when a search direction has pᵀAp ≤ 0 (A is not SPD)
 *   or rᵀM⁻¹r ≤ 0 (the preconditioner is not SPD)
 * @throws {ConvergenceError} with `strict: true` when tol is not reached in maxIter steps
 * @throws {NonFiniteError | ShapeError | AbortError} on bad input or cancellation
 * @example
 * const a = fromRows([[4, 1], [1, 3]]);
 * const r = conjugateGradient((x, out) => matvec(a, x, out), vector([1, 2]));
 * r.x // => ~[0.090909, 0.636364]
 * r // => { converged: true }
 */
export function conjugateGradient(
  op: LinearOperator,
  b: Float64Array,
  optionsIn: ConjugateGradientOptions = {},
): ConjugateGradientResult {
  return conjugateGradientAs('conjugateGradient', op, b, optionsIn);
}

/**
 * {@link conjugateGradient} with its errors naming `fn`, the function the user called.
 *
 * @internal
 */
export function conjugateGradientAs(
  fn: string,
  op: LinearOperator,
  b: Float64Array,
  optionsIn: ConjugateGradientOptions,
): ConjugateGradientResult {
  const options: ConjugateGradientOptions = checkOptions(fn, 'options', optionsIn);
  if (typeof op !== 'function')
    throw new InvalidArgumentError(`${fn}(): op must be a function (x, out) => void`);
  if (!(b instanceof Float64Array)) throw new ShapeError(`${fn}(): b must be a Float64Array`);
  assertFiniteArray(fn, 'b', b);
  const n = b.length;
  const {
    tol = 1e-10,
    maxIter = 10 * n,
    signal,
    onProgress,
    strict = false,
    x0,
    preconditioner,
  } = options;
  checkPositive(fn, 'tol', tol, true);
  checkInteger(fn, 'maxIter', maxIter, 0);
  const x = new Float64Array(n);
  if (x0 !== undefined) {
    if (!(x0 instanceof Float64Array) || x0.length !== n)
      throw new ShapeError(`${fn}(): x0 must be a Float64Array of length ${n}`);
    assertFiniteArray(fn, 'x0', x0);
    x.set(x0);
  }
  let bNorm = 0;
  for (let i = 0; i < n; i++) bNorm += b[i] * b[i];
  bNorm = Math.sqrt(bNorm);
  if (bNorm === 0) return { x: new Float64Array(n), iterations: 0, converged: true, residual: 0 };
  const r = b.slice();
  const ap = new Float64Array(n);
  if (x0 !== undefined) {
    applyChecked(fn, 'op', op, x, ap);
    for (let i = 0; i < n; i++) r[i] -= ap[i];
  }
  const z = preconditioner ? new Float64Array(n) : r;
  if (preconditioner) applyChecked(fn, 'preconditioner', preconditioner, r, z);
  const p = z.slice();
  let rz = 0;
  let rr = 0;
  for (let i = 0; i < n; i++) {
    rz += r[i] * z[i];
    rr += r[i] * r[i];
  }
  let residual = Math.sqrt(rr) / bNorm;
  let iterations = 0;
  while (residual > tol && iterations < maxIter) {
    throwIfAborted(fn, signal);
    if (!(rz > 0))
      throw new NotPositiveDefiniteError(
        `${fn}(): preconditioner is not positive definite (rᵀM⁻¹r = ${rz.toExponential(2)} at iteration ${iterations})`,
      );
    applyChecked(fn, 'op', op, p, ap);
    let pAp = 0;
    for (let i = 0; i < n; i++) pAp += p[i] * ap[i];
    if (!(pAp > 0))
      throw new NotPositiveDefiniteError(
        `${fn}(): op is not positive definite (pᵀAp = ${pAp.toExponential(2)} at iteration ${iterations})`,
      );
    const alpha = rz / pAp;
    rr = 0;
    for (let i = 0; i < n; i++) {
      x[i] += alpha * p[i];
      const ri = r[i] - alpha * ap[i];
      r[i] = ri;
      rr += ri * ri;
    }
    iterations++;
    residual = Math.sqrt(rr) / bNorm;
    onProgress?.({ iteration: iterations, residual });
    if (residual <= tol) break;
    if (preconditioner) applyChecked(fn, 'preconditioner', preconditioner, r, z);
    let rzNew = 0;
    for (let i = 0; i < n; i++) rzNew += r[i] * z[i];
    const beta = rzNew / rz;
    rz = rzNew;
    for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
  }
  const converged = residual <= tol;
  if (!converged && strict)
    throw new ConvergenceError(
      `${fn}(): relative residual ${residual.toExponential(2)} > tol ${tol.toExponential(0)} after ${iterations} iterations`,
      { iterations, residual },
    );
  return { x, iterations, converged, residual };
}
