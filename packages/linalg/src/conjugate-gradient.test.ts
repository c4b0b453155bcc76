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
    expect(relDiff(pre.x, solve(a, b))).toBeLessThanOrEqual(1e-4);
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
