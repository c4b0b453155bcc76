// Parametrized surfaces with exact or Richardson-extrapolated derivatives (Richardson 1911;
// do Carmo 1976, §2-2).
import { checkFunction, checkOptions, checkPositive } from '@rg/linalg';
import { type PositionFunction, richardsonJet } from './internal/richardson.js';
import type { ParametricSurface } from './surface.js';

/** Partial derivatives of r at (u, v), each a vector [x, y, z]. */
export interface SurfaceDerivatives {
  ru: ArrayLike<number>;
  rv: ArrayLike<number>;
  ruu: ArrayLike<number>;
  ruv: ArrayLike<number>;
  rvv: ArrayLike<number>;
}

/** Options of {@link parametricSurface}. */
export interface ParametricSurfaceOptions {
  /**
   * Exact derivatives `(u, v) => ({ ru, rv, ruu, ruv, rvv })`. Without it the derivatives are
   * central differences with two Richardson steps (order 6).
   */
  derivatives?: (u: number, v: number) => SurfaceDerivatives;
  /**
   * Largest finite-difference step for first derivatives, in parameter units (default 0.03;
   * second derivatives use twice it). Suits parameters over which r varies on a scale of about
   * 1; scale it with your parametrization.
   */
  step?: number;
}

/** Default largest step of the first-derivative differences (tuned on the torus, see tests). */
export const DEFAULT_STEP = 0.03;

/**
 * A surface from a position function r(u, v) → [x, y, z]. Derivatives are exact when you
 * supply them (`derivatives`), otherwise central differences at steps h, h/2, h/4 combined by
 * two Richardson extrapolation steps, (64 D(h/4) − 20 D(h/2) + D(h)) / 45, which is accurate
 * to O(h⁶): measured against exact derivatives on a torus (|r| ≈ 3, |u| ≤ 7) the first
 * derivatives are within about 1e-13 and the second within about 1e-11 (absolute), 37
 * evaluations of r per point.
 *
 * @param r - the position function; it must be smooth near every point you evaluate
 * @param options - `{ derivatives, step }`
 * @returns a {@link ParametricSurface}
 * @throws {InvalidArgumentError} when r or derivatives is not a function, or step is not a positive finite number
 * @example
 * const s = parametricSurface((u, v) => [u, v, u * u + v * v]);
 * geometricFeatures(s, 0, 0).gaussianCurvature // => ~4
 * s.derivatives // => 'richardson'
 */
export function parametricSurface(
  r: PositionFunction,
  options: ParametricSurfaceOptions = {},
): ParametricSurface {
  const fn = 'parametricSurface';
  checkOptions(fn, 'options', options);
  checkFunction(fn, 'r', r, '(u, v) => [x, y, z]');
  const { derivatives } = options;
  if (derivatives !== undefined)
    checkFunction(fn, 'derivatives', derivatives, '(u, v) => { ru, rv, ruu, ruv, rvv }');
  const step = options.step ?? DEFAULT_STEP;
  checkPositive(fn, 'step', step);
  const position = (u: number, v: number): Float64Array => {
    const p = r(u, v);
    return Float64Array.of(p[0], p[1], p[2]);
  };
  if (!derivatives)
    return {
      kind: 'parametric',
      derivatives: 'richardson',
      position,
      jet(u, v, out, offset = 0) {
        richardsonJet(r, u, v, step, 2 * step, out, offset);
      },
    };
  return {
    kind: 'parametric',
    derivatives: 'analytic',
    position,
    jet(u, v, out, offset = 0) {
      const p = r(u, v);
      const d = derivatives(u, v);
      for (let t = 0; t < 3; t++) {
        out[offset + t] = p[t];
        out[offset + 3 + t] = d.ru[t];
        out[offset + 6 + t] = d.rv[t];
        out[offset + 9 + t] = d.ruu[t];
        out[offset + 12 + t] = d.ruv[t];
        out[offset + 15 + t] = d.rvv[t];
      }
    },
  };
}
