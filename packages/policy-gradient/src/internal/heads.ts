// Closed-form log-likelihoods, scores, second derivatives and KL divergences of the two action
// distributions on batches of network outputs: softmax (categorical) over logits, and the
// diagonal Gaussian with state-independent log standard deviations.
import type { Rng } from '@rg/linalg';
import { softmaxRow } from '@rg/linalg/kernels';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

// ---- categorical: F n×k logits, acts n action indices ----

/** out[i] = log softmax(F_i)[aᵢ] */
export function categoricalLogProbs(
  F: Float64Array,
  n: number,
  k: number,
  acts: Float64Array,
  out: Float64Array,
): void {
  const p = new Float64Array(k);
  for (let i = 0; i < n; i++) out[i] = F[i * k + acts[i]] - softmaxRow(F, i * k, k, p, 0);
}

/** G_i = wᵢ (e_{aᵢ} − p_i): the weighted score with respect to the logits */
export function categoricalScore(
  P: Float64Array,
  n: number,
  k: number,
  acts: Float64Array,
  w: ArrayLike<number>,
  G: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    for (let j = 0; j < k; j++) G[i * k + j] = -wi * P[i * k + j];
    G[i * k + acts[i]] += wi;
  }
}

/** RG_i = −wᵢ (p ⊙ RF_i − p (pᵀRF_i)): the derivative of the score along RF (the softmax Hessian) */
export function categoricalScoreR(
  P: Float64Array,
  RF: Float64Array,
  n: number,
  k: number,
  w: ArrayLike<number>,
  RG: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    let pr = 0;
    for (let j = 0; j < k; j++) pr += P[i * k + j] * RF[i * k + j];
    const wi = w[i];
    for (let j = 0; j < k; j++) RG[i * k + j] = -wi * P[i * k + j] * (RF[i * k + j] - pr);
  }
}

/** out[i] = (e_{aᵢ} − p_i)ᵀ RF_i */
export function categoricalJvp(
  P: Float64Array,
  RF: Float64Array,
  n: number,
  k: number,
  acts: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    let pr = 0;
    for (let j = 0; j < k; j++) pr += P[i * k + j] * RF[i * k + j];
    out[i] = RF[i * k + acts[i]] - pr;
  }
}

/**
 * out[i] = H(softmax F_i) = −Σⱼ pⱼ log pⱼ with log pⱼ = F_ij − log Σ exp F_i (no cancellation for
 * nearly deterministic rows, and no 0·log 0)
 */
export function categoricalEntropy(F: Float64Array, n: number, k: number, out: Float64Array): void {
  const p = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const lse = softmaxRow(F, i * k, k, p, 0);
    let s = 0;
    for (let j = 0; j < k; j++) if (p[j] > 0) s -= p[j] * (F[i * k + j] - lse);
    out[i] = s;
  }
}

/** KL(softmax F_i ‖ softmax Q_i) per row; with G: G_i = wᵢ ∂KL/∂F_i = wᵢ p ⊙ (log p − log q − KL) */
export function categoricalKl(
  F: Float64Array,
  Q: Float64Array,
  n: number,
  k: number,
  out: Float64Array,
  w?: ArrayLike<number>,
  G?: Float64Array,
): void {
  const p = new Float64Array(k);
  const q = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const lp = softmaxRow(F, i * k, k, p, 0);
    const lq = softmaxRow(Q, i * k, k, q, 0);
    let kl = 0;
    for (let j = 0; j < k; j++) {
      // log p_j − log q_j from the logits, exact also where p_j underflows to 0
      const d = F[i * k + j] - lp - (Q[i * k + j] - lq);
      kl += p[j] * d;
    }
    out[i] = kl;
    if (G && w) {
      const wi = w[i];
      for (let j = 0; j < k; j++) {
        const d = F[i * k + j] - lp - (Q[i * k + j] - lq);
        G[i * k + j] = wi * p[j] * (d - kl);
      }
    }
  }
}

/** one index per row drawn from softmax(F_i) by inversion */
export function categoricalSample(
  P: Float64Array,
  n: number,
  k: number,
  rng: Rng,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    let c = 0;
    let a = k - 1;
    for (let j = 0; j < k; j++) {
      c += P[i * k + j];
      if (u < c) {
        a = j;
        break;
      }
    }
    out[i] = a;
  }
}

// ---- diagonal Gaussian: M n×d means, ls d log standard deviations, acts n×d ----

/** out[i] = log N(aᵢ; μᵢ, diag e^{2ℓ}) */
export function gaussianLogProbs(
  M: Float64Array,
  ls: Float64Array,
  n: number,
  d: number,
  acts: Float64Array,
  out: Float64Array,
): void {
  let norm = 0;
  for (let j = 0; j < d; j++) norm += ls[j] + HALF_LOG_2PI;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const z = (acts[i * d + j] - M[i * d + j]) * Math.exp(-ls[j]);
      s += z * z;
    }
    out[i] = -0.5 * s - norm;
  }
}

