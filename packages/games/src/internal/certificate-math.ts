// The small-gain certificate's arithmetic on N×N matrices: block bounds from Jacobians, the
// weighted matrix M(w), the margin λ_min(M(w)), its maximization over the simplex and the
// step-size bounds of projected Euler and RK4.
import { eigh, type Matrix, svd } from '@rg/linalg';
import { projectBlock } from './projection.js';
import { symmetrizeInPlace } from '@rg/linalg/kernels';

/** Per-player bounds of one or more Jacobians. */
export interface BlockBounds {
  /** μ_i: min over samples of λ_min(sym J_ii) */
  mu: Float64Array;
  /** N×N: off-diagonal L_ij = max ‖J_ij‖₂, diagonal max ‖J_ii‖₂ */
  lipschitz: Float64Array;
}

function block(J: Matrix, r0: number, r1: number, c0: number, c1: number): Matrix {
  const rows = r1 - r0;
  const cols = c1 - c0;
  const d = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) d[r * cols + c] = J.data[(r0 + r) * J.cols + c0 + c];
  return { rows, cols, data: d };
}

function spectralNorm(a: Matrix): number {
  if (a.rows === 1 || a.cols === 1) {
    let s = 0;
    for (const v of a.data) s += v * v;
    return Math.sqrt(s);
  }
  return svd(a, { vectors: false }).s[0];
}

/** Fold the Jacobian J into running block bounds. */
export function accumulateBounds(bounds: BlockBounds, J: Matrix, offsets: readonly number[]): void {
  const N = offsets.length - 1;
  for (let i = 0; i < N; i++) {
    const Jii = block(J, offsets[i], offsets[i + 1], offsets[i], offsets[i + 1]);
    const n = Jii.rows;
    const sym = symmetrizeInPlace(n, Float64Array.from(Jii.data));
    const lmin =
      n === 1 ? sym[0] : eigh({ rows: n, cols: n, data: sym }, { vectors: false }).values[0];
    bounds.mu[i] = Math.min(bounds.mu[i], lmin);
    for (let j = 0; j < N; j++) {
      const Jij = i === j ? Jii : block(J, offsets[i], offsets[i + 1], offsets[j], offsets[j + 1]);
      bounds.lipschitz[i * N + j] = Math.max(bounds.lipschitz[i * N + j], spectralNorm(Jij));
    }
  }
}

/** M(w): M_ii = w_i μ_i, M_ij = −(w_i L_ij + w_j L_ji)/2. */
export function weightedMatrix(mu: Float64Array, L: Float64Array, w: Float64Array): Float64Array {
  const N = mu.length;
  const M = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    M[i * N + i] = w[i] * mu[i];
    for (let j = 0; j < N; j++)
      if (j !== i) M[i * N + j] = -0.5 * (w[i] * L[i * N + j] + w[j] * L[j * N + i]);
  }
  return M;
}

/** λ_min(M(w)). */
export function marginAt(mu: Float64Array, L: Float64Array, w: Float64Array): number {
  const N = mu.length;
  if (N === 1) return w[0] * mu[0];
  return eigh({ rows: N, cols: N, data: weightedMatrix(mu, L, w) }, { vectors: false }).values[0];
}

/**
 * Soft-min of the spectrum, f_s(w) = −s log Σ_k exp(−λ_k/s) (concave in w, within s·log N of
 * λ_min), and its gradient ∂f_s/∂w_i = Σ_k p_k v_ki (C v_k)_i with p = softmax(−λ/s) and the
 * comparison matrix C (C_ii = μ_i, C_ij = −L_ij).
 */
function softMargin(
  mu: Float64Array,
  L: Float64Array,
  w: Float64Array,
  s: number,
  grad: Float64Array,
): number {
  const N = mu.length;
  const { values, vectors } = eigh({ rows: N, cols: N, data: weightedMatrix(mu, L, w) });
  const lmin = values[0];
  let z = 0;
  const p = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    p[k] = Math.exp(-(values[k] - lmin) / s);
    z += p[k];
  }
  grad.fill(0);
  const V = vectors.data;
  for (let k = 0; k < N; k++) {
    const pk = p[k] / z;
    if (pk < 1e-300) continue;
    for (let i = 0; i < N; i++) {
      let cv = mu[i] * V[i * N + k];
      for (let j = 0; j < N; j++) if (j !== i) cv -= L[i * N + j] * V[j * N + k];
      grad[i] += pk * V[i * N + k] * cv;
    }
  }
  return lmin - s * Math.log(z);
}

