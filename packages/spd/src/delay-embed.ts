// Delay (Takens) embedding for augmented covariances (Carrara & Papadopoulo 2024, "Classification
// of BCI-EEG based on augmented covariance matrix"), in moabb's AugmentedDataset convention.
import { assertFinite, InvalidArgumentError, type Matrix } from '@rg/linalg';

/** Options of {@link delayEmbed}: embedding order p ≥ 1 and lag τ ≥ 1 (samples). */
export interface DelayEmbedOptions {
  order: number;
  lag: number;
}

/**
 * Stack a trial (channels C × samples N) with its delayed copies: block k (k = 0..p−1) holds the
 * signal shifted by k·τ samples, giving C·p rows and N − p·τ columns. Following moabb, every
 * block stops p·τ samples before the end (block k covers samples k·τ … N − (p−k)·τ − 1), which
 * drops τ more trailing samples than a minimal embedding would; order 1 returns x unchanged.
 *
 * @param x - one trial, channels × samples
 * @returns the (C·p) × (N − p·τ) embedded trial (C × N when p = 1)
 * @throws {InvalidArgumentError} when order/lag are not positive integers or N ≤ p·τ
 * @example
 * import { fromRows } from '@rg/linalg';
 * delayEmbed(fromRows([[0, 1, 2, 3, 4, 5]]), { order: 2, lag: 1 }) // => [[0, 1, 2, 3], [1, 2, 3, 4]]
 */
export function delayEmbed(x: Matrix, options: DelayEmbedOptions): Matrix {
  return delayEmbedAs('delayEmbed', x, options);
}

/** {@link delayEmbed} with errors naming the public function `fn` that called it. */
export function delayEmbedAs(fn: string, x: Matrix, options: DelayEmbedOptions): Matrix {
  assertFinite(fn, 'x', x);
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { order, lag } are required`);
  const { order, lag } = options;
  if (!Number.isInteger(order) || order < 1)
    throw new InvalidArgumentError(`${fn}(): order must be a positive integer (got ${order})`);
  if (!Number.isInteger(lag) || lag < 1)
    throw new InvalidArgumentError(`${fn}(): lag must be a positive integer (got ${lag})`);
  const c = x.rows;
  const n = x.cols;
  if (order === 1) return { rows: c, cols: n, data: Float64Array.from(x.data) };
  const m = n - order * lag;
  if (m < 1)
    throw new InvalidArgumentError(
      `${fn}(): x has ${n} samples, need more than order·lag = ${order * lag}`,
    );
  const out = new Float64Array(c * order * m);
  for (let k = 0; k < order; k++)
    for (let i = 0; i < c; i++) {
      const src = i * n + k * lag;
      out.set(x.data.subarray(src, src + m), (k * c + i) * m);
    }
  return { rows: c * order, cols: m, data: out };
}
