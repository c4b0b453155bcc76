// Spectral calculus for symmetric matrices: f(A) = V f(Λ) Vᵀ (Higham, Functions of Matrices, 2008, §1.2).
import { checkOptions } from './validate-arguments.js';
import type { EighResult } from './eigh.js';
import { InvalidArgumentError, NonFiniteError } from './errors.js';
import type { Matrix } from './matrix.js';
import { reconstruct } from './kernels/eigenbasis.js';
import { spectrumOf } from './symmetric-helpers.js';

/** Options of {@link symmetricFunction} and the named symmetric matrix functions. */
export interface SymmetricFunctionOptions {
  /** a precomputed `eigh(a)` to reuse (saves the O(n³) decomposition) */
  eig?: EighResult;
  /**
   * eigenpair refinement passed to {@link eigh} when `eig` is not given (default 'auto':
   * refined for semidefinite spectra with spread > 1e4 and n ≤ 32); `true` extends the
   * relative accuracy for ill-conditioned SPD inputs to any n, at extra O(n³) cost
   */
  refine?: boolean | 'auto';
}

/**
 * f(A) = V diag(f(λ)) Vᵀ for a symmetric matrix A = V diag(λ) Vᵀ and a scalar function f.
 * The result is exactly symmetric. Accuracy follows that of {@link eigh}: each f(λᵢ) is
 * evaluated on an eigenvalue with absolute error about nε‖A‖.
 *
 * @param a - symmetric n×n matrix
 * @param f - scalar function, applied to every eigenvalue; must return finite values
 * @param options - `{ eig }` to reuse a decomposition of `a`
 * @returns f(A), exactly symmetric
 * @throws {NotSymmetricError} when `a` is not symmetric within {@link SYMMETRY_TOLERANCE}
 * @throws {NonFiniteError} when `a` holds NaN/Infinity or f returns a non-finite value
 * @example
 * symmetricFunction(fromRows([[2, 0], [0, 3]]), (x) => x * x) // => [[4, 0], [0, 9]]
 */
export function symmetricFunction(
  a: Matrix,
  f: (lambda: number) => number,
  optionsIn: SymmetricFunctionOptions = {},
): Matrix {
  const options = checkOptions('symmetricFunction', 'options', optionsIn);
  if (typeof f !== 'function')
    throw new InvalidArgumentError('symmetricFunction(): f must be a function of one number');
  const { values, vectors } = spectrumOf('symmetricFunction', 'a', a, options.eig, options.refine);
  return applySpectral('symmetricFunction', values, vectors, f);
}

/** f applied through a known decomposition; shared by the named matrix functions. */
export function applySpectral(
  fn: string,
  values: Float64Array,
  vectors: Matrix,
  f: (lambda: number) => number,
): Matrix {
  const n = values.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = f(values[i]);
    if (y - y !== 0)
      throw new NonFiniteError(
        `${fn}(): f(${values[i]}) is ${y} at eigenvalue ${i} (must be finite)`,
        i,
      );
    w[i] = y;
  }
  return { rows: n, cols: n, data: reconstruct(n, vectors.data, w) };
}
