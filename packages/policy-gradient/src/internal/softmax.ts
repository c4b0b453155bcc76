// Row softmax with its log-sum-exp, shifted by the row maximum so that no exponential overflows
// (Blanchard, Higham & Higham 2021, "Accurately computing the log-sum-exp and softmax functions").
// The same formula lives privately in @rg/optim, @rg/nn and @rg/games; none of them exports it and
// @rg/linalg/kernels has no softmax yet.

/** p[po … po+k) ← softmax(z[zo … zo+k)); returns log Σ exp z. z and p may be the same array. */
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
