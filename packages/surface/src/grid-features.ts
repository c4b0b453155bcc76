// Geometric features at every node of a structured grid (do Carmo 1976, §3-3, §4-3), the
// per-point inputs of the pressure-learning model of "Incorporating Riemannian Geometric
// Features for Learning Coefficient of Pressure Distributions on Airplane Wings".
import { checkOptions, InvalidArgumentError, ShapeError, SingularMatrixError } from '@rg/linalg';
import {
  F_AREA,
  F_CHRISTOFFEL,
  F_D1,
  F_D2,
  F_H,
  F_K,
  F_K1,
  F_K2,
  F_LENGTH,
  F_METRIC,
  F_METRIC_INV,
  F_NORMAL,
  F_R1212,
  F_SECOND,
  jetFeaturesAt,
} from './internal/jet-features.js';
import { gridStencils } from './internal/grid-jets.js';
import { applyRowU, applyRowV } from './internal/stencils.js';
import { assertSurface } from './internal/validate-surface.js';
import type { GridSurface } from './surface.js';

/** Options of {@link gridFeatures}. */
export interface GridFeaturesOptions {
  /**
   * What to do at nodes where the metric is singular (a pole row, a collapsed tip):
   * `'throw'` (default) a SingularMatrixError, or `'zero'`: set every feature there except the
   * point to 0 and list the node in `degenerate`.
   */
  onDegenerate?: 'throw' | 'zero';
  /**
   * a previous result for a grid of the same nu × nv whose arrays are overwritten and
   * returned, instead of allocating ≈ 33·8 bytes per node again
   */
  out?: GridFeatures;
}

/**
 * Features of every node of a grid, one flat array per feature, node k = i·nv + j.
 * Layouts: vectors x, y, z; symmetric 2×2 forms as (11, 12, 22); Christoffel symbols as
 * (Γ¹₁₁, Γ¹₁₂, Γ¹₂₂, Γ²₁₁, Γ²₁₂, Γ²₂₂); principal directions as d₁ then d₂.
 */
export interface GridFeatures {
  nu: number;
  nv: number;
  /** 3 per node */
  point: Float64Array;
  /** 3 per node */
  normal: Float64Array;
  /** g11, g12, g22 per node */
  metric: Float64Array;
  /** g^11, g^12, g^22 per node */
  metricInverse: Float64Array;
  /** L, M, N per node */
  secondForm: Float64Array;
  /** 6 per node */
  christoffel: Float64Array;
  gaussianCurvature: Float64Array;
  meanCurvature: Float64Array;
  /** κ₁, κ₂ per node (κ₁ ≥ κ₂) */
  principalCurvatures: Float64Array;
  /** d₁ (3), d₂ (3) per node */
  principalDirections: Float64Array;
  riemann1212: Float64Array;
  /** √det g per node */
  areaElement: Float64Array;
  /** nodes whose metric is singular (only with onDegenerate: 'zero'), ascending */
  degenerate: Uint32Array;
}

const PER_NODE: [keyof GridFeatures, number][] = [
  ['point', 3],
  ['normal', 3],
  ['metric', 3],
  ['metricInverse', 3],
  ['secondForm', 3],
  ['christoffel', 6],
  ['gaussianCurvature', 1],
  ['meanCurvature', 1],
  ['principalCurvatures', 2],
  ['principalDirections', 6],
  ['riemann1212', 1],
  ['areaElement', 1],
];

function reuse(fn: string, out: GridFeatures, nu: number, nv: number): GridFeatures {
  for (const [key, k] of PER_NODE) {
    const a = out[key];
    if (!(a instanceof Float64Array) || a.length !== k * nu * nv)
      throw new ShapeError(
        `${fn}(): out.${key} must be a Float64Array of ${k * nu * nv} (out must come from a grid of ${nu} × ${nv} nodes)`,
      );
  }
  out.nu = nu;
  out.nv = nv;
  return out;
}

function copy(src: Float64Array, o: number, dst: Float64Array, d: number, n: number): void {
  for (let t = 0; t < n; t++) dst[d + t] = src[o + t];
}

/**
 * Geometric features at every node of a grid surface: the same quantities as
 * {@link geometricFeatures}, computed with five separable finite-difference passes over the
 * grid (first and second derivatives, order `grid.order` everywhere, boundaries included)
 * and one pass of closed-form 2×2 algebra per node.
 *
 * @param grid - a {@link GridSurface}
 * @param options - `{ onDegenerate: 'throw' | 'zero', out }`
 * @returns the {@link GridFeatures} (`options.out` itself when given)
 * @throws {SingularMatrixError} at a node with a singular metric (with onDegenerate 'throw')
 * @throws {InvalidArgumentError} when grid is not a grid surface or onDegenerate is unknown
 * @throws {ShapeError} when `out` was made for a grid of another size
 * @example
 * const g = sampleGrid(cylinderSurface({ radius: 2 }), {
 *   nu: 32, nv: 8, uRange: [0, 2 * Math.PI], vRange: [0, 1], periodicU: true,
 * });
 * const f = gridFeatures(g);
 * f.gaussianCurvature.length // => 256
 * Math.max(...f.meanCurvature.map(Math.abs)) // => ~0.25
 * gridFeatures(g, { out: f }) === f // => true
 */
