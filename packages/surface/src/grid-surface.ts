// Structured grids of surface points with finite-difference derivatives of a chosen order
// (Fornberg 1988 for the weights; LeVeque, "Finite Difference Methods for ODEs and PDEs",
// 2007, §1.5 for one-sided boundary stencils).
import {
  assertFiniteArray,
  checkInteger,
  checkPositive,
  InvalidArgumentError,
  ShapeError,
} from '@rg/linalg';
import {
  type GridStencils,
  gridJets,
  gridStencils,
  interpolateField,
  nodeJet,
} from './internal/grid-jets.js';
import { minNodes } from './internal/stencils.js';
import type { GridSurface } from './surface.js';

/** Options of {@link gridSurface}. */
export interface GridSurfaceOptions {
  /** nodes along u (the slow index: node (i, j) is point i·nv + j) */
  nu: number;
  /** nodes along v */
  nv: number;
  /** the u direction wraps around: node nu−1 is followed by node 0 (default false) */
  periodicU?: boolean;
  /** the v direction wraps around (default false) */
  periodicV?: boolean;
  /** parameter spacing along u (default 1: parameters are node indices) */
  du?: number;
  /** parameter spacing along v (default 1) */
  dv?: number;
  /** parameter of node i = 0 (default 0) */
  u0?: number;
  /** parameter of node j = 0 (default 0) */
  v0?: number;
  /** accuracy order of the stencils: 2, 4 (default) or 6 */
  order?: 2 | 4 | 6;
}

/** Smallest number of nodes along an axis for stencils of the given order. */
export function gridMinNodes(order: number, periodic: boolean): number {
  // periodic: the central second-derivative stencil (order + 1 nodes) and a 4-node
  // interpolation window; open: the one-sided second-derivative stencil (order + 2 nodes)
  return periodic ? Math.max(order + 1, 4) : Math.max(minNodes(2, order), 4);
}

