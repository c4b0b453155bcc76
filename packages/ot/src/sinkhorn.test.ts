import {
  AbortError,
  ConvergenceError,
  fromRows,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  rng,
  ShapeError,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../test/fixtures/sinkhorn.json' with { type: 'json' };
import { costMatrix, emd, type SinkhornMethod, sinkhorn, sinkhornNewtonSparse } from './index.js';

const cases = fixture.cases;
const asMatrix = (rows: number[][]): Matrix => fromRows(rows);

function marginals(P: Matrix): { rows: Float64Array; cols: Float64Array } {
  const rows = new Float64Array(P.rows);
  const cols = new Float64Array(P.cols);
  for (let i = 0; i < P.rows; i++)
    for (let j = 0; j < P.cols; j++) {
      rows[i] += P.data[i * P.cols + j];
      cols[j] += P.data[i * P.cols + j];
    }
  return { rows, cols };
}

function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}

describe('sinkhorn against POT', () => {
  const methods: SinkhornMethod[] = ['standard', 'log', 'stabilized', 'epsilonScaling'];
  for (const method of methods)
    for (const c of cases)
      it(`sinkhorn(a, b, C, { reg, method: '${method}' }) matches POT's converged plan (${c.name})`, () => {
        const C = asMatrix(c.cost);
        const r = sinkhorn(c.a, c.b, C, { reg: c.reg, method, tol: 1e-13, maxIter: 200000 });
        expect(r.converged).toBe(true);
        // Both solvers stop at marginal error ≤ 1e-13; the dual problem is strongly
        // concave on the support with modulus ≥ min plan mass / reg, so plans agree to
        // ≈ 1e-13 · reg / min entry; 1e-9 absolute on entries of a unit-mass plan covers
        // the smallest entries here (≥ 1e-5) at reg ≥ 0.02 with margin.
        expect(maxAbsDiff(r.plan.data, Float64Array.from(c.plan.flat()))).toBeLessThan(1e-9);
        expect(r.cost).toBeCloseTo(c.transportCost, 10);
      });
});

