import { InvalidArgumentError, NonFiniteError, ShapeError, SingularMatrixError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import fixture from '../test/fixtures/grid-features.json' with { type: 'json' };
import {
  type GridFeatures,
  geometricFeatures,
  gridFeatures,
  gridSurface,
  sampleGrid,
  sphereSurface,
  torusSurface,
} from './index.js';

type FeatureKey = Exclude<keyof GridFeatures, 'nu' | 'nv' | 'degenerate' | 'point'>;

describe('gridFeatures(gridSurface(points, options)) against NumPy (test/fixtures/gen_grid_features.py)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: every feature at every node, boundaries included`, () => {
      const g = gridSurface(Float64Array.from(c.points), {
        nu: c.nu,
        nv: c.nv,
        periodicU: c.periodicU,
        periodicV: c.periodicV,
        du: c.du,
        dv: c.dv,
        u0: c.u0,
        v0: c.v0,
        order: c.order as 2 | 4 | 6,
      });
      const f = gridFeatures(g);
      for (const [key, want] of Object.entries(c.expected) as [FeatureKey, number[]][]) {
        const got = f[key];
        expect(got.length).toBe(want.length);
        let scale = 0;
        for (const w of want) scale = Math.max(scale, Math.abs(w));
        // the same stencils with weights from two methods (Fornberg's recursion vs exact
        // rationals, equal to ~1 ulp) and different summation orders and formulas: second
        // differences lose ~log10(1/h²) digits, the curvature algebra a few more
        for (let k = 0; k < want.length; k++)
          expect(Math.abs(got[k] - want[k]), `${key}[${k}]`).toBeLessThanOrEqual(1e-9 * scale);
      }
    });
  }
});

function maxErrors(order: 2 | 4 | 6, n: number, periodicV: boolean) {
  const tor = torusSurface({ majorRadius: 2, minorRadius: 0.7 });
  const g = sampleGrid(tor, {
    nu: n,
    nv: periodicV ? n / 2 : n / 2 + 1,
    uRange: [0, 2 * Math.PI],
    vRange: periodicV ? [0, 2 * Math.PI] : [-1, 1],
    periodicU: true,
    periodicV,
    order,
  });
  const f = gridFeatures(g);
  const e = { K: 0, H: 0, christoffel: 0, R1212: 0, metric: 0 };
  for (let i = 0; i < g.nu; i++)
    for (let j = 0; j < g.nv; j++) {
      const k = i * g.nv + j;
      const x = geometricFeatures(tor, g.u0 + i * g.du, g.v0 + j * g.dv);
      e.K = Math.max(e.K, Math.abs(f.gaussianCurvature[k] - x.gaussianCurvature));
      e.H = Math.max(e.H, Math.abs(f.meanCurvature[k] - x.meanCurvature));
      e.R1212 = Math.max(e.R1212, Math.abs(f.riemann1212[k] - x.riemann1212));
      const c = [0, 1, 3].flatMap((t) => [x.christoffel[0].data[t], x.christoffel[1].data[t]]);
      const got = [0, 1, 2].flatMap((t) => [
        f.christoffel[6 * k + t],
        f.christoffel[6 * k + 3 + t],
      ]);
      for (let t = 0; t < 6; t++) e.christoffel = Math.max(e.christoffel, Math.abs(got[t] - c[t]));
      for (const [t, s] of [
        [0, 0],
        [1, 1],
        [2, 3],
      ])
        e.metric = Math.max(e.metric, Math.abs(f.metric[3 * k + t] - x.metric.data[s]));
    }
  return e;
}

describe('grid features converge at the order of the stencils (torus sampled on grids)', () => {
  // measured max-norm errors against the analytic torus at n = 32 and 64 nodes around;
  // the open-v runs include every one-sided boundary stencil in the maximum
  for (const order of [2, 4, 6] as const)
    for (const periodicV of [true, false])
      it(`order ${order}, ${periodicV ? 'periodic' : 'open'} v: log₂(e(n)/e(2n)) ≈ ${order} for K, H, Γ, R_1212 and g`, () => {
        const a = maxErrors(order, 32, periodicV);
        const b = maxErrors(order, 64, periodicV);
        for (const key of Object.keys(a) as (keyof typeof a)[]) {
          const measured = Math.log2(a[key] / b[key]);
          expect(measured, `${key}: e32 ${a[key]}, e64 ${b[key]}`).toBeGreaterThan(order - 0.3);
          expect(measured, key).toBeLessThan(order + 0.6);
        }
      });
});

