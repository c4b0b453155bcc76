// NACA four-digit airfoils (Jacobs, Ward & Pinkerton, NACA Report 460, 1933; Abbott & von
// Doenhoff, "Theory of Wing Sections", 1959, §6.2).
import { checkInteger, checkOptions, InvalidArgumentError } from '@rg/linalg';

/** Options of {@link naca4}. */
export interface Naca4Options {
  /** number of points around the section (default 128); the trailing edge appears once */
  points?: number;
  /**
   * close the trailing edge with the modified last thickness coefficient 0.1036 (default
   * true); false keeps the original 0.1015 and a trailing-edge base of 0.21 % of t
   */
  closedTrailingEdge?: boolean;
}

/** A section as coordinates around its contour. */
export interface AirfoilSection {
  /** chordwise coordinates in [0, 1] */
  x: Float64Array;
  /** vertical coordinates */
  z: Float64Array;
}

/** Parsed digits of a four-digit code. */
export interface Naca4Parameters {
  /** maximum camber / chord */
  m: number;
  /** position of maximum camber / chord */
  p: number;
  /** maximum thickness / chord */
  t: number;
  closed: boolean;
}

/** @internal parse and check a four-digit code */
export function parseNaca4(fn: string, code: string, closed: boolean): Naca4Parameters {
  if (typeof code !== 'string' || !/^\d{4}$/.test(code))
    throw new InvalidArgumentError(
      `${fn}(): airfoil must be a four-digit NACA code such as '2412' (got ${String(code)})`,
    );
  const m = Number(code[0]) / 100;
  const p = Number(code[1]) / 10;
  const t = Number(code.slice(2)) / 100;
  if (t === 0) throw new InvalidArgumentError(`${fn}(): airfoil '${code}' has zero thickness`);
  if (m > 0 && (p === 0 || p === 1))
    throw new InvalidArgumentError(
      `${fn}(): airfoil '${code}' is cambered but puts the maximum camber at ${p * 100} % chord (must be 10–90 %)`,
    );
  return { m, p, t, closed };
}

/**
 * The section point at contour parameter θ ∈ [0, 2π): θ = 0 is the trailing edge, θ ∈ (0, π)
 * the lower surface, θ = π the leading edge, θ ∈ (π, 2π) the upper surface (clockwise, with x
 * to the right and z up). With σ = −cos(θ/2), x = σ² (cosine clustering at both edges) and the
 * signed thickness is 5t(0.2969σ − 0.1260σ|σ| − 0.3516σ³|σ| + 0.2843σ⁵|σ| − a₄σ⁷|σ|), smooth
 * in θ at the leading edge where √x is not.
 */
export function nacaPoint(q: Naca4Parameters, theta: number, out: Float64Array, o: number): void {
  const sigma = -Math.cos(theta / 2);
  const x = sigma * sigma;
  const a = Math.abs(sigma);
  const s2 = x;
  const a4 = q.closed ? 0.1036 : 0.1015;
  const zt =
    5 * q.t * (0.2969 * sigma - sigma * a * (0.126 + s2 * (0.3516 - s2 * (0.2843 - s2 * a4))));
  let yc = 0;
  let dyc = 0;
  if (q.m > 0) {
    if (x < q.p) {
      yc = (q.m / (q.p * q.p)) * (2 * q.p * x - x * x);
      dyc = ((2 * q.m) / (q.p * q.p)) * (q.p - x);
    } else {
      const w = (1 - q.p) * (1 - q.p);
      yc = (q.m / w) * (1 - 2 * q.p + 2 * q.p * x - x * x);
      dyc = ((2 * q.m) / w) * (q.p - x);
    }
  }
  const th = Math.atan(dyc);
  out[o] = x - zt * Math.sin(th);
  out[o + 1] = yc + zt * Math.cos(th);
}

/**
 * Coordinates of a NACA four-digit section 'MPTT' (max camber M %, at P tenths of the chord,
 * thickness TT %), chord 1, leading edge at the origin. Points run clockwise from the trailing
 * edge along the lower surface to the leading edge and back along the upper surface (the order
 * panel methods use), at θ_k = 2πk/points of the contour parameter described for the wing,
 * which clusters them at both edges like cosine spacing.
 *
 * @param code - four digits, e.g. '0012' (symmetric, 12 % thick) or '2412'
 * @param options - `{ points = 128, closedTrailingEdge = true }`
 * @returns `{ x, z }`
 * @throws {InvalidArgumentError} on a malformed code, a camber position of 0 or 100 % with camber, or fewer than 8 points
 * @example
 * const s = naca4('0012', { points: 64 });
 * s.x[0] // => 1
 * s.x[32] // => ~0.000000
 * Math.max(...s.z) // => ~0.06
 */
export function naca4(code: string, options: Naca4Options = {}): AirfoilSection {
  const fn = 'naca4';
  checkOptions(fn, 'options', options);
  const n = options.points ?? 128;
  checkInteger(fn, 'points', n, 8);
  const q = parseNaca4(fn, code, options.closedTrailingEdge ?? true);
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const p = new Float64Array(2);
  for (let k = 0; k < n; k++) {
    nacaPoint(q, (2 * Math.PI * k) / n, p, 0);
    x[k] = p[0];
    z[k] = p[1];
  }
  return { x, z };
}
