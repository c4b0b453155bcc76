// Eigenvalues of a general real matrix: balancing (Parlett & Reinsch 1969), Hessenberg reduction and Francis double-shift QR (Golub & Van Loan, 4th ed., §7.5).
import { checkInteger, checkOptions } from './validate-arguments.js';
import { ConvergenceError } from './errors.js';
import { hessenbergInPlace } from './hessenberg.js';
import type { Matrix } from './matrix.js';
import {
  defaultSchurSweeps,
  francisInPlace,
  scaleIntoRange,
  scalePow2,
  unreducedResidual,
} from './schur.js';
import { assertSquare } from './validate.js';

/** Options of {@link eigvals}. */
export interface EigvalsOptions {
  /** diagonal similarity by powers of 2 first, as LAPACK `dgeev` does (default true) */
  balance?: boolean;
  /** most Francis double-shift sweeps in total (default 30·max(10, n)) */
  maxIter?: number;
  /** throw a ConvergenceError instead of reporting `converged: false` */
  strict?: boolean;
  /** cancels the iteration (an AbortError is thrown) */
  signal?: AbortSignal;
}

/** Result of {@link eigvals}. */
export interface EigvalsResult {
  /** real parts */
  re: Float64Array;
  /** imaginary parts: a complex pair sits at adjacent indices, positive part first */
  im: Float64Array;
  /** Francis sweeps used */
  iterations: number;
  /** false only when the sweep budget ran out (then some entries are NaN) */
  converged: boolean;
}

/**
 * Scale rows and columns of `h` by powers of two (exact in binary floating point)
 * until the 2-norms of each row and its column are within a factor of 2. Reduces ‖A‖ and
 * so the rounding errors of the QR iteration, without changing eigenvalues. Euclidean
 * norms including the diagonal, as LAPACK ≥ 3.5 uses: the 1-norms of off-diagonal parts
 * of the original Parlett–Reinsch rule can over-balance and hurt ill-conditioned
 * eigenvalues (James, Langou & Lowery 2014).
 */
function balanceInPlace(h: Float64Array, n: number): void {
  const sfmin = 2 ** -1000;
  const sfmax = 2 ** 1000;
  for (let sweep = 0, done = false; !done && sweep < 100; sweep++) {
    done = true;
    for (let i = 0; i < n; i++) {
      let c = 0;
      let r = 0;
      let scale = 0;
      for (let j = 0; j < n; j++) {
        scale = Math.max(scale, Math.abs(h[j * n + i]), Math.abs(h[i * n + j]));
      }
      if (scale === 0) continue;
      for (let j = 0; j < n; j++) {
        const cv = h[j * n + i] / scale;
        const rv = h[i * n + j] / scale;
        c += cv * cv;
        r += rv * rv;
      }
      c = Math.sqrt(c) * scale;
      r = Math.sqrt(r) * scale;
      if (c === 0 || r === 0) continue;
      const s = c + r;
      let f = 1;
      while (c < r / 2 && f < sfmax) {
        f *= 2;
        c *= 2;
        r /= 2;
      }
      while (c / 2 >= r && f > sfmin) {
        f /= 2;
        c /= 2;
        r *= 2;
      }
      // only rescale when it reduces the norm noticeably (EISPACK's 0.95 rule)
      if (c + r >= 0.95 * s) continue;
      done = false;
      const fi = 1 / f;
      const o = i * n;
      for (let j = 0; j < n; j++) h[o + j] *= fi;
      for (let j = 0; j < n; j++) h[j * n + i] *= f;
    }
  }
}

/**
 * Eigenvalues of a general real square matrix, as `{ re, im }`. Real eigenvalues have
 * `im = 0`; a complex conjugate pair occupies adjacent indices with the positive
 * imaginary part first. Order: as they appear on the diagonal of the computed real
 * Schur form, not sorted (often, but not always, NumPy's order: LAPACK deflates in a
 * different sequence for n > 75). The
 * matrix is balanced first (powers of two, exact), then reduced to Hessenberg form
 * and iterated with Francis double-shift QR without forming Schur vectors.
 *
 * @param a - square, finite (not modified)
 * @param options - `balance` (default true), `maxIter`, `strict`, `signal`
 * @returns `{ re, im, iterations, converged }`
 * @throws {ShapeError} when `a` is not square
 * @throws {NonFiniteError} when `a` holds NaN or ±Infinity
 * @throws {ConvergenceError} with `strict: true` when the sweep budget runs out
 * @throws {AbortError} when `signal` is aborted
 * @example
 * const { re, im } = eigvals(fromRows([[0, -1], [1, 0]]));
 * re // => [0, 0]
 * im // => [1, -1]
 * eigvals(fromRows([[2, 1], [1, 2]])).re // => ~[3, 1]
 */
export function eigvals(a: Matrix, optionsIn: EigvalsOptions = {}): EigvalsResult {
  const options: EigvalsOptions = checkOptions('eigvals', 'options', optionsIn);
  assertSquare('eigvals', 'a', a);
  const n = a.rows;
  const maxIter = options.maxIter ?? defaultSchurSweeps(n);
  checkInteger('eigvals', 'maxIter', maxIter, 0);
  const h = new Float64Array(a.data);
  const e = scaleIntoRange(h);
  if (options.balance ?? true) balanceInPlace(h, n);
  hessenbergInPlace(h, n, null, new Float64Array(3 * n));
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const { converged, iterations, unreduced } = francisInPlace(
    h,
    n,
    null,
    false,
    re,
    im,
    maxIter,
    'eigvals',
    options.signal,
  );
  scalePow2(re, -e);
  scalePow2(im, -e);
  if (!converged) {
    if (options.strict)
      throw new ConvergenceError(
        `eigvals(): Francis QR did not converge in ${iterations} sweeps (maxIter ${maxIter})`,
        { iterations, residual: unreducedResidual(h, n, unreduced, e) },
      );
    // eigenvalues of the unreduced leading block were never computed
    for (let i = 0; i < unreduced; i++) {
      re[i] = Number.NaN;
      im[i] = Number.NaN;
    }
  }
  return { re, im, iterations, converged };
}
