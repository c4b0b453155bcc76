import { InvalidArgumentError, NonFiniteError, SingularMatrixError } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cylinderSurface,
  ellipsoidSurface,
  type GeometricFeatures,
  geometricFeatures,
  parametricSurface,
  type Surface,
  sampleGrid,
  saddleSurface,
  sphereSurface,
  torusSurface,
  wingSurface,
} from './index.js';

const det2 = (m: { data: Float64Array }) => m.data[0] * m.data[3] - m.data[1] * m.data[2];
const rel = (a: number, b: number, scale = Math.abs(b)) =>
  Math.abs(a - b) / Math.max(scale, 1e-300);

// Analytic surfaces: every derivative is exact, so features carry only the rounding of a few
// dozen flops on O(1) numbers; 1e-12 (≈ 5000 ulp) relative covers the curvature formulas,
// whose divisions by det g lose a few digits where the metric is less well conditioned.
const TOL = 1e-12;

const lat = fc.double({ min: -1.4, max: 1.4, noNaN: true });
const ang = fc.double({ min: -10, max: 10, noNaN: true });

describe('geometricFeatures(sphereSurface({ radius }), u, v)', () => {
  it('K = 1/R², H = −1/R, κ₁ = κ₂ = −1/R, R_1212 = K det g at random points', () => {
    fc.assert(
      fc.property(ang, lat, fc.double({ min: 0.1, max: 10, noNaN: true }), (u, v, R) => {
        const f = geometricFeatures(sphereSurface({ radius: R }), u, v);
        expect(rel(f.gaussianCurvature, 1 / R ** 2)).toBeLessThan(TOL);
        expect(rel(f.meanCurvature, -1 / R)).toBeLessThan(TOL);
        expect(rel(f.principalCurvatures[0], -1 / R)).toBeLessThan(TOL);
        expect(rel(f.principalCurvatures[1], -1 / R)).toBeLessThan(TOL);
        expect(rel(f.riemann1212, det2(f.metric) / R ** 2)).toBeLessThan(TOL);
        expect(rel(f.areaElement, R * R * Math.cos(v))).toBeLessThan(TOL);
      }),
    );
  });
  it('Christoffel symbols: Γ¹₁₂ = −tan v, Γ²₁₁ = sin v cos v, the others 0', () => {
    fc.assert(
      fc.property(ang, lat, (u, v) => {
        const f = geometricFeatures(sphereSurface({ radius: 3 }), u, v);
        const [G1, G2] = f.christoffel;
        expect(G1.data[1]).toBeCloseTo(-Math.tan(v), 11);
        expect(G1.data[2]).toBe(G1.data[1]);
        expect(G2.data[0]).toBeCloseTo(Math.sin(v) * Math.cos(v), 12);
        for (const z of [G1.data[0], G1.data[3], G2.data[1], G2.data[3]])
          expect(Math.abs(z)).toBeLessThan(1e-12 * (1 + Math.abs(Math.tan(v))));
      }),
    );
  });
  it('the normal points outwards and is orthogonal to r_u, r_v', () => {
    const f = geometricFeatures(sphereSurface({ radius: 2 }), 0.7, -0.3);
    const p = f.point;
    const dot = (p[0] * f.normal[0] + p[1] * f.normal[1] + p[2] * f.normal[2]) / 2;
    expect(dot).toBeCloseTo(1, 14);
  });
});

