import { fromRows, InvalidArgumentError, rng, ShapeError, solve } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cartPole,
  cartPoleVector,
  gridWorld,
  linearGaussianPolicy,
  lqr,
  mountainCar,
  randomMDP,
  rollout,
  spaceSize,
  tabularMDP,
  vectorize,
} from './index.js';

describe('CartPole', () => {
  it('cartPole() steps follow the cart-pole equations of motion solved as a 2×2 linear system', () => {
    // Lagrangian form (Florian 2007) for a uniform pole of half-length l:
    //   (M + m) ẍ + m l cos θ θ̈ = F + m l θ̇² sin θ
    //   m l cos θ ẍ + (4/3) m l² θ̈ = m g l sin θ
    // solved for (ẍ, θ̈) by a linear solve — a different route than the closed form in the
    // environment — then one Euler step of 0.02 s
    const [M, m, l, g, F, tau] = [1, 0.1, 0.5, 9.8, 10, 0.02];
    const env = cartPole({ maxSteps: 10000 });
    const r = rng(3);
    for (let episode = 0; episode < 20; episode++) {
      let s = env.reset(r);
      for (let t = 0; t < 1000; t++) {
        const a = r.int(2);
        const [x, xd, th, thd] = s;
        const force = a === 1 ? F : -F;
        const acc = solve(
          fromRows([
            [M + m, m * l * Math.cos(th)],
            [m * l * Math.cos(th), (4 / 3) * m * l * l],
          ]),
          Float64Array.of(force + m * l * thd * thd * Math.sin(th), m * g * l * Math.sin(th)),
        );
        const expected = [x + tau * xd, xd + tau * acc[0], th + tau * thd, thd + tau * acc[1]];
        const res = env.step(a);
        // two algebraically equal formulas in float64: a few ulps of the accelerations (≲ 20)
        // times τ, relative to the state's scale
        for (let k = 0; k < 4; k++)
          expect(Math.abs(res.state[k] - expected[k])).toBeLessThan(
            1e-12 * (1 + Math.abs(expected[k])),
          );
        const over = Math.abs(expected[0]) > 2.4 || Math.abs(expected[2]) > (12 * Math.PI) / 180;
        expect(res.done).toBe(over);
        expect(res.reward).toBe(1);
        if (res.done) break;
        s = res.state;
      }
    }
  });

  it('cartPole(): episodes start in [−0.05, 0.05]⁴, truncate at maxSteps, and refuse steps after the end', () => {
    const env = cartPole({ maxSteps: 3, integrator: 'semi-implicit' });
    const s = env.reset(rng(1));
    for (const v of s) expect(Math.abs(v)).toBeLessThanOrEqual(0.05);
    env.step(0);
    env.step(1);
    const last = env.step(0);
    expect(last.truncated).toBe(true);
    expect(last.done).toBe(false);
    expect(() => env.step(0)).toThrow(InvalidArgumentError);
    expect(() => cartPole({ integrator: 'rk4' as never })).toThrow(InvalidArgumentError);
    const e2 = cartPole();
    e2.reset(rng(1));
    expect(() => e2.step(2)).toThrow(/action must be 0/);
  });

  it('cartPoleVector() copies follow cartPole() exactly and reset automatically', () => {
    const venv = cartPoleVector({ copies: 3, maxSteps: 50 });
    // copy i draws from the i-th generator forked from the one given to reset: replay each copy
    // with a single cart-pole on the same forks
    venv.reset(rng(9));
    const base = rng(9);
    const forks = [base.fork(), base.fork(), base.fork()];
    const singles = forks.map((f) => {
      const env = cartPole({ maxSteps: 50 });
      env.reset(f);
      return env;
    });
    const r = rng(2);
    let resets = 0;
    for (let t = 0; t < 200; t++) {
      const acts = [r.int(2), r.int(2), r.int(2)];
      const res = venv.step(acts);
      for (let i = 0; i < 3; i++) {
        const one = singles[i].step(acts[i]);
        expect(Array.from(res.finalStates.data.slice(4 * i, 4 * i + 4))).toEqual(
          Array.from(one.state),
        );
        expect(res.dones[i]).toBe(one.done ? 1 : 0);
        expect(res.truncated[i]).toBe(one.truncated ? 1 : 0);
        let next = one.state;
        if (one.done || one.truncated) {
          next = singles[i].reset(forks[i]);
          resets++;
        }
        expect(Array.from(res.states.data.slice(4 * i, 4 * i + 4))).toEqual(Array.from(next));
      }
    }
    expect(resets).toBeGreaterThan(3);
    expect(() => venv.step([0, 1])).toThrow(InvalidArgumentError);
  });
});