/**
 * Weights on the simplex maximizing λ_min(M(w)). λ_min(M(w)) is concave in w (the minimum
 * eigenvalue of a matrix linear in w), so projected gradient ascent on its soft-min
 * smoothing, with s shrinking from 10⁻² to 10⁻¹¹ of the scale, reaches the maximum up to the
 * last smoothing level. The uniform weights are a fallback candidate.
 */
export function maximizeMargin(mu: Float64Array, L: Float64Array): Float64Array {
  const N = mu.length;
  const uniform = new Float64Array(N).fill(1 / N);
  if (N === 1) return uniform;
  let scale = 0;
  for (const v of mu) scale = Math.max(scale, Math.abs(v));
  for (const v of L) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return uniform;
  let w = Float64Array.from(uniform);
  let best = Float64Array.from(w);
  let bestMargin = marginAt(mu, L, w);
  const grad = new Float64Array(N);
  const trial = new Float64Array(N);
  const scratch = new Float64Array(N);
  const simplex = { kind: 'simplex', total: 1, floor: 0 } as const;
  for (let level = 2; level <= 11; level++) {
    const s = scale * 10 ** -level;
    let t = 1 / scale;
    let f = softMargin(mu, L, w, s, grad);
    for (let it = 0; it < 400; it++) {
      let accepted = false;
      for (let bt = 0; bt < 60; bt++) {
        for (let i = 0; i < N; i++) trial[i] = w[i] + t * grad[i];
        projectBlock(simplex, trial, 0, N, trial, scratch);
        let lin = 0;
        let sq = 0;
        for (let i = 0; i < N; i++) {
          const d = trial[i] - w[i];
          lin += grad[i] * d;
          sq += d * d;
        }
        if (sq === 0) break;
        const gTrial = new Float64Array(N);
        const fTrial = softMargin(mu, L, trial, s, gTrial);
        if (fTrial >= f + lin - sq / (2 * t)) {
          const moved = Math.sqrt(sq);
          w = Float64Array.from(trial);
          f = fTrial;
          grad.set(gTrial);
          accepted = moved > 1e-15;
          t *= 1.5;
          break;
        }
        t /= 2;
      }
      if (!accepted) break;
    }
    const m = marginAt(mu, L, w);
    if (m > bestMargin) {
      bestMargin = m;
      best = Float64Array.from(w);
    }
  }
  return best;
}

/** Spectral norm of the N×N matrix W𝓛 (𝓛 = block Lipschitz bounds). */
export function weightedLipschitz(L: Float64Array, w: Float64Array): number {
  const N = w.length;
  const WL = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) WL[i * N + j] = w[i] * L[i * N + j];
  return spectralNorm({ rows: N, cols: N, data: WL });
}

/** Certified contraction factor of one projected Euler step: √(1 − 2hm + h²L²). */
export function eulerFactor(h: number, m: number, L: number): number {
  return Math.sqrt(Math.max(0, 1 - 2 * h * m + h * h * L * L));
}

/**
 * Certified contraction factor of one RK4 step (unconstrained):
 * √(1 − 2hm + h²L²) + (hL)²/2 + (hL)³/6 + (hL)⁴/24.
 */
export function rk4Factor(h: number, m: number, L: number): number {
  const u = h * L;
  return eulerFactor(h, m, L) + (u * u) / 2 + (u * u * u) / 6 + (u * u * u * u) / 24;
}

/** Minimize a convex function on [a, b] by golden-section search. */
export function goldenMin(f: (h: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = b - r * (b - a);
  let x2 = a + r * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < 200 && b - a > 1e-15 * (1 + Math.abs(b)); i++) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - r * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + r * (b - a);
      f2 = f(x2);
    }
  }
  return 0.5 * (a + b);
}

/** The largest h in (0, hi] with f(h) < 1, for f convex with f(0) = 1 and f'(0) < 0 (bisection on the right root). */
export function lastBelowOne(f: (h: number) => number, lo: number, hi: number): number {
  // lo: a point with f(lo) < 1 (the minimizer); hi: f(hi) ≥ 1
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 1) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-15 * hi) break;
  }
  return lo;
}
