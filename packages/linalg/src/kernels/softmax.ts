// The softmax map with its log-sum-exp, shifted by the maximum so that no exponential overflows
// (Blanchard, Higham & Higham 2021, "Accurately computing the log-sum-exp and softmax functions").

/**
 * p[po … po+k) ← softmax(z[zo … zo+k)), shifted by the maximum of those entries so that no
 * exponential overflows; returns log Σ exp z_i of the input. `z` and `p` may be the same array
 * at the same offset (in place). Entries equal to −∞ get probability 0; at least one entry must
 * be finite (unchecked: this is a kernel).
 *
 * @example
 * import { softmaxRow } from '@rg/linalg/kernels';
 * const z = Float64Array.from([1000, 1000]);
 * const lse = softmaxRow(z, 0, 2, z, 0); // in place; naive exp(1000) would overflow
 * z // => [0.5, 0.5]
 * lse // => ~1000.693147
 */
export function softmaxRow(
  z: Float64Array,
  zo: number,
  k: number,
  p: Float64Array,
  po: number,
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) if (z[zo + i] > max) max = z[zo + i];
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.exp(z[zo + i] - max);
    p[po + i] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let i = 0; i < k; i++) p[po + i] *= inv;
  return max + Math.log(sum);
}