describe('MountainCar', () => {
  it('mountainCar() follows v ← v + (a−1)0.001 − 0.0025 cos 3x with the clips, reward −1', () => {
    const env = mountainCar();
    const r = rng(4);
    let [x, v] = env.reset(r);
    expect(v).toBe(0);
    expect(x).toBeGreaterThanOrEqual(-0.6);
    expect(x).toBeLessThan(-0.4);
    for (let t = 0; t < 200; t++) {
      const a = r.int(3);
      let nv = Math.min(0.07, Math.max(-0.07, v + (a - 1) * 0.001 - 0.0025 * Math.cos(3 * x)));
      const nx = Math.min(0.6, Math.max(-1.2, x + nv));
      if (nx === -1.2 && nv < 0) nv = 0;
      const res = env.step(a);
      expect(res.state[0]).toBe(nx);
      expect(res.state[1]).toBe(nv);
      expect(res.reward).toBe(-1);
      expect(res.truncated).toBe(t === 199 && !res.done);
      if (res.done || res.truncated) break;
      [x, v] = [nx, nv];
    }
  });

  it('mountainCar(): the energy-pumping policy (push with the velocity) reaches the goal', () => {
    const env = mountainCar();
    let s = env.reset(rng(1));
    let done = false;
    for (let t = 0; t < 200 && !done; t++) {
      const res = env.step(s[1] >= 0 ? 2 : 0);
      done = res.done;
      s = res.state;
    }
    expect(done).toBe(true);
  });
});

