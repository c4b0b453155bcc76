// Sparse symmetric positive definite solves by envelope (profile) Cholesky after a reverse
// Cuthill–McKee ordering (George & Liu, "Computer Solution of Large Sparse Positive Definite
// Systems", 1981, ch. 4). The factor keeps the envelope of the reordered matrix, so nothing
// fills outside it. For M-matrices (graph Laplacians plus a positive diagonal, heat operators
// on meshes without obtuse-angle pairs) forward and back substitution add only terms of one
// sign, so tiny solution entries far from the source keep their relative accuracy, which an
// iterative solver stopped on a relative residual does not. Unchecked kernels.
import type { CsrMatrix } from './csr.js';

/** Reverse Cuthill–McKee permutation of a square, structurally symmetric A: perm[k] = original index of the k-th unknown. */
export function reverseCuthillMcKee(a: CsrMatrix): Int32Array {
  const { rows: n, rowPtr, colIndex: col } = a;
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) degree[i] = rowPtr[i + 1] - rowPtr[i];
  const seen = new Uint8Array(n);
  const order: number[] = [];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((x, y) => degree[x] - degree[y]);
  for (const start of byDegree) {
    if (seen[start]) continue;
    // a pseudo-peripheral start: the last node of a BFS from the minimum-degree node
    let root = start;
    for (let pass = 0; pass < 2; pass++) {
      const lvl = bfsLast(a, root, degree);
      if (lvl === root) break;
      root = lvl;
    }
    seen[root] = 1;
    const queue = [root];
    for (let h = 0; h < queue.length; h++) {
      const i = queue[h];
      order.push(i);
      const nb: number[] = [];
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const j = col[p];
        if (!seen[j]) {
          seen[j] = 1;
          nb.push(j);
        }
      }
      nb.sort((x, y) => degree[x] - degree[y]);
      for (const j of nb) queue.push(j);
    }
  }
  return Int32Array.from(order.reverse());
}

function bfsLast(a: CsrMatrix, root: number, degree: Int32Array): number {
  const { rows: n, rowPtr, colIndex: col } = a;
  const dist = new Int32Array(n).fill(-1);
  dist[root] = 0;
  const queue = [root];
  let last = root;
  for (let h = 0; h < queue.length; h++) {
    const i = queue[h];
    if (dist[i] > dist[last] || (dist[i] === dist[last] && degree[i] < degree[last])) last = i;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = col[p];
      if (dist[j] < 0) {
        dist[j] = dist[i] + 1;
        queue.push(j);
      }
    }
  }
  return last;
}

/** Envelope Cholesky factor L (row k holds columns first[k]..k) of P A Pᵀ. */
export interface EnvelopeFactor {
  n: number;
  perm: Int32Array;
  first: Int32Array;
  /** start of row k in `values` */
  start: Int32Array;
  values: Float64Array;
}

/** Number of entries the envelope factor of P A Pᵀ will hold (to bound memory before factoring). */
export function envelopeSize(a: CsrMatrix, perm: Int32Array): number {
  const { rows: n, rowPtr, colIndex: col } = a;
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]] = k;
  let size = 0;
  for (let k = 0; k < n; k++) {
    const i = perm[k];
    let f = k;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const c = inv[col[p]];
      if (c < f) f = c;
    }
    size += k - f + 1;
  }
  return size;
}

/**
 * Factor P A Pᵀ = L Lᵀ for SPD A (the entries on and below the diagonal of P A Pᵀ are read)
 * with permutation `perm`. Returns the index (in original numbering) of the first
 * non-positive pivot instead of a factor when A is not positive definite.
 */
export function envelopeCholesky(a: CsrMatrix, perm: Int32Array): EnvelopeFactor | number {
  const { rows: n, rowPtr, colIndex: col, values: val } = a;
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]] = k;
  const first = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = perm[k];
    let f = k;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const c = inv[col[p]];
      if (c < f) f = c;
    }
    first[k] = f;
  }
  const start = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) start[k + 1] = start[k] + (k - first[k] + 1);
  const L = new Float64Array(start[n]);
  for (let k = 0; k < n; k++) {
    const i = perm[k];
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const c = inv[col[p]];
      if (c <= k) L[start[k] + c - first[k]] += val[p];
    }
  }
  for (let k = 0; k < n; k++) {
    const fk = first[k];
    const rk = start[k] - fk; // L[k][j] = L[rk + j]
    for (let j = fk; j < k; j++) {
      const fj = first[j];
      const rj = start[j] - fj;
      let s = L[rk + j];
      for (let m = Math.max(fk, fj); m < j; m++) s -= L[rk + m] * L[rj + m];
      L[rk + j] = s / L[rj + j];
    }
    let d = L[rk + k];
    for (let m = fk; m < k; m++) d -= L[rk + m] * L[rk + m];
    if (!(d > 0)) return perm[k];
    L[rk + k] = Math.sqrt(d);
  }
  return { n, perm, first, start, values: L };
}

/**
 * Solve A x = b with a factor from {@link envelopeCholesky}; x (original numbering) goes into
 * `out`, `work` (length n) holds the permuted intermediate. `out` may alias `b`.
 */
export function envelopeSolve(
  f: EnvelopeFactor,
  b: Float64Array,
  out: Float64Array,
  work: Float64Array = new Float64Array(f.n),
): Float64Array {
  const { n, perm, first, start, values: L } = f;
  const y = work;
  for (let k = 0; k < n; k++) y[k] = b[perm[k]];
  for (let k = 0; k < n; k++) {
    const rk = start[k] - first[k];
    let s = y[k];
    for (let m = first[k]; m < k; m++) s -= L[rk + m] * y[m];
    y[k] = s / L[rk + k];
  }
  for (let k = n - 1; k >= 0; k--) {
    const rk = start[k] - first[k];
    const xk = y[k] / L[rk + k];
    y[k] = xk;
    for (let m = first[k]; m < k; m++) y[m] -= L[rk + m] * xk;
  }
  for (let k = 0; k < n; k++) out[perm[k]] = y[k];
  return out;
}
