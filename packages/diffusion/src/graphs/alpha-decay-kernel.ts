// The α-decaying kernel of PHATE (Moon et al., "Visualizing structure and transitions in
// high-dimensional biological data", Nature Biotechnology 37, 2019): an adaptive bandwidth per
// point (its distance to the k-th neighbour) and a decay sharper than Gaussian for α > 2.
import {
  type CsrMatrix,
  csrFromTriplets,
  InvalidArgumentError,
  type Matrix,
  checkOptions,
  checkInteger,
  checkPositive,
} from '@rg/linalg';
import { buildKdTree, kdRadius, kdStackSize } from '../internal/kd-tree.js';
import { checkPoints } from '../internal/validate.js';
import { knnKernel } from './nearest-neighbors.js';

/** Options of {@link alphaDecayKernel}. */
export interface AlphaDecayKernelOptions {
  /** neighbour rank that sets each point's bandwidth ε_k(x) (default 5) */
  k?: number;
  /** decay exponent α (default 40, PHATE's) */
  alpha?: number;
  /** kernel values below this are dropped (default 1e-4, PHATE's) */
  threshold?: number;
}

/**
 * PHATE's α-decaying affinity K(x, y) = ½ exp(−(‖x − y‖/ε_k(x))^α) + ½ exp(−(‖x − y‖/ε_k(y))^α),
 * ε_k(x) the distance from x to its k-th nearest neighbour, as a sparse symmetric matrix without
 * self-loops. A one-sided term below `threshold` is dropped, so each point looks only within
 * ε_k(x)·(−ln threshold)^{1/α} (≈ 1.06 ε_k at the defaults); a pair is stored when either side
 * reaches it. Dense regions get narrow kernels and sparse ones wide kernels, which keeps the
 * graph connected across density changes.
 *
 * @param x - n×d point cloud
 * @param options - `{ k = 5, alpha = 40, threshold = 1e-4 }`
 * @returns K, n×n, symmetric, entries in (0, 1]
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a malformed cloud or bad option
 * @example
 * import { csrToDense, fromRows } from '@rg/linalg';
 * // on a line of equally spaced points ε_1 = 1 everywhere: weight ½e⁻¹ + ½e⁻¹ between neighbours
 * const w = alphaDecayKernel(fromRows([[0], [1], [2]]), { k: 1, alpha: 1, threshold: 0.2 });
 * csrToDense(w).data[1] // => ~0.367879
 */
export function alphaDecayKernel(x: Matrix, options: AlphaDecayKernelOptions = {}): CsrMatrix {
  const fn = 'alphaDecayKernel';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 2);
  const n = x.rows;
  const d = x.cols;
  const k = checkInteger(fn, 'k', options.k ?? 5, 1, n - 1);
  const alpha = checkPositive(fn, 'alpha', options.alpha ?? 40);
  const threshold = checkPositive(fn, 'threshold', options.threshold ?? 1e-4);
  if (!(threshold < 1))
    throw new InvalidArgumentError(`${fn}(): threshold must be in (0, 1) (got ${threshold})`);
  const nn = knnKernel(x.data, n, d, k);
  const eps = Float64Array.from({ length: n }, (_, i) => nn.distances[i * k + k - 1]);
  const reach = (-Math.log(threshold)) ** (1 / alpha);
  const tree = buildKdTree(x.data, n, d);
  const stack = new Int32Array(kdStackSize(n));
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const idx: number[] = [];
  const d2: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = eps[i];
    idx.length = 0;
    d2.length = 0;
    if (e > 0) kdRadius(tree, i, (e * reach) ** 2, idx, d2, stack);
    else
      for (let q = 0; q < k; q++) {
        // duplicate points (ε = 0): their exact duplicates only, at full weight
        if (nn.distances[i * k + q] === 0) {
          idx.push(nn.indices[i * k + q]);
          d2.push(0);
        }
      }
    for (let q = 0; q < idx.length; q++) {
      const v = e > 0 ? 0.5 * Math.exp(-((Math.sqrt(d2[q]) / e) ** alpha)) : 0.5;
      if (v < 0.5 * threshold) continue;
      rows.push(i, idx[q]);
      cols.push(idx[q], i);
      vals.push(v, v);
    }
  }
  // each one-sided term entered both (i, j) and (j, i); the two sides of a pair are summed
  return csrFromTriplets(n, n, rows, cols, vals);
}
