// The one-layer softmax attention model f(X) = vᵀXᵀ softmax(XWz) of Tarzanagh, Li, Thrampoulidis
// & Oymak 2023, "Transformers as support vector machines": a random instance and its optimal tokens.
import { checkInteger, checkSeed, InvalidArgumentError, type Matrix, rng } from '@rg/linalg';
import { checkAttentionProblem, optimalIndices } from './internal/attention-check.js';

/**
 * A binary classification problem for one softmax attention layer f(X) = vᵀXᵀ softmax(XWz):
 * sample i has tokens X_i (Tᵢ×d, one token per row), a query z_i (length d) and a label
 * y_i = ±1; v (length d) is the fixed prediction head.
 *
 * @example
 * const p: AttentionProblem = attentionProblem({ samples: 3, tokens: 4, dim: 5 });
 * p.X.length // => 3
 * p.X[0].rows // => 4
 */
export interface AttentionProblem {
  readonly X: readonly Matrix[];
  readonly z: readonly Float64Array[];
  readonly y: Float64Array;
  readonly v: Float64Array;
}

/** Options of {@link attentionProblem}. */
export interface AttentionProblemOptions {
  /** number of samples n ≥ 1 */
  samples: number;
  /** tokens per sample T ≥ 2 */
  tokens: number;
  /** token dimension d ≥ 1 */
  dim: number;
  /** seed of the generator (default 0) */
  seed?: number;
}

/**
 * A random attention problem: tokens and queries with independent N(0, 1) entries, labels ±1
 * with equal probability, and a head v drawn uniformly from the unit sphere.
 *
 * @param options - samples, tokens, dim, seed
 * @returns { X, z, y, v }
 * @throws {InvalidArgumentError} when samples, dim are not positive integers or tokens < 2
 * @example
 * const p = attentionProblem({ samples: 2, tokens: 3, dim: 4, seed: 1 });
 * p.y.every((l) => l === 1 || l === -1) // => true
 * Math.hypot(...p.v) // => ~1
 */
export function attentionProblem(options: AttentionProblemOptions): AttentionProblem {
  const fn = 'attentionProblem';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be { samples, tokens, dim }`);
  const { samples, tokens, dim } = options;
  checkInteger(fn, 'samples', samples, 1);
  checkInteger(fn, 'tokens', tokens, 2);
  checkInteger(fn, 'dim', dim, 1);
  const seed = options.seed ?? 0;
  checkSeed(fn, 'seed', seed);
  const random = rng(seed);
  const gauss = (len: number) => Float64Array.from({ length: len }, () => random.normal());
  const X = Array.from({ length: samples }, () => ({
    rows: tokens,
    cols: dim,
    data: gauss(tokens * dim),
  }));
  const z = Array.from({ length: samples }, () => gauss(dim));
  const y = Float64Array.from({ length: samples }, () => (random.uniform() < 0.5 ? -1 : 1));
  const v = gauss(dim);
  const norm = Math.hypot(...v);
  for (let j = 0; j < dim; j++) v[j] /= norm;
  return { X, z, y, v };
}

/**
 * The optimal token of each sample: argmax_t y_i·vᵀx_it, the token whose selection alone would
 * give the largest margin y_i·f(X_i) (ties go to the first).
 *
 * @param problem - an attention problem
 * @returns one token index per sample
 * @throws {ShapeError} on a malformed problem
 * @example
 * import { fromRows } from '@rg/linalg';
 * const p = { X: [fromRows([[1, 0], [0, 1]])], z: [Float64Array.of(1, 0)], y: Float64Array.of(-1), v: Float64Array.of(1, 0) };
 * optimalTokens(p) // => [1]
 */
export function optimalTokens(problem: AttentionProblem): number[] {
  const { n, d } = checkAttentionProblem('optimalTokens', problem);
  return optimalIndices(problem, n, d);
}
