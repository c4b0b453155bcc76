// The two kinds of smooth surface the feature functions accept (do Carmo 1976, §2-2):
// a parametrization r(u, v) evaluated anywhere, and a structured grid of sampled points.

/**
 * A parametrized surface r(u, v) ∈ ℝ³, made by {@link parametricSurface} or a generator
 * ({@link sphereSurface}, {@link wingSurface}, ...).
 */
export interface ParametricSurface {
  readonly kind: 'parametric';
  /** `'analytic'` when the derivatives are exact, `'richardson'` when they are finite differences */
  readonly derivatives: 'analytic' | 'richardson';
  /** the point r(u, v), a new Float64Array of 3 */
  position(u: number, v: number): Float64Array;
  /**
   * Unchecked kernel: write the second-order jet at (u, v), 18 numbers r, r_u, r_v, r_uu, r_uv,
   * r_vv (x, y, z each), into `out` from `offset`. Public functions validate before calling it.
   */
  jet(u: number, v: number, out: Float64Array, offset?: number): void;
}

/**
 * Points sampled on a structured nu × nv grid, made by {@link gridSurface} or
 * {@link sampleGrid}. Node (i, j) sits at parameter (u0 + i·du, v0 + j·dv) and at
 * `points[3(i·nv + j) .. +3]`.
 */
export interface GridSurface {
  readonly kind: 'grid';
  /** the node coordinates (a private copy), 3·nu·nv */
  readonly points: Float64Array;
  readonly nu: number;
  readonly nv: number;
  readonly periodicU: boolean;
  readonly periodicV: boolean;
  readonly u0: number;
  readonly v0: number;
  readonly du: number;
  readonly dv: number;
  /** accuracy order of the finite-difference stencils (2, 4 or 6) */
  readonly order: number;
  /** the point at (u, v): the node itself, or tensor cubic Lagrange interpolation between nodes */
  position(u: number, v: number): Float64Array;
  /**
   * Unchecked kernel: the second-order jet at (u, v) (layout of {@link ParametricSurface.jet}).
   * At a node: the finite-difference stencils there. Between nodes: cubic Lagrange interpolation
   * of the nodes' jets (computed once, on first use).
   */
  jet(u: number, v: number, out: Float64Array, offset?: number): void;
  /** the jets of all nodes, 18·nu·nv numbers, node-major (computed once, then shared: do not modify) */
  jets(): Float64Array;
}

/** Any surface accepted by {@link geometricFeatures} and {@link surfaceGeodesic}. */
export type Surface = ParametricSurface | GridSurface;
