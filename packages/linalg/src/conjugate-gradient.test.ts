import { describe, expect, it } from 'vitest';
import {
  expectInputsUnchanged,
  maxAbs,
  refMatmul,
  relDiff,
  wellConditionedSPD,
} from '../test/dense-reference.js';
import {
  AbortError,
  ConvergenceError,
  conjugateGradient,
  diag,
  fromRows,
  type Matrix,
  matvec,
  NonFiniteError,
  NotPositiveDefiniteError,
  randomSPD,
  rng,
  ShapeError,
  solve,
  vector,
} from './index.js';

const opOf = (a: Matrix) => (x: Float64Array, out: Float64Array) => {
  matvec(a, x, out);
};

describe('conjugateGradient', () => {
  it('conjugateGradient(op, b) solves SPD systems to the requested relative residual', () => {
    for (const n of [1, 5, 30, 80]) {
      const a = wellConditionedSPD(n, n);
      const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
      const r = conjugateGradient(opOf(a), b, { tol: 1e-12 });
      expect(r.converged).toBe(true);
      expect(r.residual).toBeLessThanOrEqual(1e-12);
      // The true residual agrees with the recursive one up to rounding drift ~ iterations·eps·κ.
      const ax = refMatmul(a, { rows: n, cols: 1, data: r.x }).data;
      expect(relDiff(ax, b)).toBeLessThanOrEqual(1e-11);
      // Condition < 100 here: forward error ≤ κ·residual.
      expect(relDiff(r.x, solve(a, b))).toBeLessThanOrEqual(1e-9);
    }
  });

  it('conjugateGradient converges in at most n steps in exact arithmetic: a diagonal with 3 distinct values needs 3', () => {
    const a = diag([1, 1, 2, 2, 2, 5, 5]);
    const r = conjugateGradient(opOf(a), vector([1, 2, 3, 4, 5, 6, 7]), { tol: 1e-12 });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(3);
  });

  it('a Jacobi preconditioner cuts the iterations on a badly scaled SPD matrix', () => {
    const n = 60;
    const base = randomSPD(n, rng(5), { condition: 10 });
    // D A D with D spanning 4 orders of magnitude: condition ~1e8, but Jacobi undoes D.
    const d = Float64Array.from({ length: n }, (_, i) => 10 ** ((4 * i) / (n - 1)));
    const a = {
      rows: n,
      cols: n,
      data: base.data.map((v, k) => v * d[Math.floor(k / n)] * d[k % n]),
    };
    const b = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const plain = conjugateGradient(opOf(a), b, { tol: 1e-8, maxIter: 5000 });
    const pre = conjugateGradient(opOf(a), b, {
      tol: 1e-8,
      preconditioner: (x, out) => {
        for (let i = 0; i < n; i++) out[i] = x[i] / a.data[i * n + i];
      },
    });
    expect(pre.converged).toBe(true);
    expect(pre.iterations).toBeLessThan(plain.iterations / 2);
    // The stopping rule holds for the true residual too (it tracks the recursive one to
    // ~1e-14·‖b‖ here, far below 1e-8).
    const r = refMatmul(a, { rows: n, cols: 1, data: pre.x }).data.map((v, i) => b[i] - v);
    const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
    expect(norm(r)).toBeLessThanOrEqual(1e-8 * norm(b) * (1 + 1e-4));
    // Forward error: A = D B D with ‖D⁻¹‖ = 1 and ‖B⁻¹‖ = 10 (randomSPD: λ_max = 1,
    // λ_min = 1/condition), so ‖x − x*‖ = ‖D⁻¹B⁻¹D⁻¹r‖ ≤ 10‖r‖ ≤ 10·1e-8·‖b‖ (≈ 1.4e-7·‖x*‖).
    // The reference x* = D⁻¹ B⁻¹ D⁻¹ b is solved on B (condition 10): its error, ≲ 1e-11
    // even if D⁻¹ scaled it up by the full 1e4, stays far below the bound.
    // (Measured 2e-12: the residual sits on the rows with large D, which D⁻¹ damps; the
    // stopping rule alone does not promise that.)
    const xStar = solve(
      base,
      b.map((v, i) => v / d[i]),
    ).map((v, i) => v / d[i]);
    const error = norm(pre.x.map((v, i) => v - xStar[i]));
    expect(error).toBeLessThanOrEqual(10 * 1e-8 * norm(b));
  });

  it('conjugateGradient reports non-convergence, and throws ConvergenceError only with strict', () => {
    const a = randomSPD(50, rng(1), { condition: 1e6 });
    const b = Float64Array.from({ length: 50 }, () => 1);
    const r = conjugateGradient(opOf(a), b, { maxIter: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(r.residual).toBeGreaterThan(1e-10);
    expect(() => conjugateGradient(opOf(a), b, { maxIter: 3, strict: true })).toThrow(
      ConvergenceError,
    );
  });

  it('conjugateGradient honours x0, onProgress and signal', () => {
    const a = wellConditionedSPD(10, 2);
    const b = Float64Array.from({ length: 10 }, (_, i) => i - 4);
    const exact = solve(a, b);
    const warm = conjugateGradient(opOf(a), b, { x0: exact });
    expect(warm.iterations).toBeLessThanOrEqual(1);
    const seen: number[] = [];
    const r = conjugateGradient(opOf(a), b, { onProgress: (info) => seen.push(info.residual) });
    expect(seen.length).toBe(r.iterations);
    expect(seen[seen.length - 1]).toBe(r.residual);
    const ctl = new AbortController();
    ctl.abort('stop');
    expect(() => conjugateGradient(opOf(a), b, { signal: ctl.signal })).toThrow(AbortError);
    expect(conjugateGradient(opOf(a), new Float64Array(10))).toMatchObject({
      converged: true,
      iterations: 0,
    });
  });

  it('conjugateGradient throws NotPositiveDefiniteError on indefinite operators and typed errors on bad input', () => {
    const indefinite = fromRows([
      [1, 0],
      [0, -1],
    ]);
    expect(() => conjugateGradient(opOf(indefinite), vector([0, 1]))).toThrow(
      NotPositiveDefiniteError,
    );
    expect(() => conjugateGradient(opOf(indefinite), vector([0, 1]))).toThrow(
      /op is not positive definite/,
    );
    expect(() => conjugateGradient(opOf(indefinite), vector([1, 2, 3]))).toThrow(ShapeError);
    expect(() => conjugateGradient(opOf(diag([1, 1])), Float64Array.of(1, Number.NaN))).toThrow(
      NonFiniteError,
    );
    expect(() => conjugateGradient((_x, out) => out.fill(Number.NaN), vector([1, 1]))).toThrow(
      /conjugateGradient\(\): op returned NaN/,
    );
    const a = wellConditionedSPD(4, 1);
    const b = vector([1, 2, 3, 4]);
    expectInputsUnchanged([a, b], () => conjugateGradient(opOf(a), b));
    expect(maxAbs(b)).toBe(4);
  });
});
