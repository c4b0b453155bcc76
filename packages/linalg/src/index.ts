// Public surface of @rg/linalg: named re-exports only.
export type { RgErrorCode } from './errors.js';
export {
  AbortError,
  ConvergenceError,
  InvalidArgumentError,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  RgError,
  ShapeError,
  SingularMatrixError,
} from './errors.js';
export type { IterativeOptions, IterativeResult, ProgressInfo } from './iterative-types.js';
export type { Matrix } from './matrix.js';
export {
  copy,
  diag,
  diagonal,
  fromRows,
  identity,
  isMatrix,
  matrix,
  toRows,
  vector,
  zeros,
} from './matrix.js';
export type { Rng } from './rng.js';
export { rng } from './rng.js';
export {
  assertFinite,
  assertFiniteArray,
  assertMatrix,
  assertSameShape,
  assertSquare,
  assertSymmetric,
  asymmetry,
  SYMMETRY_TOLERANCE,
  throwIfAborted,
} from './validate.js';
