import { rng, ShapeError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hotelling } from '../test/hotelling.js';
import {
  exactPolicyGradient,
  exactReturn,
  generalizedAdvantages,
  gridWorld,
  importanceRatios,
  leaveOneOutBaseline,
  linearSoftmaxPolicy,
  policyEvaluation,
  policyGradientEstimate,
  randomMDP,
  returnsToGo,
  rollout,
  softmaxTabularPolicy,
  tabularMDP,
  type Trajectories,
  valueIteration,
  vectorize,
} from './index.js';
import { hessianCorrection } from './internal/harpg-run.js';
import { kernelsOf } from './internal/network-policy.js';

/** episode e of a batch as a batch of its own */
function episode(b: Trajectories, e: number): Trajectories {
  const s0 = b.starts[e];
  const s1 = b.starts[e + 1];
  const oc = b.observations.cols;
  const ac = b.actions.cols;
  return {
    ...b,
    observations: { rows: s1 - s0, cols: oc, data: b.observations.data.slice(s0 * oc, s1 * oc) },
    actions: { rows: s1 - s0, cols: ac, data: b.actions.data.slice(s0 * ac, s1 * ac) },
    rewards: b.rewards.slice(s0, s1),
    logProbs: b.logProbs.slice(s0, s1),
    starts: Int32Array.of(0, s1 - s0),
    terminated: b.terminated.slice(e, e + 1),
    complete: b.complete.slice(e, e + 1),
    returns: b.returns.slice(e, e + 1),
    discountedReturns: b.discountedReturns.slice(e, e + 1),
    steps: s1 - s0,
    episodes: 1,
  };
}

describe('returns, advantages, baselines, ratios', () => {
  it('returnsToGo(r, γ) satisfies Gₜ = Σ_k γ^{k−t} r_k within each episode', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 29 }),
        (r, gamma, cut) => {
          const split = Math.min(cut, r.length);
          const G = returnsToGo(r, gamma, [0, split, r.length]);
          for (let t = 0; t < r.length; t++) {
            const end = t < split ? split : r.length;
            let s = 0;
            for (let k = end - 1; k >= t; k--) s = r[k] + gamma * s;
            expect(G[t]).toBeCloseTo(s, 12);
          }
        },
      ),
      { numRuns: 100, seed: 2 },
    );
    expect(() => returnsToGo([1, 2], 0.5, [0, 3])).toThrow(/starts/);
    expect(() => returnsToGo([1], 1.5)).toThrow(/gamma/);
  });

  it('generalizedAdvantages(): λ = 0 is the TD residual, λ = 1 is Gₜ − V(sₜ) with bootstrap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (r, gamma, boot) => {
          const T = r.length;
          const V = r.map((x, i) => Math.sin(i + x));
          const a0 = generalizedAdvantages(r, V, { gamma, lambda: 0, bootstrap: [boot] });
          const a1 = generalizedAdvantages(r, V, { gamma, lambda: 1, bootstrap: [boot] });
          const G = returnsToGo(r, gamma, [0, T], [boot]);
          for (let t = 0; t < T; t++) {
            const next = t + 1 < T ? V[t + 1] : boot;
            expect(a0[t]).toBeCloseTo(r[t] + gamma * next - V[t], 12);
            expect(a1[t]).toBeCloseTo(G[t] - V[t], 10);
          }
        },
      ),
      { numRuns: 100, seed: 3 },
    );
    expect(() => generalizedAdvantages([1], [1, 2], { gamma: 1 })).toThrow(ShapeError);
  });

  it('leaveOneOutBaseline() averages the other episodes at the same time index', () => {
    // episodes [1, 2], [3, 4, 5], [6]: at t = 0 the others of episode 0 are 3 and 6 → 4.5
    expect(Array.from(leaveOneOutBaseline([1, 2, 3, 4, 5, 6], [0, 2, 5, 6]))).toEqual([
      4.5, 4, 3.5, 2, 0, 2,
    ]);
  });

  it('importanceRatios() is exp of the log-probability difference', () => {
    const r = importanceRatios([0, -1, -800], [0, -2, -801]);
    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(Math.E, 14);
    expect(r[2]).toBeCloseTo(Math.E, 12); // no underflow of e^−800
    expect(() => importanceRatios([0], [0, 1])).toThrow(ShapeError);
  });
});