describe('tabular MDPs', () => {
  it('tabularMDP() samples transitions with the table’s probabilities (χ² test)', () => {
    // from state 0 under action 1: next state 0, 1, 2 with 0.2, 0.3, 0.5
    const P = [1, 0, 0, 0.2, 0.3, 0.5, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1];
    const mdp = tabularMDP({ P, R: [0, 1, 0, 0, 0, 0], gamma: 0.9, initial: [1, 0, 0] });
    const counts = [0, 0, 0];
    const r = rng(8);
    const N = 30000;
    for (let i = 0; i < N; i++) {
      mdp.reset(r);
      const res = mdp.step(1);
      expect(res.reward).toBe(1);
      counts[res.state[0]]++;
    }
    const expected = [0.2, 0.3, 0.5].map((p) => p * N);
    const chi2 = counts.reduce((s, c, i) => s + (c - expected[i]) ** 2 / expected[i], 0);
    // χ²₂: P(χ² > x) = e^{−x/2}; reject at 0.001 → x = 13.8
    expect(chi2).toBeLessThan(-2 * Math.log(0.001));
  });

  it('tabularMDP() validates its tables', () => {
    const ok = { P: [1, 1], R: [0, 1], gamma: 0.5, initial: [1] };
    expect(() => tabularMDP({ ...ok, P: [0.5, 1] })).toThrow(/sums to 0.5/);
    expect(() => tabularMDP({ ...ok, P: [1] })).toThrow(ShapeError);
    expect(() => tabularMDP({ ...ok, gamma: 1 })).toThrow(InvalidArgumentError);
    expect(() => tabularMDP({ ...ok, initial: [0.5] })).toThrow(/initial sums/);
    expect(() => tabularMDP({ ...ok, terminal: [1] })).toThrow(/terminal state 0/);
    expect(() => tabularMDP({ ...ok, R: fromRows([[0, 1, 2]]) })).toThrow(ShapeError);
    const mdp = tabularMDP(ok);
    expect(() => mdp.step(0)).toThrow(/reset/);
    mdp.reset(rng(0));
    expect(() => mdp.step(2)).toThrow(InvalidArgumentError);
  });

  it('tabularMDP() default time limit makes γ^H ≤ 1e-8, and features become observations', () => {
    const mdp = tabularMDP({ P: [1, 1], R: [0, 1], gamma: 0.9, initial: [1] });
    expect(0.9 ** mdp.maxSteps).toBeLessThanOrEqual(1e-8);
    expect(0.9 ** (mdp.maxSteps - 1)).toBeGreaterThan(1e-8);
    const f = tabularMDP({
      P: [0, 1, 0, 1],
      R: [0, 0],
      gamma: 0.5,
      initial: [1, 0],
      features: fromRows([
        [1, 0, 2],
        [0, 1, 3],
      ]),
    });
    expect(spaceSize(f.observationSpace)).toBe(3);
    expect(Array.from(f.reset(rng(0)))).toEqual([1, 0, 2]);
    expect(Array.from(f.step(0).state)).toEqual([0, 1, 3]);
  });

  it('randomMDP(options) is a seeded Garnet: rows are distributions with `branching` next states', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        (S, A, seed) => {
          const branching = 1 + (seed % S);
          const m = randomMDP({ states: S, actions: A, seed, branching });
          for (let row = 0; row < S * A; row++) {
            let sum = 0;
            let nz = 0;
            for (let j = 0; j < S; j++) {
              sum += m.P[row * S + j];
              if (m.P[row * S + j] > 0) nz++;
            }
            expect(Math.abs(sum - 1)).toBeLessThan(1e-14);
            expect(nz).toBe(branching);
          }
          for (const x of m.R) expect(x >= 0 && x < 1).toBe(true);
          expect(Array.from(randomMDP({ states: S, actions: A, seed, branching }).P)).toEqual(
            Array.from(m.P),
          );
        },
      ),
      { numRuns: 50, seed: 1 },
    );
    expect(() => randomMDP({ states: 2, actions: 2, branching: 3 })).toThrow(InvalidArgumentError);
  });

  it('gridWorld() moves deterministically without slip and pays the goal reward on arrival', () => {
    const g = gridWorld({
      rows: 3,
      cols: 3,
      walls: [[1, 1]],
      slip: 0,
      stepReward: -0.1,
      goalReward: 1,
    });
    expect(g.states).toBe(8);
    const r = rng(0);
    g.reset(r);
    // right, right, down, down: (0,0) → (0,1) → (0,2) → (1,2) → (2,2) = goal
    const path = [1, 1, 2, 2].map((a) => g.step(a));
    expect(path.map((p) => g.cellOf(p.state[0]))).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(path.map((p) => p.reward)).toEqual([-0.1, -0.1, -0.1, 0.9]);
    expect(path[3].done).toBe(true);
    // walls and borders leave the agent in place
    g.reset(r);
    expect(g.cellOf(g.step(0).state[0])).toEqual([0, 0]);
    expect(g.cellOf(g.step(2).state[0])).toEqual([1, 0]);
    expect(g.cellOf(g.step(1).state[0])).toEqual([1, 0]);
  });

  it('gridWorld() with slip spreads each move: P(intended) = 1 − slip + slip/4', () => {
    const g = gridWorld({ rows: 1, cols: 3, slip: 0.4 });
    // state 1 (middle), action right: right with 0.7, left 0.1, up/down blocked (stay) 0.2
    const S = g.states;
    const row = (1 * 4 + 1) * S;
    expect(g.P[row + 2]).toBeCloseTo(0.7, 15);
    expect(g.P[row + 0]).toBeCloseTo(0.1, 15);
    expect(g.P[row + 1]).toBeCloseTo(0.2, 15);
    expect(() => gridWorld({ walls: [[0, 0]] })).toThrow(/start and the goal/);
    expect(() => gridWorld({ goal: [9, 9] })).toThrow(/inside/);
  });

  it('vectorize() runs independent copies with automatic reset', () => {
    const venv = vectorize(() => gridWorld({ rows: 1, cols: 2, slip: 0 }), 2);
    venv.reset(rng(3));
    const res = venv.step([1, 3]);
    // copy 0 reaches the goal (done, reset to the start); copy 1 bumps into the wall
    expect(Array.from(res.dones)).toEqual([1, 0]);
    expect(Array.from(res.finalStates.data)).toEqual([1, 0]);
    expect(Array.from(res.states.data)).toEqual([0, 0]);
    expect(res.rewards[0]).toBeCloseTo(0.99, 15);
  });
});

