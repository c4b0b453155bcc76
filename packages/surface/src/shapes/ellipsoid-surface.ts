// Triaxial ellipsoid in longitude–latitude coordinates (do Carmo 1976, §3-3, Exercise 21 for K).
import { checkOptions, checkPositive } from '@rg/linalg';
import { analyticSurface } from '../internal/analytic.js';
import type { ParametricSurface } from '../surface.js';

/** Options of {@link ellipsoidSurface}. */
export interface EllipsoidOptions {
  /** semi-axis along x (default 1) */
  a?: number;
  /** semi-axis along y (default 1) */
  b?: number;
  /** semi-axis along z (default 1) */
  c?: number;
}

/** @internal the shared jet of sphere and ellipsoid */
export function ellipsoidJet(a: number, b: number, c: number) {
  return (u: number, v: number, out: Float64Array, o: number): void => {
    const cu = Math.cos(u);
    const su = Math.sin(u);
    const cv = Math.cos(v);
    const sv = Math.sin(v);
    // unit-sphere jet, then scaled per coordinate
    const unit = [
      cu * cv,
      su * cv,
      sv,
      -su * cv,
      cu * cv,
      0,
      -cu * sv,
      -su * sv,
      cv,
      -cu * cv,
      -su * cv,
      0,
      su * sv,
      -cu * sv,
      0,
      -cu * cv,
      -su * cv,
      -sv,
    ];
    for (let k = 0; k < 18; k += 3) {
      out[o + k] = a * unit[k];
      out[o + k + 1] = b * unit[k + 1];
      out[o + k + 2] = c * unit[k + 2];
    }
  };
}

/**
 * The ellipsoid x²/a² + y²/b² + z²/c² = 1 as r(u, v) = (a cos u cos v, b sin u cos v, c sin v),
 * u the longitude, v ∈ (−π/2, π/2) the latitude (singular at the poles v = ±π/2). Exact
 * derivatives; the normal points outwards. Its Gaussian curvature at (x, y, z) is
 * 1 / (a²b²c² (x²/a⁴ + y²/b⁴ + z²/c⁴)²).
 *
 * @param options - semi-axes `{ a, b, c }` (default 1)
 * @returns a {@link ParametricSurface}
 * @throws {InvalidArgumentError} when a semi-axis is not a positive finite number
 * @example
 * const e = ellipsoidSurface({ a: 3, b: 2, c: 1 });
 * geometricFeatures(e, 0, 0).gaussianCurvature // => ~2.25
 * geometricFeatures(e, 0, 0).principalCurvatures // => ~[-0.75, -3]
 */
export function ellipsoidSurface(options: EllipsoidOptions = {}): ParametricSurface {
  const { a = 1, b = 1, c = 1 } = checkOptions('ellipsoidSurface', 'options', options);
  for (const [name, x] of [
    ['a', a],
    ['b', b],
    ['c', c],
  ] as const)
    checkPositive('ellipsoidSurface', name, x);
  return analyticSurface(ellipsoidJet(a, b, c));
}
