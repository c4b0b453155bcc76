// Divide and conquer for the symmetric tridiagonal eigenproblem (Cuppen 1981; Gu & Eisenstat,
// "A divide-and-conquer algorithm for the symmetric tridiagonal eigenproblem", SIMAX 1995):
// rank-one tearing, deflation of small weights and close poles, the secular equation solved by
// a safeguarded two-pole rational iteration (Li, "Solving secular equations stably and
// efficiently", 1993), Löwner's formula for the weights so that the eigenvectors come out
// numerically orthogonal however close the eigenvalues, and the eigenvector update as matrix
// products on the shared gemm kernel. Internal layer: inputs are trusted and finite.
import { gemmDispatch } from './backend.js';
import { qlRows } from './tridiagonal.js';

const EPS = 2.220446049250313e-16;

/**
 * Largest block solved directly by implicit QL (LAPACK's SMLSIZ is 25): below it the rotations
 * cost less than the merges.
 */
export const DC_LEAF = 24;

/** Steps of the secular iteration before it stops on the bracket alone (never reached in tests). */
const MAX_SECULAR_STEPS = 80;

/**
 * Eigenvalues (ascending, into `d`) and eigenvectors (the columns of the row-major n×n `z`) of
 * the symmetric tridiagonal (d, e), e[i] coupling i and i+1. Entries should be of order one
 * (the caller scales by a power of two). Returns false when a leaf's QL did not converge.
 */
export function tridiagonalDC(
  n: number,
  d: Float64Array,
  e: Float64Array,
  z: Float64Array,
): boolean {
  // Inside, eigenvectors are rows of zt (row i belongs to d[i]): merges and rotations then move
  // contiguous rows; one transpose at the end gives the columns.
  const zt = grow('zt', n * n);
  zt.fill(0, 0, n * n);
  // Independent blocks where a coupling is negligible against its neighbours (relative test).
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end =
      i === n - 1 ||
      Math.abs(e[i]) <= EPS * Math.sqrt(Math.abs(d[i])) * Math.sqrt(Math.abs(d[i + 1]));
    if (!end) continue;
    if (!solve(n, d, e, zt, start, i + 1)) return false;
    start = i + 1;
  }
  // Blocks are sorted inside; sort the whole spectrum and its rows.
  sortRows(n, d, zt, 0, n);
  for (let i = 0; i < n; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) z[j * n + i] = zt[o + j];
  }
  return true;
}

// Scratch reused across calls (the kernels are synchronous and never re-entered).
const scratch = new Map<string, Float64Array>();
function grow(name: string, len: number): Float64Array {
  let b = scratch.get(name);
  if (!b || b.length < len) {
    b = new Float64Array(Math.max(len, 2 * (b?.length ?? 0)));
    scratch.set(name, b);
  }
  return b;
}
const intScratch = new Map<string, Int32Array>();
function growInt(name: string, len: number): Int32Array {
  let b = intScratch.get(name);
  if (!b || b.length < len) {
    b = new Int32Array(Math.max(len, 2 * (b?.length ?? 0)));
    intScratch.set(name, b);
  }
  return b;
}

/** Stable insertion sort of idx[0..len) by key[idx[·]] (the lists here are nearly sorted). */
function sortByKey(idx: Int32Array, len: number, key: Float64Array): void {
  for (let i = 1; i < len; i++) {
    const v = idx[i];
    const kv = key[v];
    let j = i - 1;
    while (j >= 0 && key[idx[j]] > kv) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = v;
  }
}

function solve(
  n: number,
  d: Float64Array,
  e: Float64Array,
  zt: Float64Array,
  lo: number,
  hi: number,
): boolean {
  const size = hi - lo;
  if (size <= DC_LEAF) return leaf(n, d, e, zt, lo, hi);
  const m = lo + (size >> 1);
  const beta = e[m - 1];
  const rho = Math.abs(beta);
  // T = diag(T₁ − ρ e_last e_lastᵀ, T₂ − ρ e₁e₁ᵀ) + ρ u uᵀ with u = e_{m−1} + sign(β) e_m.
  d[m - 1] -= rho;
  d[m] -= rho;
  if (!solve(n, d, e, zt, lo, m) || !solve(n, d, e, zt, m, hi)) return false;
  merge(n, d, zt, lo, m, hi, beta);
  return true;
}

