// Round sphere in longitude–latitude coordinates (do Carmo 1976, §2-2, Example 1).
import { checkOptions, checkPositive } from '@rg/linalg';
import { analyticSurface } from '../internal/analytic.js';
import type { ParametricSurface } from '../surface.js';
import { ellipsoidJet } from './ellipsoid-surface.js';

/** Options of {@link sphereSurface}. */
export interface SphereOptions {
  /** radius (default 1) */
  radius?: number;
}

/**
 * The sphere of radius R as r(u, v) = R (cos u cos v, sin u cos v, sin v), u the longitude,
 * v ∈ (−π/2, π/2) the latitude (singular at the poles). Exact derivatives; the normal points
 * outwards, so K = 1/R² and H = −1/R.
 *
 * @param options - `{ radius }` (default 1)
 * @returns a {@link ParametricSurface}
 * @throws {InvalidArgumentError} when the radius is not a positive finite number
 * @example
 * const f = geometricFeatures(sphereSurface({ radius: 2 }), 1, 0.5);
 * f.gaussianCurvature // => ~0.25
 * f.christoffel[0].data[1] // => ~-0.546302
 */
export function sphereSurface(options: SphereOptions = {}): ParametricSurface {
  const { radius = 1 } = checkOptions('sphereSurface', 'options', options);
  checkPositive('sphereSurface', 'radius', radius);
  return analyticSurface(ellipsoidJet(radius, radius, radius));
}
