// Fréchet derivative of a symmetric matrix function by the Daleckii–Krein formula
// (Daleckii & Krein 1965; Higham, Functions of Matrices, 2008, Theorem 3.11; Bhatia, Matrix Analysis, §V.3).
import type { EighResult } from './eigh.js';
import { InvalidArgumentError, NonFiniteError } from './errors.js';
import type { Matrix } from './matrix.js';
import { checkSpectrum, fromEigenbasis, spectrumOf, toEigenbasis } from './symmetric-helpers.js';
import { assertSameShape, assertSquare } from './validate.js';

/** Functions with built-in, cancellation-free divided differences. */
export type NamedSymmetricFunction = 'log' | 'exp' | 'sqrt' | 'invSqrt';

const CBRT_EPS = 6.055454452393343e-6;

/**
 * First divided difference f[x, y] of a named function, accurate also for x ≈ y
 * (log1p/expm1 forms and rationalized roots avoid the cancellation of (f(x) − f(y))/(x − y)).
 */
function namedDivided(name: NamedSymmetricFunction, x: number, y: number): number {
  switch (name) {
    case 'log': {
      if (x === y) return 1 / x;
      const d = x - y;
      return Math.log1p(d / y) / d;
    }
    case 'exp': {
      if (x === y) return Math.exp(x);
      const d = x - y;
      if (Math.abs(d) > 1) return (Math.exp(x) - Math.exp(y)) / d;
      return (Math.exp(y) * Math.expm1(d)) / d;
    }
    case 'sqrt':
      return 1 / (Math.sqrt(x) + Math.sqrt(y));
    case 'invSqrt': {
      const sx = Math.sqrt(x);
      const sy = Math.sqrt(y);
      return -1 / (sx * sy * (sx + sy));
    }
  }
}

const NAMED: Record<NamedSymmetricFunction, 'positive' | 'any'> = {
  log: 'positive',
  exp: 'any',
  sqrt: 'positive',
  invSqrt: 'positive',
};

/**
 * Fréchet derivative Df(A)[E] of the symmetric matrix function f at A in direction E by
 * Daleckii–Krein: with A = V diag(λ) Vᵀ, Df(A)[E] = V (F ∘ (Vᵀ E V)) Vᵀ where
 * F_ij = (f(λᵢ) − f(λⱼ))/(λᵢ − λⱼ) and F_ii = f'(λᵢ). For a user f, eigenvalues closer than
 * ε^⅓·max(|λᵢ|, |λⱼ|) use f'((λᵢ + λⱼ)/2) (error O(h²) instead of the O(ε/h) cancellation);
 * the named functions 'log', 'exp', 'sqrt', 'invSqrt' use exact cancellation-free forms.
 * The result is exactly symmetric when E is.
 *
 * @param a - symmetric n×n matrix (SPD for 'log', 'sqrt', 'invSqrt')
 * @param f - scalar function, or a named one
 * @param df - derivative of f (ignored for a named f)
 * @param e - direction, n×n (any square matrix; symmetric in most uses)
 * @param options - `{ eig }` to reuse `eigh(a)` (the usual case in backpropagation); `refine` as in {@link eigh}
 * @returns Df(A)[E]
 * @throws {InvalidArgumentError} when f is a function and df is missing, or f is an unknown name
 * @throws {ShapeError | NonFiniteError | NotSymmetricError | NotPositiveDefiniteError} on bad input
 * @example
 * const d = symmetricFunctionDerivative(fromRows([[1, 0], [0, 4]]), 'sqrt', undefined, fromRows([[1, 1], [1, 1]]));
 * d // => ~[[0.5, 0.333333], [0.333333, 0.25]]
 * @example
 * symmetricFunctionDerivative(identity(2), (x) => x * x, (x) => 2 * x, identity(2)) // => [[2, 0], [0, 2]]
 */
export function symmetricFunctionDerivative(
  a: Matrix,
  f: ((x: number) => number) | NamedSymmetricFunction,
  df: ((x: number) => number) | undefined,
  e: Matrix,
  options: { eig?: EighResult; refine?: boolean | 'auto' } = {},
): Matrix {
  const fn = 'symmetricFunctionDerivative';
  assertSquare(fn, 'e', e);
  assertSameShape(fn, 'a', a, 'e', e);
  const named = typeof f === 'string' ? f : undefined;
  if (named !== undefined && !(named in NAMED))
    throw new InvalidArgumentError(
      `${fn}(): f must be a function or one of 'log', 'exp', 'sqrt', 'invSqrt' (got '${named}')`,
    );
  if (named === undefined && typeof df !== 'function')
    throw new InvalidArgumentError(`${fn}(): df (the derivative of f) must be a function`);
  const { values, vectors } = spectrumOf(fn, 'a', a, options.eig, options.refine);
  if (named) checkSpectrum(fn, 'a', values, NAMED[named]);
  const n = values.length;
  // Divided-difference matrix (symmetric).
  const fv = new Float64Array(n);
  const dfv = new Float64Array(n);
  if (!named) {
    const ff = f as (x: number) => number;
    const dff = df as (x: number) => number;
    for (let i = 0; i < n; i++) {
      fv[i] = ff(values[i]);
      dfv[i] = dff(values[i]);
    }
  }
  const m = toEigenbasis(vectors, e);
  for (let i = 0; i < n; i++) {
    const li = values[i];
    for (let j = 0; j <= i; j++) {
      const lj = values[j];
      let fij: number;
      if (named) fij = namedDivided(named, li, lj);
      else if (i === j) fij = dfv[i];
      else {
        const h = li - lj;
        const tol = CBRT_EPS * Math.max(Math.abs(li), Math.abs(lj));
        fij =
          Math.abs(h) <= tol
            ? h === 0
              ? 0.5 * (dfv[i] + dfv[j])
              : (df as (x: number) => number)(0.5 * (li + lj))
            : (fv[i] - fv[j]) / h;
      }
      if (fij - fij !== 0)
        throw new NonFiniteError(
          `${fn}(): divided difference f[λ${i}, λ${j}] is ${fij} (must be finite)`,
        );
      m[i * n + j] *= fij;
      if (i !== j) m[j * n + i] *= fij;
    }
  }
  let symmetricE = true;
  for (let i = 0; i < n && symmetricE; i++)
    for (let j = 0; j < i; j++)
      if (e.data[i * n + j] !== e.data[j * n + i]) {
        symmetricE = false;
        break;
      }
  return fromEigenbasis(vectors, m, symmetricE);
}