describe('sinkhorn behaviour', () => {
  const C = costMatrix(
    [
      [0, 0],
      [1, 0],
      [0, 2],
    ],
    [
      [0, 1],
      [2, 1],
    ],
  );
  const a = [0.2, 0.5, 0.3];
  const b = [0.6, 0.4];

  it('sinkhorn() reports ‖Pᵀ1 − b‖₂ as marginalError with rows fitted exactly (POT measure)', () => {
    const r = sinkhorn(a, b, C, { reg: 0.5 });
    const { rows, cols } = marginals(r.plan);
    expect(maxAbsDiff(rows, a)).toBeLessThan(1e-15);
    const colErr = Math.hypot(...Array.from(cols, (x, j) => x - b[j]));
    expect(Math.abs(colErr - r.marginalError)).toBeLessThan(1e-15);
    expect(r.residual).toBe(r.marginalError);
    expect(r.marginalError).toBeLessThan(1e-9);
  });

  it('sinkhorn() gives a plan equal to exp((f ⊕ g − C)/reg)', () => {
    const reg = 0.3;
    for (const method of ['standard', 'log', 'stabilized', 'epsilonScaling'] as const) {
      const r = sinkhorn(a, b, C, { reg, method });
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 2; j++) {
          const p = Math.exp((r.f[i] + r.g[j] - C.data[i * 2 + j]) / reg);
          // f, g and C are O(1): exp of a sum of O(1) terms carries a few ulp relative error.
          expect(Math.abs(p - r.plan.data[i * 2 + j]) / p).toBeLessThan(1e-12);
        }
    }
  });

  it('sinkhorn() switches to the log domain when exp(−C/reg) underflows, and says so', () => {
    const r = sinkhorn(a, b, C, { reg: 1e-3, maxIter: 100000 });
    expect(r.method).toBe('log');
    expect(r.warning).toMatch(/underflows.*log domain/);
    expect(r.converged).toBe(true);
    expect(Number.isFinite(r.cost)).toBe(true);
    for (const x of r.plan.data) expect(Number.isFinite(x)).toBe(true);
    const s = sinkhorn(a, b, C, { reg: 1e-3, method: 'stabilized', maxIter: 100000 });
    expect(s.converged).toBe(true);
    // Same entropic problem, both at marginal error < 1e-9.
    expect(maxAbsDiff(s.plan.data, r.plan.data)).toBeLessThan(1e-8);
  });

  it('sinkhorn() keeps the standard method when nothing underflows (no warning)', () => {
    const r = sinkhorn(a, b, C, { reg: 0.05 });
    expect(r.method).toBe('standard');
    expect(r.warning).toBeUndefined();
  });

  it('sinkhorn() with zero-mass bins gives zero rows/columns and −Infinity potentials', () => {
    const r = sinkhorn([0.5, 0, 0.5], [0.6, 0.4], C, { reg: 0.2 });
    expect(r.plan.data[2]).toBe(0);
    expect(r.plan.data[3]).toBe(0);
    expect(r.f[1]).toBe(Number.NEGATIVE_INFINITY);
    expect(r.converged).toBe(true);
  });

  it('sinkhorn() warmStart from a solution converges at the first check', () => {
    const cold = sinkhorn(a, b, C, { reg: 0.1, tol: 1e-12 });
    const warm = sinkhorn(a, b, C, { reg: 0.1, tol: 1e-12, warmStart: { f: cold.f, g: cold.g } });
    expect(warm.iterations).toBe(1);
    expect(cold.iterations).toBeGreaterThan(1);
    const logWarm = sinkhorn(a, b, C, { reg: 0.1, method: 'log', tol: 1e-12, warmStart: cold });
    expect(logWarm.iterations).toBe(1);
  });

  it("sinkhorn(..., { method: 'log' }) recovers from a warm start whose column marginal underflows", () => {
    // g = −1e4 makes exp((f + g − C)/reg) underflow to 0 in column 1: the update must use the
    // exact log-sum-exp there instead of log(0).
    const cold = sinkhorn(a, b, C, { reg: 0.1, method: 'log', tol: 1e-12 });
    const warm = sinkhorn(a, b, C, {
      reg: 0.1,
      method: 'log',
      tol: 1e-12,
      warmStart: { f: [0, 0, 0], g: [0, -1e4] },
    });
    expect(warm.converged).toBe(true);
    // Two solves of the same strictly concave dual to marginal error 1e-12.
    expect(maxAbsDiff(warm.plan.data, cold.plan.data)).toBeLessThan(1e-10);
  });

  it('sinkhorn() reports non-convergence, and throws ConvergenceError with strict: true', () => {
    const r = sinkhorn(a, b, C, { reg: 0.01, maxIter: 3, method: 'log' });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(r.marginalError).toBeGreaterThan(1e-9);
    expect(() => sinkhorn(a, b, C, { reg: 0.01, maxIter: 3, strict: true })).toThrow(
      ConvergenceError,
    );
  });

  it('sinkhorn() calls onProgress every 10 iterations and honours an AbortSignal', () => {
    const seen: number[] = [];
    sinkhorn(a, b, C, {
      reg: 0.02,
      method: 'log',
      maxIter: 35,
      tol: 0,
      onProgress: (p) => seen.push(p.iteration),
    });
    expect(seen).toEqual([1, 11, 21, 31, 35]);
    const ctl = new AbortController();
    expect(() =>
      sinkhorn(a, b, C, {
        reg: 0.02,
        maxIter: 1000,
        tol: 0,
        signal: ctl.signal,
        onProgress: (p) => {
          if (p.iteration > 20) ctl.abort();
        },
      }),
    ).toThrow(AbortError);
  });

  it('sinkhorn() validates its input with typed errors', () => {
    expect(() => sinkhorn([0.5, -0.5, 1], b, C, { reg: 1 })).toThrow(InvalidArgumentError);
    expect(() => sinkhorn([0.5, Number.NaN, 0.5], b, C, { reg: 1 })).toThrow(NonFiniteError);
    expect(() => sinkhorn(a, [0.6, 0.4 + 1e-6], C, { reg: 1 })).toThrow(InvalidArgumentError);
    expect(() => sinkhorn(a, [0.6, 0.4 + 1e-12], C, { reg: 1 })).not.toThrow();
    expect(() => sinkhorn(a, [0.5, 0.3, 0.2], C, { reg: 1 })).toThrow(ShapeError);
    expect(() => sinkhorn(a, b, C, { reg: 0 })).toThrow(InvalidArgumentError);
    expect(() => sinkhorn(a, b, C, { reg: -1 })).toThrow(InvalidArgumentError);
    expect(() => sinkhorn(a, b, C, { reg: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => sinkhorn([], [], fromRows([]), { reg: 1 })).toThrow(ShapeError);
    expect(() => sinkhorn(a, b, C, { reg: 1, method: 'greenkhorn' as SinkhornMethod })).toThrow(
      InvalidArgumentError,
    );
    const badC = fromRows([
      [0, 1],
      [1, Number.POSITIVE_INFINITY],
      [0, 0],
    ]);
    expect(() => sinkhorn(a, b, badC, { reg: 1 })).toThrow(NonFiniteError);
    expect(() => sinkhorn(a, b, C, { reg: 1, warmStart: { f: [0], g: [0, 0] } })).toThrow(
      ShapeError,
    );
  });

  it('sinkhorn() does not mutate its inputs', () => {
    const aa = Float64Array.from(a);
    const bb = Float64Array.from(b);
    const before = Float64Array.from(C.data);
    sinkhorn(aa, bb, C, { reg: 0.1 });
    expect(Array.from(aa)).toEqual(a);
    expect(Array.from(bb)).toEqual(b);
    expect(Array.from(C.data)).toEqual(Array.from(before));
  });

  it('sinkhorn() plans have the prescribed marginals for random problems (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        (n, m, seed) => {
          const r = rng(seed);
          const x = Array.from({ length: n }, () => [r.normal(), r.normal()]);
          const y = Array.from({ length: m }, () => [r.normal(), r.normal()]);
          const wa = Array.from({ length: n }, () => 0.1 + r.uniform());
          const wb = Array.from({ length: m }, () => 0.1 + r.uniform());
          const sa = wa.reduce((s, t) => s + t, 0);
          const sb = wb.reduce((s, t) => s + t, 0);
          const res = sinkhorn(
            wa.map((t) => t / sa),
            wb.map((t) => t / sb),
            costMatrix(x, y),
            { reg: 0.5, maxIter: 10000 },
          );
          const { rows, cols } = marginals(res.plan);
          // Rows are fitted last (to rounding); columns to the requested tol.
          return (
            res.converged &&
            maxAbsDiff(
              rows,
              wa.map((t) => t / sa),
            ) < 1e-14 &&
            maxAbsDiff(
              cols,
              wb.map((t) => t / sb),
            ) < 1e-9
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('sinkhorn(), sinkhornNewtonSparse() and emd() return dual potentials the same way: potentials { f, g }', () => {
    const C2 = costMatrix([[0], [1], [2]], [[0], [2]]);
    const aa = [0.3, 0.3, 0.4];
    const bb = [0.5, 0.5];
    const results = [
      sinkhorn(aa, bb, C2, { reg: 0.2 }),
      sinkhornNewtonSparse(aa, bb, C2, { reg: 0.2 }),
      emd(aa, bb, C2),
    ];
    for (const r of results) {
      expect(r.potentials.f).toBeInstanceOf(Float64Array);
      expect(r.potentials.f).toHaveLength(3);
      expect(r.potentials.g).toHaveLength(2);
    }
    // the deprecated top-level aliases are the same arrays
    for (const r of results.slice(0, 2) as ReturnType<typeof sinkhorn>[]) {
      expect(r.f).toBe(r.potentials.f);
      expect(r.g).toBe(r.potentials.g);
    }
    // potentials of one solve warm-start the next
    const warm = sinkhorn(aa, bb, C2, { reg: 0.2, warmStart: results[0].potentials });
    expect(warm.iterations).toBe(1);
  });
});