describe('LQR', () => {
  const A = fromRows([
    [1, 0.2],
    [0, 0.9],
  ]);
  const B = fromRows([
    [1, 0],
    [0.2, 1],
  ]);
  const Q = fromRows([
    [1, 0],
    [0, 1],
  ]);
  const R = fromRows([
    [1, 0],
    [0, 1],
  ]);

  it('lqr(): the Riccati gain minimizes the exact return; perturbing it in any direction costs more', () => {
    const env = lqr({ A, B, Q, R, gamma: 0.8 });
    const K = env.optimalGain;
    const best = env.expectedReturn(K, 0.3);
    const r = rng(6);
    for (let i = 0; i < 20; i++) {
      const D = Float64Array.from({ length: 4 }, () => r.normal());
      for (const h of [1e-2, 1e-1]) {
        const Kp = { rows: 2, cols: 2, data: K.data.map((v, j) => v + h * D[j]) };
        expect(env.expectedReturn(Kp, 0.3)).toBeLessThan(best);
      }
    }
  });

  it('lqr(): the scalar gain matches the closed form of the discounted Riccati equation', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (a, b, q, rr, gamma) => {
          const env = lqr({
            A: fromRows([[a]]),
            B: fromRows([[b]]),
            Q: fromRows([[q]]),
            R: fromRows([[rr]]),
            gamma,
          });
          // x = q + γa²x − γ²a²b²x²/(r + γb²x): the positive root of
          // γb²x² + (r(1 − γa²) − qγb²)x − qr = 0
          const c2 = gamma * b * b;
          const c1 = rr * (1 - gamma * a * a) - q * gamma * b * b;
          const c0 = -q * rr;
          const D = Math.sqrt(c1 * c1 - 4 * c2 * c0);
          const x = c1 >= 0 ? (2 * c0) / (-c1 - D) : (-c1 + D) / (2 * c2);
          const k = (gamma * a * b * x) / (rr + gamma * b * b * x);
          // well-conditioned scalar problems on this box: 1e-10 relative
          expect(Math.abs(env.riccati.data[0] - x)).toBeLessThan(1e-10 * x);
          expect(Math.abs(env.optimalGain.data[0] - k)).toBeLessThan(1e-10 * (1 + Math.abs(k)));
        },
      ),
      { numRuns: 100, seed: 5 },
    );
  });

  it('lqr().expectedReturn(K, σ) is the mean of sampled returns (Monte Carlo, 4 standard errors)', () => {
    const env = lqr({ A, B, Q, R, gamma: 0.8, noiseStd: 0.1 });
    const pi = linearGaussianPolicy({
      inputs: 2,
      actions: 2,
      logStd: Math.log(0.3),
      learnStd: false,
    });
    // θ = W with u = sᵀW = −Kx: W = −Kᵀ
    const K = env.optimalGain.data;
    const theta = Float64Array.of(-K[0], -K[2], -K[1], -K[3]);
    const b = rollout(env, pi, theta, { episodes: 4000, seed: 3 });
    const ret = b.discountedReturns;
    const mean = ret.reduce((s, x) => s + x, 0) / ret.length;
    const sd = Math.sqrt(ret.reduce((s, x) => s + (x - mean) ** 2, 0) / (ret.length - 1));
    const exact = env.expectedReturn(env.optimalGain, 0.3);
    expect(Math.abs(mean - exact)).toBeLessThan((4 * sd) / Math.sqrt(ret.length));
  });

  it('lqr() validates its matrices', () => {
    expect(() => lqr({ A, B: fromRows([[1, 0]]), Q, R })).toThrow(ShapeError);
    expect(() =>
      lqr({
        A,
        B,
        Q,
        R: fromRows([
          [1, 0],
          [0, -1],
        ]),
      }),
    ).toThrow(/positive definite/);
    expect(() =>
      lqr({
        A,
        B,
        Q: fromRows([
          [1, 2],
          [0, 1],
        ]),
        R,
      }),
    ).toThrow(/symmetric/);
    // not stabilizable: an unstable mode the input cannot reach
    expect(() =>
      lqr({
        A: fromRows([
          [2, 0],
          [0, 0.5],
        ]),
        B: fromRows([[0], [1]]),
        Q,
        R: fromRows([[1]]),
        gamma: 0.9,
      }),
    ).toThrow(/stabiliz/);
  });
});
