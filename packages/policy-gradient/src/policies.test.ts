import { finiteDifferenceHVP } from '@rg/hessian';
import { InvalidArgumentError, type Matrix, NonFiniteError, rng, ShapeError } from '@rg/linalg';
import { dense, embedding } from '@rg/nn';
import { describe, expect, it } from 'vitest';
import {
  categoricalPolicy,
  gaussianPolicy,
  linearGaussianPolicy,
  linearSoftmaxPolicy,
  mlpGaussianPolicy,
  mlpSoftmaxPolicy,
  type Policy,
  softmaxTabularPolicy,
} from './index.js';
import { kernelsOf } from './internal/network-policy.js';

const r = rng(11);
const randn = (n: number, s = 1) => Float64Array.from({ length: n }, () => s * r.normal());

interface Case {
  name: string;
  policy: Policy;
  obs: () => Float64Array;
}

const cases: Case[] = [
  {
    name: 'softmaxTabularPolicy(5, 3)',
    policy: softmaxTabularPolicy(5, 3),
    obs: () => Float64Array.of(r.int(5)),
  },
  {
    name: 'linearSoftmaxPolicy',
    policy: linearSoftmaxPolicy({ inputs: 4, actions: 3 }),
    obs: () => randn(4),
  },
  {
    name: 'mlpSoftmaxPolicy (tanh)',
    policy: mlpSoftmaxPolicy({ inputs: 3, actions: 4, hidden: [6, 5], outputScale: 1 }),
    obs: () => randn(3),
  },
  {
    name: 'linearGaussianPolicy (learned std, bias)',
    policy: linearGaussianPolicy({ inputs: 3, actions: 2, bias: true, logStd: [-0.3, 0.2] }),
    obs: () => randn(3),
  },
  {
    name: 'linearGaussianPolicy (fixed std)',
    policy: linearGaussianPolicy({ inputs: 2, actions: 1, logStd: -1, learnStd: false }),
    obs: () => randn(2),
  },
  {
    name: 'mlpGaussianPolicy (softplus)',
    policy: mlpGaussianPolicy({
      inputs: 2,
      actions: 2,
      hidden: [5],
      activation: 'softplus',
      outputScale: 1,
    }),
    obs: () => randn(2),
  },
];

/** a random parameter point: the initial θ plus a random perturbation (so no entry is special) */
const thetaFor = (p: Policy) => {
  const t = p.initialParameters();
  for (let i = 0; i < t.length; i++) t[i] += 0.5 * r.normal();
  return t;
};
const actionFor = (p: Policy) => (p.kind === 'categorical' ? r.int(p.actions) : randn(p.actions));
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
const diff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  norm(Array.from(a, (v, i) => v - b[i]));

