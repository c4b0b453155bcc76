// Exact k-nearest neighbours of every point of a cloud: a k-d tree in low dimension, a blocked
// brute-force scan in high dimension (where trees visit most leaves anyway).
import { checkOptions, type Matrix, checkInteger } from '@rg/linalg';
import { buildKdTree, kdKnn, kdStackSize } from '../internal/kd-tree.js';
import { checkPoints } from '../internal/validate.js';

/** Dimensions above which the brute-force scan beats the tree. */
const TREE_MAX_DIM = 12;

/** Options of {@link nearestNeighbors}. */
export interface NearestNeighborsOptions {
  /** neighbours per point, 1 ≤ k < n (default 10) */
  k?: number;
}

/** Result of {@link nearestNeighbors}: row i lists the k nearest other points of point i. */
export interface NearestNeighbors {
  n: number;
  k: number;
  /** n·k indices, row-major, nearest first (ties broken by smaller index) */
  indices: Int32Array;
  /** n·k Euclidean distances matching `indices` */
  distances: Float64Array;
}

/**
 * The k nearest other points of every row of X (Euclidean, exact): a k-d tree (median splits of
 * the widest coordinate) in up to 12 dimensions, a scan of all pairs above. A point is never its
 * own neighbour; duplicate points are each other's neighbours at distance 0.
 *
 * @param x - n×d point cloud (finite)
 * @param options - `{ k = 10 }`
 * @returns `{ n, k, indices, distances }`, n·k entries each, nearest first
 * @throws {ShapeError | NonFiniteError} on a malformed or non-finite cloud
 * @throws {InvalidArgumentError} when k is not an integer in [1, n − 1]
 * @example
 * import { fromRows } from '@rg/linalg';
 * const nn = nearestNeighbors(fromRows([[0], [1], [3], [7]]), { k: 2 });
 * nn.indices // => [1, 2, 0, 2, 1, 0, 2, 1]
 * nn.distances // => [1, 3, 1, 2, 2, 3, 4, 6]
 */
export function nearestNeighbors(
  x: Matrix,
  options: NearestNeighborsOptions = {},
): NearestNeighbors {
  const fn = 'nearestNeighbors';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 2);
  const k = checkInteger(fn, 'k', options.k ?? 10, 1, x.rows - 1);
  return knnKernel(x.data, x.rows, x.cols, k);
}

/** Unchecked: the k nearest neighbours of every row of a row-major n×d array. */
export function knnKernel(points: Float64Array, n: number, d: number, k: number): NearestNeighbors {
  const indices = new Int32Array(n * k);
  const dist2 = new Float64Array(n * k);
  if (d <= TREE_MAX_DIM) {
    const tree = buildKdTree(points, n, d);
    const stack = new Int32Array(kdStackSize(n));
    for (let i = 0; i < n; i++) kdKnn(tree, i, k, indices, dist2, i * k, stack);
  } else bruteForce(points, n, d, k, indices, dist2);
  const distances = new Float64Array(n * k);
  for (let q = 0; q < n * k; q++) distances[q] = Math.sqrt(dist2[q]);
  return { n, k, indices, distances };
}

function bruteForce(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  indices: Int32Array,
  dist2: Float64Array,
): void {
  const row = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const io = i * d;
    for (let j = 0; j < n; j++) {
      const jo = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = points[io + t] - points[jo + t];
        s += diff * diff;
      }
      row[j] = s;
    }
    row[i] = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) order[j] = j;
    const sorted = Array.from(order).sort((a, b) => row[a] - row[b] || a - b);
    for (let c = 0; c < k; c++) {
      indices[i * k + c] = sorted[c];
      dist2[i * k + c] = row[sorted[c]];
    }
  }
}
