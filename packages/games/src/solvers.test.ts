import {
  AbortError,
  ConvergenceError,
  InvalidArgumentError,
  NonFiniteError,
  ShapeError,
  expm,
  fromRows,
  matrix,
  rng,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  alternatingGD,
  bilinearGame,
  boxSet,
  eulerFlow,
  extragradient,
  type GameSolverOptions,
  type GameSolverResult,
  type Game,
  matrixGame,
  optimisticGD,
  quadraticGame,
  rk4Flow,
  simultaneousGD,
} from '../src/index.js';

type Solver = (g: Game, x0: Float64Array, o: GameSolverOptions) => GameSolverResult;
const solvers: [string, Solver][] = [
  ['simultaneousGD', simultaneousGD],
  ['alternatingGD', alternatingGD],
  ['extragradient', extragradient],
  ['optimisticGD', optimisticGD],
  ['eulerFlow', eulerFlow],
  ['rk4Flow', rk4Flow],
];

/** A strongly monotone 3-player game: A = 2I + small random coupling (sym part ⪰ I). */
function monotoneGame(seed: number, sets?: Parameters<typeof quadraticGame>[0]['sets']): Game {
  const r = rng(seed);
  const sizes = [2, 1, 3];
  const blocks = sizes.map((ni, i) =>
    sizes.map((nj, j) =>
      matrix(
        ni,
        nj,
        Array.from(
          { length: ni * nj },
          (_, k) => (i === j && k % (nj + 1) === 0 ? 2 : 0) + 0.15 * r.normal(),
        ),
      ),
    ),
  );
  const b = sizes.map((ni) => Array.from({ length: ni }, () => r.normal()));
  return quadraticGame({ blocks, b, sets });
}

describe('game solvers on a strongly monotone quadratic game', () => {
  const g = monotoneGame(2);
  const x0 = Float64Array.from({ length: 6 }, (_, i) => i - 2);
  for (const [name, solve] of solvers)
    it(`${name} converges to the equilibrium, where F vanishes`, () => {
      const r = solve(g, x0, { step: 0.1, maxIter: 5000, tol: 1e-11 });
      expect(r.converged).toBe(true);
      expect(r.diverged).toBe(false);
      // residual 1e-11 and ‖A⁻¹‖ ≤ 1 (sym part ⪰ I): distance ≤ 1e-11
      expect(r.distance!).toBeLessThan(1e-10);
      const F = g.pseudoGradient(r.x);
      for (const v of F) expect(Math.abs(v)).toBeLessThan(1e-10);
      expect(r.trajectory.residual.length).toBe(r.iterations + 1);
      expect(r.trajectory.distance!.length).toBe(r.iterations + 1);
    });

  it('box constraints: every solver reaches the same point, a zero of the natural residual ‖x − Π(x − F(x))‖', () => {
    const c = monotoneGame(2, [boxSet(-0.2, 0.2), boxSet(-1, 1), boxSet(0, 0.5)]);
    const ends = solvers.map(([, solve]) => solve(c, x0, { step: 0.1, maxIter: 5000, tol: 1e-12 }));
    for (const r of ends) {
      expect(r.converged).toBe(true);
      const y = Float64Array.from(r.x, (v, i) => v - c.pseudoGradient(r.x)[i]);
      const p = c.project(y);
      let res = 0;
      for (let i = 0; i < 6; i++) res = Math.max(res, Math.abs(r.x[i] - p[i]));
      expect(res).toBeLessThan(1e-11);
      // the VI of a strongly monotone (modulus ≥ 1) game has a unique solution: residual 1e-12 → distance ≤ 2e-12·(1 + L)
      for (let i = 0; i < 6; i++) expect(Math.abs(r.x[i] - ends[0].x[i])).toBeLessThan(1e-10);
    }
    // at least one constraint is active, so the test is not the unconstrained one
    expect(
      ends[0].x.some(
        (v) => Math.abs(Math.abs(v) - 0.2) < 1e-12 || Math.abs(v - 0.5) < 1e-12 || v === 0,
      ),
    ).toBe(true);
  });
});

