// Symmetric Lyapunov equation P L + L P = V through the eigendecomposition of P
// (Bhatia, Positive Definite Matrices, 2007, §1.1; Bartels & Stewart 1972 in the diagonal case).
import type { EighResult } from './eigh.js';
import type { Matrix } from './matrix.js';
import { daleckiiKrein } from './kernels/daleckii-krein.js';
import { checkSpectrum, spectrumOf } from './symmetric-helpers.js';
import { assertMatrix, assertSameShape, assertSquare } from './validate.js';
import { checkOptions } from './validate-arguments.js';

/**
 * Solve P L + L P = V for L with P symmetric positive definite: with P = U diag(p) Uᵀ,
 * L = U [(Uᵀ V U)ᵢⱼ / (pᵢ + pⱼ)] Uᵀ. This is the Bures–Wasserstein "L_P[V]" operator.
 * L is exactly symmetric when V is.
 *
 * @param p - symmetric positive definite n×n matrix
 * @param v - right-hand side, n×n
 * @param options - `{ eig }` to reuse `eigh(p)`; `refine` as in {@link eigh}
 * @returns L with P L + L P = V
 * @throws {NotPositiveDefiniteError} when p is not SPD (min eigenvalue in the message)
 * @throws {ShapeError | NonFiniteError | NotSymmetricError} on bad input
 * @example
 * solveLyapunovSym(fromRows([[1, 0], [0, 2]]), fromRows([[2, 3], [3, 8]])) // => [[1, 1], [1, 2]]
 */
export function solveLyapunovSym(
  p: Matrix,
  v: Matrix,
  optionsIn: { eig?: EighResult; refine?: boolean | 'auto' } = {},
): Matrix {
  const options = checkOptions('solveLyapunovSym', 'options', optionsIn);
  assertMatrix('solveLyapunovSym', 'p', p);
  assertSquare('solveLyapunovSym', 'v', v);
  assertSameShape('solveLyapunovSym', 'p', p, 'v', v);
  const { values, vectors } = spectrumOf('solveLyapunovSym', 'p', p, options.eig, options.refine);
  checkSpectrum('solveLyapunovSym', 'p', values, 'positive');
  const n = values.length;
  // L = U [(Uᵀ V U)ᵢⱼ / (pᵢ + pⱼ)] Uᵀ: the eigenbasis Schur product with weights 1/(pᵢ + pⱼ).
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) w[i * n + j] = 1 / (values[i] + values[j]);
  let symmetric = true;
  for (let i = 0; i < n && symmetric; i++)
    for (let j = 0; j < i; j++)
      if (v.data[i * n + j] !== v.data[j * n + i]) {
        symmetric = false;
        break;
      }
  return { rows: n, cols: n, data: daleckiiKrein(n, vectors.data, w, v.data, { symmetric }) };
}
