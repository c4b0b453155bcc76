// (N)-HARPG: Hessian-aided recursive policy gradient (Fatkhullin, Barakat, Kireeva & He 2023,
// Algorithm 2), normalized or not; the Hessian-vector product uses the policy's exact
// log-likelihood HVP.
import { InvalidArgumentError, checkInteger } from '@rg/linalg';
import type { Environment, VectorEnvironment } from '../environment.js';
import type { Policy } from '../policy.js';
import type { HarpgOptions, TrainProgress, TrainResult } from '../train-types.js';
import type { Trajectories } from '../rollout.js';
import type { PolicyKernels } from './network-policy.js';
import { schedulesOf } from './schedules.js';
import { baselineOf, norm, ScoreEstimator, TrainLoop } from './train-loop.js';

/**
 * v = B(τ, θ)Δ for the trajectories of `batch` (sampled at θ), with Φ = Σₜ wₜ log π(aₜ | sₜ) and
 * the score weights wₜ = γᵗ(Gₜ − bₜ)/E:
 * - 'trajectory' (the paper's estimator): B = ∇²Φ + ∇Φ ∇log p(τ)ᵀ, where
 *   ⟨∇log p(τ), Δ⟩ = Σₜ ⟨∇log π(aₜ | sₜ), Δ⟩ sums over the whole trajectory;
 * - 'causal': the same expectation with the terms that vanish in expectation removed — the
 *   reward at step t is paired only with the scores of steps k ≤ t, the baseline at step h with
 *   k ≤ h (a later action's score has mean zero given the past):
 *   ∇Φ-term = Σ_h ∇log π_h [Σ_{t≥h} γᵗrₜ cₜ − γʰbₕ cₕ]/E with cₜ = Σ_{k≤t} ⟨∇log π_k, Δ⟩.
 * The first term ∇²Φ Δ is the exact log-likelihood HVP in both. Written into `out`; `work` is
 * scratch of the same length.
 */
export function hessianCorrection(
  k: PolicyKernels,
  theta: Float64Array,
  batch: Trajectories,
  w: Float64Array,
  gamma: number,
  causal: boolean,
  delta: Float64Array,
  out: Float64Array,
  work: Float64Array,
): Float64Array {
  k.hvpLogProbBatch(theta, batch.observations, batch.actions, w, delta, out);
  const jv = k.jvpLogProbBatch(
    theta,
    batch.observations,
    batch.actions,
    delta,
    new Float64Array(batch.steps),
  );
  const u = new Float64Array(batch.steps);
  const E = batch.episodes;
  for (let e = 0; e < E; e++) {
    const s0 = batch.starts[e];
    const s1 = batch.starts[e + 1];
    if (!causal) {
      let c = 0;
      for (let s = s0; s < s1; s++) c += jv[s];
      for (let s = s0; s < s1; s++) u[s] = w[s] * c;
      continue;
    }
    // prefix sums cₜ, then backward: R = Σ_{t≥h} ρₜ (ρₜ = γᵗrₜ/E), M = Σ_{t≥h} ρₜcₜ,
    // β_h = R − w_h (the baseline part of w_h), u_h = M − β_h c_h
    const c = new Float64Array(s1 - s0);
    let acc = 0;
    for (let s = s0; s < s1; s++) {
      acc += jv[s];
      c[s - s0] = acc;
    }
    const disc = new Float64Array(s1 - s0);
    let g = 1 / E;
    for (let s = s0; s < s1; s++) {
      disc[s - s0] = g;
      g *= gamma;
    }
    let R = 0;
    let M = 0;
    for (let s = s1 - 1; s >= s0; s--) {
      const rho = disc[s - s0] * batch.rewards[s];
      R += rho;
      M += rho * c[s - s0];
      u[s] = M - (R - w[s]) * c[s - s0];
    }
  }
  k.gradLogProbBatch(theta, batch.observations, batch.actions, u, work);
  for (let i = 0; i < out.length; i++) out[i] += work[i];
  return out;
}

export function* harpgRun(
  fn: string,
  normalized: boolean,
  env: Environment | VectorEnvironment,
  policy: Policy,
  options: HarpgOptions | undefined,
): Generator<TrainProgress, TrainResult, void> {
  const loop = new TrainLoop(fn, env, policy, options);
  const o = options ?? {};
  const batch = checkInteger(fn, 'options.batchEpisodes', o.batchEpisodes ?? 1, 1);
  const estimator = new ScoreEstimator(baselineOf(fn, o.baseline, batch, 'running'), loop.gamma);
  const sched = schedulesOf(fn, o, 1);
  const estimatorKind = o.hessianEstimate ?? 'trajectory';
  if (estimatorKind !== 'trajectory' && estimatorKind !== 'causal')
    throw new InvalidArgumentError(
      `${fn}(): options.hessianEstimate must be 'trajectory' or 'causal' (got ${String(estimatorKind)})`,
    );
  const causal = estimatorKind === 'causal';
  const k = loop.kernels;
  const n = policy.dim;
  const x = loop.theta;
  const prev = x.slice();
  const hat = new Float64Array(n);
  const delta = new Float64Array(n);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const hv = new Float64Array(n);
  const gv = new Float64Array(n);
  for (let t = 0; !loop.done; t++) {
    const eta = sched.eta(t);
    const step = sched.lr(t);
    let hessianNorm = 0;
    if (t > 0) {
      // second-order correction v = B(τ̂, x̂)(xₜ − xₜ₋₁) at a uniform point x̂ of the last step,
      // B(τ, θ) = ∇²Φ(τ, θ) + ∇Φ(τ, θ) ∇log p(τ | θ)ᵀ with ∇Φ the per-trajectory estimate: an
      // unbiased estimate of ∇J(xₜ) − ∇J(xₜ₋₁)
      const q = loop.rng.uniform();
      for (let i = 0; i < n; i++) {
        hat[i] = q * x[i] + (1 - q) * prev[i];
        delta[i] = x[i] - prev[i];
      }
      const bh = loop.collect(hat, batch);
      if (bh.steps > 0) {
        hessianCorrection(k, hat, bh, estimator.weights(bh), loop.gamma, causal, delta, hv, gv);
        for (let i = 0; i < n; i++) {
          d[i] += hv[i];
          hessianNorm += hv[i] * hv[i];
        }
      }
      estimator.observe(bh);
    }
    const b = loop.collect(x, batch);
    estimator.gradient(k, x, b, g);
    estimator.observe(b);
    // dₜ = (1 − ηₜ)(dₜ₋₁ + v) + ηₜ ĝ(xₜ)
    for (let i = 0; i < n; i++) d[i] = (1 - eta) * d[i] + eta * g[i];
    prev.set(x);
    const dn = norm(d);
    const scale = normalized ? (dn > 0 ? step / dn : 0) : step;
    for (let i = 0; i < n; i++) x[i] += scale * d[i];
    yield loop.finish({
      lr: step,
      eta,
      directionNorm: dn,
      gradientNorm: norm(g),
      correctionNorm: Math.sqrt(hessianNorm),
    });
  }
  return loop.result();
}
