import { ConvergenceError, InvalidArgumentError, rng, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { costMatrix, sinkhorn, sinkhornNewtonSparse } from './index.js';

function problem(n: number, seed: number) {
  const r = rng(seed);
  const x = Array.from({ length: n }, () => [r.normal(), r.normal()]);
  const y = Array.from({ length: n }, () => [r.normal() + 0.5, r.normal()]);
  const C = costMatrix(x, y);
  let mx = 0;
  for (const v of C.data) mx = Math.max(mx, v);
  for (let k = 0; k < C.data.length; k++) C.data[k] /= mx;
  const wa = Array.from({ length: n }, () => 0.2 + r.uniform());
  const wb = Array.from({ length: n }, () => 0.2 + r.uniform());
  const sa = wa.reduce((s, v) => s + v, 0);
  const sb = wb.reduce((s, v) => s + v, 0);
  return { a: wa.map((v) => v / sa), b: wb.map((v) => v / sb), C };
}

describe('sinkhornNewtonSparse', () => {
  it('sinkhornNewtonSparse(a, b, C, { reg }) reaches the log-domain Sinkhorn plan at marginal error 1e-9', () => {
    const { a, b, C } = problem(40, 7);
    const reg = 0.005;
    const sns = sinkhornNewtonSparse(a, b, C, { reg, tol: 1e-9 });
    expect(sns.converged).toBe(true);
    expect(sns.marginalError).toBeLessThan(1e-9);
    const ref = sinkhorn(a, b, C, { reg, method: 'log', tol: 1e-12, maxIter: 200000 });
    expect(ref.converged).toBe(true);
    let d = 0;
    for (let k = 0; k < ref.plan.data.length; k++)
      d = Math.max(d, Math.abs(ref.plan.data[k] - sns.plan.data[k]));
    // Both plans are within ~1e-9 of the unique entropic optimum in marginal error; entries
    // of a unit-mass plan then agree to ~1e-9 (local dual curvature ≥ min significant entry).
    expect(d).toBeLessThan(1e-8);
    expect(sns.newtonIterations).toBeLessThan(ref.iterations);
    expect(sns.iterations).toBe(sns.sinkhornIterations + sns.newtonIterations);
    expect(sns.history.at(-1)?.stage).toBe('newton');
  });

  it('sinkhornNewtonSparse() on a random-assignment cost at η = 1/reg = 1200 converges in tens of Newton steps', () => {
    const n = 60;
    const r = rng(11);
    const C = { rows: n, cols: n, data: Float64Array.from({ length: n * n }, () => r.uniform()) };
    const w = new Array(n).fill(1 / n);
    const sns = sinkhornNewtonSparse(w, w, C, { reg: 1 / 1200 });
    expect(sns.converged).toBe(true);
    expect(sns.newtonIterations).toBeLessThan(60);
    for (const v of sns.plan.data) expect(Number.isFinite(v)).toBe(true);
  });

  it('sinkhornNewtonSparse() handles zero-mass bins and does not mutate input', () => {
    const { a, b, C } = problem(12, 3);
    a[4] = 0;
    const s = a.reduce((t, v) => t + v, 0);
    const aa = Float64Array.from(a, (v) => v / s);
    const copy = Float64Array.from(aa);
    const cost = Float64Array.from(C.data);
    const r = sinkhornNewtonSparse(aa, b, C, { reg: 0.05 });
    expect(r.converged).toBe(true);
    for (let j = 0; j < 12; j++) expect(r.plan.data[4 * 12 + j]).toBe(0);
    expect(r.f[4]).toBe(Number.NEGATIVE_INFINITY);
    expect(Array.from(aa)).toEqual(Array.from(copy));
    expect(Array.from(C.data)).toEqual(Array.from(cost));
  });

  it('sinkhornNewtonSparse() reports non-convergence and throws with strict: true', () => {
    const { a, b, C } = problem(20, 5);
    const r = sinkhornNewtonSparse(a, b, C, { reg: 0.001, sinkhornIters: 2, newtonIters: 1 });
    expect(r.converged).toBe(false);
    expect(r.newtonIterations).toBe(1);
    expect(() =>
      sinkhornNewtonSparse(a, b, C, { reg: 0.001, sinkhornIters: 2, newtonIters: 1, strict: true }),
    ).toThrow(ConvergenceError);
  });

  it('sinkhornNewtonSparse() validates input with typed errors', () => {
    const { a, b, C } = problem(5, 1);
    expect(() => sinkhornNewtonSparse(a, b, C, { reg: 0 })).toThrow(InvalidArgumentError);
    expect(() => sinkhornNewtonSparse(a, b, C, { reg: 0.1, sparsity: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => sinkhornNewtonSparse(a.slice(1), b, C, { reg: 0.1 })).toThrow(ShapeError);
    expect(() =>
      sinkhornNewtonSparse(
        a,
        b.map((v) => 2 * v),
        C,
        { reg: 0.1 },
      ),
    ).toThrow(InvalidArgumentError);
  });
});
