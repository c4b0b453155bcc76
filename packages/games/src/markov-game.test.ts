import { readFileSync } from 'node:fs';
import { InvalidArgumentError, NonFiniteError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  entropicPolicyGradient,
  type MarkovGameSpec,
  markovGame,
  smallGainCertificate,
} from '../src/index.js';

interface Case {
  name: string;
  spec: MarkovGameSpec;
  theta: number[];
  values: [number[], number[]];
  q: [number[], number[]];
  natural: number[];
  policyGradient: number[];
  equilibrium: { theta: number[]; policies: [number[], number[]]; values: [number[], number[]] };
}
const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/markov-games.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

// Values solve (I − γP_π)V = r with cond ≤ (1 + γ)/(1 − γ) ≤ 19: both sides agree to ~1e-14·19
const TIGHT = 1e-12;

describe('markovGame(spec) against NumPy (test/fixtures/gen_games.py)', () => {
  for (const c of fixture.cases) {
    const g = markovGame(c.spec);
    const theta = Float64Array.from(c.theta);
    it(`${c.name}: values, soft Q, natural field and policy gradient at random logits`, () => {
      const [V1, V2] = g.values(theta);
      c.values[0].forEach((v, s) => {
        expect(Math.abs(V1[s] - v)).toBeLessThan(TIGHT * (1 + Math.abs(v)));
      });
      c.values[1].forEach((v, s) => {
        expect(Math.abs(V2[s] - v)).toBeLessThan(TIGHT * (1 + Math.abs(v)));
      });
      const [Q1, Q2] = g.qValues(theta);
      c.q[0].forEach((v, k) => {
        expect(Math.abs(Q1.data[k] - v)).toBeLessThan(TIGHT * (1 + Math.abs(v)));
      });
      c.q[1].forEach((v, k) => {
        expect(Math.abs(Q2.data[k] - v)).toBeLessThan(TIGHT * (1 + Math.abs(v)));
      });
      const N = g.fisher.pseudoGradient(theta);
      c.natural.forEach((v, k) => {
        expect(Math.abs(N[k] - v)).toBeLessThan(TIGHT * (1 + Math.abs(v)));
      });
      const F = g.pseudoGradient(theta);
      c.policyGradient.forEach((v, k) => {
        expect(Math.abs(F[k] - v)).toBeLessThan(TIGHT * (1 + Math.abs(v)));
      });
    });

    it(`${c.name}: natural policy gradient converges to the SciPy fsolve equilibrium`, () => {
      const r = entropicPolicyGradient(g, {
        step: (1 - c.spec.discount) / (2 * c.spec.entropy),
        maxIter: 20000,
        tol: 1e-12,
      });
      expect(r.converged).toBe(true);
      // the natural field is (τI − ∂Q/∂θ)/(1 − γ)-Lipschitz-invertible near θ*: residual 1e-12 → θ error ≲ 1e-11
      c.equilibrium.theta.forEach((v, k) => {
        expect(Math.abs(r.x[k] - v)).toBeLessThan(1e-9);
      });
      c.equilibrium.policies[0].forEach((v, k) => {
        expect(Math.abs(r.policies[0].data[k] - v)).toBeLessThan(1e-10);
      });
      c.equilibrium.policies[1].forEach((v, k) => {
        expect(Math.abs(r.policies[1].data[k] - v)).toBeLessThan(1e-10);
      });
      c.equilibrium.values[0].forEach((v, s) => {
        expect(Math.abs(r.values[0][s] - v)).toBeLessThan(1e-9);
      });
    });
  }

  it('vanilla softmax policy gradient reaches the same equilibrium policies (slower: steps scale with d(s)π(a|s))', () => {
    const c = fixture.cases[1];
    const g = markovGame(c.spec);
    const r = entropicPolicyGradient(g, {
      step: 1,
      geometry: 'euclidean',
      maxIter: 200000,
      tol: 1e-11,
    });
    expect(r.converged).toBe(true);
    c.equilibrium.policies[0].forEach((v, k) => {
      expect(Math.abs(r.policies[0].data[k] - v)).toBeLessThan(1e-8);
    });
    const fisher = entropicPolicyGradient(g, { step: 0.15, maxIter: 200000, tol: 1e-11 });
    expect(fisher.iterations).toBeLessThan(r.iterations);
  });
});

describe('the small-gain certificate in the Fisher geometry', () => {
  const c = fixture.cases[3];
  const g = markovGame(c.spec);
  const star = Float64Array.from(c.equilibrium.theta);
  // a box of half-width 1.5 around the equilibrium logits contains the whole run from θ*−1
  const region = {
    lower: Array.from(star, (v) => v - 1.5),
    upper: Array.from(star, (v) => v + 1.5),
  };
  const cert = smallGainCertificate(g.fisher, region, { samples: 48, seed: 1 });

  it('certifies the natural-gradient dynamics of a high-entropy game', () => {
    expect(cert.certified).toBe(true);
    expect(cert.exact).toBe(false);
    for (const m of cert.mu) expect(m).toBeGreaterThan(0);
  });

  it('NPG with the certified timescales and step converges, each step contracting by at least the certified factor', () => {
    const theta0 = Float64Array.from(star, (v) => v - 1);
    const r = entropicPolicyGradient(g, {
      step: cert.eulerStep,
      timescales: cert.weights,
      theta0,
      equilibrium: star,
      maxIter: 50000,
      tol: 1e-11,
    });
    expect(r.converged).toBe(true);
    const d = r.trajectory.distance!;
    // the factor is estimated from sampled Jacobians; the run stays inside the sampled region
    for (let k = 1; k < d.length && d[k - 1] > 1e-8; k++)
      expect(d[k]).toBeLessThanOrEqual(cert.eulerFactor * d[k - 1]);
  });
});

describe('markovGame: bad input', () => {
  const ok: MarkovGameSpec = {
    transitions: [[[[1], [1]]]],
    rewards: [[[[0, 1]]], [[[1, 0]]]],
    discount: 0.5,
    entropy: 0.1,
  };
  it('throws typed errors naming markovGame', () => {
    expect(() => markovGame(ok)).not.toThrow();
    expect(() => markovGame({ ...ok, transitions: [[[[0.5], [1]]]] })).toThrow(/must sum to 1/);
    expect(() => markovGame({ ...ok, transitions: [[[[1], [1, 0]]]] })).toThrow(ShapeError);
    expect(() => markovGame({ ...ok, discount: 1 })).toThrow(InvalidArgumentError);
    expect(() => markovGame({ ...ok, entropy: -1 })).toThrow(InvalidArgumentError);
    expect(() => markovGame({ ...ok, rewards: [[[[0, Number.NaN]]], [[[1, 0]]]] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => markovGame({ ...ok, initial: [0.5] })).toThrow(InvalidArgumentError);
    expect(() => markovGame(ok).policies(new Float64Array(4))).toThrow(ShapeError);
    expect(() => markovGame(ok).values(new Float64Array([0, Number.NaN, 0]))).toThrow(
      NonFiniteError,
    );
    expect(() => entropicPolicyGradient({} as never, { step: 1 })).toThrow(InvalidArgumentError);
    expect(() =>
      entropicPolicyGradient(markovGame(ok), { step: 1, geometry: 'riemann' as never }),
    ).toThrow(InvalidArgumentError);
  });
});
