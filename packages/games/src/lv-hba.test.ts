import {
  AbortError,
  ConvergenceError,
  InvalidArgumentError,
  NonFiniteError,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { type BilevelProblem, coupledBilevelToy, lvHba } from '../src/index.js';

const relErr = (a: Float64Array, b: ArrayLike<number>) => {
  let s = 0;
  let t = 0;
  for (let i = 0; i < a.length; i++) {
    s += (a[i] - b[i]) ** 2;
    t += b[i] ** 2;
  }
  return Math.sqrt(s / t);
};

describe('lvHba on the paper toy (n = 100, coupled constraint 1ᵀx + 1ᵀy₁ + 1ᵀy₂ = 0)', () => {
  // Solution (derived in coupledBilevelToy's docs, checked here through the KKT conditions):
  // the lower level min ½‖y₁‖² − xᵀy₁ + 1ᵀy₂ s.t. 1ᵀx + 1ᵀy = 0 is linear in y₂, so the constraint
  // must bind; substituting it gives y₁ = x + 1 and 1ᵀy₂ = −2·1ᵀx − n. The upper level
  // min ½‖x − y₂‖² + ½‖x‖² on that hyperplane has x − y₂ + x + 2ν = 0, −(x − y₂) + ν = 0, so
  // x = −3ν, y₂ = −4ν and −4νn = 6νn − n: ν = 1/10, x* = −0.3, y₁* = 0.7, y₂* = −0.4.
  const { problem, solution } = coupledBilevelToy(100);
  const start = { x0: new Float64Array(100).fill(10), y0: new Float64Array(200).fill(10) };

  it('the stated solution satisfies the lower level KKT conditions and the coupling constraint', () => {
    const { x, y } = solution;
    const gy = problem.f.gradY(x, y);
    // ∇_y f = (y₁ − x, 1) = 1: parallel to the constraint normal, multiplier −1·√(3n) on ±s
    for (const v of gy) expect(v).toBeCloseTo(1, 14);
    const g = problem.g!.value(x, y);
    expect(Math.abs(g[0])).toBeLessThan(1e-13);
    // upper level on y₁ = x + 1: the reduced gradient per coordinate pair (x, y₂),
    // (∂_x F + ∂_{y₁}F, ∂_{y₂}F) = ((x − y₂) + (y₁ − 1), y₂ − x) = (−0.2, −0.1), must be parallel to the
    // normal (2, 1) of 1ᵀy₂ + 2·1ᵀx = −n
    const Fx = problem.F.gradX(x, y);
    const Fy = problem.F.gradY(x, y);
    expect(Fx[0] + Fy[0]).toBeCloseTo(-0.2, 14);
    expect(Fy[100]).toBeCloseTo(-0.1, 14);
  });

  it('reaches x*, y₁*, y₂* to relative error below 1e-3 (joint projection onto the coupling hyperplane)', () => {
    // the paper's penalty c_k = 0.025(k+1)^0.3 leaves F/c_k ≈ 2.5 after 10⁴ steps, a 33 % bias on
    // this toy (measured); c̲ = 100 makes the bias ≈ 0.3/c_k, and α = β = η = 0.2 keeps every step stable
    const r = lvHba(problem, {
      ...start,
      alpha: 0.2,
      beta: 0.2,
      eta: 0.2,
      penaltyScale: 100,
      maxIter: 4500,
      tol: 0,
    });
    expect(r.diverged).toBe(false);
    expect(relErr(r.x, solution.x)).toBeLessThan(1e-3);
    expect(relErr(r.y.subarray(0, 100), solution.y.subarray(0, 100))).toBeLessThan(1e-3);
    expect(relErr(r.y.subarray(100), solution.y.subarray(100))).toBeLessThan(1e-3);
    // the value-function gap f − v_γ and the violation of the coupling constraint vanish
    const last = r.history.gap.length - 1;
    expect(Math.abs(r.history.gap[last])).toBeLessThan(1e-4);
    expect(r.history.violation[last]).toBeLessThan(1e-10);
  });

  it('also without the joint projection, with the augmented-Lagrangian multiplier on g(x, y) ≤ 0', () => {
    const { projectXY: _drop, ...rest } = problem;
    const r = lvHba(rest, {
      ...start,
      alpha: 0.2,
      beta: 0.2,
      eta: 0.2,
      penaltyScale: 100,
      maxIter: 8000,
      tol: 0,
    });
    expect(r.diverged).toBe(false);
    expect(relErr(r.x, solution.x)).toBeLessThan(1e-3);
    expect(relErr(r.y, solution.y)).toBeLessThan(1e-3);
  });

  it('the paper defaults drift toward the solution but stay biased by the slowly growing penalty', () => {
    const r = lvHba(problem, { ...start, maxIter: 3000, recordEvery: 0 });
    const e = relErr(r.x, solution.x);
    expect(r.diverged).toBe(false);
    expect(e).toBeLessThan(relErr(start.x0, solution.x));
    expect(e).toBeGreaterThan(0.1);
  });
});

describe('lvHba with an active inequality in the lower level', () => {
  // lower level: y ∈ argmin { ½(θ − 2)² : θ − x ≤ 0 } = min(x, 2); upper level ½(x − 1)² + ½(y − 1.5)².
  // On x ≤ 2, y = x and the upper objective (x − 1)²/2 + (x − 1.5)²/2 is minimal at x = 1.25 < 2:
  // x* = y* = 1.25 with lower-level multiplier 2 − 1.25 = 0.75 > 0 (strict complementarity).
  const problem: BilevelProblem = {
    dimX: 1,
    dimY: 1,
    F: {
      value: (x, y) => 0.5 * (x[0] - 1) ** 2 + 0.5 * (y[0] - 1.5) ** 2,
      gradX: (x) => new Float64Array([x[0] - 1]),
      gradY: (_x, y) => new Float64Array([y[0] - 1.5]),
    },
    f: {
      value: (_x, y) => 0.5 * (y[0] - 2) ** 2,
      gradX: () => new Float64Array(1),
      gradY: (_x, y) => new Float64Array([y[0] - 2]),
    },
    g: {
      count: 1,
      value: (x, y) => new Float64Array([y[0] - x[0]]),
      jacobianX: () => ({ rows: 1, cols: 1, data: new Float64Array([-1]) }),
      jacobianY: () => ({ rows: 1, cols: 1, data: new Float64Array([1]) }),
    },
  };
  const opts = { alpha: 0.3, beta: 0.3, eta: 0.5, gamma1: 1, gamma2: 1, penaltyScale: 5 };

  it('multiplier path: approaches (1.25, 1.25) with the lower-level multiplier 0.75', () => {
    const r = lvHba(problem, { ...opts, maxIter: 10000, tol: 1e-12 });
    // the upper-level multiplier converges sublinearly here (measured error 1.3e-5 after 10⁴ steps)
    expect(Math.abs(r.x[0] - 1.25)).toBeLessThan(1e-4);
    expect(Math.abs(r.y[0] - 1.25)).toBeLessThan(1e-4);
    expect(Math.abs(r.lambda[0] - 0.75)).toBeLessThan(1e-4);
    expect(r.y[0] - r.x[0]).toBeLessThan(1e-4);
  });

  it('projection path: projectXY onto {y ≤ x} gives the same point', () => {
    const projectXY = (x: Float64Array, y: Float64Array) => {
      if (y[0] > x[0]) {
        const m = 0.5 * (x[0] + y[0]);
        x[0] = m;
        y[0] = m;
      }
    };
    const r = lvHba({ ...problem, projectXY }, { ...opts, maxIter: 10000, tol: 1e-12 });
    expect(r.converged).toBe(true);
    // with the active lower-level constraint the fixed point is the solution itself (no penalty bias):
    // the residual 1e-12 of a contraction with factor ≈ 1 − 10⁻² leaves ≲ 1e-10
    expect(Math.abs(r.x[0] - 1.25)).toBeLessThan(1e-9);
    expect(Math.abs(r.y[0] - 1.25)).toBeLessThan(1e-9);
    expect(r.y[0]).toBeLessThanOrEqual(r.x[0]);
  });

  it('bad problems and options throw typed errors; strict and abort follow the iterative contract', () => {
    expect(() => lvHba({ ...problem, F: { ...problem.F, gradX: undefined as never } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => lvHba({ ...problem, dimX: 0 })).toThrow(InvalidArgumentError);
    expect(() =>
      lvHba({ ...problem, F: { ...problem.F, gradX: () => new Float64Array(2) } }),
    ).toThrow(ShapeError);
    expect(() =>
      lvHba({ ...problem, f: { ...problem.f, gradY: () => new Float64Array([Number.NaN]) } }),
    ).toThrow(NonFiniteError);
    expect(() =>
      lvHba({
        ...problem,
        g: { ...problem.g!, jacobianY: () => ({ rows: 2, cols: 1, data: new Float64Array(2) }) },
      }),
    ).toThrow(ShapeError);
    expect(() => lvHba(problem, { alpha: -1 })).toThrow(InvalidArgumentError);
    expect(() => lvHba(problem, { x0: new Float64Array(2) })).toThrow(ShapeError);
    expect(() => lvHba(problem, { maxIter: 3, strict: true })).toThrow(ConvergenceError);
    const ctl = new AbortController();
    ctl.abort();
    expect(() => lvHba(problem, { signal: ctl.signal })).toThrow(AbortError);
    const r = lvHba(problem, { alpha: 50, eta: 50, maxIter: 2000 });
    expect(r.diverged).toBe(true);
    expect(r.converged).toBe(false);
    expect(Number.isFinite(r.x[0])).toBe(true);
  });
});