describe('exact evaluation on finite MDPs', () => {
  const mdp = randomMDP({ states: 6, actions: 3, seed: 7, gamma: 0.8 });
  const pi = softmaxTabularPolicy(6, 3);
  const r = rng(1);
  const theta = Float64Array.from({ length: 18 }, () => r.normal());

  it('exactPolicyGradient() equals central differences of exactReturn()', () => {
    const g = exactPolicyGradient(mdp, pi, theta);
    const h = 1e-6;
    for (let i = 0; i < theta.length; i++) {
      const tp = theta.slice();
      tp[i] += h;
      const tm = theta.slice();
      tm[i] -= h;
      const fd = (exactReturn(mdp, pi, tp) - exactReturn(mdp, pi, tm)) / (2 * h);
      // truncation O(h²) and rounding ε·J/h ≈ 1e-9 for J ≈ 3, κ(I − γP_π) ≤ 1/(1 − γ) = 5
      expect(Math.abs(g[i] - fd)).toBeLessThan(1e-7);
    }
  });

  it('policyEvaluation(): Bellman equations hold, occupancies sum to 1/(1 − γ)', () => {
    const e = policyEvaluation(mdp, pi, theta);
    for (let s = 0; s < 6; s++) {
      let v = 0;
      for (let a = 0; a < 3; a++) v += e.probabilities[s * 3 + a] * e.qValues[s * 3 + a];
      expect(e.values[s]).toBeCloseTo(v, 12);
    }
    expect(e.occupancy.reduce((a, b) => a + b, 0)).toBeCloseTo(1 / (1 - 0.8), 12);
  });

  it('valueIteration() bounds every policy’s return and its greedy policy attains it', () => {
    const vi = valueIteration(mdp);
    expect(vi.converged).toBe(true);
    expect(exactReturn(mdp, pi, theta)).toBeLessThanOrEqual(vi.return + 1e-9);
    // the greedy policy as a near-deterministic softmax (logit gap 40: e^−40 ≈ 4e-18 off)
    const greedy = new Float64Array(18);
    for (let s = 0; s < 6; s++) greedy[s * 3 + vi.policy[s]] = 40;
    expect(exactReturn(mdp, pi, greedy)).toBeCloseTo(vi.return, 9);
  });

  it('exact evaluation handles terminal states (grid world) and linear policies on features', () => {
    const g = gridWorld({ rows: 2, cols: 2, slip: 0, stepReward: 0, goalReward: 1, gamma: 0.5 });
    const p = softmaxTabularPolicy(g.states, 4);
    const best = new Float64Array(g.states * 4);
    // from (0,0) go right then down: reward 1 on the second step → J = γ·1 = 0.5
    best[0 * 4 + 1] = 50;
    best[1 * 4 + 2] = 50;
    expect(exactReturn(g, p, best)).toBeCloseTo(0.5, 12);
    expect(policyEvaluation(g, p, best).values[3]).toBe(0);
    // one-hot features make a linear softmax policy the tabular one
    const eye = { rows: 3, cols: 3, data: Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1) };
    const m3 = randomMDP({ states: 3, actions: 2, seed: 2 });
    const mf = tabularMDP({
      P: m3.P,
      R: m3.R,
      gamma: m3.gamma,
      initial: m3.initial,
      features: eye,
    });
    const lin = linearSoftmaxPolicy({ inputs: 3, actions: 2, bias: false });
    const tab = softmaxTabularPolicy(3, 2);
    const t = Float64Array.of(0.3, -1, 2, 0.5, -0.7, 0.1);
    expect(exactReturn(mf, lin, t)).toBeCloseTo(exactReturn(m3, tab, t), 13);
  });
});