describe('solvers on the bilinear game min_x max_y xᵀAy', () => {
  const A = fromRows([
    [1, 0.5],
    [-0.3, 2],
  ]);
  const g = bilinearGame(A);
  const x0 = new Float64Array([1, -1, 0.5, 2]);
  it('simultaneous gradient play spirals out (diverged)', () => {
    const r = simultaneousGD(g, x0, { step: 0.2, maxIter: 100000 });
    expect(r.diverged).toBe(true);
    expect(r.converged).toBe(false);
    expect(Number.isFinite(r.x[0])).toBe(true);
  });
  it('alternating play stays bounded (it cycles) but does not converge', () => {
    const r = alternatingGD(g, x0, { step: 0.2, maxIter: 20000 });
    expect(r.diverged).toBe(false);
    expect(r.converged).toBe(false);
    const d = r.trajectory.distance!;
    // alternating play preserves a modified energy: distances stay within a constant factor of the start
    expect(Math.max(...d)).toBeLessThan(3 * d[0]);
    expect(Math.min(...d.slice(10000))).toBeGreaterThan(0.2 * d[0]);
  });
  it('extragradient and optimistic GD converge to the origin', () => {
    // ‖A‖₂ ≈ 2.1: extragradient needs h < 1/L, optimistic GD h < 1/(2L)
    expect(extragradient(g, x0, { step: 0.3, maxIter: 20000 }).converged).toBe(true);
    expect(optimisticGD(g, x0, { step: 0.2, maxIter: 20000 }).converged).toBe(true);
  });
});

describe('matrix games', () => {
  it('rock–paper–scissors: extragradient on the simplices reaches the uniform equilibrium', () => {
    const A = fromRows([
      [0, -1, 1],
      [1, 0, -1],
      [-1, 1, 0],
    ]);
    const B = matrix(
      3,
      3,
      Array.from(A.data, (v) => -v),
    );
    const r = extragradient(matrixGame(A, B), new Float64Array([1, 0, 0, 0, 1, 0]), {
      step: 0.3,
      maxIter: 20000,
      tol: 1e-12,
    });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(v).toBeCloseTo(1 / 3, 10);
  });

  it('entropy-regularized: the limit is the logit equilibrium x = softmax(Ay/τ), y = softmax(Bᵀx/τ)', () => {
    const A = fromRows([
      [3, 0, 1],
      [1, 2, 0],
    ]);
    const B = fromRows([
      [0, 2, 1],
      [1, 0, 3],
    ]);
    const tau = 0.8;
    const r = extragradient(
      matrixGame(A, B, { entropy: tau }),
      new Float64Array([0.5, 0.5, 1 / 3, 1 / 3, 1 / 3]),
      {
        step: 0.05,
        maxIter: 200000,
        tol: 1e-13,
      },
    );
    expect(r.converged).toBe(true);
    const x = r.x.subarray(0, 2);
    const y = r.x.subarray(2);
    const softmax = (u: number[]) => {
      const e = u.map((v) => Math.exp(v / tau));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    };
    const ux = [0, 1].map((i) => [0, 1, 2].reduce((s, j) => s + A.data[i * 3 + j] * y[j], 0));
    const uy = [0, 1, 2].map((j) => [0, 1].reduce((s, i) => s + B.data[i * 3 + j] * x[i], 0));
    // the natural residual 1e-13 bounds the fixed-point error by ≈ 1e-13·(1 + ‖J‖/τ)
    softmax(ux).forEach((v, i) => {
      expect(x[i]).toBeCloseTo(v, 11);
    });
    softmax(uy).forEach((v, j) => {
      expect(y[j]).toBeCloseTo(v, 11);
    });
  });
});