export function gridFeatures(grid: GridSurface, options: GridFeaturesOptions = {}): GridFeatures {
  const fn = 'gridFeatures';
  checkOptions(fn, 'options', options);
  assertSurface(fn, 'grid', grid);
  if (grid.kind !== 'grid')
    throw new InvalidArgumentError(
      `${fn}(): grid must be a grid surface (use geometricFeatures for a parametric one, or sampleGrid first)`,
    );
  const onDegenerate = options.onDegenerate ?? 'throw';
  if (onDegenerate !== 'throw' && onDegenerate !== 'zero')
    throw new InvalidArgumentError(
      `${fn}(): onDegenerate must be 'throw' or 'zero' (got ${String(onDegenerate)})`,
    );
  const { nu, nv } = grid;
  const n = nu * nv;
  const st = gridStencils(nu, nv, grid.periodicU, grid.periodicV, grid.du, grid.dv, grid.order);
  const P = grid.points;
  // one row of derivatives at a time: D_u needs whole neighbouring rows of points, D_v only the
  // row itself, so nothing of size nu·nv is allocated besides the outputs
  const row = 3 * nv;
  const ru = new Float64Array(row);
  const ruu = new Float64Array(row);
  const rv = new Float64Array(row);
  const rvv = new Float64Array(row);
  const ruv = new Float64Array(row);
  const out: GridFeatures = options.out
    ? reuse(fn, options.out, nu, nv)
    : {
        nu,
        nv,
        point: new Float64Array(3 * n),
        normal: new Float64Array(3 * n),
        metric: new Float64Array(3 * n),
        metricInverse: new Float64Array(3 * n),
        secondForm: new Float64Array(3 * n),
        christoffel: new Float64Array(6 * n),
        gaussianCurvature: new Float64Array(n),
        meanCurvature: new Float64Array(n),
        principalCurvatures: new Float64Array(2 * n),
        principalDirections: new Float64Array(6 * n),
        riemann1212: new Float64Array(n),
        areaElement: new Float64Array(n),
        degenerate: new Uint32Array(0),
      };
  const rec = new Float64Array(F_LENGTH);
  const bad: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = Math.floor(k / nv);
    const j = k - i * nv;
    if (j === 0) {
      applyRowU(P, ru, 0, i, nv, st.u1);
      applyRowU(P, ruu, 0, i, nv, st.u2);
      applyRowV(P, i * row, rv, 0, nv, st.v1);
      applyRowV(P, i * row, rvv, 0, nv, st.v2);
      applyRowV(ru, 0, ruv, 0, nv, st.v1);
    }
    const j3 = 3 * j;
    if (!jetFeaturesAt(P, 3 * k, ru, j3, rv, j3, ruu, j3, ruv, j3, rvv, j3, rec, 0)) {
      if (onDegenerate === 'throw')
        throw new SingularMatrixError(
          `${fn}(): the metric is singular at node (i, j) = (${i}, ${j}) (|r_u × r_v| ≤ 1e-8·max(|r_u|², |r_v|²)); pass { onDegenerate: 'zero' } to keep going`,
        );
      bad.push(k);
    }
    copy(rec, 0, out.point, 3 * k, 3);
    copy(rec, F_NORMAL, out.normal, 3 * k, 3);
    copy(rec, F_METRIC, out.metric, 3 * k, 3);
    copy(rec, F_METRIC_INV, out.metricInverse, 3 * k, 3);
    copy(rec, F_SECOND, out.secondForm, 3 * k, 3);
    copy(rec, F_CHRISTOFFEL, out.christoffel, 6 * k, 6);
    out.gaussianCurvature[k] = rec[F_K];
    out.meanCurvature[k] = rec[F_H];
    out.principalCurvatures[2 * k] = rec[F_K1];
    out.principalCurvatures[2 * k + 1] = rec[F_K2];
    copy(rec, F_D1, out.principalDirections, 6 * k, 3);
    copy(rec, F_D2, out.principalDirections, 6 * k + 3, 3);
    out.riemann1212[k] = rec[F_R1212];
    out.areaElement[k] = rec[F_AREA];
  }
  out.degenerate = Uint32Array.from(bad);
  return out;
}
