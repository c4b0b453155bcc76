// The one error hierarchy of @rg, re-used by every package.

/** Error codes carried by every {@link RgError}. */
export type RgErrorCode =
  | 'SHAPE'
  | 'NOT_SYMMETRIC'
  | 'NOT_POSITIVE_DEFINITE'
  | 'NON_FINITE'
  | 'CONVERGENCE'
  | 'INVALID_ARGUMENT'
  | 'ABORTED'
  | 'SINGULAR'
  | 'ALLOCATION_LIMIT';

/**
 * Base class of every error thrown by @rg packages. `code` is stable and machine-readable;
 * the message names the function and the argument.
 *
 * @example
 * new RgError('INVALID_ARGUMENT', 'f(): x must be positive').code // => 'INVALID_ARGUMENT'
 */
export class RgError extends Error {
  readonly code: RgErrorCode;
  constructor(code: RgErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * Shapes do not fit (wrong dimensions, non-square where square is needed, empty input).
 *
 * @example
 * new ShapeError('matmul(): a.cols (2) must equal b.rows (3)').code // => 'SHAPE'
 */
export class ShapeError extends RgError {
  constructor(message: string) {
    super('SHAPE', message);
  }
}

/**
 * A symmetric routine received a matrix that is not symmetric within tolerance.
 *
 * @example
 * new NotSymmetricError('eigh(): a must be symmetric', 0.5).asymmetry // => 0.5
 */
export class NotSymmetricError extends RgError {
  /** the largest |a_ij − a_ji| relative to the largest |a_ij| */
  readonly asymmetry: number;
  constructor(message: string, asymmetry: number) {
    super('NOT_SYMMETRIC', message);
    this.asymmetry = asymmetry;
  }
}

/**
 * A routine that needs a symmetric positive definite matrix received one that is not.
 * `pivot` is the failing pivot index (Cholesky) or -1; `minEigenvalue` is set when known.
 *
 * @example
 * new NotPositiveDefiniteError('cholesky(): a is not positive definite', { pivot: 1 }).pivot // => 1
 */
export class NotPositiveDefiniteError extends RgError {
  readonly pivot: number;
  readonly minEigenvalue: number | undefined;
  constructor(message: string, details: { pivot?: number; minEigenvalue?: number } = {}) {
    super('NOT_POSITIVE_DEFINITE', message);
    this.pivot = details.pivot ?? -1;
    this.minEigenvalue = details.minEigenvalue;
  }
}

/**
 * An input holds NaN or ±Infinity, or a computation produced one.
 *
 * @example
 * new NonFiniteError('dot(): a[3] is NaN', 3).index // => 3
 */
export class NonFiniteError extends RgError {
  /** flat index of the first offending entry, or -1 */
  readonly index: number;
  constructor(message: string, index = -1) {
    super('NON_FINITE', message);
    this.index = index;
  }
}

/**
 * An iterative algorithm did not reach its tolerance and `strict: true` was asked.
 *
 * @example
 * new ConvergenceError('lanczos(): no convergence', { iterations: 50, residual: 1e-3 }).iterations // => 50
 */
export class ConvergenceError extends RgError {
  readonly iterations: number;
  readonly residual: number;
  constructor(message: string, details: { iterations: number; residual: number }) {
    super('CONVERGENCE', message);
    this.iterations = details.iterations;
    this.residual = details.residual;
  }
}

/**
 * A matrix is singular to working precision where an inverse or solve was asked.
 *
 * @example
 * new SingularMatrixError('solve(): a is singular', 2).pivot // => 2
 */
export class SingularMatrixError extends RgError {
  readonly pivot: number;
  constructor(message: string, pivot = -1) {
    super('SINGULAR', message);
    this.pivot = pivot;
  }
}

/**
 * An argument is outside its documented domain (negative size, unknown option, ...).
 *
 * @example
 * new InvalidArgumentError('rng(): seed must be an integer').code // => 'INVALID_ARGUMENT'
 */
export class InvalidArgumentError extends RgError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

/**
 * Work was cancelled through an `AbortSignal`.
 *
 * @example
 * new AbortError('lanczos(): aborted').code // => 'ABORTED'
 */
export class AbortError extends RgError {
  constructor(message: string) {
    super('ABORTED', message);
  }
}

/**
 * A call would allocate more than the configured limit (see `setAllocationLimit`). Raised
 * before anything is allocated; `requestedBytes` and `limitBytes` say by how much.
 *
 * @example
 * new AllocationLimitError('kron(): too large', { requestedBytes: 8e9, limitBytes: 2 ** 31 }).code // => 'ALLOCATION_LIMIT'
 */
export class AllocationLimitError extends RgError {
  readonly requestedBytes: number;
  readonly limitBytes: number;
  constructor(message: string, details: { requestedBytes: number; limitBytes: number }) {
    super('ALLOCATION_LIMIT', message);
    this.requestedBytes = details.requestedBytes;
    this.limitBytes = details.limitBytes;
  }
}
