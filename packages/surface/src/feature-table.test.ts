import { InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  FEATURE_COLUMNS,
  featureTable,
  geometricFeatures,
  gridFeatures,
  sampleGrid,
  torusSurface,
} from './index.js';

describe('featureTable(features)', () => {
  const g = sampleGrid(torusSurface(), {
    nu: 12,
    nv: 8,
    uRange: [0, 2 * Math.PI],
    vRange: [-1, 1],
    periodicU: true,
  });
  const f = gridFeatures(g);
  it('grid features: one row per node, columns in FEATURE_COLUMNS order', () => {
    const t = featureTable(f);
    expect(t.columns).toEqual(FEATURE_COLUMNS);
    expect(t.data.rows).toBe(96);
    expect(t.data.cols).toBe(FEATURE_COLUMNS.length);
    const col = (name: string, k: number) => t.data.data[k * t.data.cols + t.columns.indexOf(name)];
    for (const k of [0, 17, 95]) {
      expect(col('z', k)).toBe(f.point[3 * k + 2]);
      expect(col('nx', k)).toBe(f.normal[3 * k]);
      expect(col('g22', k)).toBe(f.metric[3 * k + 2]);
      expect(col('b12', k)).toBe(f.secondForm[3 * k + 1]);
      expect(col('gamma2_11', k)).toBe(f.christoffel[6 * k + 3]);
      expect(col('K', k)).toBe(f.gaussianCurvature[k]);
      expect(col('k2', k)).toBe(f.principalCurvatures[2 * k + 1]);
      expect(col('R1212', k)).toBe(f.riemann1212[k]);
      expect(col('dA', k)).toBe(f.areaElement[k]);
    }
  });
  it('an array of geometricFeatures results gives the same rows', () => {
    const nodes = [3, 40, 77];
    const pts = nodes.map((k) => {
      const i = Math.floor(k / g.nv);
      return geometricFeatures(g, g.u0 + i * g.du, g.v0 + (k - i * g.nv) * g.dv);
    });
    const a = featureTable(pts);
    const b = featureTable(f);
    nodes.forEach((k, r) => {
      for (let c = 0; c < a.data.cols; c++)
        // tensor-product vs separable stencils: equal up to rounding
        expect(a.data.data[r * a.data.cols + c]).toBeCloseTo(b.data.data[k * b.data.cols + c], 11);
    });
  });
  it('rejects anything else', () => {
    expect(() => featureTable(3 as never)).toThrow(InvalidArgumentError);
    expect(() => featureTable([{}] as never)).toThrow(
      /features\[0\] is not a geometricFeatures\(\) result/,
    );
  });
});
