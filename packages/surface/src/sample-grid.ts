// Sampling a parametrization on a structured grid (the form in which CFD surface data come).
import { checkInteger, InvalidArgumentError, NonFiniteError } from '@rg/linalg';
import { gridMinNodes, makeGrid } from './grid-surface.js';
import { assertSurface } from './internal/validate-surface.js';
import type { GridSurface, Surface } from './surface.js';

/** Options of {@link sampleGrid}. */
export interface SampleGridOptions {
  /** nodes along u */
  nu: number;
  /** nodes along v */
  nv: number;
  /** parameter interval of u, [start, end] */
  uRange: readonly [number, number];
  /** parameter interval of v, [start, end] */
  vRange: readonly [number, number];
  /** u is periodic with period end − start: the end itself is not sampled (default false) */
  periodicU?: boolean;
  /** v is periodic with period end − start (default false) */
  periodicV?: boolean;
  /** accuracy order of the grid's stencils: 2, 4 (default) or 6 */
  order?: 2 | 4 | 6;
}

/**
 * Sample a surface on a uniform parameter grid: node (i, j) is r(u_i, v_j) with
 * u_i = start + i·du, du = (end − start)/(nu − 1), or (end − start)/nu along a periodic axis
 * (the end coincides with the start and is left out). The result carries the parameter
 * spacing, so its features are comparable with those of the parametrization.
 *
 * @param surface - the surface to sample (usually a {@link ParametricSurface})
 * @param options - `{ nu, nv, uRange, vRange, periodicU, periodicV, order }`
 * @returns a {@link GridSurface}
 * @throws {NonFiniteError} when r is not finite at a node
 * @throws {InvalidArgumentError} on bad ranges or order, or counts below what the stencils
 *   need (order + 2 nodes along an open axis, max(order + 1, 4) along a periodic one)
 * @example
 * const g = sampleGrid(torusSurface(), {
 *   nu: 64, nv: 32, uRange: [0, 2 * Math.PI], vRange: [0, 2 * Math.PI], periodicU: true, periodicV: true,
 * });
 * g.points.length // => 6144
 * geometricFeatures(g, 0, 0).gaussianCurvature // => ~0.333
 */
export function sampleGrid(surface: Surface, options: SampleGridOptions): GridSurface {
  const fn = 'sampleGrid';
  assertSurface(fn, 'surface', surface);
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { nu, nv, uRange, vRange } are required`);
  const { nu, nv, uRange, vRange } = options;
  const periodicU = options.periodicU ?? false;
  const periodicV = options.periodicV ?? false;
  const order = options.order ?? 4;
  if (order !== 2 && order !== 4 && order !== 6)
    throw new InvalidArgumentError(`${fn}(): order must be 2, 4 or 6 (got ${order})`);
  for (const [name, n, periodic] of [
    ['nu', nu, periodicU],
    ['nv', nv, periodicV],
  ] as const) {
    checkInteger(fn, name, n, 1);
    const need = gridMinNodes(order, periodic);
    if (n < need)
      throw new InvalidArgumentError(
        `${fn}(): ${name} must be ≥ ${need} for order-${order} stencils along a ${periodic ? 'periodic' : 'non-periodic'} axis (got ${n})`,
      );
  }
  for (const [name, r] of [
    ['uRange', uRange],
    ['vRange', vRange],
  ] as const)
    if (r?.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[1] > r[0]))
      throw new InvalidArgumentError(
        `${fn}(): ${name} must be [start, end] with finite start < end (got ${JSON.stringify(r)})`,
      );
  const du = (uRange[1] - uRange[0]) / (periodicU ? nu : nu - 1);
  const dv = (vRange[1] - vRange[0]) / (periodicV ? nv : nv - 1);
  const points = new Float64Array(3 * nu * nv);
  for (let i = 0; i < nu; i++) {
    const u = uRange[0] + i * du;
    for (let j = 0; j < nv; j++) {
      const v = vRange[0] + j * dv;
      const p = surface.position(u, v);
      const o = 3 * (i * nv + j);
      for (let t = 0; t < 3; t++) {
        const x = p[t];
        if (x - x !== 0)
          throw new NonFiniteError(
            `${fn}(): r(${u}, ${v}) is not finite (component ${t} is ${x})`,
            o + t,
          );
        points[o + t] = x;
      }
    }
  }
  return makeGrid(points, nu, nv, periodicU, periodicV, uRange[0], vRange[0], du, dv, order);
}