describe('flows', () => {
  const A = fromRows([
    [1, 0.4],
    [-0.6, 0.8],
  ]);
  const g = quadraticGame({
    blocks: [
      [fromRows([[1]]), fromRows([[0.4]])],
      [fromRows([[-0.6]]), fromRows([[0.8]])],
    ],
    b: [[0], [0]],
  });
  const x0 = new Float64Array([1, -2]);
  it('rk4Flow matches the exact solution x(t) = expm(−tWA)x₀ to O(h⁴)', () => {
    const w = [1, 0.5];
    const T = 2;
    const exact = expm(
      matrix(
        2,
        2,
        Array.from(A.data, (v, k) => -T * w[Math.floor(k / 2)] * v),
      ),
    ).data;
    const xe = [exact[0] * x0[0] + exact[1] * x0[1], exact[2] * x0[0] + exact[3] * x0[1]];
    for (const [h, bound] of [
      [0.1, 1e-6],
      [0.01, 1e-10],
    ]) {
      const r = rk4Flow(g, x0, { step: h, horizon: T, timescales: w, tol: 0 });
      expect(r.time).toBeCloseTo(T, 12);
      // global RK4 error ≈ C·T·h⁴ with C ~ ‖WA‖⁵/120 ≲ 0.1 here
      expect(Math.hypot(r.x[0] - xe[0], r.x[1] - xe[1])).toBeLessThan(bound);
    }
  });
  it('eulerFlow is first order: halving h halves the error', () => {
    const T = 1;
    const exact = expm(
      matrix(
        2,
        2,
        Array.from(A.data, (v) => -T * v),
      ),
    ).data;
    const xe = [exact[0] * x0[0] + exact[1] * x0[1], exact[2] * x0[0] + exact[3] * x0[1]];
    const err = (h: number) => {
      const r = eulerFlow(g, x0, { step: h, horizon: T, tol: 0 });
      return Math.hypot(r.x[0] - xe[0], r.x[1] - xe[1]);
    };
    const ratio = err(0.002) / err(0.001);
    expect(ratio).toBeGreaterThan(1.95);
    expect(ratio).toBeLessThan(2.05);
  });
});

describe('the iterative contract', () => {
  const g = bilinearGame(fromRows([[1]]));
  const x0 = new Float64Array([1, 1]);
  it('bad options and inputs throw typed errors', () => {
    expect(() => simultaneousGD(g, x0, {} as GameSolverOptions)).toThrow(InvalidArgumentError);
    expect(() => extragradient(g, x0, { step: -1 })).toThrow(InvalidArgumentError);
    expect(() => extragradient(g, x0, { step: 0.1, timescales: [1] })).toThrow(ShapeError);
    expect(() => extragradient(g, x0, { step: 0.1, timescales: [1, 0] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => extragradient(g, new Float64Array(3), { step: 0.1 })).toThrow(ShapeError);
    expect(() => extragradient(g, new Float64Array([Number.NaN, 0]), { step: 0.1 })).toThrow(
      NonFiniteError,
    );
    expect(() => extragradient(g, x0, { step: 0.1, maxIter: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => eulerFlow(g, x0, { step: 0.1, horizon: -1 })).toThrow(InvalidArgumentError);
    expect(() => extragradient({} as Game, x0, { step: 0.1 })).toThrow(InvalidArgumentError);
  });
  it('strict: true throws a ConvergenceError; a signal aborts; onProgress sees every iterate', () => {
    expect(() => simultaneousGD(g, x0, { step: 0.1, maxIter: 5, strict: true })).toThrow(
      ConvergenceError,
    );
    const ctl = new AbortController();
    ctl.abort();
    expect(() => optimisticGD(g, x0, { step: 0.1, signal: ctl.signal })).toThrow(AbortError);
    const seen: number[] = [];
    extragradient(g, x0, {
      step: 0.3,
      maxIter: 7,
      tol: 0,
      onProgress: (i) => seen.push(i.iteration),
    });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  it('keepEvery stores iterates; evaluations count pseudo-gradient calls', () => {
    const r = extragradient(g, x0, { step: 0.3, maxIter: 10, tol: 0, keepEvery: 5 });
    expect(r.trajectory.points.map((p) => p.iteration)).toEqual([0, 5, 10]);
    expect(r.evaluations).toBe(21);
    expect(rk4Flow(g, x0, { step: 0.1, maxIter: 3, tol: 0 }).evaluations).toBe(13);
  });
});
