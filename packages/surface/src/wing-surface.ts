// A swept, tapered, twisted wing lofted from NACA four-digit sections (Raymer, "Aircraft
// Design: A Conceptual Approach", 6th ed., §4.3 for the planform parameters).
import { checkInRange, checkOptions, checkPositive } from '@rg/linalg';
import { nacaPoint, parseNaca4 } from './naca4.js';
import { parametricSurface } from './parametric-surface.js';
import type { ParametricSurface } from './surface.js';

/** Options of {@link wingSurface}. */
export interface WingOptions {
  /** four-digit NACA code of every section (default '2412') */
  airfoil?: string;
  /** half span: the tip sits at y = semiSpan (default 4) */
  semiSpan?: number;
  /** chord at the root (default 1.5) */
  rootChord?: number;
  /** tip chord / root chord, in (0, 1] (default 0.4) */
  taperRatio?: number;
  /** leading-edge sweep angle in degrees, (−80, 80) (default 30) */
  sweep?: number;
  /** twist of the tip relative to the root in degrees, linear along the span, about the quarter chord; negative is washout (default −3) */
  twist?: number;
  /** dihedral angle in degrees (default 4) */
  dihedral?: number;
  /** closed trailing edge (default true), see {@link naca4} */
  closedTrailingEdge?: boolean;
}

const deg = Math.PI / 180;

/**
 * A wing r(u, v): u ∈ [0, 2π) runs around each streamwise section (0 the trailing edge, π
 * the leading edge, lower surface first: see {@link naca4}), v ∈ [0, 1] from root (y = 0) to
 * tip (y = semiSpan). Section at v: chord c = rootChord·(1 − (1 − taperRatio)v), leading edge
 * at x = y·tan(sweep), rotated nose-up by twist·v about its quarter chord, raised by
 * y·tan(dihedral). With the clockwise section order the normal r_u × r_v points out of the
 * wing. Derivatives are Richardson finite differences. The surface is smooth except along the
 * closed trailing edge (a crease) and where the camber line's two parabolas join (a jump in
 * the second derivative of the camber): at the crease u = 0 the section parametrization has
 * zero speed, as any smooth closed parametrization of a corner must, so geometricFeatures
 * throws SingularMatrixError there, while a sampled grid gives large finite values from its
 * difference stencils. Sample it with {@link sampleGrid} (periodic in u) for a CFD-like
 * surface grid.
 *
 * @param options - planform and section
 * @returns a {@link ParametricSurface}
 * @throws {InvalidArgumentError} on a bad code or planform parameter
 * @example
 * const w = wingSurface({ sweep: 0, twist: 0, dihedral: 0, taperRatio: 1, rootChord: 1 });
 * w.position(Math.PI, 0.5) // => ~[0, 2, 0]
 * Math.abs(geometricFeatures(w, 1.5 * Math.PI, 0.5).gaussianCurvature) < 1e-8 // => true
 */
export function wingSurface(options: WingOptions = {}): ParametricSurface {
  const fn = 'wingSurface';
  const {
    airfoil = '2412',
    semiSpan = 4,
    rootChord = 1.5,
    taperRatio = 0.4,
    sweep = 30,
    twist = -3,
    dihedral = 4,
    closedTrailingEdge = true,
  } = checkOptions(fn, 'options', options);
  const q = parseNaca4(fn, airfoil, closedTrailingEdge);
  checkPositive(fn, 'semiSpan', semiSpan);
  checkPositive(fn, 'rootChord', rootChord);
  checkInRange(fn, 'taperRatio', taperRatio, 0, 1, true);
  // degrees
  for (const [name, a, lim] of [
    ['sweep', sweep, 80],
    ['twist', twist, 45],
    ['dihedral', dihedral, 45],
  ] as const)
    checkInRange(fn, name, a, -lim, lim, true, true);
  const tanSweep = Math.tan(sweep * deg);
  const tanDihedral = Math.tan(dihedral * deg);
  const p = new Float64Array(2);
  const r = (u: number, v: number): Float64Array => {
    const y = v * semiSpan;
    const c = rootChord * (1 - (1 - taperRatio) * v);
    const eps = twist * deg * v;
    nacaPoint(q, u, p, 0);
    const dx = c * p[0] - 0.25 * c;
    const Z = c * p[1];
    const ce = Math.cos(eps);
    const se = Math.sin(eps);
    return Float64Array.of(
      y * tanSweep + 0.25 * c + dx * ce + Z * se,
      y,
      y * tanDihedral - dx * se + Z * ce,
    );
  };
  return parametricSurface(r);
}
