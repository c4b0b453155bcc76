// Diffusion maps (Coifman & Lafon, "Diffusion maps", ACHA 21, 2006): eigenvectors of the
// α-normalized Markov matrix scaled by their eigenvalues to the power t.
import {
  type CsrMatrix,
  type Matrix,
  sparseEigsh,
  checkOptions,
  checkChoice,
  checkInteger,
  checkPositive,
} from '@rg/linalg';
import { alphaDecayKernel } from '../graphs/alpha-decay-kernel.js';
import { knnGraph } from '../graphs/knn-graph.js';
import { checkPoints } from '../internal/validate.js';

/** Options of {@link diffusionMap}. */
export interface DiffusionMapOptions {
  /** embedding dimension (default 2) */
  dims?: number;
  /** diffusion time t ≥ 0: coordinates λ_j^t ψ_j (default 1) */
  t?: number;
  /** density normalization α ∈ [0, 1] (default 1: the Laplace–Beltrami operator, density-free) */
  alpha?: number;
  /** graph neighbours (default 10) */
  knn?: number;
  /** 'knn' (default, Gaussian weights) or 'alphaDecay' */
  graph?: 'knn' | 'alphaDecay';
}

/** Result of {@link diffusionMap}. */
export interface DiffusionMapResult {
  /** n×dims coordinates λ_j^t ψ_j, j = 1..dims */
  embedding: Matrix;
  /** λ_1..λ_dims of the Markov matrix, descending (λ_0 = 1 is skipped) */
  eigenvalues: Float64Array;
}

/**
 * Diffusion map of a point cloud: kernel W (kNN with Gaussian weights by default), α-normalized
 * W_α = D^{-α} W D^{-α}, Markov matrix P = D_α^{-1} W_α, and coordinates λ_j^t ψ_j from its
 * right eigenvectors j = 1..dims (ψ_0 = 1 dropped). The eigenpairs come from the symmetric
 * conjugate D_α^{-1/2} W_α D_α^{-1/2} by thick-restart Lanczos; the graph must be connected.
 * Euclidean distances between the coordinates approximate diffusion distances at time t.
 *
 * @param x - n×d point cloud
 * @param options - `{ dims = 2, t = 1, alpha = 1, knn = 10, graph = 'knn' }`
 * @returns `{ embedding, eigenvalues }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a bad cloud or option
 * @example
 * import { fromRows } from '@rg/linalg';
 * const pts = fromRows(Array.from({ length: 30 }, (_, i) => [i, 0.1 * Math.sin(i)]));
 * const dm = diffusionMap(pts, { dims: 1, knn: 4 });
 * dm.eigenvalues[0] < 1 // => true
 * // the first coordinate orders the points along the line
 * Math.sign(dm.embedding.data[29] - dm.embedding.data[0]) === Math.sign(dm.embedding.data[20] - dm.embedding.data[5]) // => true
 */
export function diffusionMap(x: Matrix, options: DiffusionMapOptions = {}): DiffusionMapResult {
  const fn = 'diffusionMap';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 3);
  const n = x.rows;
  const dims = checkInteger(fn, 'dims', options.dims ?? 2, 1, n - 2);
  const t = checkPositive(fn, 't', options.t ?? 1, true);
  const alpha = checkPositive(fn, 'alpha', options.alpha ?? 1, true);
  const knn = checkInteger(fn, 'knn', options.knn ?? 10, 1, n - 1);
  const graph = checkChoice(fn, 'graph', options.graph ?? 'knn', ['knn', 'alphaDecay'] as const);
  const w =
    graph === 'knn'
      ? knnGraph(x, { k: knn, weights: 'gaussian' })
      : alphaDecayKernel(x, { k: knn });
  return diffusionMapKernel(w, dims, t, alpha);
}

/** Unchecked diffusion map of a symmetric weight matrix. */
export function diffusionMapKernel(
  w: CsrMatrix,
  dims: number,
  t: number,
  alpha: number,
): DiffusionMapResult {
  const n = w.rows;
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) deg[i] += w.values[p];
  const qa = Float64Array.from(deg, (d) => (d > 0 ? d ** -alpha : 0));
  // W_α and its degrees
  const va = new Float64Array(w.values.length);
  const degA = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) {
      va[p] = w.values[p] * qa[i] * qa[w.colIndex[p]];
      degA[i] += va[p];
    }
  const s = Float64Array.from(degA, (d) => (d > 0 ? 1 / Math.sqrt(d) : 0));
  const sym = new Float64Array(va.length);
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) sym[p] = va[p] * s[i] * s[w.colIndex[p]];
  const A: CsrMatrix = { rows: n, cols: n, rowPtr: w.rowPtr, colIndex: w.colIndex, values: sym };
  const k = dims + 1;
  const r = sparseEigsh(A, k, { which: 'largest', tol: 1e-10 });
  const embedding = new Float64Array(n * dims);
  const eigenvalues = new Float64Array(dims);
  // ascending: index k−1 is λ_0 = 1; coordinates from k−2 down
  for (let c = 0; c < dims; c++) {
    const src = k - 2 - c;
    const lam = r.values[src];
    eigenvalues[c] = lam;
    const f = Math.sign(lam) * Math.abs(lam) ** t;
    for (let i = 0; i < n; i++) embedding[i * dims + c] = f * s[i] * r.vectors.data[i * k + src];
  }
  return { embedding: { rows: n, cols: dims, data: embedding }, eigenvalues };
}
