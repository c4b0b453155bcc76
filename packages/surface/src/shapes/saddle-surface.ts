// Hyperbolic paraboloid as a Monge patch z = a(u² − v²) (do Carmo 1976, §3-3, Example 5).
import { checkOptions, InvalidArgumentError } from '@rg/linalg';
import { analyticSurface } from '../internal/analytic.js';
import type { ParametricSurface } from '../surface.js';

/** Options of {@link saddleSurface}. */
export interface SaddleOptions {
  /** the coefficient a in z = a(u² − v²) (default 0.5) */
  a?: number;
}

/**
 * The saddle r(u, v) = (u, v, a(u² − v²)). Exact derivatives; the normal has a positive z
 * component. K = −4a² / (1 + 4a²(u² + v²))², H = 4a³(v² − u²) / (1 + 4a²(u² + v²))^{3/2}.
 *
 * @param options - `{ a }` (default 0.5), any finite non-zero number
 * @returns a {@link ParametricSurface}
 * @throws {InvalidArgumentError} when a is zero or not finite
 * @example
 * const f = geometricFeatures(saddleSurface({ a: 1 }), 0, 0);
 * f.gaussianCurvature // => ~-4
 * f.principalCurvatures // => ~[2, -2]
 */
export function saddleSurface(options: SaddleOptions = {}): ParametricSurface {
  const { a = 0.5 } = checkOptions('saddleSurface', 'options', options);
  if (typeof a !== 'number' || !Number.isFinite(a) || a === 0)
    throw new InvalidArgumentError(
      `saddleSurface(): a must be a finite non-zero number (got ${a})`,
    );
  return analyticSurface((u, v, out, o) => {
    const j = [
      u,
      v,
      a * (u * u - v * v),
      1,
      0,
      2 * a * u,
      0,
      1,
      -2 * a * v,
      0,
      0,
      2 * a,
      0,
      0,
      0,
      0,
      0,
      -2 * a,
    ];
    for (let k = 0; k < 18; k++) out[o + k] = j[k];
  });
}
