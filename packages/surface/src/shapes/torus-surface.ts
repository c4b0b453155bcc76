// Torus of revolution (do Carmo 1976, §3-3, Example 4).
import { checkOptions, InvalidArgumentError } from '@rg/linalg';
import { analyticSurface, isPositiveFinite } from '../internal/analytic.js';
import type { ParametricSurface } from '../surface.js';

/** Options of {@link torusSurface}. */
export interface TorusOptions {
  /** distance from the axis to the centre of the tube (default 2) */
  majorRadius?: number;
  /** radius of the tube, < majorRadius (default 1) */
  minorRadius?: number;
}

/**
 * The torus r(u, v) = ((R + r cos v) cos u, (R + r cos v) sin u, r sin v), both parameters
 * periodic with period 2π. Exact derivatives; the normal points outwards. K = cos v / (r (R + r cos v)).
 *
 * @param options - `{ majorRadius: R = 2, minorRadius: r = 1 }`, 0 < r < R
 * @returns a {@link ParametricSurface}
 * @throws {InvalidArgumentError} unless 0 < minorRadius < majorRadius, both finite
 * @example
 * const t = torusSurface({ majorRadius: 3, minorRadius: 1 });
 * geometricFeatures(t, 0, 0).gaussianCurvature // => ~0.25
 * geometricFeatures(t, 0, Math.PI).gaussianCurvature // => ~-0.5
 */
export function torusSurface(options: TorusOptions = {}): ParametricSurface {
  const { majorRadius: R = 2, minorRadius: r = 1 } = checkOptions(
    'torusSurface',
    'options',
    options,
  );
  if (!isPositiveFinite(R) || !isPositiveFinite(r) || !(r < R))
    throw new InvalidArgumentError(
      `torusSurface(): minorRadius and majorRadius must be finite with 0 < minorRadius < majorRadius (got ${r}, ${R})`,
    );
  return analyticSurface((u, v, out, o) => {
    const cu = Math.cos(u);
    const su = Math.sin(u);
    const cv = Math.cos(v);
    const sv = Math.sin(v);
    const rho = R + r * cv;
    const j = [
      rho * cu,
      rho * su,
      r * sv,
      -rho * su,
      rho * cu,
      0,
      -r * sv * cu,
      -r * sv * su,
      r * cv,
      -rho * cu,
      -rho * su,
      0,
      r * sv * su,
      -r * sv * cu,
      0,
      -r * cv * cu,
      -r * cv * su,
      -r * sv,
    ];
    for (let k = 0; k < 18; k++) out[o + k] = j[k];
  });
}
