// Boundary checks shared by the public surface functions: one helper per check, so every
// message has the form "fn(): name must ...".
import { InvalidArgumentError, NonFiniteError } from '@rg/linalg';
import type { Surface } from '../surface.js';

export function assertSurface(fn: string, name: string, s: Surface): void {
  if (
    !s ||
    typeof s !== 'object' ||
    (s.kind !== 'parametric' && s.kind !== 'grid') ||
    typeof s.jet !== 'function'
  )
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a surface from parametricSurface(), gridSurface(), sampleGrid() or a generator`,
    );
}

/** Throw unless (u, v) is finite and, on a grid, inside the parameter range of open axes. */
export function assertParameter(fn: string, s: Surface, u: number, v: number): void {
  if (typeof u !== 'number' || !Number.isFinite(u))
    throw new InvalidArgumentError(`${fn}(): u must be a finite number (got ${u})`);
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InvalidArgumentError(`${fn}(): v must be a finite number (got ${v})`);
  if (s.kind === 'grid') {
    if (!s.periodicU) checkRange(fn, 'u', u, s.u0, s.u0 + (s.nu - 1) * s.du, s.du);
    if (!s.periodicV) checkRange(fn, 'v', v, s.v0, s.v0 + (s.nv - 1) * s.dv, s.dv);
  }
}

function checkRange(fn: string, name: string, x: number, a: number, b: number, h: number): void {
  const slack = 1e-9 * h;
  if (x < a - slack || x > b + slack)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must lie in the grid's parameter range [${a}, ${b}] (got ${x})`,
    );
}

/** True when (u, v) lies in the parameter range of the surface (always for a parametric one). */
export function insideDomain(s: Surface, u: number, v: number): boolean {
  if (s.kind !== 'grid') return true;
  if (!s.periodicU && (u < s.u0 || u > s.u0 + (s.nu - 1) * s.du)) return false;
  if (!s.periodicV && (v < s.v0 || v > s.v0 + (s.nv - 1) * s.dv)) return false;
  return true;
}

/** Throw a NonFiniteError naming the position function when a computed jet is not finite. */
export function assertFiniteJet(
  fn: string,
  jet: Float64Array,
  o: number,
  u: number,
  v: number,
): void {
  for (let k = 0; k < 18; k++) {
    const x = jet[o + k];
    if (x - x !== 0)
      throw new NonFiniteError(
        `${fn}(): the surface is not finite near (u, v) = (${u}, ${v}) (r or its derivatives gave ${x}; r must be defined and smooth there)`,
        k,
      );
  }
}