function finite(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a finite number (got ${x})`);
  return x;
}

/** @internal build a GridSurface from validated, owned data */
export function makeGrid(
  points: Float64Array,
  nu: number,
  nv: number,
  periodicU: boolean,
  periodicV: boolean,
  u0: number,
  v0: number,
  du: number,
  dv: number,
  order: number,
): GridSurface {
  let stencils: GridStencils | null = null;
  let field: Float64Array | null = null;
  const st = (): GridStencils => {
    if (!stencils) stencils = gridStencils(nu, nv, periodicU, periodicV, du, dv, order);
    return stencils;
  };
  const jets = (): Float64Array => {
    if (!field) field = gridJets(points, nu, nv, st());
    return field;
  };
  const nodeOf = (x: number, n: number, periodic: boolean): number => {
    const k = Math.round(x);
    if (Math.abs(x - k) > 1e-9 * Math.max(1, Math.abs(x))) return -1;
    return periodic ? ((k % n) + n) % n : k;
  };
  const grid: GridSurface = {
    kind: 'grid',
    points,
    nu,
    nv,
    periodicU,
    periodicV,
    u0,
    v0,
    du,
    dv,
    order,
    position(u, v) {
      const out = new Float64Array(3);
      const x = (u - u0) / du;
      const y = (v - v0) / dv;
      const i = nodeOf(x, nu, periodicU);
      const j = nodeOf(y, nv, periodicV);
      if (i >= 0 && j >= 0) out.set(points.subarray(3 * (i * nv + j), 3 * (i * nv + j) + 3));
      else interpolateField(points, 3, nu, nv, periodicU, periodicV, x, y, out, 0);
      return out;
    },
    jet(u, v, out, offset = 0) {
      const x = (u - u0) / du;
      const y = (v - v0) / dv;
      const i = nodeOf(x, nu, periodicU);
      const j = nodeOf(y, nv, periodicV);
      if (i >= 0 && j >= 0) {
        if (field) out.set(field.subarray(18 * (i * nv + j), 18 * (i * nv + j) + 18), offset);
        else nodeJet(points, nv, st(), i, j, out, offset);
      } else interpolateField(jets(), 18, nu, nv, periodicU, periodicV, x, y, out, offset);
    },
    jets,
  };
  return grid;
}

/**
 * A surface given by points on a structured nu × nv grid (a CFD surface mesh, a scan, samples
 * of a parametrization). Derivatives are finite differences with weights from Fornberg's
 * algorithm: central stencils inside (order+1 nodes for first and second derivatives), and
 * one-sided stencils of the same order at the ends of a non-periodic axis (order+1 nodes for
 * first, order+2 for second derivatives), so every node, boundary included, is accurate to
 * O(h^order); a test measures the order under refinement. Mixed derivatives are tensor
 * products. Between nodes, jets are interpolated by tensor cubic Lagrange polynomials.
 *
 * @param points - node coordinates, 3 per node, node (i, j) at 3(i·nv + j); copied
 * @param options - `{ nu, nv, periodicU, periodicV, du, dv, u0, v0, order }`
 * @returns a {@link GridSurface}
 * @throws {ShapeError} when points.length ≠ 3·nu·nv or an axis has fewer nodes than its
 *   stencils need (order + 2 along an open axis, max(order + 1, 4) along a periodic one)
 * @throws {NonFiniteError} on a non-finite coordinate
 * @throws {InvalidArgumentError} on a bad count, spacing or order
 * @example
 * // z = x² − y² sampled on a 9 × 9 grid with spacing 0.25: K(0, 0) = −4
 * const pts: number[] = [];
 * for (let i = 0; i < 9; i++)
 *   for (let j = 0; j < 9; j++) {
 *     const x = (i - 4) / 4;
 *     const y = (j - 4) / 4;
 *     pts.push(x, y, x * x - y * y);
 *   }
 * const g = gridSurface(Float64Array.from(pts), { nu: 9, nv: 9, du: 0.25, dv: 0.25 });
 * geometricFeatures(g, 4 * 0.25, 4 * 0.25).gaussianCurvature // => ~-4
 * gridSurface(new Float64Array(6), { nu: 2, nv: 2 }) // => throws ShapeError
 */
export function gridSurface(points: Float64Array, options: GridSurfaceOptions): GridSurface {
  const fn = 'gridSurface';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options { nu, nv } are required`);
  const { nu, nv } = options;
  for (const [name, n] of [
    ['nu', nu],
    ['nv', nv],
  ] as const)
    checkInteger(fn, name, n, 1);
  const order = options.order ?? 4;
  if (order !== 2 && order !== 4 && order !== 6)
    throw new InvalidArgumentError(`${fn}(): order must be 2, 4 or 6 (got ${order})`);
  const periodicU = options.periodicU ?? false;
  const periodicV = options.periodicV ?? false;
  if (!(points instanceof Float64Array) && !Array.isArray(points))
    throw new ShapeError(`${fn}(): points must be a Float64Array of 3·nu·nv coordinates`);
  if (points.length !== 3 * nu * nv)
    throw new ShapeError(
      `${fn}(): points has ${points.length} entries but nu·nv = ${nu}·${nv} nodes need ${3 * nu * nv}`,
    );
  for (const [name, n, periodic] of [
    ['nu', nu, periodicU],
    ['nv', nv, periodicV],
  ] as const) {
    const need = gridMinNodes(order, periodic);
    if (n < need)
      throw new ShapeError(
        `${fn}(): ${name} must be ≥ ${need} for order-${order} stencils along a ${periodic ? 'periodic' : 'non-periodic'} axis (got ${n})`,
      );
  }
  assertFiniteArray(fn, 'points', points);
  const du = checkPositive(fn, 'du', options.du ?? 1);
  const dv = checkPositive(fn, 'dv', options.dv ?? 1);
  const u0 = finite(fn, 'u0', options.u0 ?? 0);
  const v0 = finite(fn, 'v0', options.v0 ?? 0);
  return makeGrid(Float64Array.from(points), nu, nv, periodicU, periodicV, u0, v0, du, dv, order);
}