/**
 * G_i = wᵢ (aᵢ − μᵢ)/σ² (score for the means); gls ← Σᵢ wᵢ ((aᵢ − μᵢ)²/σ² − 1) (score for ℓ),
 * when gls is given.
 */
export function gaussianScore(
  M: Float64Array,
  ls: Float64Array,
  n: number,
  d: number,
  acts: Float64Array,
  w: ArrayLike<number>,
  G: Float64Array,
  gls: Float64Array | null,
): void {
  if (gls) gls.fill(0);
  for (let j = 0; j < d; j++) {
    const iv = Math.exp(-2 * ls[j]);
    let g = 0;
    for (let i = 0; i < n; i++) {
      const r = acts[i * d + j] - M[i * d + j];
      G[i * d + j] = w[i] * r * iv;
      g += w[i] * (r * r * iv - 1);
    }
    if (gls) gls[j] = g;
  }
}

/**
 * The derivative of the Gaussian score along (Rμ, vℓ): RG_i = wᵢ(−Rμᵢ/σ² − 2(aᵢ − μᵢ)vℓ/σ²) for
 * the means, and rls = Σᵢ wᵢ(−2(aᵢ − μᵢ)Rμᵢ/σ² − 2(aᵢ − μᵢ)²vℓ/σ²) for ℓ (when given).
 */
export function gaussianScoreR(
  M: Float64Array,
  ls: Float64Array,
  RM: Float64Array,
  vls: Float64Array | null,
  n: number,
  d: number,
  acts: Float64Array,
  w: ArrayLike<number>,
  RG: Float64Array,
  rls: Float64Array | null,
): void {
  for (let j = 0; j < d; j++) {
    const iv = Math.exp(-2 * ls[j]);
    const vl = vls ? vls[j] : 0;
    let g = 0;
    for (let i = 0; i < n; i++) {
      const r = acts[i * d + j] - M[i * d + j];
      const rm = RM[i * d + j];
      RG[i * d + j] = w[i] * (-rm - 2 * r * vl) * iv;
      g += w[i] * (-2 * r * rm - 2 * r * r * vl) * iv;
    }
    if (rls) rls[j] = g;
  }
}

/** out[i] = Σⱼ (aᵢⱼ − μᵢⱼ)/σⱼ² Rμᵢⱼ + Σⱼ ((aᵢⱼ − μᵢⱼ)²/σⱼ² − 1) vℓⱼ */
export function gaussianJvp(
  M: Float64Array,
  ls: Float64Array,
  RM: Float64Array,
  vls: Float64Array | null,
  n: number,
  d: number,
  acts: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const iv = Math.exp(-2 * ls[j]);
      const r = acts[i * d + j] - M[i * d + j];
      s += r * iv * RM[i * d + j];
      if (vls) s += (r * r * iv - 1) * vls[j];
    }
    out[i] = s;
  }
}

/**
 * KL(N(μᵢ, σ²) ‖ N(μ'ᵢ, σ'²)) per row; with G: G_i = wᵢ (μᵢ − μ'ᵢ)/σ'² and
 * gls = Σᵢ wᵢ (σ²/σ'² − 1).
 */
export function gaussianKl(
  M: Float64Array,
  ls: Float64Array,
  M2: Float64Array,
  ls2: Float64Array,
  n: number,
  d: number,
  out: Float64Array,
  w?: ArrayLike<number>,
  G?: Float64Array,
  gls?: Float64Array | null,
): void {
  let base = 0;
  for (let j = 0; j < d; j++) base += ls2[j] - ls[j] + 0.5 * Math.exp(2 * (ls[j] - ls2[j])) - 0.5;
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    let s = base;
    for (let j = 0; j < d; j++) {
      const iv2 = Math.exp(-2 * ls2[j]);
      const diff = M[i * d + j] - M2[i * d + j];
      s += 0.5 * diff * diff * iv2;
      if (G && w) G[i * d + j] = w[i] * diff * iv2;
    }
    out[i] = s;
    if (w) wsum += w[i];
  }
  if (gls) for (let j = 0; j < d; j++) gls[j] = wsum * (Math.exp(2 * (ls[j] - ls2[j])) - 1);
}

/** aᵢ = μᵢ + σ ⊙ εᵢ */
export function gaussianSample(
  M: Float64Array,
  ls: Float64Array,
  n: number,
  d: number,
  rng: Rng,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) out[i * d + j] = M[i * d + j] + Math.exp(ls[j]) * rng.normal();
}