describe('score-function estimates are unbiased (statistical tests with fixed seeds)', () => {
  // S = 4, A = 2, γ = 0.5: episodes of the default time limit H = 27 (γ^H = 7.5e-9, so the
  // truncated objective's gradient differs from the infinite-horizon exact one by ≲ 1e-7, far
  // below the standard errors ≈ 1e-3 of these tests)
  const mdp = randomMDP({ states: 4, actions: 2, seed: 3, gamma: 0.5 });
  const pi = softmaxTabularPolicy(4, 2);
  const r = rng(21);
  const theta = Float64Array.from({ length: 8 }, () => r.normal());
  const exact = exactPolicyGradient(mdp, pi, theta);
  // the softmax score sums to zero over each state's actions, so g[s,0] = −g[s,1]: test the
  // d = 4 independent coordinates θ[s, 1]
  const coords = (g: ArrayLike<number>) => Float64Array.from([1, 3, 5, 7], (i) => g[i]);
  const venv = vectorize(() => randomMDP({ states: 4, actions: 2, seed: 3, gamma: 0.5 }), 64);
  const N = 20000;
  const batch = rollout(venv, pi, theta, { episodes: N, seed: 5 });
  const perEpisode = Array.from({ length: N }, (_, e) =>
    policyGradientEstimate(pi, theta, episode(batch, e), { gamma: 0.5, baseline: 'none' }),
  );

  it('policyGradientEstimate(): the mean of 20000 one-episode estimates is exactPolicyGradient (Hotelling T², p > 0.001)', () => {
    const res = hotelling(perEpisode.map(coords), coords(exact));
    expect(res.p).toBeGreaterThan(0.001);
    // the batch estimate with baseline 'none' is the mean of the one-episode estimates
    const whole = policyGradientEstimate(pi, theta, batch, { gamma: 0.5, baseline: 'none' });
    const mean = new Float64Array(8);
    for (const g of perEpisode) for (let i = 0; i < 8; i++) mean[i] += g[i] / N;
    for (let i = 0; i < 8; i++) expect(whole[i]).toBeCloseTo(mean[i], 12);
  });

  it('the same test rejects the estimate without the γᵗ weights (p < 1e-6): it has power', () => {
    // Σₜ Gₜ ∇log π(aₜ|sₜ), a common slip: it weights late states as much as early ones
    const k = kernelsOf(pi);
    const biased = Array.from({ length: N }, (_, e) => {
      const ep = episode(batch, e);
      const G = returnsToGo(ep.rewards, 0.5);
      return coords(k.gradLogProbBatch(theta, ep.observations, ep.actions, G, new Float64Array(8)));
    });
    expect(hotelling(biased, coords(exact)).p).toBeLessThan(1e-6);
  });

  it('policyGradientEstimate() with the leave-one-out baseline is unbiased (400 batches of 50 episodes)', () => {
    const groups = Array.from({ length: 400 }, (_, i) => {
      const sub = rollout(venv, pi, theta, { episodes: 50, seed: 1000 + i });
      return coords(
        policyGradientEstimate(pi, theta, sub, { gamma: 0.5, baseline: 'leave-one-out' }),
      );
    });
    expect(hotelling(groups, coords(exact)).p).toBeGreaterThan(0.001);
  });

  it('the (N)-HARPG corrections (trajectory and causal) are unbiased estimates of ∇²J(θ)Δ; causal has less variance', () => {
    const k = kernelsOf(pi);
    const delta = Float64Array.from({ length: 8 }, () => r.normal());
    // ∇²J Δ by central differences of the exact gradient: O(h²) ≈ 1e-10, far below the
    // standard errors
    const h = 1e-5;
    const gp = exactPolicyGradient(
      mdp,
      pi,
      theta.map((v, i) => v + h * delta[i]),
    );
    const gm = exactPolicyGradient(
      mdp,
      pi,
      theta.map((v, i) => v - h * delta[i]),
    );
    const hd = gp.map((v, i) => (v - gm[i]) / (2 * h));
    const draw = (causal: boolean) =>
      Array.from({ length: N }, (_, e) => {
        const ep = episode(batch, e);
        const G = returnsToGo(ep.rewards, 0.5);
        // weights γᵗ(Gₜ − b) with a constant baseline b = 1 (independent of the episode)
        const w = G.map((v, t) => (v - 1) * 0.5 ** t);
        return coords(
          hessianCorrection(
            k,
            theta,
            ep,
            w,
            0.5,
            causal,
            delta,
            new Float64Array(8),
            new Float64Array(8),
          ),
        );
      });
    const trajectory = draw(false);
    const causal = draw(true);
    expect(hotelling(trajectory, coords(hd)).p).toBeGreaterThan(0.001);
    expect(hotelling(causal, coords(hd)).p).toBeGreaterThan(0.001);
    const totalVariance = (xs: Float64Array[]) => {
      const m = new Float64Array(4);
      for (const x of xs) for (let i = 0; i < 4; i++) m[i] += x[i] / xs.length;
      return (
        xs.reduce((s, x) => s + x.reduce((a, v, i) => a + (v - m[i]) ** 2, 0), 0) / (xs.length - 1)
      );
    };
    expect(totalVariance(causal)).toBeLessThan(totalVariance(trajectory));
  });
});
