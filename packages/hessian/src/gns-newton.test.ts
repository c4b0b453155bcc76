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
  // Exact curvature converges quadratically, the Fisher and Gauss–Newton models linearly;
  // valueDecrease keeps the acceptance test resolvable down to ‖∇f‖ = 1e-10.
  // The checks recompute everything from the iterates and the steps taken (the points of the
  // curvature calls, one per outer iteration, and the arguments of valueDecrease, one per
  // trial) instead of reading what gnsNewton reports about its steps.
  it.each([
    ['exact', 'hessian', 1e-10, 30],
    ['fisher', 'fisher', 1e-10, 100],
    ['gaussNewton', 'gaussNewton', 1e-10, 100],
  ] as const)(
    "hessian '%s': each accepted step solves (H + λI)Δ = −∇f(x) and f(x) − f(x+Δ) ≥ ‖∇f(x+Δ)‖²/(8λ)",
    (hessian, method, tol, maxIter) => {
      const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
      for (const f of [fLog, fSoft]) {
        const iterates: Float64Array[] = [];
        const trials: [Float64Array, Float64Array][] = [];
        const spy = {
          ...f,
          [method]: (x: Float64Array) => {
            iterates.push(Float64Array.from(x));
            return f[method](x);
          },
          valueDecrease: (x: Float64Array, step: Float64Array) => {
            trials.push([Float64Array.from(x), Float64Array.from(step)]);
            return f.valueDecrease(x, step);
          },
        };
        const r = gnsNewton(spy, new Float64Array(f.dim), { hessian, tol, maxIter });
        expect(r.converged).toBe(true);
        expect(norm(f.grad(r.x))).toBeLessThanOrEqual(tol);
        expect(iterates.length).toBe(r.iterations);
        expect(r.steps.length).toBe(r.iterations);
        iterates.push(r.x);
        const same = (a: Float64Array, b: Float64Array) => a.every((t, j) => t === b[j]);
        for (let i = 0; i < r.steps.length; i++) {
          const x = iterates[i];
          const next = iterates[i + 1];
          const taken = trials.find(
            ([tx, ts]) =>
              same(tx, x) &&
              same(
                tx.map((t, j) => t + ts[j]),
                next,
              ),
          );
          expect(taken).toBeDefined();
          const step = (taken as [Float64Array, Float64Array])[1];
          const g = f.grad(x);
          expect(r.gradNormHistory[i]).toBeCloseTo(norm(g), 14);
          const H = f[method](x);
          const lambda = r.steps[i].lambda;
          // Cholesky and two triangular solves are backward stable: the residual of
          // (H + λI)Δ = −g is a small multiple of d·ε·(‖H‖ + λ)‖Δ‖ + ε‖g‖
          const residual = norm(
            Float64Array.from(
              step,
              (t, a) =>
                step.reduce((s, u, b) => s + H.data[a * f.dim + b] * u, 0) + lambda * t + g[a],
            ),
          );
          const hNorm = norm(H.data);
          expect(residual).toBeLessThanOrEqual(
            16 * f.dim * Number.EPSILON * ((hNorm + lambda) * norm(step) + norm(g)),
          );
          // valueDecrease(x, Δ) = f(x) − f(x + Δ) without cancellation (tested below)
          const decrease = f.valueDecrease(x, step);
          const gNext = norm(f.grad(next));
          const bound = (gNext * gNext) / (8 * lambda);
          expect(r.steps[i].decrease).toBeCloseTo(decrease, 14);
          if (i + 1 < r.steps.length || decrease >= bound) {
            expect(decrease).toBeGreaterThanOrEqual(bound);
          } else {
            // a rounding-limited final step only: ‖∇f‖ ≤ tol and f did not rise beyond 8ε|f|
            expect(gNext).toBeLessThanOrEqual(tol);
            expect(decrease).toBeGreaterThanOrEqual(-8 * Number.EPSILON * Math.abs(f.value(x)));
          }
        }
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
      valueDecrease: fSoft.valueDecrease,
    };
    const a = gnsNewton(productsOnly, new Float64Array(fSoft.dim), { hessian: 'gaussNewton' });
    const b = gnsNewton(fSoft, new Float64Array(fSoft.dim), { hessian: 'gaussNewton' });
    expect(a.iterations).toBe(b.iterations);
    expect(() =>
      gnsNewton(productsOnly, new Float64Array(fSoft.dim), { hessian: 'fisher' }),
    ).toThrow(InvalidArgumentError);
  });

  it('valueDecrease(x, step) equals f(x) − f(x + step), and stays accurate for tiny steps', () => {
    for (const f of [fLog, fSoft]) {
      const x = Float64Array.from({ length: f.dim }, (_, i) => 0.3 * Math.sin(i + 1));
      const v = Float64Array.from({ length: f.dim }, (_, i) => Math.cos(2 * i));
      // a large step: both forms agree to the rounding of f (values O(1))
      expect(
        Math.abs(f.valueDecrease(x, v) - (f.value(x) - f.value(x.map((xi, i) => xi + v[i])))),
      ).toBeLessThan(1e-14);
      // a step of 1e-9: the second-order Taylor model −g·s − ½ sᵀHs is exact to O(‖s‖³) ≈ 1e-27,
      // far below the 1e-17 rounding of f(x) − f(x + s)
      const s = v.map((t) => 1e-9 * t);
      const g = f.grad(x);
      const hs = f.hvp(x, s);
      let model = 0;
      for (let i = 0; i < f.dim; i++) model -= g[i] * s[i] + 0.5 * s[i] * hs[i];
      expect(Math.abs(f.valueDecrease(x, s) - model)).toBeLessThan(1e-12 * Math.abs(model));
    }
  });

  it('does not mutate x0 and rejects bad options', () => {
    const x0 = new Float64Array(fLog.dim).fill(0.1);
    gnsNewton(fLog, x0);
    expect(Array.from(x0)).toEqual(new Array(fLog.dim).fill(0.1));
    expect(() => gnsNewton(fLog, x0, { gamma0: 0 })).toThrow(InvalidArgumentError);
    expect(() => gnsNewton(fLog, new Float64Array(2))).toThrow(/length 5/);
  });
});
