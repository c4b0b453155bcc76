// A ParametricSurface from an exact jet function (the generators). Unchecked.
import type { ParametricSurface } from '../surface.js';

export function analyticSurface(
  jetOf: (u: number, v: number, out: Float64Array, o: number) => void,
): ParametricSurface {
  return {
    kind: 'parametric',
    derivatives: 'analytic',
    position(u, v) {
      const j = new Float64Array(18);
      jetOf(u, v, j, 0);
      return j.slice(0, 3);
    },
    jet(u, v, out, offset = 0) {
      jetOf(u, v, out, offset);
    },
  };
}

/** Throw-free read of a positive finite option (the callers throw with their own name). */
export function isPositiveFinite(x: unknown): x is number {
  return typeof x === 'number' && x > 0 && Number.isFinite(x);
}
