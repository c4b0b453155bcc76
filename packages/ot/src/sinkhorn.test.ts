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
import { createAccelerator } from '@rg/gpu';
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

/**
 * How far two entropic plans whose marginals are within 1e-13 (ours, the stopping rule) and
 * `potMarginalError` (POT's) of (a, b) can be apart. Each is the exact entropic plan of its
 * own marginals (up to the rounding of its entries), and to first order a change δ of the
 * marginals moves the plan by dP_ij = P_ij (z_i + z_{n+j}) with J z = δ,
 * J = [[diag a, P], [Pᵀ, diag b]]. With D = diag(a, b), D^-½ J D^-½ = I + [[0, S], [Sᵀ, 0]],
 * S = diag(a)^-½ P diag(b)^-½, whose eigenvalues are 1 ± σ_k(S); σ₁ = 1 is the gauge
 * (f + c, g − c) that leaves P alone, so ‖D^½ z‖ ≤ ‖δ‖ / (√w_min (1 − σ₂)) and, as
 * P_ij ≤ min(a_i, b_j), |dP_ij| ≤ 2 √(w_max / w_min) ‖δ‖ / (1 − σ₂). The fixture records the
 * gap 1 − σ₂ (NumPy's SVD of POT's plan). Entries are exp of an exponent of size up to
 * |log P_ij|, so each carries (|log P_ij| + 4)·ε relative, ≤ (1/e + 4)·ε absolute per plan.
 * The bound runs from 3e-13 to 6e-12 over the fixture (measured: 1e-18 to 6e-14). Solves
 * stopped at tol 1e-10 instead of 1e-13 leave it in 34 of the 80 cases and fail the marginal
 * check in 43 (the other 37 pass 1e-13 anyway within their last checkEvery sweeps).
 */
function planTolerance(c: (typeof cases)[number]): number {
  const w = [...c.a, ...c.b].filter((x) => x > 0);
  const ratio = Math.max(...w) / Math.min(...w);
  const delta = 1e-13 + c.potMarginalError;
  return (2 * Math.sqrt(ratio) * delta) / c.spectralGap + 2 * (1 / Math.E + 4) * Number.EPSILON;
}

