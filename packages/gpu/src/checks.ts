// Shared input validation of the accelerator kernels: one helper per check, so every
// message has the form `accelerator.matmul(): a.cols (3) must equal b.rows (4)`.
import {
  assertFinite,
  checkVector,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';

/** Validate a finite Matrix argument. */
export function checkMatrix(fn: string, name: string, a: Matrix): void {
  assertFinite(fn, name, a);
  if (a.rows === 0 || a.cols === 0)
    throw new ShapeError(`${fn}(): ${name} is empty (${a.rows}×${a.cols})`);
}

/** Throw when an argument or result would not fit the device. */
export function checkFits(fn: string, name: string, elements: number, maxElements: number): void {
  if (elements > maxElements)
    throw new ShapeError(
      `${fn}(): ${name} has ${elements} entries, over the device limit of ${maxElements}`,
    );
}

/** Validate the marginals of a Sinkhorn problem: lengths c.rows and c.cols, entries > 0, equal mass. */
export function checkMarginals(
  fn: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: Matrix,
): void {
  checkMatrix(fn, 'c', c);
  checkVector(fn, 'a', a, c.rows);
  checkVector(fn, 'b', b, c.cols);
  for (let i = 0; i < a.length; i++)
    if (!(a[i] > 0))
      throw new InvalidArgumentError(`${fn}(): a[${i}] is ${a[i]} (marginals must be positive)`);
  let sa = 0;
  let sb = 0;
  for (let j = 0; j < b.length; j++) {
    if (!(b[j] > 0))
      throw new InvalidArgumentError(`${fn}(): b[${j}] is ${b[j]} (marginals must be positive)`);
    sb += b[j];
  }
  for (let i = 0; i < a.length; i++) sa += a[i];
  // The rule of @rg/ot's checkProblem (MASS_TOLERANCE): with unequal masses the scalings never
  // settle and overflow float32 after a few hundred iterations, blamed on reg.
  const rel = Math.abs(sa - sb) / Math.max(sa, sb);
  if (rel > 1e-9)
    throw new InvalidArgumentError(
      `${fn}(): a and b must have the same total mass (Σa = ${sa}, Σb = ${sb}, relative difference ${rel.toExponential(2)} > 1e-9)`,
    );
}