describe('gridFeatures(grid)', () => {
  const tor = torusSurface();
  const g = sampleGrid(tor, {
    nu: 24,
    nv: 13,
    uRange: [0, 2 * Math.PI],
    vRange: [-1, 1],
    periodicU: true,
  });
  it('matches geometricFeatures at each node (tensor stencil vs separable passes)', () => {
    const f = gridFeatures(g);
    for (const [i, j] of [
      [0, 0],
      [5, 12],
      [23, 6],
      [11, 1],
    ]) {
      const k = i * g.nv + j;
      const x = geometricFeatures(g, g.u0 + i * g.du, g.v0 + j * g.dv);
      // same weights, different summation order: rounding of second differences (~1e-14/h²)
      expect(f.gaussianCurvature[k]).toBeCloseTo(x.gaussianCurvature, 11);
      expect(f.meanCurvature[k]).toBeCloseTo(x.meanCurvature, 11);
      expect(f.riemann1212[k]).toBeCloseTo(x.riemann1212, 11);
      expect(f.christoffel[6 * k + 1]).toBeCloseTo(x.christoffel[0].data[1], 11);
      expect(f.principalCurvatures[2 * k]).toBeCloseTo(x.principalCurvatures[0], 11);
    }
  });
  it('between nodes, geometricFeatures interpolates the node jets (cubic, O(h⁴))', () => {
    const err = (n: number) => {
      const gg = sampleGrid(tor, {
        nu: n,
        nv: n,
        uRange: [0, 2 * Math.PI],
        vRange: [0, 2 * Math.PI],
        periodicU: true,
        periodicV: true,
      });
      let e = 0;
      for (const [u, v] of [
        [0.37, 1.11],
        [2.9, 4.4],
        [5.5, 0.05],
      ])
        e = Math.max(
          e,
          Math.abs(
            geometricFeatures(gg, u, v).gaussianCurvature -
              geometricFeatures(tor, u, v).gaussianCurvature,
          ),
        );
      return e;
    };
    const measured = Math.log2(err(32) / err(64));
    expect(measured).toBeGreaterThan(3.5);
  });
  it('∫∫ K dA over a periodic torus grid is 0 and over a sphere band is 4π sin(v₁) (total curvature = area of the Gauss image)', () => {
    const tg = sampleGrid(torusSurface(), {
      nu: 64,
      nv: 32,
      uRange: [0, 2 * Math.PI],
      vRange: [0, 2 * Math.PI],
      periodicU: true,
      periodicV: true,
    });
    const tf = gridFeatures(tg);
    let total = 0;
    for (let k = 0; k < tf.gaussianCurvature.length; k++)
      total += tf.gaussianCurvature[k] * tf.areaElement[k] * tg.du * tg.dv;
    // ∫K dA splits into ±(positive and negative curvature ≈ 4 each); rounding of ~2000 terms
    expect(Math.abs(total)).toBeLessThan(1e-10);
    const v1 = 1.2;
    const n = 65;
    const sg = sampleGrid(sphereSurface({ radius: 1.7 }), {
      nu: 64,
      nv: n,
      uRange: [0, 2 * Math.PI],
      vRange: [-v1, v1],
      periodicU: true,
    });
    const sf = gridFeatures(sg);
    // Simpson's rule in v, the periodic trapezoid rule in u
    let band = 0;
    for (let j = 0; j < n; j++) {
      const w = j === 0 || j === n - 1 ? 1 : j % 2 ? 4 : 2;
      for (let i = 0; i < sg.nu; i++) {
        const k = i * n + j;
        band += ((w * sg.dv) / 3) * sg.du * sf.gaussianCurvature[k] * sf.areaElement[k];
      }
    }
    // Simpson error ~ dv⁴/180 ≈ 1e-8; the order-4 stencils err by O(du⁴) with du = 2π/64,
    // du⁴ ≈ 9e-5 (measured 2.5e-5 here, 1e-5 relative to the exact 11.71)
    expect(Math.abs(band - 4 * Math.PI * Math.sin(v1))).toBeLessThan(1e-4);
  });
  it("onDegenerate: a sphere grid through the poles throws, or with 'zero' lists the pole rows and stays finite", () => {
    const sg = sampleGrid(sphereSurface(), {
      nu: 16,
      nv: 9,
      uRange: [0, 2 * Math.PI],
      vRange: [-Math.PI / 2, Math.PI / 2],
      periodicU: true,
    });
    expect(() => gridFeatures(sg)).toThrow(SingularMatrixError);
    expect(() => gridFeatures(sg)).toThrow(/onDegenerate: 'zero'/);
    const f = gridFeatures(sg, { onDegenerate: 'zero' });
    expect(Array.from(f.degenerate)).toEqual(
      Array.from({ length: 16 }, (_, i) => [9 * i, 9 * i + 8]).flat(),
    );
    for (const a of [f.gaussianCurvature, f.meanCurvature, f.christoffel, f.normal])
      for (const x of a) expect(Number.isFinite(x)).toBe(true);
    expect(f.gaussianCurvature[0]).toBe(0);
    // the equator node of a coarse grid (h = π/8, h⁴ ≈ 0.02): K = 1 up to the stencils' error
    expect(Math.abs(f.gaussianCurvature[4] - 1)).toBeLessThan(0.01);
  });
  it('{ out } overwrites a previous result of the same size, and rejects one of another size', () => {
    const a = gridFeatures(g);
    const other = sampleGrid(torusSurface({ majorRadius: 3 }), {
      nu: 24,
      nv: 13,
      uRange: [0, 2 * Math.PI],
      vRange: [-1, 1],
      periodicU: true,
    });
    const b = gridFeatures(other, { out: a });
    expect(b).toBe(a);
    const fresh = gridFeatures(other);
    expect(Array.from(b.gaussianCurvature)).toEqual(Array.from(fresh.gaussianCurvature));
    expect(Array.from(b.principalDirections)).toEqual(Array.from(fresh.principalDirections));
    const small = sampleGrid(torusSurface(), {
      nu: 12,
      nv: 13,
      uRange: [0, 2 * Math.PI],
      vRange: [-1, 1],
      periodicU: true,
    });
    expect(() => gridFeatures(small, { out: a })).toThrow(ShapeError);
  });
  it('rejects unknown options and non-grid surfaces', () => {
    expect(() => gridFeatures(g, { onDegenerate: 'skip' as never })).toThrow(InvalidArgumentError);
    expect(() => gridFeatures(torusSurface() as never)).toThrow(/grid must be a grid surface/);
  });
});

