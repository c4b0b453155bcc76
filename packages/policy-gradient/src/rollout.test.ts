import { InvalidArgumentError, rng, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  boxSpace,
  cartPole,
  cartPoleVector,
  discreteSpace,
  gridWorld,
  linearSoftmaxPolicy,
  randomMDP,
  returnsToGo,
  rollout,
  softmaxTabularPolicy,
  spaceSize,
  vectorize,
} from './index.js';

describe('rollout', () => {
  const env = cartPole();
  const pi = linearSoftmaxPolicy({ inputs: 4, actions: 2 });
  const theta = pi.initialParameters();

  it('rollout(env, π, θ, { episodes }) stores whole episodes with their returns and log-probabilities', () => {
    const b = rollout(env, pi, theta, { episodes: 7, seed: 2 });
    expect(b.episodes).toBe(7);
    expect(b.starts[7]).toBe(b.steps);
    expect(Array.from(b.complete)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    for (let e = 0; e < 7; e++) {
      const len = b.starts[e + 1] - b.starts[e];
      expect(b.returns[e]).toBe(len); // CartPole pays 1 per step
      const G = returnsToGo(b.rewards.slice(b.starts[e], b.starts[e + 1]), 0.99);
      expect(b.discountedReturns[e]).toBeCloseTo(G[0], 12);
      expect(b.terminated[e]).toBe(len < 500 ? 1 : 0);
    }
    const lp = pi.logProbBatch(theta, b.observations, b.actions);
    expect(Array.from(b.logProbs)).toEqual(Array.from(lp));
    // θ₀ = 0: every action has probability 1/2
    for (const v of b.logProbs) expect(v).toBeCloseTo(Math.log(0.5), 15);
    // same seed, same batch
    expect(Array.from(rollout(env, pi, theta, { episodes: 7, seed: 2 }).rewards)).toEqual(
      Array.from(b.rewards),
    );
  });

  it('rollout(…, { steps }) collects exactly that many steps and marks the cut episode incomplete', () => {
    const b = rollout(env, pi, theta, { steps: 100, seed: 3 });
    expect(b.steps).toBe(100);
    expect(b.complete[b.episodes - 1]).toBe(0);
    for (let e = 0; e + 1 < b.episodes; e++) expect(b.complete[e]).toBe(1);
    // the final observation of the cut episode is the state after its last step
    expect(b.finalObservations.rows).toBe(b.episodes);
  });

  it('rollout on a vector environment: each copy collects its own share of whole episodes', () => {
    const venv = cartPoleVector({ copies: 4 });
    const b = rollout(venv, pi, theta, { episodes: 10, seed: 4 });
    expect(b.episodes).toBe(10);
    expect(Array.from(b.complete).every((c) => c === 1)).toBe(true);
    for (let e = 0; e < 10; e++) expect(b.returns[e]).toBe(b.starts[e + 1] - b.starts[e]);
    const s = rollout(venv, pi, theta, { steps: 101, seed: 4 });
    expect(s.steps).toBe(101);
    // the mean episode length does not depend on the number of copies (no short-episode bias):
    // 4000 episodes each, uniform policy; standard error of each mean ≈ 0.2 steps
    const one = rollout(env, pi, theta, { episodes: 4000, seed: 5 });
    const many = rollout(cartPoleVector({ copies: 64 }), pi, theta, { episodes: 4000, seed: 6 });
    expect(Math.abs(one.steps / 4000 - many.steps / 4000)).toBeLessThan(1.5);
  });

  it('rollout on tabular environments stores state indices', () => {
    const mdp = randomMDP({ states: 3, actions: 2, seed: 1 });
    const p = softmaxTabularPolicy(3, 2);
    const b = rollout(
      vectorize(() => randomMDP({ states: 3, actions: 2, seed: 1 }), 3),
      p,
      p.initialParameters(),
      {
        episodes: 3,
      },
    );
    expect(b.observations.cols).toBe(1);
    for (const s of b.observations.data) expect([0, 1, 2]).toContain(s);
    expect(b.steps).toBe(3 * mdp.maxSteps);
  });

  it('rollout validates its arguments', () => {
    expect(() => rollout(env, pi, new Float64Array(3))).toThrow(ShapeError);
    expect(() => rollout(env, pi, theta, { episodes: 2, steps: 3 })).toThrow(/not both/);
    expect(() => rollout(env, pi, theta, { episodes: 0 })).toThrow(InvalidArgumentError);
    expect(() => rollout(gridWorld(), pi, theta)).toThrow(/observations of length 4/);
    expect(() => rollout(env, pi, theta, { rng: rng(1), gamma: 2 })).toThrow(/gamma/);
  });
});

describe('spaces', () => {
  it('discreteSpace, boxSpace, spaceSize', () => {
    expect(spaceSize(discreteSpace(4))).toBe(1);
    expect(spaceSize(boxSpace([0, 0], [1, 2]))).toBe(2);
    expect(() => discreteSpace(0)).toThrow(InvalidArgumentError);
    expect(() => boxSpace([1], [0])).toThrow(/low ≤ high/);
    expect(() => boxSpace([0, 1], [1])).toThrow(InvalidArgumentError);
  });
});