describe('sinkhorn against POT', () => {
  const methods: SinkhornMethod[] = ['standard', 'log', 'stabilized', 'epsilonScaling'];
  for (const method of methods)
    for (const c of cases)
      it(`sinkhorn(a, b, C, { reg, method: '${method}' }) matches POT's converged plan (${c.name})`, () => {
        const C = asMatrix(c.cost);
        const r = sinkhorn(c.a, c.b, C, { reg: c.reg, method, tol: 1e-13, maxIter: 200000 });
        expect(r.converged).toBe(true);
        // cost/reg ≤ 50 here: nothing underflows, so no method may fall back to the log domain
        expect(r.method).toBe(method);
        expect(r.warning).toBeUndefined();
        // the stopping rule, checked on the returned plan: rows fitted to rounding, columns
        // within tol (the sums themselves carry (n + m)·ε)
        const { rows, cols } = marginals(r.plan);
        const rounding = (c.a.length + c.b.length) * Number.EPSILON;
        expect(Math.hypot(...Array.from(rows, (x, i) => x - c.a[i]))).toBeLessThan(rounding);
        expect(Math.hypot(...Array.from(cols, (x, j) => x - c.b[j]))).toBeLessThan(
          1e-13 + rounding,
        );
        expect(maxAbsDiff(r.plan.data, Float64Array.from(c.plan.flat()))).toBeLessThan(
          planTolerance(c),
        );
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

describe('sinkhorn() messages and reports', () => {
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
  // only `sinkhorn` and `thresholds` are read before the device would run
  const device = { sinkhorn: () => undefined, thresholds: { sinkhorn: 0 } } as never;

  it('option errors name sinkhorn(), the option and the value', () => {
    expect(() => sinkhorn(a, b, C, undefined as never)).toThrow(
      /^sinkhorn\(\): options \{ reg \} are required$/,
    );
    expect(() => sinkhorn(a, b, C, 5 as never)).toThrow(
      /^sinkhorn\(\): options \{ reg \} are required$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, maxIter: -1 })).toThrow(
      /^sinkhorn\(\): maxIter must be a non-negative integer \(got -1\)$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, checkEvery: 0 })).toThrow(
      /^sinkhorn\(\): checkEvery must be a positive integer \(got 0\)$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, checkEvery: 2.5 })).toThrow(InvalidArgumentError);
    expect(() => sinkhorn(a, b, C, { reg: 1, method: 'greenkhorn' as SinkhornMethod })).toThrow(
      /^sinkhorn\(\): method must be 'standard', 'log', 'stabilized' or 'epsilonScaling' \(got greenkhorn\)$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, warmStart: { f: [0], g: [0, 0] } })).toThrow(
      /^sinkhorn\(\): warmStart must be \{ f, g \} with 3 and 2 entries \(got 1 and 2\)$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, warmStart: { f: [0, 0, 0], g: [0] } })).toThrow(
      ShapeError,
    );
    expect(() =>
      sinkhorn(a, b, C, { reg: 1, warmStart: { f: [0, Number.NaN, 0], g: [0, 0] } }),
    ).toThrow(/^sinkhorn\(\): warmStart\.f \(on the support of a\)/);
    expect(() =>
      sinkhorn(a, b, C, { reg: 1, warmStart: { f: [0, 0, 0], g: [Number.NaN, 0] } }),
    ).toThrow(/^sinkhorn\(\): warmStart\.g \(on the support of b\)/);
    // a non-finite potential on a zero-mass bin is ignored (it is off the support)
    expect(
      sinkhorn([0.5, 0, 0.5], b, C, {
        reg: 1,
        warmStart: { f: [0, Number.NEGATIVE_INFINITY, 0], g: [0, 0] },
      }).converged,
    ).toBe(true);
  });

  it('accelerator errors say what is wrong and what to do', () => {
    expect(() => sinkhorn(a, b, C, { reg: 1, accelerator: {} as never })).toThrow(
      /^sinkhorn\(\): accelerator must implement SinkhornAccelerator .*\(.*got an empty object\)$/,
    );
    // a function carrying the right members is still not an accelerator object
    const callable = Object.assign(() => undefined, {
      sinkhorn: () => undefined,
      thresholds: { sinkhorn: 0 },
    });
    expect(() => sinkhorn(a, b, C, { reg: 1, accelerator: callable as never })).toThrow(
      /^sinkhorn\(\): accelerator must implement SinkhornAccelerator/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, accelerator: null as never })).toThrow(/got null\)$/);
    for (const sinkhornThreshold of [undefined, Number.NaN, -1])
      expect(() =>
        sinkhorn(a, b, C, {
          reg: 1,
          accelerator: { sinkhorn: () => undefined, thresholds: { sinkhorn: sinkhornThreshold } },
        } as never),
      ).toThrow(
        new RegExp(
          `^sinkhorn\\(\\): accelerator\\.thresholds\\.sinkhorn must be a number ≥ 0 \\(got ${sinkhornThreshold}\\)$`,
        ),
      );
    expect(() =>
      sinkhorn(a, b, C, {
        reg: 1,
        accelerator: { sinkhorn: () => undefined } as never,
      }),
    ).toThrow(/thresholds\.sinkhorn must be a number ≥ 0 \(got undefined\)$/);
    expect(() => sinkhorn(a, b, C, { reg: 1, method: 'log', accelerator: device })).toThrow(
      /^sinkhorn\(\): method 'log' has no accelerated version/,
    );
    expect(() =>
      sinkhorn(a, b, C, { reg: 1, accelerator: device, warmStart: { f: [0, 0, 0], g: [0, 0] } }),
    ).toThrow(/^sinkhorn\(\): warmStart is not supported with an accelerator/);
  });

  it('the underflow warning names the method, reg, the first underflowing entry and its cost/reg', () => {
    // exp(−x) is 0 in float64 beyond x ≈ 745.13: the first entry (row-major) past it
    const reg = 1e-3;
    let first = -1;
    for (let k = 0; k < C.data.length && first < 0; k++)
      if (Math.exp(-C.data[k] / reg) === 0) first = k;
    const r = sinkhorn(a, b, C, { reg, maxIter: 100000 });
    expect(r.warning).toBe(
      `sinkhorn(): method 'standard' at reg = 0.001: exp(−cost/reg) underflows to 0 at entry (${Math.floor(first / 2)}, ${first % 2}) (cost/reg = ${(C.data[first] / reg).toPrecision(4)} > 745); switched to the log domain (method 'log')`,
    );
    const s = sinkhorn(a, b, C, { reg: 1 });
    expect(s.warning).toBeUndefined();
    expect('warning' in s).toBe(false);
    expect('accelerator' in s).toBe(false);
  });

  it('ConvergenceError says how far it got, and carries iterations and residual', () => {
    let caught: unknown;
    try {
      sinkhorn(a, b, C, { reg: 0.01, maxIter: 3, strict: true });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConvergenceError);
    const e = caught as ConvergenceError & { iterations: number; residual: number };
    const r = sinkhorn(a, b, C, { reg: 0.01, maxIter: 3 });
    expect(e.message).toBe(
      `sinkhorn(): marginal error ${r.marginalError.toExponential(2)} > tol 1e-9 after 3 iterations (method 'standard', reg 0.01)`,
    );
    expect(e.iterations).toBe(3);
    expect(e.residual).toBe(r.marginalError);
  });
});

