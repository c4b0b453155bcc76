// Geodesics of a surface from the geodesic equation ü^k + Γ^k_ij u̇^i u̇^j = 0, integrated by
// the classical fourth-order Runge–Kutta method (do Carmo 1976, §4-4; Hairer, Nørsett &
// Wanner, "Solving Ordinary Differential Equations I", §II.1).
import { checkInteger, checkPositive, InvalidArgumentError, SingularMatrixError } from '@rg/linalg';
import { JET_LENGTH, jetChristoffel, jetMetric } from './internal/jet-features.js';
import {
  assertFiniteJet,
  assertParameter,
  assertSurface,
  insideDomain,
} from './internal/validate-surface.js';
import type { Surface } from './surface.js';

/** Options of {@link surfaceGeodesic}. */
export interface SurfaceGeodesicOptions {
  /** start parameter u */
  u0: number;
  /** start parameter v */
  v0: number;
  /** initial direction in parameter space (du/dt); rescaled to unit speed */
  du0: number;
  /** initial direction (dv/dt) */
  dv0: number;
  /** arc length to travel (> 0) */
  length: number;
  /** Runge–Kutta steps (default 256); the step in arc length is length/steps */
  steps?: number;
}

/** Result of {@link surfaceGeodesic}: samples after each step (the start included). */
export interface SurfaceGeodesicResult {
  /** parameters u at the samples */
  u: Float64Array;
  /** parameters v at the samples */
  v: Float64Array;
  /** points r(u, v), 3 per sample */
  points: Float64Array;
  /** arc length s at each sample (i·length/steps) */
  arcLength: Float64Array;
  /** max over samples of |√(g(ẋ, ẋ)) − 1|: how far the speed drifted from 1 (an accuracy gauge) */
  speedError: number;
  /** why it stopped: the full length, the edge of a grid, or a singular metric ahead */
  stopReason: 'length' | 'boundary' | 'singular';
}

/**
 * Integrate the geodesic equation ü^k = −Γ^k_ij u̇^i u̇^j from (u0, v0) in direction
 * (du0, dv0), scaled to unit speed so that the curve parameter is arc length, with `steps`
 * classical RK4 steps (global error O(h⁴)). On a grid the Christoffel symbols between nodes
 * come from the interpolated jets; the integration stops early (`stopReason: 'boundary'`)
 * before a step would leave an open grid axis, and (`'singular'`) before a step would meet a
 * singular metric (a pole of the parametrization). Periodic grid parameters are not wrapped
 * in the output.
 *
 * @param surface - a {@link ParametricSurface} or {@link GridSurface}
 * @param options - `{ u0, v0, du0, dv0, length, steps = 256 }`
 * @returns the sampled geodesic ({@link SurfaceGeodesicResult})
 * @throws {SingularMatrixError} when the metric is singular at the start
 * @throws {InvalidArgumentError} on a zero or non-finite direction, a bad length or step count, or a start outside a grid
 * @throws {NonFiniteError} when the surface is not finite along the way
 * @example
 * // along the equator of the unit sphere: a great circle, u grows at unit rate
 * const g = surfaceGeodesic(sphereSurface(), { u0: 0, v0: 0, du0: 1, dv0: 0, length: Math.PI });
 * g.u[g.u.length - 1] // => ~3.1415927
 * g.v[g.v.length - 1] // => ~0.000000
 */
