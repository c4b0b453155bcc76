// The softmax map and its log-sum-exp, shifted by the maximum so that no exponential overflows
// (Blanchard, Higham & Higham 2021, "Accurately computing the log-sum-exp and softmax functions").

/**
 * z[off … off+len) ← softmax of those entries, in place; returns log Σ exp(z_i) of the input.
 * Entries equal to −∞ get probability 0; at least one entry must be finite.
 */
export function softmaxInPlace(z: Float64Array, off: number, len: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = off; i < off + len; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = off; i < off + len; i++) {
    const e = Math.exp(z[i] - max);
    z[i] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let i = off; i < off + len; i++) z[i] *= inv;
  return max + Math.log(sum);
}
