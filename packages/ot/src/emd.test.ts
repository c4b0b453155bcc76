import {
  ConvergenceError,
  fromRows,
  InvalidArgumentError,
  type Matrix,
  rng,
  ShapeError,
} from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../test/fixtures/emd.json' with { type: 'json' };
import { costMatrix, emd, emd2 } from './index.js';

/** Independent optimality certificate: primal and dual feasibility, equal objectives, slackness. */
function certify(a: ArrayLike<number>, b: ArrayLike<number>, C: Matrix, r: ReturnType<typeof emd>) {
  const n = C.rows;
  const m = C.cols;
  let scale = 0;
  for (const c of C.data) scale = Math.max(scale, Math.abs(c));
  let primal = 0;
  let rowErr = 0;
  let colErr = 0;
  let dualInfeas = 0;
  let slack = 0;
  let minFlow = 0;
  let support = 0;
  const cols = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < m; j++) {
      const p = r.plan.data[i * m + j];
      const c = C.data[i * m + j];
      const rc = c - r.potentials.f[i] - r.potentials.g[j];
      row += p;
      cols[j] += p;
      primal += p * c;
      minFlow = Math.min(minFlow, p);
      dualInfeas = Math.max(dualInfeas, -rc);
      if (p > 0) {
        support++;
        slack = Math.max(slack, Math.abs(rc));
      }
    }
    rowErr = Math.max(rowErr, Math.abs(row - a[i]));
  }
  for (let j = 0; j < m; j++) colErr = Math.max(colErr, Math.abs(cols[j] - b[j]));
  let dual = 0;
  for (let i = 0; i < n; i++) dual += a[i] * r.potentials.f[i];
  for (let j = 0; j < m; j++) dual += b[j] * r.potentials.g[j];
  return { primal, dual, rowErr, colErr, dualInfeas, slack, minFlow, support, scale };
}

describe('emd against POT and an optimality certificate', () => {
  for (const c of fixture.cases)
    it(`emd(a, b, C) is optimal and matches ot.emd2 (${c.name})`, () => {
      const C = fromRows(c.cost);
      const r = emd(c.a, c.b, C);
      expect(r.converged).toBe(true);
      const k = certify(c.a, c.b, C, r);
      // Flows are sums/differences of O(1) weights over ≤ n + m pivots on the cycle:
      // a few hundred ulp of the unit mass at most.
      expect(k.rowErr).toBeLessThan(1e-13);
      expect(k.colErr).toBeLessThan(1e-13);
      expect(k.minFlow).toBe(0);
      // Potentials are built from sums of ≤ n + m costs: 1e-12·max|C| (the pricing threshold) bounds
      // the dual infeasibility and the slackness to that scale.
      expect(k.dualInfeas).toBeLessThan(1e-11 * k.scale);
      expect(k.slack).toBeLessThan(1e-11 * k.scale);
      expect(Math.abs(k.primal - k.dual)).toBeLessThan(1e-11 * k.scale);
      expect(k.support).toBeLessThanOrEqual(c.a.length + c.b.length - 1);
      // Same LP optimum as POT's network simplex (both exact up to rounding of O(1) sums).
      expect(Math.abs(r.cost - c.emd2)).toBeLessThan(1e-12);
      expect(emd2(c.a, c.b, C)).toBe(r.cost);
    });
});

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  const out: number[][] = [];
  for (const p of permutations(n - 1))
    for (let k = 0; k <= p.length; k++) out.push([...p.slice(0, k), n - 1, ...p.slice(k)]);
  return out;
}

