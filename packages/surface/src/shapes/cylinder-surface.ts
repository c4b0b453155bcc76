// Circular cylinder: a flat surface (K = 0) that is curved in space (do Carmo 1976, §2-2).
import { checkOptions, checkPositive } from '@rg/linalg';
import { analyticSurface } from '../internal/analytic.js';
import type { ParametricSurface } from '../surface.js';

/** Options of {@link cylinderSurface}. */
export interface CylinderOptions {
  /** radius (default 1) */
  radius?: number;
}

/**
 * The cylinder r(u, v) = (R cos u, R sin u, v). Exact derivatives; the normal points
 * outwards: K = 0, H = −1/(2R), principal curvatures 0 and −1/R.
 *
 * @param options - `{ radius }` (default 1)
 * @returns a {@link ParametricSurface}
 * @throws {InvalidArgumentError} when the radius is not a positive finite number
 * @example
 * const f = geometricFeatures(cylinderSurface({ radius: 4 }), 0.2, 1);
 * f.gaussianCurvature // => ~0.000000
 * f.principalCurvatures // => ~[0, -0.25]
 */
export function cylinderSurface(options: CylinderOptions = {}): ParametricSurface {
  const { radius: R = 1 } = checkOptions('cylinderSurface', 'options', options);
  checkPositive('cylinderSurface', 'radius', R);
  return analyticSurface((u, v, out, o) => {
    const cu = Math.cos(u);
    const su = Math.sin(u);
    const j = [
      R * cu,
      R * su,
      v,
      -R * su,
      R * cu,
      0,
      0,
      0,
      1,
      -R * cu,
      -R * su,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ];
    for (let k = 0; k < 18; k++) out[o + k] = j[k];
  });
}