/** QL on the block, eigenvectors from the identity, sorted ascending into zt's diagonal block. */
function leaf(
  n: number,
  d: Float64Array,
  e: Float64Array,
  zt: Float64Array,
  lo: number,
  hi: number,
): boolean {
  const size = hi - lo;
  const dd = d.subarray(lo, hi);
  const ee = grow('leafE', size).subarray(0, size);
  for (let i = 0; i < size - 1; i++) ee[i] = e[lo + i];
  ee[size - 1] = 0;
  const q = grow('leafQ', size * size).subarray(0, size * size);
  q.fill(0);
  for (let i = 0; i < size; i++) q[i * size + i] = 1;
  if (!qlRows(size, dd, ee, q)) return false;
  for (let i = 0; i < size; i++) zt.set(q.subarray(i * size, i * size + size), (lo + i) * n + lo);
  sortRows(n, d, zt, lo, hi);
  return true;
}

/** Sort d[lo..hi) ascending, permuting rows lo..hi−1 of zt (columns lo..hi−1) alike. */
function sortRows(n: number, d: Float64Array, zt: Float64Array, lo: number, hi: number): void {
  let sorted = true;
  for (let i = lo + 1; i < hi; i++) if (d[i] < d[i - 1]) sorted = false;
  if (sorted) return;
  const size = hi - lo;
  const idx = Array.from({ length: size }, (_, i) => i);
  idx.sort((a, b) => d[lo + a] - d[lo + b] || a - b);
  const vals = d.slice(lo, hi);
  const block = new Float64Array(size * size);
  for (let r = 0; r < size; r++)
    block.set(zt.subarray((lo + r) * n + lo, (lo + r) * n + hi), r * size);
  for (let c = 0; c < size; c++) {
    const src = idx[c];
    d[lo + c] = vals[src];
    zt.set(block.subarray(src * size, src * size + size), (lo + c) * n + lo);
  }
}

/**
 * Merge the solved halves [lo, m) and [m, hi): the eigenpairs of D + ρ z zᵀ, with D the two
 * sorted spectra and z the last components of the first half's eigenvectors next to sign(β)
 * times the first components of the second half's, give the block's eigenvalues and
 * eigenvectors Qᵀ ← Uᵀ diag(Q₁, Q₂)ᵀ (rows of zt).
 */