export function surfaceGeodesic(
  surface: Surface,
  options: SurfaceGeodesicOptions,
): SurfaceGeodesicResult {
  const fn = 'surfaceGeodesic';
  assertSurface(fn, 'surface', surface);
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { u0, v0, du0, dv0, length } are required`);
  const { u0, v0, du0, dv0, length } = options;
  const steps = options.steps ?? 256;
  assertParameter(fn, surface, u0, v0);
  for (const [name, x] of [
    ['du0', du0],
    ['dv0', dv0],
  ] as const)
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new InvalidArgumentError(`${fn}(): ${name} must be a finite number (got ${x})`);
  if (du0 === 0 && dv0 === 0)
    throw new InvalidArgumentError(`${fn}(): (du0, dv0) must not be the zero vector`);
  checkPositive(fn, 'length', length);
  checkInteger(fn, 'steps', steps, 1);

  const jet = new Float64Array(JET_LENGTH);
  const gam = new Float64Array(6);
  const met = new Float64Array(3);
  surface.jet(u0, v0, jet, 0);
  assertFiniteJet(fn, jet, 0, u0, v0);
  if (!jetChristoffel(jet, 0, gam))
    throw new SingularMatrixError(
      `${fn}(): the metric is singular at the start (u, v) = (${u0}, ${v0})`,
    );
  jetMetric(jet, 0, met);
  const speed0 = Math.sqrt(met[0] * du0 * du0 + 2 * met[1] * du0 * dv0 + met[2] * dv0 * dv0);
  const h = length / steps;

  const us = new Float64Array(steps + 1);
  const vs = new Float64Array(steps + 1);
  const pts = new Float64Array(3 * (steps + 1));
  const arc = new Float64Array(steps + 1);
  const state = Float64Array.of(u0, v0, du0 / speed0, dv0 / speed0);
  us[0] = u0;
  vs[0] = v0;
  pts.set(jet.subarray(0, 3), 0);
  let speedError = 0;
  let taken = 0;
  let stopReason: SurfaceGeodesicResult['stopReason'] = 'length';

  const k = [new Float64Array(4), new Float64Array(4), new Float64Array(4), new Float64Array(4)];
  const y = new Float64Array(4);
  // derivative of the state at y into d; false when outside the domain or singular
  const rhs = (yy: Float64Array, d: Float64Array): 'ok' | 'boundary' | 'singular' => {
    if (!insideDomain(surface, yy[0], yy[1])) return 'boundary';
    surface.jet(yy[0], yy[1], jet, 0);
    assertFiniteJet(fn, jet, 0, yy[0], yy[1]);
    if (!jetChristoffel(jet, 0, gam)) return 'singular';
    const p = yy[2];
    const q = yy[3];
    d[0] = p;
    d[1] = q;
    d[2] = -(gam[0] * p * p + 2 * gam[1] * p * q + gam[2] * q * q);
    d[3] = -(gam[3] * p * p + 2 * gam[4] * p * q + gam[5] * q * q);
    return 'ok';
  };
  outer: for (let s = 0; s < steps; s++) {
    const fracs = [0, 0.5, 0.5, 1];
    for (let st = 0; st < 4; st++) {
      for (let t = 0; t < 4; t++) y[t] = state[t] + (st === 0 ? 0 : fracs[st] * h * k[st - 1][t]);
      const r = rhs(y, k[st]);
      if (r !== 'ok') {
        stopReason = r;
        break outer;
      }
    }
    for (let t = 0; t < 4; t++)
      state[t] += (h / 6) * (k[0][t] + 2 * k[1][t] + 2 * k[2][t] + k[3][t]);
    if (!insideDomain(surface, state[0], state[1])) {
      stopReason = 'boundary';
      break;
    }
    surface.jet(state[0], state[1], jet, 0);
    assertFiniteJet(fn, jet, 0, state[0], state[1]);
    jetMetric(jet, 0, met);
    const p = state[2];
    const q = state[3];
    const sp = Math.sqrt(met[0] * p * p + 2 * met[1] * p * q + met[2] * q * q);
    speedError = Math.max(speedError, Math.abs(sp - 1));
    taken = s + 1;
    us[taken] = state[0];
    vs[taken] = state[1];
    arc[taken] = taken * h;
    pts.set(jet.subarray(0, 3), 3 * taken);
  }
  return {
    u: us.slice(0, taken + 1),
    v: vs.slice(0, taken + 1),
    points: pts.slice(0, 3 * (taken + 1)),
    arcLength: arc.slice(0, taken + 1),
    speedError,
    stopReason,
  };
}