describe('policies: scores and log-likelihood Hessians', () => {
  for (const c of cases) {
    it(`${c.name}: gradLogProb matches central differences of logProb`, () => {
      const p = c.policy;
      for (let trial = 0; trial < 3; trial++) {
        const theta = thetaFor(p);
        const s = c.obs();
        const a = actionFor(p);
        const g = p.gradLogProb(theta, s, a);
        const h = 1e-6;
        const fd = new Float64Array(p.dim);
        for (let i = 0; i < p.dim; i++) {
          const tp = theta.slice();
          tp[i] += h;
          const tm = theta.slice();
          tm[i] -= h;
          fd[i] = (p.logProb(tp, s, a) - p.logProb(tm, s, a)) / (2 * h);
        }
        // central differences: truncation O(h²·|∂³ log π|) ≈ 1e-12 and rounding
        // ε·|log π|/h ≈ 1e-9 per entry for |log π| ≲ 10
        expect(diff(g, fd)).toBeLessThan(1e-7 * (1 + norm(g)));
      }
    });

    it(`${c.name}: hvpLogProb is the exact Hessian-vector product (vs finite differences)`, () => {
      const p = c.policy;
      for (let trial = 0; trial < 3; trial++) {
        const theta = thetaFor(p);
        const s = c.obs();
        const a = actionFor(p);
        const v = randn(p.dim);
        const exact = p.hvpLogProb(theta, s, a, v);
        const fd = finiteDifferenceHVP({
          dim: p.dim,
          value: (x) => p.logProb(x, s, a),
          grad: (x) => p.gradLogProb(x, s, a),
        }).hvp(theta, v);
        // the finite difference carries O(h²) truncation and O(ε/h) rounding with h ≈ 6e-6·‖θ‖/‖v‖:
        // about 1e-10 relative; 1e-6 leaves room for the size of the third derivatives
        expect(diff(exact, fd)).toBeLessThan(1e-6 * (1 + norm(exact)));
      }
    });

    it(`${c.name}: batch forms are sums of the single-sample forms`, () => {
      const p = c.policy;
      const theta = thetaFor(p);
      const n = 5;
      const S = Array.from({ length: n }, c.obs);
      const A = Array.from({ length: n }, () => actionFor(p));
      const X = p.observationsOf(S);
      const Am: Matrix = {
        rows: n,
        cols: p.actionSize,
        data: Float64Array.from(A.flatMap((a) => (typeof a === 'number' ? [a] : Array.from(a)))),
      };
      const w = randn(n);
      const v = randn(p.dim);
      const lp = p.logProbBatch(theta, X, Am);
      const g = p.gradLogProbBatch(theta, X, Am, w);
      const hv = p.hvpLogProbBatch(theta, X, Am, w, v);
      const jv = p.jvpLogProbBatch(theta, X, Am, v);
      const gSum = new Float64Array(p.dim);
      const hSum = new Float64Array(p.dim);
      for (let i = 0; i < n; i++) {
        expect(lp[i]).toBeCloseTo(p.logProb(theta, S[i], A[i]), 12);
        const gi = p.gradLogProb(theta, S[i], A[i]);
        const hi = p.hvpLogProb(theta, S[i], A[i], v);
        for (let j = 0; j < p.dim; j++) {
          gSum[j] += w[i] * gi[j];
          hSum[j] += w[i] * hi[j];
        }
        // the forward-mode product equals ⟨∇ log π, v⟩ from the backward pass
        const dot = gi.reduce((s, x, j) => s + x * v[j], 0);
        expect(Math.abs(jv[i] - dot)).toBeLessThan(1e-12 * (1 + Math.abs(dot)) * p.dim);
      }
      // sums of ≤ 5 terms in another order: rounding ≤ 1e-13 relative
      expect(diff(g, gSum)).toBeLessThan(1e-12 * (1 + norm(gSum)));
      expect(diff(hv, hSum)).toBeLessThan(1e-12 * (1 + norm(hSum)));
    });

    it(`${c.name}: KL(π_θ ‖ π_ref) is ≥ 0, zero at θ_ref, and gradKlBatch matches finite differences`, () => {
      const p = c.policy;
      const theta = thetaFor(p);
      const ref = thetaFor(p);
      const n = 4;
      const X = p.observationsOf(Array.from({ length: n }, c.obs));
      const d = p.distribution(ref, X);
      const kl = p.klBatch(theta, X, d);
      for (const k of kl) expect(k).toBeGreaterThanOrEqual(0);
      for (const k of p.klBatch(ref, X, d)) expect(Math.abs(k)).toBeLessThan(1e-14);
      const w = randn(n);
      const g = p.gradKlBatch(theta, X, d, w);
      const f = (t: Float64Array) => p.klBatch(t, X, d).reduce((s, k, i) => s + w[i] * k, 0);
      const h = 1e-6;
      const fd = Array.from({ length: p.dim }, (_, i) => {
        const tp = theta.slice();
        tp[i] += h;
        const tm = theta.slice();
        tm[i] -= h;
        return (f(tp) - f(tm)) / (2 * h);
      });
      // central differences as above
      expect(diff(g, fd)).toBeLessThan(1e-7 * (1 + norm(g)));
    });
  }

  for (const c of cases)
    it(`${c.name}: the fused surrogate gradient (PPO, MDPO) equals its parts`, () => {
      const p = c.policy;
      const k = kernelsOf(p);
      const theta = thetaFor(p);
      const ref = thetaFor(p);
      const n = 6;
      const S = Array.from({ length: n }, c.obs);
      const A = Array.from({ length: n }, () => actionFor(p));
      const X = p.observationsOf(S);
      const Am: Matrix = {
        rows: n,
        cols: p.actionSize,
        data: Float64Array.from(A.flatMap((a) => (typeof a === 'number' ? [a] : Array.from(a)))),
      };
      const adv = randn(n);
      const weightsOf = (lp: Float64Array) => lp.map((v, i) => Math.exp(v) * adv[i]);
      const d = p.distribution(ref, X);
      const values = new Float64Array(n);
      const fused = k.surrogateGradient(
        theta,
        X,
        Am,
        weightsOf,
        { reference: d, coefficient: 2.5, values },
        new Float64Array(p.dim),
      );
      const parts = p.gradLogProbBatch(theta, X, Am, weightsOf(p.logProbBatch(theta, X, Am)));
      const gk = p.gradKlBatch(theta, X, d, new Float64Array(n).fill(1 / n));
      for (let i = 0; i < p.dim; i++) parts[i] -= 2.5 * gk[i];
      // the same sums in another order: rounding only
      expect(diff(fused, parts)).toBeLessThan(1e-12 * (1 + norm(parts)));
      expect(diff(values, p.klBatch(theta, X, d))).toBeLessThan(1e-14);
    });

  it('softmaxTabularPolicy: θ is the S×A logit table, the gradient touches only row s', () => {
    const p = softmaxTabularPolicy(3, 2);
    const theta = Float64Array.of(0, 0, Math.log(3), 0, 0, 0);
    expect(Math.exp(p.logProb(theta, Float64Array.of(1), 0))).toBeCloseTo(0.75, 14);
    const g = p.gradLogProb(theta, Float64Array.of(1), 0);
    // rows 0 and 2 are untouched (exact zeros); row 1 is e_0 − π = (0.25, −0.25) to rounding
    expect([g[0], g[1], g[4], g[5]]).toEqual([0, 0, 0, 0]);
    expect(Math.abs(g[2] - 0.25) + Math.abs(g[3] + 0.25)).toBeLessThan(1e-15);
  });

  it('sample draws actions with the policy’s probabilities (χ² goodness of fit)', () => {
    const p = softmaxTabularPolicy(1, 3);
    const theta = Float64Array.of(0, Math.log(2), Math.log(3)); // probabilities 1/6, 2/6, 3/6
    const counts = [0, 0, 0];
    const g = rng(4);
    const N = 60000;
    for (let i = 0; i < N; i++) counts[p.sample(theta, Float64Array.of(0), g) as number]++;
    const expected = [N / 6, N / 3, N / 2];
    const chi2 = counts.reduce((s, c, i) => s + (c - expected[i]) ** 2 / expected[i], 0);
    // χ²₂ 0.999-quantile = −2 ln 0.001 = 13.8 (closed form for two degrees of freedom)
    expect(chi2).toBeLessThan(-2 * Math.log(0.001));
  });

  it('Gaussian sample has the policy’s mean and standard deviation', () => {
    const p = linearGaussianPolicy({ inputs: 1, actions: 1, logStd: Math.log(0.5) });
    const theta = Float64Array.of(2, Math.log(0.5)); // mean 2·s
    const g = rng(5);
    const N = 40000;
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < N; i++) {
      const a = (p.sample(theta, Float64Array.of(1.5), g) as Float64Array)[0];
      m += a;
      m2 += a * a;
    }
    m /= N;
    const sd = Math.sqrt(m2 / N - m * m);
    // standard errors: 0.5/√N = 0.0025 for the mean, 0.5/√(2N) = 0.0018 for the sd; 5 of each
    expect(Math.abs(m - 3)).toBeLessThan(5 * 0.0025);
    expect(Math.abs(sd - 0.5)).toBeLessThan(5 * 0.0018);
  });

  it('categoricalPolicy and gaussianPolicy wrap any @rg/nn network', () => {
    const cat = categoricalPolicy(embedding({ vocab: 4, dim: 3 }), { observationSize: 1 });
    expect(cat.actions).toBe(3);
    expect(cat.dim).toBe(12);
    const gau = gaussianPolicy(dense({ inputs: 2, outputs: 3 }), {
      observationSize: 2,
      learnStd: false,
    });
    expect(gau.dim).toBe(9);
    expect(() =>
      categoricalPolicy(dense({ inputs: 2, outputs: 1 }), { observationSize: 2 }),
    ).toThrow(/at least two logits/);
    expect(() => categoricalPolicy({} as never, { observationSize: 2 })).toThrow(
      InvalidArgumentError,
    );
  });

  it('policies validate θ, observations, actions and weights with typed errors', () => {
    const p = linearSoftmaxPolicy({ inputs: 2, actions: 3 });
    const theta = p.initialParameters();
    const s = Float64Array.of(1, 2);
    expect(() => p.logProb(new Float64Array(3), s, 0)).toThrow(ShapeError);
    expect(() => p.logProb(theta, Float64Array.of(1), 0)).toThrow(/observation/);
    expect(() => p.logProb(theta, s, 3)).toThrow(InvalidArgumentError);
    expect(() => p.logProb(theta, Float64Array.of(1, Number.NaN), 0)).toThrow(NonFiniteError);
    const X = p.observationsOf([s, s]);
    const A: Matrix = { rows: 2, cols: 1, data: Float64Array.of(0, 1) };
    expect(() => p.gradLogProbBatch(theta, X, A, [1])).toThrow(/weights/);
    expect(() => p.hvpLogProbBatch(theta, X, A, [1, 1], new Float64Array(2))).toThrow(ShapeError);
    expect(() =>
      p.klBatch(theta, X, { kind: 'gaussian', mean: X, logStd: new Float64Array(3) }),
    ).toThrow(/categorical/);
    expect(() => softmaxTabularPolicy(3, 1)).toThrow(InvalidArgumentError);
    expect(() => mlpSoftmaxPolicy({ inputs: 2, actions: 2, activation: 'cube' as never })).toThrow(
      /activation/,
    );
  });

  it('mlp policies start near uniform / centred (outputScale) and are seeded', () => {
    const a = mlpSoftmaxPolicy({ inputs: 3, actions: 2, seed: 3 });
    const b = mlpSoftmaxPolicy({ inputs: 3, actions: 2, seed: 3 });
    expect(Array.from(a.initialParameters())).toEqual(Array.from(b.initialParameters()));
    const p = Math.exp(a.logProb(a.initialParameters(), Float64Array.of(1, -1, 0.5), 0));
    // logits = 0.01 × a Glorot layer on tanh features: |logit difference| ≲ 0.05
    expect(Math.abs(p - 0.5)).toBeLessThan(0.02);
  });
});
