// Tangent frames of a point cloud by local PCA (Singer & Wu, "Vector diffusion maps and the
// connection Laplacian", CPAM 65(8), 2012, §4; Little, Maggioni & Rosasco, ACHA 43, 2017).
import { eigh, InvalidArgumentError, type Matrix, checkOptions, checkInteger } from '@rg/linalg';
import { knnKernel, type NearestNeighbors } from '../graphs/nearest-neighbors.js';
import { checkPoints } from '../internal/validate.js';

/** Orthonormal tangent frames, one per point, from {@link localFrames}. */
export interface TangentFrames {
  /** number of points */
  n: number;
  /** ambient dimension D */
  ambientDim: number;
  /** manifold (frame) dimension d */
  dim: number;
  /** n frames F_i (D×d, orthonormal columns), row-major one after another: n·D·d entries */
  data: Float64Array;
  /** per point, the fraction of local variance the d principal directions explain */
  explained: Float64Array;
}

/** Options of {@link localFrames}. */
export interface LocalFramesOptions {
  /** neighbours in each local PCA (default 10; at least dim) */
  k?: number;
  /** manifold dimension d, 1 ≤ d ≤ D (default 2) */
  dim?: number;
  /** precomputed neighbours (at least k per point) */
  neighbors?: NearestNeighbors;
}

/**
 * An orthonormal tangent frame at every point of a cloud sampled near a d-dimensional manifold:
 * the top d principal directions of the point and its k nearest neighbours, centred at their
 * mean (local PCA). A frame's columns are determined up to a rotation or reflection of the
 * tangent plane; connections between neighbouring frames ({@link connectionLaplacian}) absorb
 * that choice. `explained` (near 1 on a smooth, well-sampled manifold) flags points where the
 * neighbourhood is not flat enough at this k.
 *
 * @param x - n×D point cloud
 * @param options - `{ k = 10, dim = 2, neighbors }`
 * @returns `{ n, ambientDim, dim, data, explained }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on a bad cloud or option
 * @example
 * import { fromRows } from '@rg/linalg';
 * // points on the plane z = 0: every frame spans the x–y plane, so its z-components vanish
 * const pts = fromRows(Array.from({ length: 25 }, (_, i) => [i % 5, Math.floor(i / 5), 0]));
 * const f = localFrames(pts, { k: 6, dim: 2 });
 * Math.abs(f.data[4]) + Math.abs(f.data[5]) // => 0
 */
export function localFrames(x: Matrix, options: LocalFramesOptions = {}): TangentFrames {
  const fn = 'localFrames';
  checkOptions(fn, 'options', options);
  checkPoints(fn, 'x', x, 2);
  const n = x.rows;
  const D = x.cols;
  const dim = checkInteger(fn, 'dim', options.dim ?? 2, 1, D);
  const k = checkInteger(fn, 'k', options.k ?? 10, Math.max(1, dim), n - 1);
  const nn = options.neighbors ?? knnKernel(x.data, n, D, k);
  if (nn.n !== n || nn.k < k)
    throw new InvalidArgumentError(
      `${fn}(): neighbors must hold at least k = ${k} neighbours for each of the ${n} points`,
    );
  return localFramesKernel(x.data, n, D, dim, k, nn);
}

/** Unchecked local PCA frames. */
export function localFramesKernel(
  pts: Float64Array,
  n: number,
  D: number,
  dim: number,
  k: number,
  nn: NearestNeighbors,
): TangentFrames {
  const data = new Float64Array(n * D * dim);
  const explained = new Float64Array(n);
  const m = k + 1;
  const local = new Float64Array(m * D);
  const mean = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    // the point and its k neighbours, centred
    mean.fill(0);
    for (let r = 0; r < m; r++) {
      const j = r === 0 ? i : nn.indices[i * nn.k + r - 1];
      for (let c = 0; c < D; c++) {
        local[r * D + c] = pts[j * D + c];
        mean[c] += pts[j * D + c] / m;
      }
    }
    for (let r = 0; r < m; r++) for (let c = 0; c < D; c++) local[r * D + c] -= mean[c];
    const base = i * D * dim;
    if (D <= m) {
      // covariance D×D, top eigenvectors
      const cov = new Float64Array(D * D);
      for (let r = 0; r < m; r++)
        for (let a = 0; a < D; a++) {
          const va = local[r * D + a];
          for (let b = 0; b < D; b++) cov[a * D + b] += va * local[r * D + b];
        }
      const e = eigh({ rows: D, cols: D, data: cov });
      let total = 0;
      for (let q = 0; q < D; q++) total += Math.max(e.values[q], 0);
      let top = 0;
      for (let c = 0; c < dim; c++) {
        const src = D - 1 - c;
        top += Math.max(e.values[src], 0);
        for (let a = 0; a < D; a++) data[base + a * dim + c] = e.vectors.data[a * D + src];
      }
      explained[i] = total > 0 ? top / total : 1;
    } else {
      // Gram m×m: local = U Σ Vᵀ, frame columns v = localᵀ u / σ
      const gram = new Float64Array(m * m);
      for (let r = 0; r < m; r++)
        for (let s = 0; s <= r; s++) {
          let v = 0;
          for (let c = 0; c < D; c++) v += local[r * D + c] * local[s * D + c];
          gram[r * m + s] = v;
          gram[s * m + r] = v;
        }
      const e = eigh({ rows: m, cols: m, data: gram });
      let total = 0;
      for (let q = 0; q < m; q++) total += Math.max(e.values[q], 0);
      let top = 0;
      for (let c = 0; c < dim; c++) {
        const src = m - 1 - c;
        const lam = Math.max(e.values[src], 0);
        top += lam;
        const sigma = Math.sqrt(lam);
        let norm = 0;
        for (let a = 0; a < D; a++) {
          let v = 0;
          for (let r = 0; r < m; r++) v += local[r * D + a] * e.vectors.data[r * m + src];
          data[base + a * dim + c] = v;
          norm += v * v;
        }
        norm = Math.sqrt(norm) || sigma || 1;
        for (let a = 0; a < D; a++) data[base + a * dim + c] /= norm;
      }
      explained[i] = total > 0 ? top / total : 1;
    }
  }
  return { n, ambientDim: D, dim, data, explained };
}
