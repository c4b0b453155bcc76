// The connection Laplacian of a weighted graph with orthogonal transports between neighbouring
// tangent frames, found by orthogonal Procrustes (Singer & Wu, "Vector diffusion maps and the
// connection Laplacian", CPAM 65(8), 2012; Schönemann 1966 for Procrustes).
import { type CsrMatrix, csrFromTriplets, svd, checkOptions, checkChoice } from '@rg/linalg';
import { checkWeights } from '../internal/validate.js';
import { checkFrames } from './tangent-vectors.js';
import type { TangentFrames } from './local-frames.js';

/** Options of {@link connectionLaplacian}. */
export interface ConnectionLaplacianOptions {
  /** D^{-1/2} L D^{-1/2} (spectrum in [0, 2]) instead of L (default false) */
  normalized?: boolean;
  /**
   * 'procrustes' (default): O_ij = the orthogonal polar factor of F_iᵀ F_j;
   * 'identity': O_ij = I (then L is the graph Laplacian ⊗ I_d)
   */
  connections?: 'procrustes' | 'identity';
}

/**
 * The connection Laplacian of weights W and tangent frames F_i: the (n·d)×(n·d) block matrix
 * with diagonal blocks d_i I_d (d_i = Σ_j w_ij) and off-diagonal blocks −w_ij O_ij, where
 * O_ij ∈ O(d) transports tangent coordinates at j to those at i: the orthogonal matrix nearest
 * F_iᵀ F_j (Procrustes: U Vᵀ from its SVD). O_ji = O_ijᵀ, so L is symmetric; it is positive
 * semidefinite, and (L f)_i = d_i f_i − Σ_j w_ij O_ij f_j measures how far a vector field f
 * (d coordinates per node, node-major) is from being parallel. With identity connections it is
 * the graph Laplacian ⊗ I_d (each eigenvalue of L repeated d times).
 *
 * @param w - symmetric non-negative n×n weights (e.g. {@link knnGraph})
 * @param frames - tangent frames of the same n points ({@link localFrames})
 * @param options - `{ normalized = false, connections = 'procrustes' }`
 * @returns L as a sparse (n·d)×(n·d) matrix
 * @throws {ShapeError | NonFiniteError | NotSymmetricError | InvalidArgumentError} on bad input
 * @example
 * import { csrFromTriplets, csrToDense, fromRows } from '@rg/linalg';
 * // two points on a circle, one edge, 1-D frames: the unit tangents (0, 1) and (−0.6, 0.8)
 * const w = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
 * const frames = { n: 2, ambientDim: 2, dim: 1, data: Float64Array.of(0, 1, -0.6, 0.8), explained: Float64Array.of(1, 1) };
 * csrToDense(connectionLaplacian(w, frames)) // => [[1, -1], [-1, 1]]
 */
export function connectionLaplacian(
  w: CsrMatrix,
  frames: TangentFrames,
  options: ConnectionLaplacianOptions = {},
): CsrMatrix {
  const fn = 'connectionLaplacian';
  checkOptions(fn, 'options', options);
  checkWeights(fn, 'w', w);
  checkFrames(fn, frames, w.rows);
  const connections = checkChoice(fn, 'connections', options.connections ?? 'procrustes', [
    'procrustes',
    'identity',
  ] as const);
  return connectionLaplacianKernel(
    w,
    frames,
    options.normalized === true,
    connections === 'identity',
  );
}

/** Unchecked connection Laplacian. */
export function connectionLaplacianKernel(
  w: CsrMatrix,
  frames: TangentFrames,
  normalized: boolean,
  identity: boolean,
): CsrMatrix {
  const n = w.rows;
  const D = frames.ambientDim;
  const d = frames.dim;
  const F = frames.data;
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++)
      if (w.colIndex[p] !== i) deg[i] += w.values[p];
  const scale = normalized
    ? Float64Array.from(deg, (x) => (x > 0 ? 1 / Math.sqrt(x) : 0))
    : new Float64Array(n).fill(1);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const m = new Float64Array(d * d);
  const o = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const diag = normalized ? (deg[i] > 0 ? 1 : 0) : deg[i];
    for (let a = 0; a < d; a++) {
      rows.push(i * d + a);
      cols.push(i * d + a);
      vals.push(diag);
    }
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) {
      const j = w.colIndex[p];
      if (j === i) continue;
      const c = -w.values[p] * scale[i] * scale[j];
      if (identity) {
        o.fill(0);
        for (let a = 0; a < d; a++) o[a * d + a] = 1;
      } else procrustes(F, i, j, D, d, m, o);
      for (let a = 0; a < d; a++)
        for (let b = 0; b < d; b++) {
          rows.push(i * d + a);
          cols.push(j * d + b);
          vals.push(c * o[a * d + b]);
        }
    }
  }
  const L = csrFromTriplets(n * d, n * d, rows, cols, vals);
  // O_ji = O_ijᵀ holds in exact arithmetic; average the two computed blocks so that L is
  // symmetric to the last bit
  return symmetrized(L);
}

/** O = polar factor of F_iᵀ F_j (d×d), via the SVD F_iᵀ F_j = U Σ Vᵀ → U Vᵀ. */
function procrustes(
  F: Float64Array,
  i: number,
  j: number,
  D: number,
  d: number,
  m: Float64Array,
  o: Float64Array,
): void {
  const bi = i * D * d;
  const bj = j * D * d;
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      let s = 0;
      for (let c = 0; c < D; c++) s += F[bi + c * d + a] * F[bj + c * d + b];
      m[a * d + b] = s;
    }
  if (d === 1) {
    o[0] = m[0] >= 0 ? 1 : -1;
    return;
  }
  const r = svd({ rows: d, cols: d, data: m.slice() });
  const U = r.u.data;
  const V = r.v.data;
  const kU = r.u.cols;
  const kV = r.v.cols;
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += U[a * kU + c] * V[b * kV + c];
      o[a * d + b] = s;
    }
}

function symmetrized(L: CsrMatrix): CsrMatrix {
  const n = L.rows;
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++)
    for (let p = L.rowPtr[i]; p < L.rowPtr[i + 1]; p++) {
      rows.push(i, L.colIndex[p]);
      cols.push(L.colIndex[p], i);
      vals.push(0.5 * L.values[p], 0.5 * L.values[p]);
    }
  return csrFromTriplets(n, n, rows, cols, vals);
}
