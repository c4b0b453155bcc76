// The synthetic bilevel problem with a coupled lower-level constraint from the LV-HBA paper
// (Yao, Yu, Zeng & Zhang, ICLR 2024, §5), with its closed-form solution.
import { checkInteger } from '@rg/linalg';
import type { BilevelProblem } from './lv-hba.js';

/** The toy problem and its solution. */
export interface CoupledBilevelToy {
  problem: BilevelProblem;
  /** x* = −0.3·1 and y* = (y₁*, y₂*) = (0.7·1, −0.4·1) */
  solution: { x: Float64Array; y: Float64Array };
}

/**
 * The LV-HBA paper's toy with x ∈ ℝⁿ, y = (y₁, y₂) ∈ ℝ²ⁿ:
 *
 * min F = ½‖x − y₂‖² + ½‖y₁ − 1‖²  s.t.  y ∈ argmin { f = ½‖y₁‖² − xᵀy₁ + 1ᵀy₂ : 1ᵀx + 1ᵀy₁ + 1ᵀy₂ = 0 }.
 *
 * The equality is passed as two inequalities ±s(x, y) ≤ 0 with s = (1ᵀx + 1ᵀy)/√(3n): dividing
 * by √(3n) = ‖∇s‖·… gives the constraint a unit gradient without changing the feasible set, and
 * keeps the inner step stable for η up to ≈ 0.5 (the unscaled sum couples 2n coordinates with
 * gain 2n and needs η ≲ 1/(γ₂·2n)). `projectXY` projects (x, y) onto the hyperplane.
 *
 * Solution: the lower level is linear in y₂, so the constraint binds; eliminating
 * 1ᵀy₂ = −1ᵀx − 1ᵀy₁ leaves min_{y₁} ½‖y₁‖² − (x + 1)ᵀy₁, so y₁ = x + 1 and y₂ is any vector
 * with 1ᵀy₂ = −2·1ᵀx − n. The upper level min ½‖x − y₂‖² + ½‖x‖² over that hyperplane has the
 * KKT conditions (x − y₂) + x + 2ν1 = 0, −(x − y₂) + ν1 = 0, hence y₂ = x − ν1, x = −3ν1,
 * y₂ = −4ν1, and the constraint −4νn = 6νn − n gives ν = 0.1: x* = −0.3, y₁* = 0.7,
 * y₂* = −0.4 (each times 1).
 *
 * @param n - block length (default 100, the paper's)
 * @throws {InvalidArgumentError} when n is not a positive integer
 * @example
 * const { problem, solution } = coupledBilevelToy(3);
 * problem.dimY // => 6
 * solution.y // => ~[0.7, 0.7, 0.7, -0.4, -0.4, -0.4]
 * problem.g!.value(solution.x, solution.y) // => ~[0, 0]
 */
export function coupledBilevelToy(n = 100): CoupledBilevelToy {
  checkInteger('coupledBilevelToy', 'n', n, 1);
  const s = 1 / Math.sqrt(3 * n);
  const jx = new Float64Array(2 * n);
  jx.fill(s, 0, n);
  jx.fill(-s, n);
  const jy = new Float64Array(4 * n);
  jy.fill(s, 0, 2 * n);
  jy.fill(-s, 2 * n);
  const total = (x: Float64Array, y: Float64Array) => {
    let t = 0;
    for (let i = 0; i < n; i++) t += x[i];
    for (let j = 0; j < 2 * n; j++) t += y[j];
    return t;
  };
  const problem: BilevelProblem = {
    dimX: n,
    dimY: 2 * n,
    F: {
      value(x, y) {
        let v = 0;
        for (let i = 0; i < n; i++) v += 0.5 * (x[i] - y[n + i]) ** 2 + 0.5 * (y[i] - 1) ** 2;
        return v;
      },
      gradX(x, y) {
        const g = new Float64Array(n);
        for (let i = 0; i < n; i++) g[i] = x[i] - y[n + i];
        return g;
      },
      gradY(x, y) {
        const g = new Float64Array(2 * n);
        for (let i = 0; i < n; i++) {
          g[i] = y[i] - 1;
          g[n + i] = y[n + i] - x[i];
        }
        return g;
      },
    },
    f: {
      value(x, y) {
        let v = 0;
        for (let i = 0; i < n; i++) v += 0.5 * y[i] * y[i] - x[i] * y[i] + y[n + i];
        return v;
      },
      gradX(_x, y) {
        const g = new Float64Array(n);
        for (let i = 0; i < n; i++) g[i] = -y[i];
        return g;
      },
      gradY(x, y) {
        const g = new Float64Array(2 * n);
        for (let i = 0; i < n; i++) {
          g[i] = y[i] - x[i];
          g[n + i] = 1;
        }
        return g;
      },
    },
    g: {
      count: 2,
      value(x, y) {
        const t = s * total(x, y);
        return new Float64Array([t, -t]);
      },
      jacobianX: () => ({ rows: 2, cols: n, data: jx }),
      jacobianY: () => ({ rows: 2, cols: 2 * n, data: jy }),
    },
    projectXY(x, y) {
      const t = total(x, y) / (3 * n);
      for (let i = 0; i < n; i++) x[i] -= t;
      for (let j = 0; j < 2 * n; j++) y[j] -= t;
    },
  };
  const y = new Float64Array(2 * n);
  y.fill(0.7, 0, n);
  y.fill(-0.4, n);
  return { problem, solution: { x: new Float64Array(n).fill(-0.3), y } };
}