describe('emd properties', () => {
  it('emd() with uniform weights equals the best assignment over all permutations (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (n, seed) => {
        const r = rng(seed);
        const C = fromRows(
          Array.from({ length: n }, () => Array.from({ length: n }, () => r.uniform())),
        );
        const w = new Array(n).fill(1 / n);
        let best = Number.POSITIVE_INFINITY;
        for (const p of permutations(n)) {
          let s = 0;
          for (let i = 0; i < n; i++) s += C.data[i * n + p[i]];
          best = Math.min(best, s / n);
        }
        // Birkhoff–von Neumann: the assignment LP has a permutation optimum; sums of n ≤ 6 terms.
        return Math.abs(emd(w, w, C).cost - best) < 1e-14;
      }),
      { numRuns: 60 },
    );
  });

  it('emd() certificates hold on random degenerate problems with zero bins and integer costs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer(),
        (n, m, seed) => {
          const r = rng(seed);
          // Integer costs and weights on a coarse grid make ties and degenerate pivots common.
          const C = fromRows(
            Array.from({ length: n }, () => Array.from({ length: m }, () => r.int(4))),
          );
          const wa = Array.from({ length: n }, () => r.int(3));
          const wb = Array.from({ length: m }, () => r.int(3));
          if (!wa.some((x) => x > 0)) wa[0] = 1;
          if (!wb.some((x) => x > 0)) wb[0] = 1;
          const sa = wa.reduce((s, x) => s + x, 0);
          const sb = wb.reduce((s, x) => s + x, 0);
          const a = wa.map((x) => x / sa);
          const b = wb.map((x) => x / sb);
          const res = emd(a, b, C);
          const k = certify(a, b, C, res);
          const tol = 1e-11 * Math.max(k.scale, 1);
          return (
            res.converged &&
            k.rowErr < 1e-13 &&
            k.colErr < 1e-13 &&
            k.minFlow === 0 &&
            k.dualInfeas < tol &&
            k.slack < tol &&
            Math.abs(k.primal - k.dual) < tol
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('emd() rescales b to the mass of a (within 1e-9) and handles one source or one target', () => {
    const C = fromRows([[1, 3]]);
    expect(emd([2], [0.5, 1.5 + 1e-10], C).cost).toBeCloseTo(5, 9);
    const r = emd([0.25, 0.75], [1], fromRows([[2], [4]]));
    expect(Array.from(r.plan.data)).toEqual([0.25, 0.75]);
  });

  it('emd() reports non-convergence at a tiny maxIter and throws with strict: true', () => {
    const x = costMatrix(
      Array.from({ length: 30 }, (_, i) => [i, (i * 7) % 5]),
      Array.from({ length: 30 }, (_, i) => [29 - i, (i * 3) % 7]),
    );
    const w = new Array(30).fill(1 / 30);
    const r = emd(w, w, x, { maxIter: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expect(r.residual).toBeGreaterThan(0);
    expect(() => emd(w, w, x, { maxIter: 2, strict: true })).toThrow(ConvergenceError);
  });

  it('emd() validates input with typed errors and does not mutate it', () => {
    const C = fromRows([
      [0, 1],
      [1, 0],
    ]);
    expect(() => emd([0.5, 0.5], [0.5, 0.6], C)).toThrow(InvalidArgumentError);
    expect(() => emd([1.5, -0.5], [0.5, 0.5], C)).toThrow(InvalidArgumentError);
    expect(() => emd([1], [0.5, 0.5], C)).toThrow(ShapeError);
    const a = Float64Array.from([0.3, 0.7]);
    const b = Float64Array.from([0.6, 0.4]);
    emd(a, b, C);
    expect(Array.from(a)).toEqual([0.3, 0.7]);
    expect(Array.from(b)).toEqual([0.6, 0.4]);
    expect(Array.from(C.data)).toEqual([0, 1, 1, 0]);
  });

  it('emd(a, b, C, { onProgress }) reports every 1024 pivots and once at the end with the result', () => {
    const r0 = rng(31);
    const n = 150;
    const x = Array.from({ length: n }, () => [r0.normal(), r0.normal()]);
    const y = Array.from({ length: n }, () => [r0.normal() + 1, r0.normal()]);
    const C = costMatrix(x, y);
    const w = new Float64Array(n).fill(1 / n);
    const seen: { iteration: number; residual: number }[] = [];
    const r = emd(w, w, C, { onProgress: (p) => seen.push(p) });
    expect(r.iterations).toBeGreaterThan(1024);
    const during = seen.slice(0, -1);
    expect(during.map((p) => p.iteration)).toEqual(
      Array.from({ length: Math.floor(r.iterations / 1024) }, (_, k) => 1024 * (k + 1)),
    );
    // the entering arc's violation −(C_ij − f_i − g_j): positive while the plan is not optimal
    for (const p of during) expect(p.residual).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ iteration: r.iterations, residual: r.residual });
  });
});

describe('emd(): long runs without callbacks, cancellation and the ConvergenceError', () => {
  const big = () => {
    const r0 = rng(31);
    const n = 150;
    const x = Array.from({ length: n }, () => [r0.normal(), r0.normal()]);
    const y = Array.from({ length: n }, () => [r0.normal() + 1, r0.normal()]);
    return { C: costMatrix(x, y), w: new Float64Array(n).fill(1 / n) };
  };

  it('runs past 1024 pivots without onProgress, and stops with AbortError naming emd()', () => {
    const { C, w } = big();
    const r = emd(w, w, C);
    expect(r.iterations).toBeGreaterThan(1024);
    expect(r.converged).toBe(true);
    const ctl = new AbortController();
    ctl.abort();
    // the signal is polled with the progress report, every 1024 pivots
    expect(() => emd(w, w, C, { signal: ctl.signal })).toThrow(/^emd\(\)/);
  });

  it('ConvergenceError says how many pivots ran and how infeasible the duals still are', () => {
    const { C, w } = big();
    const r = emd(w, w, C, { maxIter: 2 });
    let caught: unknown;
    try {
      emd(w, w, C, { maxIter: 2, strict: true });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConvergenceError);
    const e = caught as ConvergenceError;
    expect(e.message).toBe(
      `emd(): not optimal after 2 pivots (dual infeasibility ${r.residual.toExponential(2)}); raise maxIter`,
    );
    expect(e.iterations).toBe(2);
    expect(e.residual).toBe(r.residual);
  });
});