describe('geometricFeatures(cylinderSurface({ radius }), u, v)', () => {
  it('K = 0, H = −1/(2R), κ = (0, −1/R), Christoffel symbols 0', () => {
    fc.assert(
      fc.property(ang, ang, fc.double({ min: 0.1, max: 10, noNaN: true }), (u, v, R) => {
        const f = geometricFeatures(cylinderSurface({ radius: R }), u, v);
        expect(Math.abs(f.gaussianCurvature)).toBeLessThan(TOL / R ** 2);
        expect(rel(f.meanCurvature, -1 / (2 * R))).toBeLessThan(TOL);
        expect(Math.abs(f.principalCurvatures[0])).toBeLessThan(TOL / R);
        expect(rel(f.principalCurvatures[1], -1 / R)).toBeLessThan(TOL);
        for (const G of f.christoffel)
          for (const z of G.data) expect(Math.abs(z)).toBeLessThan(TOL);
        // the κ₂ direction is along the circle, the κ₁ direction along the axis
        expect(Math.abs(f.principalDirections[0][2])).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('geometricFeatures(torusSurface({ majorRadius: R, minorRadius: r }), u, v)', () => {
  it('K = cos v / (r(R + r cos v)), H = −(R + 2r cos v)/(2r(R + r cos v)), Christoffel of a surface of revolution', () => {
    fc.assert(
      fc.property(ang, ang, fc.double({ min: 0.1, max: 0.9, noNaN: true }), (u, v, ratio) => {
        const R = 2;
        const r = ratio * R;
        const f = geometricFeatures(torusSurface({ majorRadius: R, minorRadius: r }), u, v);
        const rho = R + r * Math.cos(v);
        const K = Math.cos(v) / (r * rho);
        const H = -(R + 2 * r * Math.cos(v)) / (2 * r * rho);
        const scale = 1 / (r * (R - r)); // the largest |K| on this torus
        expect(Math.abs(f.gaussianCurvature - K)).toBeLessThan(TOL * scale);
        expect(rel(f.meanCurvature, H)).toBeLessThan(TOL);
        const k = [-1 / r, -Math.cos(v) / rho].sort((a, b) => b - a);
        expect(Math.abs(f.principalCurvatures[0] - k[0])).toBeLessThan(TOL / r);
        expect(Math.abs(f.principalCurvatures[1] - k[1])).toBeLessThan(TOL / r);
        // g = diag(ρ², r²): Γ¹₁₂ = ρ_v/ρ = −r sin v/ρ, Γ²₁₁ = −ρρ_v/r² = ρ sin v / r
        expect(f.christoffel[0].data[1]).toBeCloseTo((-r * Math.sin(v)) / rho, 12);
        expect(f.christoffel[1].data[0]).toBeCloseTo((rho * Math.sin(v)) / r, 11);
      }),
    );
  });
});

describe('geometricFeatures(saddleSurface({ a }), u, v)', () => {
  it('K = −4a²/W⁴ and H = 4a³(v² − u²)/W³ with W² = 1 + 4a²(u² + v²)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        (u, v, a) => {
          const f = geometricFeatures(saddleSurface({ a }), u, v);
          const W2 = 1 + 4 * a * a * (u * u + v * v);
          expect(rel(f.gaussianCurvature, (-4 * a * a) / (W2 * W2))).toBeLessThan(TOL);
          const H = (4 * a ** 3 * (v * v - u * u)) / W2 ** 1.5;
          expect(Math.abs(f.meanCurvature - H)).toBeLessThan(TOL * 2 * a);
        },
      ),
    );
  });
});

describe('geometricFeatures(ellipsoidSurface({ a, b, c }), u, v)', () => {
  it('K = 1/(a²b²c² h⁴) and H = (|p|² − a² − b² − c²)/(2a²b²c² h³), h² = x²/a⁴ + y²/b⁴ + z²/c⁴', () => {
    const axis = fc.double({ min: 0.3, max: 3, noNaN: true });
    fc.assert(
      fc.property(ang, lat, axis, axis, axis, (u, v, a, b, c) => {
        const f = geometricFeatures(ellipsoidSurface({ a, b, c }), u, v);
        const [x, y, z] = f.point;
        const h2 = (x * x) / a ** 4 + (y * y) / b ** 4 + (z * z) / c ** 4;
        const abc2 = (a * b * c) ** 2;
        expect(rel(f.gaussianCurvature, 1 / (abc2 * h2 * h2))).toBeLessThan(1e-11);
        const H = (x * x + y * y + z * z - a * a - b * b - c * c) / (2 * abc2 * h2 ** 1.5);
        expect(rel(f.meanCurvature, H)).toBeLessThan(1e-11);
      }),
    );
  });
});

/** K from the metric field alone (Brioschi), its derivatives by finite differences of g. */
function brioschi(s: Surface, u: number, v: number, h: number): number {
  const g = (a: number, b: number) => {
    const m = geometricFeatures(s, a, b).metric.data;
    return [m[0], m[1], m[3]];
  };
  // central differences with one Richardson step (O(h⁴))
  const d1 = (k: number, du: number, dv: number) => {
    const D = (t: number) =>
      (g(u + t * du, v + t * dv)[k] - g(u - t * du, v - t * dv)[k]) / (2 * t);
    return (4 * D(h / 2) - D(h)) / 3;
  };
  const d2 = (k: number, du: number, dv: number) => {
    const c = g(u, v)[k];
    const D = (t: number) =>
      (g(u + t * du, v + t * dv)[k] - 2 * c + g(u - t * du, v - t * dv)[k]) / (t * t);
    return (4 * D(h / 2) - D(h)) / 3;
  };
  const dmix = (k: number) => {
    const D = (t: number) =>
      (g(u + t, v + t)[k] - g(u + t, v - t)[k] - g(u - t, v + t)[k] + g(u - t, v - t)[k]) /
      (4 * t * t);
    return (4 * D(h / 2) - D(h)) / 3;
  };
  const [E, F, G] = g(u, v);
  const Eu = d1(0, 1, 0);
  const Ev = d1(0, 0, 1);
  const Fu = d1(1, 1, 0);
  const Fv = d1(1, 0, 1);
  const Gu = d1(2, 1, 0);
  const Gv = d1(2, 0, 1);
  const Evv = d2(0, 0, 1);
  const Guu = d2(2, 1, 0);
  const Fuv = dmix(1);
  const det3 = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const A = [
    [-0.5 * Evv + Fuv - 0.5 * Guu, 0.5 * Eu, Fu - 0.5 * Ev],
    [Fv - 0.5 * Gu, E, F],
    [0.5 * Gv, F, G],
  ];
  const B = [
    [0, 0.5 * Ev, 0.5 * Gu],
    [0.5 * Ev, E, F],
    [0.5 * Gu, F, G],
  ];
  return (det3(A) - det3(B)) / (E * G - F * F) ** 2;
}

describe('Theorema Egregium: the intrinsic K equals det II / det I', () => {
  const surfaces: [string, Surface][] = [
    ['torus', torusSurface({ majorRadius: 2, minorRadius: 0.7 })],
    ['ellipsoid', ellipsoidSurface({ a: 2, b: 1.3, c: 0.8 })],
    ['saddle', saddleSurface({ a: 0.8 })],
    // a non-orthogonal parametrization, derivatives by Richardson differences
    [
      'sheared Monge patch',
      parametricSurface((u, v) => [u + 0.3 * v, v, Math.sin(u) * Math.cos(0.7 * v) + 0.2 * u * v]),
    ],
  ];
  for (const [name, s] of surfaces) {
    it(`${name}: riemann1212 / det g (Christoffel route) = gaussianCurvature (shape operator)`, () => {
      fc.assert(
        fc.property(ang, fc.double({ min: -1.2, max: 1.2, noNaN: true }), (u, v) => {
          const f = geometricFeatures(s, u, v);
          const K = f.gaussianCurvature;
          // Richardson derivatives are good to ~1e-11 absolute (see parametric-surface tests)
          const tol = s.kind === 'parametric' && s.derivatives === 'analytic' ? 1e-11 : 1e-8;
          expect(Math.abs(f.riemann1212 / det2(f.metric) - K)).toBeLessThan(
            tol * (1 + Math.abs(K)),
          );
        }),
        { numRuns: 60 },
      );
    });
    it(`${name}: the Brioschi formula on finite differences of the metric alone gives K`, () => {
      for (const [u, v] of [
        [0.3, 0.4],
        [-1.1, 0.9],
        [2.5, -0.7],
      ]) {
        const f = geometricFeatures(s, u, v);
        // metric second derivatives at h = 0.02 with one Richardson step: truncation
        // ~h⁴ ≈ 1.6e-7, rounding ~ε/h² ≈ 1e-12 (the metric itself carries Richardson errors
        // ~1e-11 for the sheared patch, amplified by 1/h² ≈ 2.5e3)
        expect(Math.abs(brioschi(s, u, v, 0.02) - f.gaussianCurvature)).toBeLessThan(
          1e-6 * (1 + Math.abs(f.gaussianCurvature)),
        );
      }
    });
  }
});

function checkPrincipal(f: GeometricFeatures): void {
  const b = f.secondForm.data;
  const ginv = f.metricInverse.data;
  const n = f.normal;
  for (let i = 0; i < 2; i++) {
    const d = f.principalDirections[i];
    expect(Math.hypot(d[0], d[1], d[2])).toBeCloseTo(1, 13);
    expect(Math.abs(d[0] * n[0] + d[1] * n[1] + d[2] * n[2])).toBeLessThan(1e-13);
  }
  const [d1, d2] = f.principalDirections;
  expect(Math.abs(d1[0] * d2[0] + d1[1] * d2[1] + d1[2] * d2[2])).toBeLessThan(1e-13);
  // Weingarten: in coordinates d = a r_u + b r_v, the shape operator g⁻¹II maps (a, b) to κ(a, b).
  // Recover (a, b) from d by the metric: (a, b) = g⁻¹ (d·r_u, d·r_v); d·r_u etc. via the frame.
  const s11 = ginv[0] * b[0] + ginv[1] * b[2];
  const s12 = ginv[0] * b[1] + ginv[1] * b[3];
  const s21 = ginv[2] * b[0] + ginv[3] * b[2];
  const s22 = ginv[2] * b[1] + ginv[3] * b[3];
  const trace = s11 + s22;
  const det = s11 * s22 - s12 * s21;
  const [k1, k2] = f.principalCurvatures;
  const scale = Math.abs(k1) + Math.abs(k2) + 1e-300;
  expect(Math.abs(k1 + k2 - trace)).toBeLessThan(1e-12 * scale);
  expect(Math.abs(k1 * k2 - det)).toBeLessThan(1e-12 * scale * scale);
  expect(k1).toBeGreaterThanOrEqual(k2);
  expect(Math.abs(2 * f.meanCurvature - trace)).toBeLessThan(1e-12 * scale);
  expect(Math.abs(f.gaussianCurvature - det)).toBeLessThan(1e-12 * scale * scale);
}

describe('principal curvatures and directions', () => {
  it('κ₁ + κ₂ = tr(g⁻¹II), κ₁κ₂ = det(g⁻¹II), unit orthogonal tangent directions (ellipsoid, saddle)', () => {
    fc.assert(
      fc.property(ang, lat, (u, v) => {
        checkPrincipal(geometricFeatures(ellipsoidSurface({ a: 2, b: 1, c: 0.5 }), u, v));
        checkPrincipal(geometricFeatures(saddleSurface(), u / 3, v));
      }),
    );
  });
  it('the normal curvature II(d, d)/I(d, d) in direction d₁ is κ₁ (ellipsoid)', () => {
    const s = ellipsoidSurface({ a: 2, b: 1, c: 0.5 });
    const f = geometricFeatures(s, 0.4, 0.3);
    // d₁ = a r_u + b r_v: solve with r_u, r_v from a finite difference of positions
    const h = 1e-6;
    const p0 = s.position(0.4, 0.3);
    const pu = s.position(0.4 + h, 0.3);
    const pv = s.position(0.4, 0.3 + h);
    const ru = [0, 1, 2].map((t) => (pu[t] - p0[t]) / h);
    const rv = [0, 1, 2].map((t) => (pv[t] - p0[t]) / h);
    for (let i = 0; i < 2; i++) {
      const d = f.principalDirections[i];
      const du = d[0] * ru[0] + d[1] * ru[1] + d[2] * ru[2];
      const dv = d[0] * rv[0] + d[1] * rv[1] + d[2] * rv[2];
      const gi = f.metricInverse.data;
      const a = gi[0] * du + gi[1] * dv;
      const b = gi[2] * du + gi[3] * dv;
      const II = f.secondForm.data;
      const I = f.metric.data;
      const kn =
        (II[0] * a * a + 2 * II[1] * a * b + II[3] * b * b) /
        (I[0] * a * a + 2 * I[1] * a * b + I[3] * b * b);
      // forward differences of step 1e-6 carry ~1e-6 relative error into (a, b)
      expect(kn).toBeCloseTo(f.principalCurvatures[i], 5);
    }
  });
  it('at an umbilic (sphere) the directions are still an orthonormal tangent frame', () => {
    checkPrincipal(geometricFeatures(sphereSurface(), 1, 0.5));
  });
});

describe('geometricFeatures: bad input', () => {
  it('throws SingularMatrixError at a pole (singular metric)', () => {
    expect(() => geometricFeatures(sphereSurface(), 0.3, Math.PI / 2)).toThrow(SingularMatrixError);
    expect(() => geometricFeatures(sphereSurface(), 0.3, Math.PI / 2)).toThrow(
      /geometricFeatures\(\): the metric is singular/,
    );
  });
  it('throws NonFiniteError when r is not finite nearby', () => {
    const s = parametricSurface((u, v) => [u, v, Math.sqrt(u)]);
    expect(() => geometricFeatures(s, 0, 0)).toThrow(NonFiniteError);
  });
  it('throws InvalidArgumentError on non-finite parameters or something that is not a surface', () => {
    expect(() => geometricFeatures(sphereSurface(), Number.NaN, 0)).toThrow(InvalidArgumentError);
    expect(() => geometricFeatures(sphereSurface(), 0, Number.POSITIVE_INFINITY)).toThrow(
      /v must be a finite number/,
    );
    expect(() => geometricFeatures({} as Surface, 0, 0)).toThrow(InvalidArgumentError);
  });
  it('a wing at its closed trailing edge: singular in the smooth section parameter, a large finite crease on a grid', () => {
    // u ↦ section point has zero speed at the crease, as any smooth closed parametrization of a corner must
    expect(() => geometricFeatures(wingSurface(), 0, 0.5)).toThrow(SingularMatrixError);
    const g = sampleGrid(wingSurface(), {
      nu: 64,
      nv: 9,
      uRange: [0, 2 * Math.PI],
      vRange: [0, 1],
      periodicU: true,
    });
    const te = geometricFeatures(g, 0, 0.5);
    const smooth = geometricFeatures(g, 48 * g.du, 0.5);
    expect(Number.isFinite(te.meanCurvature)).toBe(true);
    expect(Math.abs(te.meanCurvature)).toBeGreaterThan(10 * Math.abs(smooth.meanCurvature));
  });
});
