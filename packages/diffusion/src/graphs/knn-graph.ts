// Symmetric k-nearest-neighbour graphs of point clouds (as scikit-learn's kneighbors_graph
// followed by symmetrization; von Luxburg, "A tutorial on spectral clustering", 2007, §2.2).
import {
  type CsrMatrix,
  csrFromTriplets,
  InvalidArgumentError,
  type Matrix,
  checkOptions,
  checkChoice,
  checkInteger,
  checkPositive,
} from '@rg/linalg';
import { checkPoints } from '../internal/validate.js';
import { knnKernel, type NearestNeighbors } from './nearest-neighbors.js';

/** Options of {@link knnGraph}. */
export interface KnnGraphOptions {
  /** neighbours per point (default 10) */
  k?: number;
  /**
   * edge weights: 'connectivity' (1, default), 'distance' (‖x_i − x_j‖), or 'gaussian'
   * (exp(−‖x_i − x_j‖²/σ²))
   */
  weights?: 'connectivity' | 'distance' | 'gaussian';
  /** bandwidth σ of 'gaussian' weights (default: the median distance to the k-th neighbour) */
  sigma?: number;
  /** 'union' (default: an edge when either point is among the other's k nearest), 'mutual' (both) */
  symmetrize?: 'union' | 'mutual';
  /** precomputed neighbours (from {@link nearestNeighbors} with at least k per point) */
  neighbors?: NearestNeighbors;
}

/**
 * The symmetric k-nearest-neighbour graph of a point cloud as a sparse weight matrix W (no
 * self-loops). Each weight is a symmetric function of the distance, so the union graph takes it
 * from whichever endpoint found the edge.
 *
 * @param x - n×d point cloud
 * @param options - `{ k = 10, weights = 'connectivity', sigma, symmetrize = 'union', neighbors }`
 * @returns W, n×n, symmetric with non-negative weights
 * @throws {ShapeError | NonFiniteError} on a malformed cloud
 * @throws {InvalidArgumentError} on a bad option
 * @example
 * import { csrToDense, fromRows } from '@rg/linalg';
 * const w = knnGraph(fromRows([[0], [1], [3], [7]]), { k: 1 });
 * csrToDense(w) // => [[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]]
 */
export function knnGraph(x: Matrix, options: KnnGraphOptions = {}): CsrMatrix {
  const fn = 'knnGraph';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 2);
  const n = x.rows;
  const k = checkInteger(fn, 'k', options.k ?? 10, 1, n - 1);
  const weights = checkChoice(fn, 'weights', options.weights ?? 'connectivity', [
    'connectivity',
    'distance',
    'gaussian',
  ] as const);
  const symmetrize = checkChoice(fn, 'symmetrize', options.symmetrize ?? 'union', [
    'union',
    'mutual',
  ] as const);
  const nn = options.neighbors ?? knnKernel(x.data, n, x.cols, k);
  if (nn.n !== n || nn.k < k)
    throw new InvalidArgumentError(
      `${fn}(): neighbors must hold at least k = ${k} neighbours for each of the ${n} points`,
    );
  let sigma = 0;
  if (weights === 'gaussian') {
    if (options.sigma !== undefined) sigma = checkPositive(fn, 'sigma', options.sigma);
    else {
      const kth = Float64Array.from({ length: n }, (_, i) => nn.distances[i * nn.k + k - 1]).sort();
      sigma = kth[n >> 1] || 1;
    }
  }
  const weight = (dist: number) =>
    weights === 'connectivity'
      ? 1
      : weights === 'distance'
        ? dist
        : Math.exp(-((dist / sigma) ** 2));
  return symmetricGraph(n, nn, k, symmetrize, weight);
}

/** Unchecked: the union or mutual symmetrization of the first k neighbours of every point. */
export function symmetricGraph(
  n: number,
  nn: NearestNeighbors,
  k: number,
  symmetrize: 'union' | 'mutual',
  weight: (dist: number) => number,
): CsrMatrix {
  const rows = new Int32Array(2 * n * k);
  const cols = new Int32Array(2 * n * k);
  const vals = new Float64Array(2 * n * k);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++) {
      const q = i * k + c;
      const j = nn.indices[i * nn.k + c];
      const w = weight(nn.distances[i * nn.k + c]);
      rows[2 * q] = i;
      cols[2 * q] = j;
      vals[2 * q] = w;
      rows[2 * q + 1] = j;
      cols[2 * q + 1] = i;
      vals[2 * q + 1] = w;
    }
  // both directions of every found edge; duplicates (an edge found from both ends) are summed,
  // and an entry's multiplicity (1 or 2) tells union from mutual
  const ones = new Float64Array(2 * n * k).fill(1);
  const count = csrFromTriplets(n, n, rows, cols, ones);
  const sum = csrFromTriplets(n, n, rows, cols, vals);
  const keep = new Uint8Array(count.values.length);
  let nnz = 0;
  for (let p = 0; p < keep.length; p++) {
    const found = count.values[p];
    if (symmetrize === 'union' || found > 1) {
      keep[p] = 1;
      nnz++;
    }
  }
  const rowPtr = new Int32Array(n + 1);
  const colIndex = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let p = sum.rowPtr[i]; p < sum.rowPtr[i + 1]; p++)
      if (keep[p]) {
        colIndex[q] = sum.colIndex[p];
        values[q++] = sum.values[p] / count.values[p];
      }
    rowPtr[i + 1] = q;
  }
  return { rows: n, cols: n, rowPtr, colIndex, values };
}
