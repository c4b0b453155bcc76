// Exact evaluation of a two-player discounted Markov game under softmax policies with
// per-player entropy regularization: values by a linear solve, soft Q-functions, the
// natural (Fisher) pseudo-gradient and the Euclidean policy gradient (Mei et al. 2020,
// Lemma 10; Cen, Wei & Chi 2021, NPG with entropy regularization).
import { type Matrix, solve, transpose } from '@rg/linalg';
import { softmaxRow } from '@rg/linalg/kernels';

/** A validated Markov game on flat arrays. */
export interface MarkovData {
  S: number;
  n1: number;
  n2: number;
  /** P[((s·n1 + a)·n2 + b)·S + s'] */
  P: Float64Array;
  /** r_i[(s·n1 + a)·n2 + b] */
  r1: Float64Array;
  r2: Float64Array;
  gamma: number;
  tau: number;
  rho: Float64Array;
}

/** Everything one evaluation at θ = (θ₁, θ₂) produces. */
export interface MarkovEvaluation {
  pi1: Float64Array;
  pi2: Float64Array;
  logPi1: Float64Array;
  logPi2: Float64Array;
  V1: Float64Array;
  V2: Float64Array;
  Q1: Float64Array;
  Q2: Float64Array;
  /** normalized discounted state visitation d_ρ = (1 − γ) ρᵀ(I − γP_π)⁻¹ */
  d: Float64Array;
}

function softmaxRows(
  theta: Float64Array,
  o: number,
  S: number,
  k: number,
  pi: Float64Array,
  logPi: Float64Array,
): void {
  for (let s = 0; s < S; s++) {
    const lz = softmaxRow(theta, o + s * k, k, pi, s * k);
    for (let a = 0; a < k; a++) logPi[s * k + a] = theta[o + s * k + a] - lz;
  }
}

/** Evaluate the game at θ (θ₁ = theta[0 .. S·n1), θ₂ after it). */
export function evaluateMarkov(
  g: MarkovData,
  theta: Float64Array,
  wantVisitation: boolean,
): MarkovEvaluation {
  const { S, n1, n2, P, r1, r2, gamma, tau } = g;
  const pi1 = new Float64Array(S * n1);
  const pi2 = new Float64Array(S * n2);
  const logPi1 = new Float64Array(S * n1);
  const logPi2 = new Float64Array(S * n2);
  softmaxRows(theta, 0, S, n1, pi1, logPi1);
  softmaxRows(theta, S * n1, S, n2, pi2, logPi2);
  const M = new Float64Array(S * S);
  const rhs = new Float64Array(S * 2);
  for (let s = 0; s < S; s++) {
    let h1 = 0;
    let h2 = 0;
    for (let a = 0; a < n1; a++) h1 -= pi1[s * n1 + a] * logPi1[s * n1 + a];
    for (let b = 0; b < n2; b++) h2 -= pi2[s * n2 + b] * logPi2[s * n2 + b];
    let e1 = 0;
    let e2 = 0;
    for (let a = 0; a < n1; a++)
      for (let b = 0; b < n2; b++) {
        const w = pi1[s * n1 + a] * pi2[s * n2 + b];
        const k = (s * n1 + a) * n2 + b;
        e1 += w * r1[k];
        e2 += w * r2[k];
        for (let t = 0; t < S; t++) M[s * S + t] -= gamma * w * P[k * S + t];
      }
    M[s * S + s] += 1;
    rhs[s * 2] = e1 + tau * h1;
    rhs[s * 2 + 1] = e2 + tau * h2;
  }
  const Mm: Matrix = { rows: S, cols: S, data: M };
  const V = solve(Mm, { rows: S, cols: 2, data: rhs }).data;
  const V1 = new Float64Array(S);
  const V2 = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    V1[s] = V[s * 2];
    V2[s] = V[s * 2 + 1];
  }
  const Q1 = new Float64Array(S * n1);
  const Q2 = new Float64Array(S * n2);
  for (let s = 0; s < S; s++)
    for (let a = 0; a < n1; a++)
      for (let b = 0; b < n2; b++) {
        const k = (s * n1 + a) * n2 + b;
        let ev1 = 0;
        let ev2 = 0;
        for (let t = 0; t < S; t++) {
          ev1 += P[k * S + t] * V1[t];
          ev2 += P[k * S + t] * V2[t];
        }
        Q1[s * n1 + a] += pi2[s * n2 + b] * (r1[k] + gamma * ev1);
        Q2[s * n2 + b] += pi1[s * n1 + a] * (r2[k] + gamma * ev2);
      }
  let d: Float64Array = new Float64Array(0);
  if (wantVisitation) {
    d = solve(
      transpose(Mm),
      Float64Array.from(g.rho, (v) => (1 - gamma) * v),
    );
  }
  return { pi1, pi2, logPi1, logPi2, V1, V2, Q1, Q2, d };
}

/** out = natural pseudo-gradient (τθ_i − Q_i)/(1 − γ): the NPG direction of each player, negated. */
export function naturalField(g: MarkovData, theta: Float64Array, out: Float64Array): void {
  const e = evaluateMarkov(g, theta, false);
  const c = 1 / (1 - g.gamma);
  const m1 = g.S * g.n1;
  for (let k = 0; k < m1; k++) out[k] = c * (g.tau * theta[k] - e.Q1[k]);
  for (let k = 0; k < g.S * g.n2; k++) out[m1 + k] = c * (g.tau * theta[m1 + k] - e.Q2[k]);
}

/** out = −∇_θ V_i^τ(ρ) per player: −d(s) π_i(a|s) (Q_i − τ log π_i − V_i)(s, a)/(1 − γ). */
export function policyGradientField(g: MarkovData, theta: Float64Array, out: Float64Array): void {
  const e = evaluateMarkov(g, theta, true);
  const c = 1 / (1 - g.gamma);
  const { S, n1, n2, tau } = g;
  for (let s = 0; s < S; s++) {
    for (let a = 0; a < n1; a++) {
      const k = s * n1 + a;
      out[k] = -c * e.d[s] * e.pi1[k] * (e.Q1[k] - tau * e.logPi1[k] - e.V1[s]);
    }
    for (let b = 0; b < n2; b++) {
      const k = s * n2 + b;
      out[S * n1 + k] = -c * e.d[s] * e.pi2[k] * (e.Q2[k] - tau * e.logPi2[k] - e.V2[s]);
    }
  }
}
