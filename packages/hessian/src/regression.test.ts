import { readFileSync } from 'node:fs';
import { eigh, fromRows, matvec, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  finiteDifferenceHVP,
  hessianEigenvalues,
  hessianTrace,
  logisticRegression,
  softmaxRegression,
} from '../src/index.js';

interface Case {
  name: string;
  kind: 'logistic' | 'softmax';
  X: number[][];
  y?: number[];
  Y?: number[][];
  l2: number;
  x: number[];
  value: number;
  grad: number[];
  eigenvalues: number[];
  trace: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/hessian-regression.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function build(c: Case) {
  const X = fromRows(c.X);
  return c.kind === 'logistic'
    ? logisticRegression(X, c.y as number[], { l2: c.l2 })
    : softmaxRegression(X, fromRows(c.Y as number[][]), { l2: c.l2 });
}
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe.each(fixture.cases)('regression objective $name (NumPy fixture)', (c) => {
  const f = build(c);
  const x = Float64Array.from(c.x);
  const lmax = c.eigenvalues[0];

  it('value(x) and grad(x) match NumPy', () => {
    // sums of n ≤ 50 terms of size O(1): a few hundred ulp at most
    expect(Math.abs(f.value(x) - c.value)).toBeLessThan(1e-13);
    expect(maxAbsDiff(f.grad(x), c.grad)).toBeLessThan(1e-13);
  });

  it('hessian(x) has the NumPy eigenvalues and hvp(x, ·) is its matrix-vector product', () => {
    const H = f.hessian(x);
    const ev = Array.from(eigh(H).values).reverse();
    // backward-stable eigensolvers on both sides: errors ~ dim·ε·‖H‖
    expect(maxAbsDiff(ev, c.eigenvalues)).toBeLessThan(1e-13 * Math.max(1, lmax) * f.dim);
    const v = Float64Array.from({ length: f.dim }, (_, i) => Math.sin(i + 1));
    expect(maxAbsDiff(f.hvp(x, v), matvec(H, v))).toBeLessThan(1e-14 * f.dim);
    expect(maxAbsDiff(f.gaussNewtonVectorProduct(x, v), matvec(f.gaussNewton(x), v))).toBeLessThan(
      1e-14 * f.dim,
    );
    expect(maxAbsDiff(f.fisherVectorProduct(x, v), matvec(f.fisher(x), v))).toBeLessThan(
      1e-14 * f.dim,
    );
  });

  it("hessianEigenvalues(f, x, { method: 'lanczos', maxIter: dim }) recovers the top 3 to 1e-10", () => {
    const r = hessianEigenvalues(f, x, { k: 3, method: 'lanczos', maxIter: f.dim });
    expect(maxAbsDiff(r.values, c.eigenvalues.slice(0, 3))).toBeLessThan(1e-10 * lmax);
  });

  it("hessianEigenvalues(f, x, { method: 'power' }) with PyHessian's defaults finds λ_max within 1%", () => {
    // tol 1e-3 bounds the last relative change of the Rayleigh quotient, not the error; the
    // error is about that change times λ₂/(λ₁ − λ₂), so allow 1% on these well-separated tops
    const r = hessianEigenvalues(f, x, { k: 1 });
    expect(Math.abs(r.values[0] - lmax) / lmax).toBeLessThan(1e-2);
  });

  it('hessianTrace(f, x) is within 4 standard errors of the NumPy trace', () => {
    const r = hessianTrace(f, x, { samples: 200, seed: 3 });
    expect(Math.abs(r.estimate - c.trace)).toBeLessThan(4 * r.standardError);
  });
});

describe('regression curvature approximations', () => {
  const c = fixture.cases[2];
  const X = fromRows(c.X);
  const Y = fromRows(c.Y as number[][]);
  const f = softmaxRegression(X, Y, { l2: c.l2 });
  const x = Float64Array.from(c.x);

  it('fisher(x) equals (1/n) Σ g_i g_iᵀ + l2·I from one-sample objectives', () => {
    const dim = f.dim;
    const ref = new Float64Array(dim * dim);
    for (let i = 0; i < X.rows; i++) {
      const gi = softmaxRegression(fromRows([c.X[i]]), fromRows([(c.Y as number[][])[i]])).grad(x);
      for (let a = 0; a < dim; a++)
        for (let b = 0; b < dim; b++) ref[a * dim + b] += (gi[a] * gi[b]) / X.rows;
    }
    for (let a = 0; a < dim; a++) ref[a * dim + a] += c.l2;
    expect(maxAbsDiff(f.fisher(x).data, ref)).toBeLessThan(1e-14);
  });

  it('logistic gaussNewton(x) − hessian(x) is PSD and fisher(x) is PSD', () => {
    const c0 = fixture.cases[0];
    const g = logisticRegression(fromRows(c0.X), c0.y as number[], { l2: 0 });
    const x0 = Float64Array.from(c0.x);
    const G = g.gaussNewton(x0);
    const H = g.hessian(x0);
    const D = { rows: G.rows, cols: G.cols, data: G.data.map((v, i) => v - H.data[i]) };
    // exact PSD matrices; eigh's backward error is ~ dim·ε·‖·‖
    expect(eigh(D).values[0]).toBeGreaterThan(-1e-14);
    expect(eigh(g.fisher(x0)).values[0]).toBeGreaterThan(-1e-14);
  });

  it('gaussNewton(x) − hessian(x) is PSD (the dropped −ppᵀ term)', () => {
    const G = f.gaussNewton(x);
    const H = f.hessian(x);
    const D = { rows: G.rows, cols: G.cols, data: G.data.map((g, i) => g - H.data[i]) };
    expect(eigh(D).values[0]).toBeGreaterThan(-1e-14);
  });

  it('finiteDifferenceHVP agrees with the exact hvp to 1e-8 relative', () => {
    const fd = finiteDifferenceHVP({ dim: f.dim, value: f.value, grad: f.grad });
    const v = Float64Array.from({ length: f.dim }, (_, i) => Math.cos(i));
    const exact = f.hvp(x, v);
    const norm = Math.sqrt(exact.reduce((s, t) => s + t * t, 0));
    // O(h²)·‖∇³f‖ + ε/h with h ≈ 6e-6·‖x‖/‖v‖: about 1e-10 here
    expect(maxAbsDiff(fd.hvp(x, v), exact) / norm).toBeLessThan(1e-8);
  });

  it('bad inputs throw typed errors and inputs are not mutated', () => {
    expect(() => logisticRegression(fromRows([[1], [2]]), [1])).toThrow(ShapeError);
    expect(() =>
      softmaxRegression(
        fromRows([[1]]),
        fromRows([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toThrow(ShapeError);
    expect(() => logisticRegression(fromRows([[1]]), [Number.NaN])).toThrow(/NaN/);
    expect(() => f.grad(new Float64Array(3))).toThrow(ShapeError);
    const before = Array.from(x);
    f.hessian(x);
    f.hvp(x, x);
    expect(Array.from(x)).toEqual(before);
  });
});
