// Graph shortest-path distances (Dijkstra with a binary heap; Cormen et al., "Introduction to
// Algorithms", 3rd ed., §24.3) and Isomap (Tenenbaum, de Silva & Langford, "A global geometric
// framework for nonlinear dimensionality reduction", Science 290, 2000).
import {
  type CsrMatrix,
  InvalidArgumentError,
  type Matrix,
  checkOptions,
  checkInteger,
} from '@rg/linalg';
import { knnGraph } from '../graphs/knn-graph.js';
import { checkPoints, checkWeights } from '../internal/validate.js';
import { classicalMdsKernel } from './classical-mds.js';
import { symmetrizeInPlace } from '@rg/linalg/kernels';

/**
 * All-pairs shortest-path lengths of a graph with non-negative edge lengths (a symmetric sparse
 * matrix of lengths, e.g. {@link knnGraph} with `weights: 'distance'`), by Dijkstra from every
 * node: O(n·m log n). Unreachable pairs get Infinity.
 *
 * @param lengths - symmetric sparse n×n edge lengths (≥ 0; stored entries are edges)
 * @returns n×n distances
 * @throws {ShapeError | NonFiniteError | NotSymmetricError | InvalidArgumentError} on bad lengths
 * @example
 * import { csrFromTriplets } from '@rg/linalg';
 * const g = csrFromTriplets(3, 3, [0, 1, 1, 2], [1, 0, 2, 1], [1, 1, 2, 2]);
 * shortestPathDistances(g).data // => [0, 1, 3, 1, 0, 2, 3, 2, 0]
 */
export function shortestPathDistances(lengths: CsrMatrix): Matrix {
  checkWeights('shortestPathDistances', 'lengths', lengths);
  return dijkstraAll(lengths);
}

/** Unchecked all-pairs Dijkstra. */
export function dijkstraAll(g: CsrMatrix): Matrix {
  const n = g.rows;
  const out = new Float64Array(n * n);
  const dist = new Float64Array(n);
  const heapNode = new Int32Array(g.values.length + n);
  const heapKey = new Float64Array(g.values.length + n);
  const done = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    dist[s] = 0;
    let size = 0;
    const push = (node: number, key: number) => {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapKey[p] <= key) break;
        heapKey[i] = heapKey[p];
        heapNode[i] = heapNode[p];
        i = p;
      }
      heapKey[i] = key;
      heapNode[i] = node;
    };
    push(s, 0);
    while (size > 0) {
      const u = heapNode[0];
      const du = heapKey[0];
      // pop
      size--;
      const lastKey = heapKey[size];
      const lastNode = heapNode[size];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const m = l + 1 < size && heapKey[l + 1] < heapKey[l] ? l + 1 : l;
        if (heapKey[m] >= lastKey) break;
        heapKey[i] = heapKey[m];
        heapNode[i] = heapNode[m];
        i = m;
      }
      heapKey[i] = lastKey;
      heapNode[i] = lastNode;
      if (done[u]) continue;
      done[u] = 1;
      for (let p = g.rowPtr[u]; p < g.rowPtr[u + 1]; p++) {
        const v = g.colIndex[p];
        const nd = du + g.values[p];
        if (nd < dist[v]) {
          dist[v] = nd;
          push(v, nd);
        }
      }
    }
    out.set(dist, s * n);
  }
  // symmetric up to rounding of the summation order: average the two directions
  symmetrizeInPlace(n, out);
  return { rows: n, cols: n, data: out };
}

/** Options of {@link isomap}. */
export interface IsomapOptions {
  /** embedding dimension (default 2) */
  dims?: number;
  /** neighbours of the kNN graph (default 10) */
  knn?: number;
}

/**
 * Isomap: shortest-path distances on the kNN graph with Euclidean edge lengths, then classical
 * MDS. Returns the embedding and the graph distances it was fitted to.
 *
 * @param x - n×d point cloud
 * @param options - `{ dims = 2, knn = 10 }`
 * @returns `{ embedding, distances }`
 * @throws {InvalidArgumentError} when the kNN graph is disconnected (raise knn)
 * @throws {ShapeError | NonFiniteError} on a bad cloud
 * @example
 * import { fromRows } from '@rg/linalg';
 * const pts = fromRows(Array.from({ length: 20 }, (_, i) => [Math.cos(i / 6), Math.sin(i / 6)]));
 * const r = isomap(pts, { dims: 1, knn: 3 });
 * // the graph path from the first to the last point: longer than the chord, shorter than the arc
 * r.distances.data[19] > 2 * Math.sin(19 / 12) && r.distances.data[19] < 19 / 6 // => true
 */
export function isomap(
  x: Matrix,
  options: IsomapOptions = {},
): { embedding: Matrix; distances: Matrix } {
  const fn = 'isomap';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 3);
  const n = x.rows;
  const dims = checkInteger(fn, 'dims', options.dims ?? 2, 1, n - 1);
  const knn = checkInteger(fn, 'knn', options.knn ?? 10, 1, n - 1);
  const distances = dijkstraAll(knnGraph(x, { k: knn, weights: 'distance' }));
  for (let q = 0; q < distances.data.length; q++)
    if (distances.data[q] === Number.POSITIVE_INFINITY)
      throw new InvalidArgumentError(
        `${fn}(): the ${knn}-nearest-neighbour graph is disconnected (raise knn)`,
      );
  return { embedding: classicalMdsKernel(distances.data, n, dims).embedding, distances };
}
