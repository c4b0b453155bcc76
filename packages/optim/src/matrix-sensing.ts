// Low-rank matrix sensing with Gaussian measurements (Recht, Fazel & Parrilo 2010), the setting
// of Xiong, Ding & Du 2024, "How over-parameterization slows down gradient descent in matrix
// sensing: the curses of symmetry and initialization".
import {
  checkInteger,
  checkPositive,
  checkSeed,
  InvalidArgumentError,
  type Matrix,
  randomOrthogonal,
  rng,
} from '@rg/linalg';
import { gemm, gemmTransB } from '@rg/linalg/kernels';

/** Options of {@link matrixSensing}. */
export interface MatrixSensingOptions {
  /** the ground truth is n×n (n ≥ 1) */
  n: number;
  /** its rank r, 1 ≤ r ≤ n */
  rank: number;
  /** number of measurements m ≥ 1 */
  measurements: number;
  /** the ground truth's non-zero eigenvalues, descending, length r (default all 1) */
  eigenvalues?: ArrayLike<number>;
  /** seed of the generator (default 0) */
  seed?: number;
}

/** A matrix-sensing instance: y_i = ⟨A_i, M*⟩ for Gaussian A_i and a PSD rank-r M*. */
export interface SensingProblem {
  readonly n: number;
  readonly rank: number;
  readonly measurements: number;
  /** the sensing operator: row i is vec(A_i) (row-major n×n), entries N(0, 1); m×n² */
  readonly sensing: Matrix;
  /** the measurements y_i = ⟨A_i, M*⟩ */
  readonly y: Float64Array;
  /** the ground truth M* = U*U*ᵀ, n×n, symmetric positive semidefinite of rank r */
  readonly truth: Matrix;
  /** U* = Q·diag(√λ), n×r with orthonormal Q */
  readonly factor: Matrix;
}

/**
 * A random low-rank matrix-sensing problem: the ground truth M* = U*U*ᵀ has a Haar-random
 * r-dimensional column space and eigenvalues `eigenvalues` (default 1), and the m sensing
 * matrices A_i have independent N(0, 1) entries (not symmetrized, so they also see the
 * antisymmetric part of an asymmetric estimate), with y_i = ⟨A_i, M*⟩. With these scales the
 * sensing loss (1/2m)Σ(⟨A_i, Z⟩ − y_i)² has expectation ½‖Z − M*‖²_F; m of a few times n·r
 * or more gives the restricted isometry that gradient descent needs.
 *
 * @param options - n, rank, measurements, eigenvalues, seed
 * @returns { n, rank, measurements, sensing, y, truth, factor }
 * @throws {InvalidArgumentError} on sizes that are not positive integers, rank > n, or
 *   eigenvalues that are not positive
 * @example
 * const p = matrixSensing({ n: 4, rank: 1, measurements: 30, seed: 1 });
 * p.sensing.rows // => 30
 * p.sensing.cols // => 16
 * p.truth.data.reduce((s, v, i) => s + (i % 5 === 0 ? v : 0), 0) // => ~1
 */
export function matrixSensing(options: MatrixSensingOptions): SensingProblem {
  const fn = 'matrixSensing';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be { n, rank, measurements }`);
  const n = checkInteger(fn, 'n', options.n, 1);
  const r = checkInteger(fn, 'rank', options.rank, 1);
  const m = checkInteger(fn, 'measurements', options.measurements, 1);
  if (r > n) throw new InvalidArgumentError(`${fn}(): rank (${r}) must be ≤ n (${n})`);
  const lambda = options.eigenvalues ?? new Float64Array(r).fill(1);
  if (!lambda || lambda.length !== r)
    throw new InvalidArgumentError(`${fn}(): eigenvalues must have length rank = ${r}`);
  for (let i = 0; i < r; i++) checkPositive(fn, `eigenvalues[${i}]`, lambda[i]);
  const seed = options.seed ?? 0;
  checkSeed(fn, 'seed', seed);
  const random = rng(seed);
  const q = randomOrthogonal(n, random);
  const u = new Float64Array(n * r);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < r; j++) u[i * r + j] = q.data[i * n + j] * Math.sqrt(lambda[j]);
  const truth = new Float64Array(n * n);
  gemmTransB(n, n, r, u, u, truth);
  const nn = n * n;
  const a = new Float64Array(m * nn);
  for (let i = 0; i < a.length; i++) a[i] = random.normal();
  const y = new Float64Array(m);
  gemm(m, 1, nn, a, truth, y);
  return {
    n,
    rank: r,
    measurements: m,
    sensing: { rows: m, cols: nn, data: a },
    y,
    truth: { rows: n, cols: n, data: truth },
    factor: { rows: n, cols: r, data: u },
  };
}
