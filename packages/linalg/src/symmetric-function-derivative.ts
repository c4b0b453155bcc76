// Fréchet derivative of a symmetric matrix function by the Daleckii–Krein formula
// (Daleckii & Krein 1965; Higham, Functions of Matrices, 2008, Theorem 3.11; Bhatia, Matrix Analysis, §V.3).
import type { EighResult } from './eigh.js';
import { InvalidArgumentError, NonFiniteError } from './errors.js';
import type { Matrix } from './matrix.js';
import { daleckiiKrein, loewnerMatrix } from './kernels/daleckii-krein.js';
import {
  type DividedDifference,
  dividedDifferenceExp,
  dividedDifferenceGeneric,
  dividedDifferenceInvSqrt,
  dividedDifferenceLog,
  dividedDifferenceSqrt,
} from './kernels/divided-differences.js';
import { checkSpectrum, spectrumOf } from './symmetric-helpers.js';
import { assertMatrix, assertSameShape, assertSquare } from './validate.js';
import { checkOptions } from './validate-arguments.js';

/** Functions with built-in, cancellation-free divided differences. */
export type NamedSymmetricFunction = 'log' | 'exp' | 'sqrt' | 'invSqrt';

const NAMED: Record<NamedSymmetricFunction, { dd: DividedDifference; domain: 'positive' | 'any' }> =
  {
    log: { dd: dividedDifferenceLog, domain: 'positive' },
    exp: { dd: dividedDifferenceExp, domain: 'any' },
    sqrt: { dd: dividedDifferenceSqrt, domain: 'positive' },
    invSqrt: { dd: dividedDifferenceInvSqrt, domain: 'positive' },
  };

/**
 * Fréchet derivative Df(A)[E] of the symmetric matrix function f at A in direction E by
 * Daleckii–Krein: with A = V diag(λ) Vᵀ, Df(A)[E] = V (F ∘ (Vᵀ E V)) Vᵀ where
 * F_ij = (f(λᵢ) − f(λⱼ))/(λᵢ − λⱼ) and F_ii = f'(λᵢ). For a user f, eigenvalues closer than
 * ε^⅓·max(|λᵢ|, |λⱼ|) use f'((λᵢ + λⱼ)/2) (error O(h²) instead of the O(ε/h) cancellation);
 * the named functions 'log', 'exp', 'sqrt', 'invSqrt' use the cancellation-free forms of the
 * divided-difference table in `@rg/linalg/kernels` (relative error a few ε for close and for
 * widely spread eigenvalues).
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
  optionsIn: { eig?: EighResult; refine?: boolean | 'auto' } = {},
): Matrix {
  const fn = 'symmetricFunctionDerivative';
  const options = checkOptions(fn, 'options', optionsIn);
  assertMatrix(fn, 'a', a);
  assertSquare(fn, 'e', e);
  assertSameShape(fn, 'a', a, 'e', e);
  if (typeof f !== 'string' && typeof f !== 'function')
    throw new InvalidArgumentError(
      `${fn}(): f must be a function or one of 'log', 'exp', 'sqrt', 'invSqrt' (got ${f === null ? 'null' : typeof f})`,
    );
  const named = typeof f === 'string' ? f : undefined;
  if (named !== undefined && !(named in NAMED))
    throw new InvalidArgumentError(
      `${fn}(): f must be a function or one of 'log', 'exp', 'sqrt', 'invSqrt' (got '${named}')`,
    );
  if (named === undefined && typeof df !== 'function')
    throw new InvalidArgumentError(`${fn}(): df (the derivative of f) must be a function`);
  const { values, vectors } = spectrumOf(fn, 'a', a, options.eig, options.refine);
  if (named) checkSpectrum(fn, 'a', values, NAMED[named].domain);
  const n = values.length;
  const dd = named
    ? NAMED[named].dd
    : dividedDifferenceGeneric(f as (x: number) => number, df as (x: number) => number);
  const w = loewnerMatrix(n, values, dd);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const fij = w[i * n + j];
      if (fij - fij !== 0)
        throw new NonFiniteError(
          `${fn}(): divided difference f[λ${i}, λ${j}] is ${fij} (must be finite)`,
        );
    }
  let symmetricE = true;
  for (let i = 0; i < n && symmetricE; i++)
    for (let j = 0; j < i; j++)
      if (e.data[i * n + j] !== e.data[j * n + i]) {
        symmetricE = false;
        break;
      }
  const data = daleckiiKrein(n, vectors.data, w, e.data, { symmetric: symmetricE });
  return { rows: n, cols: n, data };
}
