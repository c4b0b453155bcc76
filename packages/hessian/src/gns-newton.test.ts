import { readFileSync } from 'node:fs';
import { ConvergenceError, eigh, fromRows, InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { gnsNewton, logisticRegression, softmaxRegression } from '../src/index.js';

const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/hessian-regression.json', import.meta.url), 'utf8'),
) as { cases: { name: string; X: number[][]; y?: number[]; Y?: number[][]; l2: number }[] };
const logistic = fixture.cases[0];
const softmax = fixture.cases[2];
const fLog = logisticRegression(fromRows(logistic.X), logistic.y as number[], { l2: logistic.l2 });
const fSoft = softmaxRegression(fromRows(softmax.X), fromRows(softmax.Y as number[][]), {
  l2: softmax.l2,
});

describe('gnsNewton', () => {
  // Exact curvature converges quadratically; Fisher linearly to where f's rounding (ε|f| ≈
  // 1e-16) hides the decrease the rule must certify (‖∇f‖ ≈ 1e-9 here); the Gauss–Newton
  // majorant converges linearly and slowly. Each gets the tolerance it can reach.
  it.each([
    ['exact', 1e-10, 30],
    ['fisher', 1e-8, 200],
    ['gaussNewton', 1e-6, 500],
  ] as const)(
    "hessian '%s': every accepted step satisfies f(x) − f(x+Δ) ≥ ‖∇f(x+Δ)‖²/(8λ)",
    (hessian, tol, maxIter) => {
      for (const f of [fLog, fSoft]) {
        const r = gnsNewton(f, new Float64Array(f.dim), { hessian, tol, maxIter });
        expect(r.converged).toBe(true);
        expect(r.residual).toBeLessThanOrEqual(tol);
        r.steps.forEach((s, i) => {
          if (s.rule === 'inequality') expect(s.decrease).toBeGreaterThanOrEqual(s.bound);
          expect(s.lambda).toBeCloseTo(r.gradNormHistory[i] / s.gamma, 12);
        });
        // a rounding-limited final step may only ever be the last one
        expect(r.steps.slice(0, -1).every((s) => s.rule === 'inequality')).toBe(true);
      }
    },
  );

  it.each([0, 1])(
    'reaches ‖∇f‖ ≤ 1e-10 on logistic regression (fixture case %i) in far fewer iterations than gradient descent',
    (which) => {
      const logistic = fixture.cases[which];
      const fLog = logisticRegression(fromRows(logistic.X), logistic.y as number[], {
        l2: logistic.l2,
      });
      const r = gnsNewton(fLog, new Float64Array(fLog.dim));
      expect(r.iterations).toBeLessThan(30);
      // gradient descent with the safe step 1/L, L = λ_max bound of the Hessian: (1/4)‖X‖₂²/n + l2
      const XtX = fromRows(
        Array.from({ length: fLog.dim }, (_, i) =>
          Array.from({ length: fLog.dim }, (_, j) =>
            logistic.X.reduce((s, row) => s + row[i] * row[j], 0),
          ),
        ),
      );
      const L = (0.25 * eigh(XtX).values[fLog.dim - 1]) / logistic.X.length + logistic.l2;
      const x = new Float64Array(fLog.dim);
      let gd = 0;
      let gn = Number.POSITIVE_INFINITY;
      while (gd < 100000 && gn > 1e-10) {
        const g = fLog.grad(x);
        gn = Math.hypot(...g);
        for (let i = 0; i < x.length; i++) x[i] -= g[i] / L;
        gd++;
      }
      expect(gn).toBeLessThanOrEqual(1e-10);
      expect(gd).toBeGreaterThan(30 * r.iterations);
    },
  );

  it('accepts a custom curvature function and reports non-convergence (throws only with strict)', () => {
    // a poor curvature model (the identity) still converges, slowly, under the adaptive λ
    const id = () => ({
      rows: fLog.dim,
      cols: fLog.dim,
      data: Float64Array.from({ length: fLog.dim ** 2 }, (_, i) =>
        i % (fLog.dim + 1) === 0 ? 1 : 0,
      ),
    });
    const r = gnsNewton(fLog, new Float64Array(fLog.dim), { hessian: id, maxIter: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(() =>
      gnsNewton(fLog, new Float64Array(fLog.dim), { hessian: id, maxIter: 3, strict: true }),
    ).toThrow(ConvergenceError);
  });

  it('falls back to dense curvature from vector products when no dense matrix is offered', () => {
    const productsOnly = {
      dim: fSoft.dim,
      value: fSoft.value,
      grad: fSoft.grad,
      gaussNewtonVectorProduct: fSoft.gaussNewtonVectorProduct,
    };
    const a = gnsNewton(productsOnly, new Float64Array(fSoft.dim), { hessian: 'gaussNewton' });
    const b = gnsNewton(fSoft, new Float64Array(fSoft.dim), { hessian: 'gaussNewton' });
    expect(a.iterations).toBe(b.iterations);
    expect(() =>
      gnsNewton(productsOnly, new Float64Array(fSoft.dim), { hessian: 'fisher' }),
    ).toThrow(InvalidArgumentError);
  });

  it('does not mutate x0 and rejects bad options', () => {
    const x0 = new Float64Array(fLog.dim).fill(0.1);
    gnsNewton(fLog, x0);
    expect(Array.from(x0)).toEqual(new Array(fLog.dim).fill(0.1));
    expect(() => gnsNewton(fLog, x0, { gamma0: 0 })).toThrow(InvalidArgumentError);
    expect(() => gnsNewton(fLog, new Float64Array(2))).toThrow(/length 5/);
  });
});
