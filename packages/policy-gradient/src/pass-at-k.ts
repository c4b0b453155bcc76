// The unbiased pass@k estimator from n samples with c correct (Chen et al. 2021, "Evaluating
// large language models trained on code", eq. 1).
import { InvalidArgumentError, checkInteger } from '@rg/linalg';

/** @internal 1 − C(n − c, k)/C(n, k) as a product, no binomials formed; unchecked */
export function passAtKKernel(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  let miss = 1;
  for (let i = n - c + 1; i <= n; i++) miss *= 1 - k / i;
  return 1 - miss;
}

/**
 * The probability that at least one of k responses drawn without replacement from n sampled
 * responses, c of them correct, is correct: 1 − C(n − c, k)/C(n, k), the unbiased estimator of
 * pass@k from n ≥ k samples. Computed as 1 − Πᵢ₌ₙ₋c₊₁ⁿ (1 − k/i), which stays accurate where
 * the binomial coefficients overflow.
 *
 * @param n - responses sampled (≥ 1)
 * @param c - correct ones (0 ≤ c ≤ n)
 * @param k - responses drawn (1 ≤ k ≤ n)
 * @throws {InvalidArgumentError} on counts out of range
 * @example
 * passAtK(10, 3, 1) // => ~0.3
 * passAtK(10, 3, 5) // => ~0.916667
 * passAtK(10, 0, 5) // => 0
 */
export function passAtK(n: number, c: number, k: number): number {
  const fn = 'passAtK';
  checkInteger(fn, 'n', n, 1);
  checkInteger(fn, 'c', c, 0);
  checkInteger(fn, 'k', k, 1);
  if (c > n) throw new InvalidArgumentError(`${fn}(): c must be at most n = ${n} (got ${c})`);
  if (k > n) throw new InvalidArgumentError(`${fn}(): k must be at most n = ${n} (got ${k})`);
  return passAtKKernel(n, c, k);
}