function merge(
  n: number,
  d: Float64Array,
  zt: Float64Array,
  lo: number,
  m: number,
  hi: number,
  beta: number,
): void {
  const size = hi - lo;
  const n1 = m - lo;
  // The block's eigenvector rows, contiguous (row c = eigenvector c on columns lo..hi−1).
  const q = grow('q', size * size);
  for (let r = 0; r < size; r++) q.set(zt.subarray((lo + r) * n + lo, (lo + r) * n + hi), r * size);
  const dv = grow('dv', size);
  dv.set(d.subarray(lo, hi));
  const w = grow('w', size);
  const sgn = beta < 0 ? -1 : 1;
  for (let c = 0; c < n1; c++) w[c] = q[c * size + n1 - 1];
  for (let c = n1; c < size; c++) w[c] = sgn * q[c * size + n1];
  let norm = 0;
  for (let c = 0; c < size; c++) norm += w[c] * w[c];
  const rho = Math.abs(beta) * norm;
  norm = Math.sqrt(norm);
  for (let c = 0; c < size; c++) w[c] /= norm;
  // Merge the two ascending halves into one order of the poles.
  const order = growInt('order', size);
  {
    let a = 0;
    let b = n1;
    for (let t = 0; t < size; t++) order[t] = b >= size || (a < n1 && dv[a] <= dv[b]) ? a++ : b++;
  }
  // Row kinds for the structured product: 1 = nonzero on the first half only, 3 = second half
  // only, 2 = both (after a deflating rotation between halves).
  const kind = growInt('kind', size);
  for (let c = 0; c < size; c++) kind[c] = c < n1 ? 1 : 3;
  let dmax = 0;
  for (let c = 0; c < size; c++) dmax = Math.max(dmax, Math.abs(dv[c]));
  // Deflating z_j perturbs the merged matrix by ρ|z_j| (‖z‖ = 1); a rotation that merges two
  // poles leaves an off-diagonal |(d_j − d_p) c s|. Both are dropped below 8ε‖D + ρzzᵀ‖.
  const tol = 8 * EPS * Math.max(dmax, rho);
  const keep = growInt('keep', size);
  const deflated = growInt('deflated', size);
  let k = 0;
  let nd = 0;
  let prev = -1;
  for (let t = 0; t < size; t++) {
    const j = order[t];
    if (rho * Math.abs(w[j]) <= tol) {
      deflated[nd++] = j;
      continue;
    }
    if (prev >= 0) {
      const zp = w[prev];
      const zj = w[j];
      const r = Math.hypot(zp, zj);
      const c = zj / r;
      const s = -zp / r;
      if (Math.abs((dv[j] - dv[prev]) * c * s) <= tol) {
        // Rotate z_prev into z_j: G z = (0, r); rows [q_p, q_j] ← [c q_p + s q_j, −s q_p + c q_j].
        const op = prev * size;
        const oj = j * size;
        for (let x = 0; x < size; x++) {
          const a = q[op + x];
          const b = q[oj + x];
          q[op + x] = c * a + s * b;
          q[oj + x] = c * b - s * a;
        }
        const dp = dv[prev];
        const dj = dv[j];
        dv[prev] = dp * c * c + dj * s * s;
        dv[j] = dp * s * s + dj * c * c;
        w[j] = r;
        w[prev] = 0;
        if (kind[prev] !== kind[j]) {
          kind[prev] = 2;
          kind[j] = 2;
        }
        deflated[nd++] = prev;
        prev = j;
        continue;
      }
      keep[k++] = prev;
    }
    prev = j;
  }
  if (prev >= 0) keep[k++] = prev;
  // A rotation can move a merged pole slightly: keep the secular poles ascending.
  sortByKey(keep, k, dv);
  const lambda = grow('lambda', k);
  // u[i·k + j]: component j of the eigenvector of root i (then the new rows, k × size).
  const u = grow('u', k * k);
  const rows = grow('rows', k * size);
  if (k > 0) {
    const poles = grow('poles', k);
    const zk = grow('zk', k);
    for (let i = 0; i < k; i++) {
      poles[i] = dv[keep[i]];
      zk[i] = w[keep[i]];
    }
    // delta[i·k + j] = poles[j] − λ_i, accurate for the pole nearest λ_i.
    const delta = grow('delta', k * k);
    for (let i = 0; i < k; i++)
      lambda[i] = secularRoot(k, i, poles, zk, rho, delta.subarray(i * k, i * k + k));
    // Löwner: the weights for which the computed λ are the exact eigenvalues of D + ρ ẑẑᵀ.
    // ẑ_j² = (λ_j − d_j)/ρ · Π_{i≠j} (λ_i − d_j)/(d_i − d_j), accumulated root by root so
    // that every pass reads one contiguous row of delta.
    const zh = grow('zh', k);
    for (let j = 0; j < k; j++) zh[j] = -delta[j * k + j] / rho;
    for (let i = 0; i < k; i++) {
      const o = i * k;
      const pi = poles[i];
      for (let j = 0; j < i; j++) zh[j] *= delta[o + j] / (poles[j] - pi);
      for (let j = i + 1; j < k; j++) zh[j] *= delta[o + j] / (poles[j] - pi);
    }
    for (let j = 0; j < k; j++) {
      const r = Math.sqrt(Math.abs(zh[j]));
      zh[j] = zk[j] < 0 ? -r : r;
    }
    // u_i = (ẑ_j / (d_j − λ_i))_j normalized.
    for (let i = 0; i < k; i++) {
      const o = i * k;
      let s = 0;
      for (let j = 0; j < k; j++) {
        const x = zh[j] / delta[o + j];
        u[o + j] = x;
        s += x * x;
      }
      s = 1 / Math.sqrt(s);
      for (let j = 0; j < k; j++) u[o + j] *= s;
    }
    updateRows(size, n1, q, keep, kind, u, k, rows);
  }
  // Assemble: the k roots (ascending) and the deflated poles (sorted here), merged.
  sortByKey(deflated, nd, dv);
  let a = 0;
  let b = 0;
  for (let c = 0; c < size; c++) {
    const root = b >= nd || (a < k && lambda[a] <= dv[deflated[b]]);
    const lo2 = (lo + c) * n + lo;
    if (root) {
      d[lo + c] = lambda[a];
      zt.set(rows.subarray(a * size, a * size + size), lo2);
      a++;
    } else {
      const j = deflated[b++];
      d[lo + c] = dv[j];
      zt.set(q.subarray(j * size, j * size + size), lo2);
    }
  }
}

