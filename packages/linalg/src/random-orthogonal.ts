// Haar-distributed orthogonal matrices: QR of a Gaussian matrix with the sign fix of Mezzadri 2007, "How to generate random matrices from the classical compact groups", Notices AMS 54(5).
import { guardAllocation } from './allocation.js';
import { InvalidArgumentError } from './errors.js';
import { applyReflectorLeft, reflectColumn } from './householder.js';
import type { Matrix } from './matrix.js';
import type { Rng } from './rng.js';

/**
 * A random n×n orthogonal matrix drawn from the Haar (uniform) measure on O(n): the Q factor
 * of a matrix of independent standard normals, with column j multiplied by sign(r_jj) so that
 * the distribution does not depend on the QR sign convention (Mezzadri 2007).
 *
 * @param n - size, a non-negative integer
 * @param random - a seeded generator from {@link rng}
 * @throws {InvalidArgumentError} when n is not a non-negative integer
 * @example
 * const q = randomOrthogonal(3, rng(1));
 * frobeniusNorm(sub(matmulTransA(q, q), identity(3))) < 1e-14 // => true
 */
export function randomOrthogonal(n: number, random: Rng): Matrix {
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(
      `randomOrthogonal(): n must be a non-negative integer (got ${n})`,
    );
  if (!random || typeof random.normal !== 'function')
    throw new InvalidArgumentError('randomOrthogonal(): random must be a generator from rng(seed)');
  guardAllocation('randomOrthogonal', n * n);
  const f = new Float64Array(n * n);
  for (let i = 0; i < f.length; i++) f[i] = random.normal();
  const tau = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    tau[k] = reflectColumn(f, n, n, k);
    applyReflectorLeft(f, n, k, tau[k], f, n, n, k + 1, n, w);
  }
  // Start the backward accumulation from D = diag(sign r_kk) instead of I: Q D is the
  // Haar-distributed factor.
  const q = new Float64Array(n * n);
  for (let k = 0; k < n; k++) q[k * n + k] = f[k * n + k] < 0 ? -1 : 1;
  for (let k = n - 1; k >= 0; k--) applyReflectorLeft(f, n, k, tau[k], q, n, n, k, n, w);
  return { rows: n, cols: n, data: q };
}
