// Riemannian and extrinsic features of a surface at a point: first and second fundamental
// forms, Levi-Civita connection, curvatures (do Carmo 1976, §3-3, §4-3; the feature set of
// "Incorporating Riemannian Geometric Features for Learning Coefficient of Pressure
// Distributions on Airplane Wings").
import { type Matrix, SingularMatrixError } from '@rg/linalg';
import {
  F_AREA,
  F_CHRISTOFFEL,
  F_D1,
  F_D2,
  F_H,
  F_K,
  F_K1,
  F_K2,
  F_LENGTH,
  F_METRIC,
  F_METRIC_INV,
  F_NORMAL,
  F_R1212,
  F_SECOND,
  JET_LENGTH,
  jetFeatures,
} from './internal/jet-features.js';
import { assertFiniteJet, assertParameter, assertSurface } from './internal/validate-surface.js';
import type { Surface } from './surface.js';

/** The geometric features of a surface at one point (index 1 = u, 2 = v). */
export interface GeometricFeatures {
  /** r(u, v) */
  point: Float64Array;
  /** unit normal (r_u × r_v)/|r_u × r_v| */
  normal: Float64Array;
  /** first fundamental form g_ij = ∂_i r · ∂_j r (2×2) */
  metric: Matrix;
  /** g^{ij} (2×2) */
  metricInverse: Matrix;
  /** second fundamental form b_ij = ∂_i∂_j r · n, i.e. [[L, M], [M, N]] */
  secondForm: Matrix;
  /**
   * Christoffel symbols of the Levi-Civita connection: `christoffel[k]` is the symmetric 2×2
   * matrix of Γ^{k+1}_ij = ½ g^{kl}(∂_i g_jl + ∂_j g_il − ∂_l g_ij)
   */
  christoffel: [Matrix, Matrix];
  /** K = det II / det I = κ₁κ₂ */
  gaussianCurvature: number;
  /** H = ½ tr(g⁻¹ II) = (κ₁ + κ₂)/2, signed with respect to `normal` */
  meanCurvature: number;
  /** [κ₁, κ₂], κ₁ ≥ κ₂ */
  principalCurvatures: [number, number];
  /** unit tangent directions of κ₁ and κ₂ (orthogonal; (d₁, d₂, n) right-handed) */
  principalDirections: [Float64Array, Float64Array];
  /** R_1212 = g_{1κ} R^κ_212 of the Riemann tensor, from the Christoffel symbols; equals K·det g */
  riemann1212: number;
  /** area element √det g = |r_u × r_v| */
  areaElement: number;
}

const sym = (a: number, b: number, c: number): Matrix => ({
  rows: 2,
  cols: 2,
  data: Float64Array.of(a, b, b, c),
});

/** @internal turn a feature record into the public object */
export function featuresFromRecord(f: Float64Array, o: number): GeometricFeatures {
  const c = o + F_CHRISTOFFEL;
  return {
    point: f.slice(o, o + 3),
    normal: f.slice(o + F_NORMAL, o + F_NORMAL + 3),
    metric: sym(f[o + F_METRIC], f[o + F_METRIC + 1], f[o + F_METRIC + 2]),
    metricInverse: sym(f[o + F_METRIC_INV], f[o + F_METRIC_INV + 1], f[o + F_METRIC_INV + 2]),
    secondForm: sym(f[o + F_SECOND], f[o + F_SECOND + 1], f[o + F_SECOND + 2]),
    christoffel: [sym(f[c], f[c + 1], f[c + 2]), sym(f[c + 3], f[c + 4], f[c + 5])],
    gaussianCurvature: f[o + F_K],
    meanCurvature: f[o + F_H],
    principalCurvatures: [f[o + F_K1], f[o + F_K2]],
    principalDirections: [f.slice(o + F_D1, o + F_D1 + 3), f.slice(o + F_D2, o + F_D2 + 3)],
    riemann1212: f[o + F_R1212],
    areaElement: f[o + F_AREA],
  };
}

/**
 * All geometric features of a surface at parameter (u, v): point, unit normal, metric and
 * its inverse, second fundamental form, Christoffel symbols, Gaussian, mean and principal
 * curvatures with directions, and R_1212. K comes from the shape operator (extrinsic);
 * `riemann1212` comes from the Christoffel symbols and their derivatives alone (intrinsic),
 * so `riemann1212 / det g = K` is the Theorema Egregium, checked in the tests. On a grid,
 * (u, v) at a node uses the stencils there; elsewhere the node jets are interpolated.
 *
 * @param surface - a {@link ParametricSurface} or {@link GridSurface}
 * @param u - first parameter (on a grid: u0 + i·du for node i)
 * @param v - second parameter
 * @returns the {@link GeometricFeatures} at (u, v)
 * @throws {SingularMatrixError} when the metric is singular there (|r_u × r_v| ≤ 1e-8·max(|r_u|², |r_v|²): a pole, fold or collapsed edge)
 * @throws {NonFiniteError} when r or its derivatives are not finite there
 * @throws {InvalidArgumentError} on a non-finite parameter, a parameter outside a grid, or something that is not a surface
 * @example
 * const f = geometricFeatures(sphereSurface({ radius: 2 }), 0.3, 0.4);
 * f.gaussianCurvature // => ~0.25
 * f.meanCurvature // => ~-0.5
 * f.riemann1212 / (f.metric.data[0] * f.metric.data[3] - f.metric.data[1] ** 2) // => ~0.25
 * geometricFeatures(sphereSurface(), 0, Math.PI / 2) // => throws SingularMatrixError
 */
export function geometricFeatures(surface: Surface, u: number, v: number): GeometricFeatures {
  const fn = 'geometricFeatures';
  assertSurface(fn, 'surface', surface);
  assertParameter(fn, surface, u, v);
  const jet = new Float64Array(JET_LENGTH);
  surface.jet(u, v, jet, 0);
  assertFiniteJet(fn, jet, 0, u, v);
  const rec = new Float64Array(F_LENGTH);
  if (!jetFeatures(jet, 0, rec, 0))
    throw new SingularMatrixError(
      `${fn}(): the metric is singular at (u, v) = (${u}, ${v}): |r_u × r_v| ≤ 1e-8·max(|r_u|², |r_v|²) (a pole, fold or collapsed edge of the parametrization)`,
    );
  return featuresFromRecord(rec, 0);
}