/**
 * rows (k × size) row i = Σ_j u[i, j] q[keep[j], :]: the first n1 columns need only the rows of
 * kinds 1 and 2, the others kinds 2 and 3, so each half is one gemm over its nonzero block.
 */
function updateRows(
  size: number,
  n1: number,
  q: Float64Array,
  keep: Int32Array,
  kind: Int32Array,
  u: Float64Array,
  k: number,
  rows: Float64Array,
): void {
  for (let half = 0; half < 2; half++) {
    const c0 = half === 0 ? 0 : n1;
    const cols = half === 0 ? n1 : size - n1;
    // kinds 1, 2 for the first half; 2, 3 for the second
    const skip = half === 0 ? 3 : 1;
    const sel = growInt('sel', k);
    let c = 0;
    for (let j = 0; j < k; j++) if (kind[keep[j]] !== skip) sel[c++] = j;
    const res = grow('res', k * cols);
    if (c > 0) {
      const a = grow('ua', k * c);
      const b = grow('qb', c * cols);
      for (let t = 0; t < c; t++) {
        const o = keep[sel[t]] * size + c0;
        b.set(q.subarray(o, o + cols), t * cols);
      }
      for (let i = 0; i < k; i++) {
        const oi = i * k;
        const oa = i * c;
        for (let t = 0; t < c; t++) a[oa + t] = u[oi + sel[t]];
      }
      gemmDispatch(false, false, k, cols, c, a, b, res);
    } else res.fill(0, 0, k * cols);
    for (let i = 0; i < k; i++) rows.set(res.subarray(i * cols, i * cols + cols), i * size + c0);
  }
}

/**
 * Root i (0-based, ascending) of the secular equation 1/ρ + Σ_j z_j²/(d_j − λ) = 0 (poles d
 * strictly ascending, ρ > 0, ‖z‖ = 1): λ_i lies in (d_i, d_{i+1}), the last in (d_{k−1},
 * d_{k−1} + ρ]. Works in coordinates relative to the nearer pole so that d_j − λ_i is accurate;
 * writes those differences into `delta` and returns λ_i.
 */