describe('gridSurface(points, options): bad input', () => {
  it('ShapeError when points.length ≠ 3·nu·nv', () => {
    expect(() => gridSurface(new Float64Array(3 * 50), { nu: 7, nv: 7 })).toThrow(ShapeError);
    expect(() => gridSurface(new Float64Array(3 * 50), { nu: 7, nv: 7 })).toThrow(
      /nu·nv = 7·7 nodes need 147/,
    );
  });
  it('ShapeError when an axis is shorter than the stencils', () => {
    expect(() => gridSurface(new Float64Array(3 * 5 * 10), { nu: 5, nv: 10 })).toThrow(
      /nu must be ≥ 6 for order-4/,
    );
    expect(() => gridSurface(new Float64Array(3 * 7 * 10), { nu: 7, nv: 10, order: 6 })).toThrow(
      ShapeError,
    );
    expect(() =>
      gridSurface(new Float64Array(3 * 5 * 10), { nu: 5, nv: 10, periodicU: true }),
    ).not.toThrow();
    expect(() =>
      gridSurface(new Float64Array(3 * 3 * 10), { nu: 3, nv: 10, periodicU: true }),
    ).toThrow(ShapeError);
  });
  it('NonFiniteError on a non-finite coordinate; InvalidArgumentError on bad options', () => {
    const p = new Float64Array(3 * 36);
    p[40] = Number.NaN;
    expect(() => gridSurface(p, { nu: 6, nv: 6 })).toThrow(NonFiniteError);
    expect(() => gridSurface(new Float64Array(108), { nu: 6, nv: 6, order: 3 as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => gridSurface(new Float64Array(108), { nu: 6, nv: 6, du: 0 })).toThrow(
      /du must be a finite number > 0/,
    );
    expect(() => gridSurface(new Float64Array(108), { nu: 6.5, nv: 6 })).toThrow(
      /nu must be an integer ≥ 1/,
    );
  });
  it('geometricFeatures on a grid rejects parameters outside an open axis', () => {
    const gg = gridSurface(
      new Float64Array(3 * 64).map((_, k) => (k % 3 === 2 ? 0 : k)),
      {
        nu: 8,
        nv: 8,
      },
    );
    expect(() => geometricFeatures(gg, 7.5, 0)).toThrow(
      /u must lie in the grid's parameter range \[0, 7\]/,
    );
  });
});
