// Random SPD matrices with a prescribed spectrum, Q Λ Qᵀ with Haar Q (Mezzadri 2007; test-matrix construction as in Higham, Accuracy and Stability, §28.3).
import { guardAllocation } from './allocation.js';
import { checkOptions } from './validate-arguments.js';
import { InvalidArgumentError } from './errors.js';
import { gram } from './gram.js';
import type { Matrix } from './matrix.js';
import { randomOrthogonal } from './random-orthogonal.js';
import type { Rng } from './rng.js';

/** Options of {@link randomSPD}. */
export interface RandomSPDOptions {
  /** 2-norm condition number λ_max/λ_min, ≥ 1 (default 10) */
  condition?: number;
}

/**
 * A random n×n symmetric positive definite matrix Q Λ Qᵀ with Haar-distributed Q and
 * eigenvalues λ_max = 1, λ_min = 1/condition, the others log-uniform in between (n ≥ 2).
 * The result is exactly symmetric. Forming Q Λ Qᵀ in float64 moves each eigenvalue by about
 * n·eps·λ_max, so the condition number of the returned matrix matches `condition` to a
 * relative error of about n·eps·condition (1e-9 for condition 1e5 and n = 64; only a few
 * digits at 1e14).
 *
 * @param n - size, a positive integer (n = 1 gives [[1]] and needs condition 1)
 * @param random - a seeded generator from {@link rng}; required, there is no default stream
 * @param options - `condition` (default 10)
 * @throws {InvalidArgumentError} when n or condition is out of range, or `random` is missing
 * @example
 * const a = randomSPD(4, rng(7), { condition: 100 });
 * cholesky(a).rows // => 4
 * trace(a) <= 4 // => true
 * randomSPD(3) // => throws InvalidArgumentError
 */
export function randomSPD(n: number, random: Rng, options: RandomSPDOptions = {}): Matrix {
  const condition = checkOptions('randomSPD', 'options', options).condition ?? 10;
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`randomSPD(): n must be a positive integer (got ${n})`);
  // no hidden default stream: a fixed seed would make every call return the same matrix and a
  // fresh one would make results unrepeatable, so the caller passes rng(seed)
  if (!random || typeof random.uniform !== 'function' || typeof random.normal !== 'function')
    throw new InvalidArgumentError(
      `randomSPD(): random must be a generator from rng(seed), e.g. randomSPD(${n}, rng(1)) (got ${random === null ? 'null' : typeof random})`,
    );
  if (!(condition >= 1) || !Number.isFinite(condition))
    throw new InvalidArgumentError(
      `randomSPD(): condition must be a finite number ≥ 1 (got ${condition})`,
    );
  if (n === 1 && condition !== 1)
    throw new InvalidArgumentError(`randomSPD(): a 1×1 matrix has condition 1 (got ${condition})`);
  guardAllocation('randomSPD', n * n);
  const logMin = -Math.log(condition);
  const lambda = new Float64Array(n);
  lambda[0] = 1;
  if (n > 1) lambda[n - 1] = 1 / condition;
  for (let i = 1; i < n - 1; i++) lambda[i] = Math.exp(logMin * random.uniform());
  const q = randomOrthogonal(n, random);
  // A = (Q Λ^{1/2})(Q Λ^{1/2})ᵀ through gram(), which makes the result exactly symmetric.
  const b = q.data;
  for (let j = 0; j < n; j++) {
    const s = Math.sqrt(lambda[j]);
    for (let i = 0; i < n; i++) b[i * n + j] *= s;
  }
  return gram(q, 'AAt');
}
