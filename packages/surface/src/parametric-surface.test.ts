import { InvalidArgumentError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ellipsoidSurface,
  geometricFeatures,
  parametricSurface,
  saddleSurface,
  torusSurface,
} from './index.js';

const jetOf = (s: ReturnType<typeof parametricSurface>, u: number, v: number) => {
  const j = new Float64Array(18);
  s.jet(u, v, j, 0);
  return j;
};

describe('parametricSurface(r) derivatives by Richardson extrapolation', () => {
  // the same position functions as the analytic generators, with the generators' exact jets as the reference
  const cases = [
    ['torus', torusSurface({ majorRadius: 2, minorRadius: 0.7 })],
    ['ellipsoid', ellipsoidSurface({ a: 2, b: 1.2, c: 0.6 })],
    ['saddle', saddleSurface({ a: 0.7 })],
  ] as const;
  for (const [name, exact] of cases) {
    it(`${name}: first derivatives within 1e-12, second within 1e-10 of the exact ones`, () => {
      const fd = parametricSurface((u, v) => exact.position(u, v));
      expect(fd.derivatives).toBe('richardson');
      let e1 = 0;
      let e2 = 0;
      fc.assert(
        fc.property(
          fc.double({ min: -7, max: 7, noNaN: true }),
          fc.double({ min: -1.3, max: 1.3, noNaN: true }),
          (u, v) => {
            const a = jetOf(fd, u, v);
            const b = jetOf(exact as ReturnType<typeof parametricSurface>, u, v);
            for (let t = 0; t < 3; t++) expect(a[t]).toBe(b[t]);
            for (let t = 3; t < 9; t++) e1 = Math.max(e1, Math.abs(a[t] - b[t]));
            for (let t = 9; t < 18; t++) e2 = Math.max(e2, Math.abs(a[t] - b[t]));
          },
        ),
        { numRuns: 200 },
      );
      // measured on this machine: e1 ≈ 1e-13, e2 ≈ 1e-11 (|r| ≤ 3); the bounds leave 10x
      expect(e1).toBeLessThan(1e-12);
      expect(e2).toBeLessThan(1e-10);
    });
  }
  it('the features of the differenced torus match the exact ones to 1e-9', () => {
    const exact = torusSurface();
    const fd = parametricSurface((u, v) => exact.position(u, v));
    for (const [u, v] of [
      [0.1, 0.2],
      [3, -2],
      [-5, 1.5],
    ]) {
      const a = geometricFeatures(fd, u, v);
      const b = geometricFeatures(exact, u, v);
      expect(Math.abs(a.gaussianCurvature - b.gaussianCurvature)).toBeLessThan(1e-9);
      expect(Math.abs(a.meanCurvature - b.meanCurvature)).toBeLessThan(1e-9);
      for (let k = 0; k < 2; k++)
        for (let t = 0; t < 4; t++)
          expect(Math.abs(a.christoffel[k].data[t] - b.christoffel[k].data[t])).toBeLessThan(1e-9);
    }
  });
  it('the truncation error falls like h⁶: halving step divides the second-derivative error by ~64', () => {
    const exact = torusSurface();
    const ref = jetOf(exact as ReturnType<typeof parametricSurface>, 0.4, 0.9);
    const err = (step: number) => {
      const j = jetOf(
        parametricSurface((u, v) => exact.position(u, v), { step }),
        0.4,
        0.9,
      );
      let e = 0;
      for (let t = 9; t < 18; t++) e = Math.max(e, Math.abs(j[t] - ref[t]));
      return e;
    };
    // large steps, where truncation dominates rounding
    const ratio = err(0.4) / err(0.2);
    expect(Math.log2(ratio)).toBeGreaterThan(5.5);
    expect(Math.log2(ratio)).toBeLessThan(6.5);
  });
});

describe('parametricSurface(r, { derivatives })', () => {
  it('uses the supplied derivatives exactly', () => {
    const s = parametricSurface((u, v) => [u, v, u * v], {
      derivatives: (u, v) => ({
        ru: [1, 0, v],
        rv: [0, 1, u],
        ruu: [0, 0, 0],
        ruv: [0, 0, 1],
        rvv: [0, 0, 0],
      }),
    });
    expect(s.derivatives).toBe('analytic');
    const f = geometricFeatures(s, 0.5, -0.25);
    // z = uv: K = −1/(1 + u² + v²)²
    expect(f.gaussianCurvature).toBeCloseTo(-1 / (1 + 0.25 + 0.0625) ** 2, 14);
  });
  it('rejects a non-function r or derivatives and a bad step', () => {
    expect(() => parametricSurface(3 as never)).toThrow(InvalidArgumentError);
    expect(() => parametricSurface((u, v) => [u, v, 0], { derivatives: 1 as never })).toThrow(
      /derivatives must be a function/,
    );
    expect(() => parametricSurface((u, v) => [u, v, 0], { step: 0 })).toThrow(
      /step must be a finite number > 0/,
    );
  });
});