describe('sinkhorn(): fallbacks, warm starts and the epsilon-scaling schedule', () => {
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
  const methods = ['standard', 'log', 'stabilized', 'epsilonScaling'] as const;
  const lastCheck = (r: { history: { iteration: number }[] }) =>
    r.history[r.history.length - 1].iteration;

  it('a scaling kernel that overflows on a bad warm start hands over to the log domain and says where', () => {
    const cold = sinkhorn(a, b, C, { reg: 0.1, method: 'log' });
    // f = 1e4 makes u = exp(f/reg) overflow in the standard kernel at the first sweep
    const std = sinkhorn(a, b, C, { reg: 0.1, warmStart: { f: [1e4, 0, 0], g: [0, 0] } });
    expect(std.warning).toBe(
      "sinkhorn(): method 'standard' at reg = 0.1: the scaling u overflowed at iteration 1; switched to the log domain (method 'log')",
    );
    // g = −1e4 empties a column of K even after absorption
    for (const method of ['stabilized', 'epsilonScaling'] as const) {
      const r = sinkhorn(a, b, C, { reg: 0.1, method, warmStart: { f: [0, 0, 0], g: [0, -1e4] } });
      expect(r.method).toBe('log');
      expect(r.warning).toBe(
        `sinkhorn(): method '${method}' at reg = 0.1: a scaling overflowed at iteration 1 despite absorption; switched to the log domain (method 'log')`,
      );
      expect(r.converged).toBe(true);
      // the failed sweep counts: the log stage's checks continue from iteration 1
      expect(r.history[0].iteration).toBe(2);
      expect(r.iterations).toBe(lastCheck(r));
      expect(maxAbsDiff(r.plan.data, cold.plan.data)).toBeLessThan(1e-8);
      // and the iteration budget is shared between the two
      const short = sinkhorn(a, b, C, {
        reg: 0.1,
        method,
        maxIter: 5,
        warmStart: { f: [0, 0, 0], g: [0, -1e4] },
      });
      expect(short.iterations).toBe(5);
      expect(short.converged).toBe(false);
      expect(short.history.map((h) => h.iteration)).toEqual([2, 5]);
    }
  });

  it("'log' never falls back, even where exp(−C/reg) underflows", () => {
    const r = sinkhorn(a, b, C, { reg: 1e-3, method: 'log', maxIter: 100000 });
    expect(r.method).toBe('log');
    expect(r.warning).toBeUndefined();
    expect(r.converged).toBe(true);
  });

  it('maxIter: 0 returns the warm start itself: its plan exp((f ⊕ g − C)/reg) and marginal error', () => {
    const reg = 0.1;
    const f = [0.05, -0.02, 0.01];
    const g = [0.03, -0.04];
    for (const method of methods) {
      const r = sinkhorn(a, b, C, { reg, method, maxIter: 0, warmStart: { f, g } });
      expect(r.iterations).toBe(0);
      expect(r.converged).toBe(false);
      const cols = [0, 0];
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 2; j++) {
          const p = Math.exp((f[i] + g[j] - C.data[i * 2 + j]) / reg);
          cols[j] += p;
          // exponents O(10): a few ulp of each, times the exponent's size
          expect(Math.abs(r.plan.data[i * 2 + j] - p) / p).toBeLessThan(1e-13);
        }
      for (let i = 0; i < 3; i++) expect(r.potentials.f[i]).toBeCloseTo(f[i], 14);
      for (let j = 0; j < 2; j++) expect(r.potentials.g[j]).toBeCloseTo(g[j], 14);
      const err = Math.hypot(cols[0] - b[0], cols[1] - b[1]);
      expect(Math.abs(r.marginalError - err)).toBeLessThan(1e-14);
    }
  });

  it("'epsilonScaling' runs stages at reg = spread, spread/4, … down to reg, each until its error is below 1e-3", () => {
    // costs from 0.5 to 1.5 (spread 1) and reg = 1/64: stages 1, 1/4, 1/16, then 1/64
    const D = fromRows([
      [0.5, 1.5, 1],
      [1.2, 0.5, 0.9],
    ]);
    const w = [0.5, 0.5];
    const v = [0.3, 0.3, 0.4];
    const r = sinkhorn(w, v, D, { reg: 1 / 64, method: 'epsilonScaling', maxIter: 100000 });
    expect(r.method).toBe('epsilonScaling');
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(lastCheck(r));
    // a stage starts with a check at its first sweep: one sweep after the previous check
    const stages: { iteration: number; marginalError: number }[][] = [[r.history[0]]];
    for (let k = 1; k < r.history.length; k++) {
      if (r.history[k].iteration === r.history[k - 1].iteration + 1) stages.push([]);
      stages[stages.length - 1].push(r.history[k]);
    }
    expect(stages.length).toBe(4);
    for (const stage of stages.slice(0, -1)) {
      const first = stage[0].iteration;
      const end = stage[stage.length - 1];
      // at most 100 sweeps; stopped at the first check below 1e-3 unless the budget ran out
      expect(end.iteration - first + 1).toBeLessThanOrEqual(100);
      for (const h of stage.slice(0, -1)) expect(h.marginalError).toBeGreaterThanOrEqual(1e-3);
      if (end.iteration - first + 1 < 100) expect(end.marginalError).toBeLessThan(1e-3);
    }
    const final = stages[stages.length - 1];
    expect(final[final.length - 1].marginalError).toBeLessThan(1e-9);
    // the same problem solved directly at reg
    const direct = sinkhorn(w, v, D, { reg: 1 / 64, method: 'log', tol: 1e-12, maxIter: 100000 });
    expect(maxAbsDiff(r.plan.data, direct.plan.data)).toBeLessThan(1e-8);
  });

  it("'stabilized' absorbs its scalings: at reg = 1e-3 (cost/reg up to 5000) it needs no fallback", () => {
    const s = sinkhorn(a, b, C, { reg: 1e-3, method: 'stabilized', maxIter: 100000 });
    expect(s.method).toBe('stabilized');
    expect(s.warning).toBeUndefined();
    expect(s.converged).toBe(true);
    const l = sinkhorn(a, b, C, { reg: 1e-3, method: 'log', maxIter: 100000 });
    // the same entropic problem, both at marginal error < 1e-9
    expect(maxAbsDiff(s.plan.data, l.plan.data)).toBeLessThan(1e-8);
  });

  it('every method but epsilonScaling checks after sweeps 1, 1 + checkEvery, … and the last', () => {
    const D = costMatrix([[0], [0.3], [0.7], [1]], [[0.1], [0.5], [0.9]]);
    const w = [0.25, 0.25, 0.25, 0.25];
    const v = [0.3, 0.3, 0.4];
    for (const method of ['standard', 'log', 'stabilized'] as const)
      for (const checkEvery of [10, 7]) {
        const r = sinkhorn(w, v, D, { reg: 0.01, method, tol: 1e-12, checkEvery });
        expect(r.converged).toBe(true);
        const its = r.history.map((h) => h.iteration);
        expect(its).toEqual(its.map((_, k) => 1 + k * checkEvery));
        expect(r.iterations).toBe(its[its.length - 1]);
        const short = sinkhorn(w, v, D, { reg: 0.01, method, maxIter: 3, checkEvery });
        expect(short.converged).toBe(false);
        expect(short.iterations).toBe(3);
        expect(short.history.map((h) => h.iteration)).toEqual([1, 3]);
      }
  });

  it("'log' repairs a column whose starting marginal under- or overflows within the first sweep", () => {
    // exact row potentials and one absurd column potential: the exact log-sum-exp for that
    // column puts the solve back on the solution at once
    const cold = sinkhorn(a, b, C, { reg: 0.1, method: 'log', tol: 1e-12 });
    for (const g1 of [1e4, -1e4]) {
      const r = sinkhorn(a, b, C, {
        reg: 0.1,
        method: 'log',
        tol: 1e-12,
        warmStart: { f: cold.potentials.f, g: [cold.potentials.g[0], g1] },
      });
      expect(r.iterations).toBe(1);
      expect(r.converged).toBe(true);
    }
  });

  it('warmStart needs both f and g', () => {
    expect(() => sinkhorn(a, b, C, { reg: 1, warmStart: { g: [0, 0] } as never })).toThrow(
      /^sinkhorn\(\): warmStart must be \{ f, g \} with 3 and 2 entries \(got undefined and 2\)$/,
    );
    expect(() => sinkhorn(a, b, C, { reg: 1, warmStart: { f: [0, 0, 0] } as never })).toThrow(
      /\(got 3 and undefined\)$/,
    );
  });

  it('a strict solve on a device names the precision and backend in its ConvergenceError', () => {
    const accelerator = createAccelerator({ mode: 'cpu' });
    try {
      expect(() => sinkhorn(a, b, C, { reg: 0.1, maxIter: 2, strict: true, accelerator })).toThrow(
        / after 2 iterations \(method 'standard', float32 on cpu, reg 0\.1\)$/,
      );
    } finally {
      accelerator.dispose();
    }
  });
});
