import { readFileSync } from 'node:fs';
import {
  csrFromTriplets,
  csrToDense,
  InvalidArgumentError,
  matrix,
  NotSymmetricError,
  rng,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { heatChebyshevCoefficients, heatKernel, laplacian, scaledBesselI } from '../index.js';

interface HeatCase {
  graph: string;
  n: number;
  normalized: boolean;
  t: number;
  rows: number[];
  cols: number[];
  weights: number[];
  lambdaMax: number;
  H: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/heat.json', import.meta.url), 'utf8'),
) as { heat: HeatCase[]; bessel: { x: number; order: number; ive: number[] }[] };

function lapOf(c: HeatCase) {
  const w = csrFromTriplets(
    c.n,
    c.n,
    [...c.rows, ...c.cols],
    [...c.cols, ...c.rows],
    [...c.weights, ...c.weights],
  );
  return laplacian(w, { normalized: c.normalized });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('scaledBesselI', () => {
  it('scaledBesselI(K, x) matches SciPy ive(k, x) for small, moderate and large x', () => {
    for (const row of fixture.bessel) {
      const v = scaledBesselI(row.order, row.x);
      // the backward recurrence adds about one rounding per step from its start index
      // N = max(K, x) + 30 + 10√max(K, x) (≤ 630 here): relative error ≤ 4Nε
      const big = Math.max(row.order, row.x);
      const tol = 4 * (big + 31 + 10 * Math.sqrt(big)) * Number.EPSILON;
      for (let k = 0; k <= row.order; k++) {
        const ref = row.ive[k];
        if (ref > 1e-290) expect(Math.abs(v[k] - ref)).toBeLessThanOrEqual(tol * ref);
        else expect(v[k]).toBeLessThan(1e-280);
      }
    }
  });
  it('satisfies the sum rule e^{-x}(I_0 + 2Σ I_k) = 1 and rejects bad arguments', () => {
    const v = scaledBesselI(200, 37.5);
    let s = v[0];
    for (let k = 1; k <= 200; k++) s += 2 * v[k];
    expect(s).toBeCloseTo(1, 13);
    expect(scaledBesselI(3, 0)[0]).toBe(1);
    expect(() => scaledBesselI(-1, 1)).toThrow(InvalidArgumentError);
    expect(() => scaledBesselI(2, -1)).toThrow(InvalidArgumentError);
  });
});

describe('heatKernel', () => {
  it("heatKernel(L, t, { method: 'chebyshev' }) matches SciPy expm(−tL) within its error bound", () => {
    for (const c of fixture.heat) {
      const L = lapOf(c);
      const h = heatKernel(L, c.t, { tol: 1e-12 });
      expect(h.errorBound).toBeLessThanOrEqual(1e-12);
      // ‖H − p(L)‖₂ ≤ bound bounds every entry; rounding of K ≈ 20–60 sparse products adds ~1e-14
      expect(maxAbsDiff(h.matrix().data, c.H)).toBeLessThanOrEqual(h.errorBound + 1e-13);
      const ex = heatKernel(L, c.t, { method: 'exact' });
      // dense eigendecomposition: backward error ~n·ε
      expect(maxAbsDiff(ex.matrix().data, c.H)).toBeLessThanOrEqual(1e-13);
    }
  });
  it('the Chebyshev error falls with the order as the Bessel tail bound says, and stays below it', () => {
    // geometric-30, combinatorial, t = 5: a = tλmax/2 is large enough to see the whole curve
    const c = fixture.heat.find((q) => q.graph === 'geometric-30' && !q.normalized && q.t === 5);
    if (!c) throw new Error('fixture case missing');
    const L = lapOf(c);
    const lambdaMax = c.lambdaMax * 1.0001;
    const errors: number[] = [];
    const bounds: number[] = [];
    for (let order = 2; order <= 60; order += 2) {
      const h = heatKernel(L, c.t, { order, lambdaMax });
      const err = maxAbsDiff(h.matrix().data, c.H);
      errors.push(err);
      bounds.push(h.errorBound);
      // the uniform bound on the spectrum bounds every entry (plus rounding)
      expect(err).toBeLessThanOrEqual(h.errorBound + 1e-13);
    }
    // the bound decreases monotonically and, past order ≈ a, faster than geometrically
    for (let q = 1; q < bounds.length; q++) expect(bounds[q]).toBeLessThan(bounds[q - 1]);
    const a = (c.t * lambdaMax) / 2;
    const past = bounds.map((b, q) => ({ b, order: 2 + 2 * q })).filter((v) => v.order > a + 4);
    for (let q = 2; q < past.length && past[q].b > 1e-280; q++)
      expect(past[q].b / past[q - 1].b).toBeLessThan(past[q - 1].b / past[q - 2].b);
    // the measured error follows: from above 1e-2 at low order down to rounding level
    expect(errors[0]).toBeGreaterThan(1e-2);
    expect(errors[errors.length - 1]).toBeLessThan(1e-12);
  });
  it('H_t is symmetric, its rows sum to 1 for D − W, and H_s H_t = H_{s+t}', () => {
    const r = rng(4);
    const n = 40;
    const rows: number[] = [];
    const cols: number[] = [];
    const vals: number[] = [];
    for (let e = 0; e < 120; e++) {
      const i = r.int(n);
      const j = r.int(n);
      if (i === j) continue;
      rows.push(i, j);
      cols.push(j, i);
      const w = r.uniform();
      vals.push(w, w);
    }
    const L = laplacian(csrFromTriplets(n, n, rows, cols, vals));
    const h = heatKernel(L, 0.7).matrix().data;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        s += h[i * n + j];
        // the same recurrence on e_i and e_j: symmetric to rounding
        expect(Math.abs(h[i * n + j] - h[j * n + i])).toBeLessThan(1e-14);
        expect(h[i * n + j]).toBeGreaterThan(-1e-10);
      }
      // L1 = 0 ⇒ H1 = 1, up to the truncation bound (1e-10)
      expect(Math.abs(s - 1)).toBeLessThan(1e-9);
    }
    const hs = heatKernel(L, 0.3);
    const ht = heatKernel(L, 0.4);
    const v = Float64Array.from({ length: n }, () => r.normal());
    const a = hs.apply(ht.apply(v));
    const b = heatKernel(L, 0.7).apply(v);
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-9);
  });
  it('on a long ring, H_t(0, j) = e^{−2t} I_j(2t) (the heat kernel of the integer lattice)', () => {
    const n = 200;
    const rows: number[] = [];
    const cols: number[] = [];
    for (let i = 0; i < n; i++) {
      rows.push(i, (i + 1) % n);
      cols.push((i + 1) % n, i);
    }
    const L = laplacian(csrFromTriplets(n, n, rows, cols, new Float64Array(2 * n).fill(1)));
    const t = 3;
    const e0 = new Float64Array(n);
    e0[0] = 1;
    const h = heatKernel(L, t, { tol: 1e-14 }).apply(e0);
    const ive = scaledBesselI(40, 2 * t);
    // wrap-around terms I_{200−j}(6) < 1e-200 are invisible; Chebyshev bound 1e-14
    for (let j = 0; j <= 40; j++) {
      expect(Math.abs(h[j] - ive[j])).toBeLessThan(2e-14);
      expect(Math.abs(h[n - j] ?? h[0]) - ive[j]).toBeLessThan(2e-14);
    }
  });
  it('backward Euler converges to the heat kernel as the steps grow, and its entries stay positive', () => {
    const c = fixture.heat.find((q) => q.graph === 'path-12' && !q.normalized && q.t === 1);
    if (!c) throw new Error('fixture case missing');
    const L = lapOf(c);
    let prev = Number.POSITIVE_INFINITY;
    for (const steps of [1, 4, 16, 64]) {
      const h = heatKernel(L, c.t, { method: 'backwardEuler', steps });
      const m = h.matrix().data;
      const err = maxAbsDiff(m, c.H);
      // first order in h = t/s: the error falls about 4× per 4× steps; the uniform bound holds
      expect(err).toBeLessThan(prev);
      expect(err).toBeLessThanOrEqual(h.errorBound + 1e-14);
      prev = err;
      for (const v of m) expect(v).toBeGreaterThan(0);
    }
    expect(prev).toBeLessThan(5e-3);
  });
  it('applyMatrix diffuses each column, apply writes into out, and t = 0 is the identity', () => {
    const c = fixture.heat[0];
    const L = lapOf(c);
    const h = heatKernel(L, 0.5);
    const x = matrix(
      c.n,
      2,
      Float64Array.from({ length: 2 * c.n }, (_, q) => Math.sin(q)),
    );
    const y = h.applyMatrix(x);
    const col = Float64Array.from({ length: c.n }, (_, i) => x.data[2 * i + 1]);
    const out = new Float64Array(c.n);
    expect(h.apply(col, out)).toBe(out);
    for (let i = 0; i < c.n; i++) expect(Math.abs(y.data[2 * i + 1] - out[i])).toBeLessThan(1e-14);
    const id = heatKernel(L, 0).matrix();
    expect(
      maxAbsDiff(
        id.data,
        csrToDense(csrFromTriplets(c.n, c.n, [], [], [])).data.map((_, q) =>
          q % (c.n + 1) === 0 ? 1 : 0,
        ),
      ),
    ).toBe(0);
  });
  it('throws typed errors on bad input', () => {
    const L = lapOf(fixture.heat[0]);
    expect(() => heatKernel(csrFromTriplets(2, 2, [0], [1], [1]), 1)).toThrow(NotSymmetricError);
    expect(() => heatKernel(L, -1)).toThrow(InvalidArgumentError);
    expect(() => heatKernel(L, 1, { method: 'pade' as 'exact' })).toThrow(InvalidArgumentError);
    expect(() => heatKernel(L, 1, { order: 2.5 })).toThrow(InvalidArgumentError);
    expect(() => heatKernel(L, 1).apply(new Float64Array(3))).toThrow(ShapeError);
    expect(() => heatKernel(L, 1).applyMatrix(matrix(3, 1))).toThrow(ShapeError);
    expect(() => heatChebyshevCoefficients(1, 0)).toThrow(InvalidArgumentError);
  });
});
