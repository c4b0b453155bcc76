// Boundary checks of @rg/grassmann: one helper per check, so every message has the form
// `fn(): name must be …`.
import { assertFinite, InvalidArgumentError, type Matrix, ShapeError } from '@rg/linalg';
import { horizontalityError, orthonormalityError } from './projection.js';

/**
 * Bases produced by this package's retractions and geodesic steps are orthonormal to a few ulp
 * times k; anything farther than this was not produced by them and is a caller's mistake (a
 * start that is not orthonormal, a basis edited by hand).
 */
export const ORTHONORMALITY_TOLERANCE = 1e-8;

/**
 * Tangent vectors from projectTangent satisfy |YᵀH| ≤ a few ulp × ‖H‖; anything beyond this
 * relative bound is not tangent (project it first).
 */
export const TANGENCY_TOLERANCE = 1e-8;

/** n×k with finite entries */
export function assertShape(fn: string, name: string, x: Matrix, n: number, k: number): void {
  assertFinite(fn, name, x);
  if (x.rows !== n || x.cols !== k)
    throw new ShapeError(`${fn}(): ${name} must be ${n}×${k} (got ${x.rows}×${x.cols})`);
}

/** an n×k basis with orthonormal columns */
export function assertPoint(fn: string, name: string, x: Matrix, n: number, k: number): void {
  assertShape(fn, name, x, n, k);
  const e = orthonormalityError(n, k, x.data);
  if (!(e <= ORTHONORMALITY_TOLERANCE))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must have orthonormal columns to represent a point of Gr(${n}, ${k}) (max |${name}ᵀ${name} − I| = ${e.toExponential(2)}; orthonormalize it, e.g. with the Q factor of qr)`,
    );
}

/** an n×k tangent (horizontal) vector at the point y: yᵀh = 0 */
export function assertTangent(fn: string, name: string, y: Matrix, h: Matrix, at: string): void {
  assertShape(fn, name, h, y.rows, y.cols);
  const e = horizontalityError(y.rows, y.cols, y.data, h.data);
  let norm = 0;
  for (let i = 0; i < h.data.length; i++) norm += h.data[i] * h.data[i];
  if (!(e <= TANGENCY_TOLERANCE * Math.max(1, Math.sqrt(norm))))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be tangent at ${at} (${at}ᵀ${name} = 0; max |${at}ᵀ${name}| = ${e.toExponential(2)}; project it with projectTangent(${at}, ${name}))`,
    );
}

/** a finite number */
export function assertNumber(fn: string, name: string, t: unknown): number {
  if (typeof t !== 'number' || !Number.isFinite(t))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a finite number (got ${String(t)})`);
  return t;
}
