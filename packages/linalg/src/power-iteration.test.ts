import { describe, expect, it } from 'vitest';
import { refMatmul } from '../test/dense-reference.js';
import {
  AbortError,
  ConvergenceError,
  diag,
  fromRows,
  InvalidArgumentError,
  type Matrix,
  matvec,
  NonFiniteError,
  powerIteration,
  randomOrthogonal,
  rng,
  ShapeError,
  zeros,
} from './index.js';

const opOf = (a: Matrix) => (x: Float64Array, out: Float64Array) => {
  matvec(a, x, out);
};

describe('powerIteration', () => {
  it('powerIteration(op, n) finds the dominant eigenpair of Q diag(λ) Qᵀ', () => {
    const n = 30;
    const q = randomOrthogonal(n, rng(8));
    const lam = Array.from({ length: n }, (_, i) => (i === 0 ? 10 : 5 * Math.cos(i)));
    const qt = { rows: n, cols: n, data: new Float64Array(n * n) };
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) qt.data[j * n + i] = q.data[i * n + j];
    const a = refMatmul(q, refMatmul(diag(lam), qt));
    const r = powerIteration(opOf(a), n, { tol: 1e-10 });
    expect(r.converged).toBe(true);
    // Rayleigh quotients of a symmetric matrix are accurate to the residual squared.
    expect(Math.abs(r.value - 10)).toBeLessThanOrEqual(1e-12 * 10);
    let align = 0;
    for (let i = 0; i < n; i++) align += r.vector[i] * q.data[i * n];
    // Eigenvector error ≤ residual / gap = 1e-10 / (10 − 5) relative.
    expect(1 - Math.abs(align)).toBeLessThanOrEqual(1e-18 + 1e-10);
    expect(r.residual).toBeLessThanOrEqual(1e-10);
  });

  it('powerIteration finds a negative dominant eigenvalue with its sign', () => {
    const r = powerIteration(opOf(diag([1, -4, 2])), 3, { tol: 1e-12 });
    expect(r.value).toBeCloseTo(-4, 10);
    expect(Math.abs(r.vector[1])).toBeCloseTo(1, 10);
  });

  it('powerIteration reports non-convergence when ±λ tie, and throws ConvergenceError only with strict', () => {
    const a = fromRows([
      [1, 0],
      [0, -1],
    ]);
    const r = powerIteration(opOf(a), 2, { maxIter: 50 });
    expect(r).toMatchObject({ converged: false, iterations: 50 });
    expect(() => powerIteration(opOf(a), 2, { maxIter: 50, strict: true })).toThrow(
      ConvergenceError,
    );
  });

  it('powerIteration of the zero operator returns value 0', () => {
    expect(powerIteration(opOf(zeros(3)), 3)).toMatchObject({
      value: 0,
      converged: true,
      iterations: 1,
    });
  });

  it('powerIteration honours start, onProgress and signal, and rejects bad input', () => {
    const a = diag([3, 1]);
    const start = Float64Array.from([1, 0]);
    const r = powerIteration(opOf(a), 2, { start });
    expect(r).toMatchObject({ value: 3, iterations: 1, converged: true });
    expect(Array.from(start)).toEqual([1, 0]);
    const seen: number[] = [];
    powerIteration(opOf(diag([3, 2.9])), 2, {
      maxIter: 4,
      onProgress: (i) => seen.push(i.iteration),
    });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(() => powerIteration(opOf(a), 2, { signal: AbortSignal.abort() })).toThrow(AbortError);
    expect(() => powerIteration(opOf(a), 0)).toThrow(InvalidArgumentError);
    expect(() => powerIteration(opOf(a), 2, { start: new Float64Array(3) })).toThrow(ShapeError);
    expect(() => powerIteration((_x, out) => out.fill(Number.NaN), 2)).toThrow(NonFiniteError);
  });

  it("powerIteration(op, n, { stopWhen: 'value' }) stops when the Rayleigh quotient settles", () => {
    // diag(4, 2): with start (1, 1)/√2 the Rayleigh quotient after k steps is
    // (4·16^k + 2·4^k)/(16^k + 4^k) exactly, so its relative change is known in closed form
    const rq = (k: number) => (4 * 16 ** k + 2 * 4 ** k) / (16 ** k + 4 ** k);
    const tol = 1e-3;
    let k = 1;
    while (Math.abs(rq(k) - rq(k - 1)) / (rq(k - 1) + 1e-6) > tol) k++;
    const changes: number[] = [];
    const r = powerIteration(opOf(diag([4, 2])), 2, {
      start: Float64Array.from([1, 1]),
      tol,
      stopWhen: 'value',
      onProgress: (i) => changes.push(i.valueChange as number),
    });
    expect(r.iterations).toBe(k + 1);
    expect(r.converged).toBe(true);
    expect(r.value).toBeCloseTo(rq(k), 12);
    expect(r.valueChange).toBeLessThanOrEqual(tol);
    expect(changes[0]).toBe(Number.POSITIVE_INFINITY);
    // the residual test at the same tol needs more steps: the change shrinks like (λ₂/λ₁)², the residual like λ₂/λ₁
    expect(
      powerIteration(opOf(diag([4, 2])), 2, { start: Float64Array.from([1, 1]), tol }).iterations,
    ).toBeGreaterThan(k + 1);
    expect(() => powerIteration(opOf(diag([1, 2])), 2, { stopWhen: 'both' as 'value' })).toThrow(
      InvalidArgumentError,
    );
  });
});