export function secularRoot(
  k: number,
  i: number,
  d: Float64Array,
  z: Float64Array,
  rho: number,
  delta: Float64Array,
): number {
  if (k === 1) {
    const tau = rho * z[0] * z[0];
    delta[0] = -tau;
    return d[0] + tau;
  }
  const rhoinv = 1 / rho;
  const last = i === k - 1;
  // The two poles the model keeps: i and i+1 (k−2 and k−1 for the last root); sums over
  // j ≤ p form ψ, the rest φ.
  const p = last ? k - 2 : i;
  // Origin (the nearer pole) and bracket (lo, hi) for τ = λ − origin; the first iterate is the
  // midpoint of the interval (or ρ/2 past the last pole), where f decides the origin.
  let origin: number;
  let lo: number;
  let hi: number;
  let tau: number;
  if (last) {
    origin = d[k - 1];
    lo = 0;
    hi = rho;
    tau = rho / 2;
    for (let j = 0; j < k; j++) delta[j] = d[j] - origin;
  } else {
    const di = d[i];
    const mid = (d[i + 1] - di) / 2;
    for (let j = 0; j < k; j++) delta[j] = d[j] - di;
    let f = rhoinv;
    for (let j = 0; j < k; j++) f += (z[j] * z[j]) / (delta[j] - mid);
    if (f >= 0) {
      origin = di;
      lo = 0;
      hi = mid;
    } else {
      origin = d[i + 1];
      lo = -mid;
      hi = 0;
      for (let j = 0; j < k; j++) delta[j] = d[j] - origin;
    }
    tau = origin === di ? mid : -mid;
  }
  const dp = delta[p];
  const dq = delta[p + 1];
  for (let step = 0; step < MAX_SECULAR_STEPS; step++) {
    // f = 1/ρ + ψ + φ and the slopes ψ', φ' at τ.
    let psi = 0;
    let dpsi = 0;
    for (let j = 0; j <= p; j++) {
      const t = z[j] / (delta[j] - tau);
      psi += z[j] * t;
      dpsi += t * t;
    }
    let phi = 0;
    let dphi = 0;
    for (let j = p + 1; j < k; j++) {
      const t = z[j] / (delta[j] - tau);
      phi += z[j] * t;
      dphi += t * t;
    }
    const f = rhoinv + psi + phi;
    // Rounding in f: a few ε per term (the terms of ψ share one sign, those of φ another, so
    // Σ|terms| = |ψ| + |φ|), plus ε|τ| times f' for the error in τ itself.
    const err =
      EPS *
      (8 * (Math.abs(psi) + Math.abs(phi)) +
        2 * rhoinv +
        3 * Math.abs(f) +
        Math.abs(tau) * (dpsi + dphi));
    if (Math.abs(f) <= err) break;
    if (f < 0) lo = tau;
    else hi = tau;
    if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
    // Middle way: ψ ≈ a₁ + b₁/(d_p − x), φ ≈ a₂ + b₂/(d_q − x), matching value and slope at τ
    // (Li 1993); solve the model's quadratic in the increment η, keep the root in the bracket.
    const ep = dp - tau;
    const eq = dq - tau;
    // The first step (from the midpoint, where the root may sit close to one pole) keeps the
    // two nearest poles with their true weights instead (Li's fixed-weight start).
    const b1 = step === 0 ? z[p] * z[p] : dpsi * ep * ep;
    const b2 = step === 0 ? z[p + 1] * z[p + 1] : dphi * eq * eq;
    const c = rhoinv + (psi - b1 / ep) + (phi - b2 / eq);
    // c η² − B η + ep·eq·f = 0
    const bb = c * (ep + eq) + b1 + b2;
    const cc = ep * eq * f;
    let next = Number.NaN;
    if (c === 0) {
      if (bb !== 0) next = tau + cc / bb;
    } else {
      const sq = Math.sqrt(Math.max(bb * bb - 4 * c * cc, 0));
      const t = bb >= 0 ? (bb + sq) / 2 : (bb - sq) / 2;
      const r1 = tau + t / c;
      const r2 = t !== 0 ? tau + cc / t : Number.NaN;
      if (r1 > lo && r1 < hi) next = r1;
      else if (r2 > lo && r2 < hi) next = r2;
    }
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (next === tau) break;
    tau = next;
  }
  for (let j = 0; j < k; j++) delta[j] -= tau;
  return origin + tau;
}
