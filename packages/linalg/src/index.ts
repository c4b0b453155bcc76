// Public surface of @rg/linalg: named re-exports only. Each section is owned by
// one area; add exports inside your section, keep the sections in place.

// --- core types, errors, validation, randomness ---
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
  asymmetry,
  assertFinite,
  assertFiniteArray,
  assertMatrix,
  assertSameShape,
  assertSquare,
  assertSymmetric,
  SYMMETRY_TOLERANCE,
  throwIfAborted,
} from './validate.js';

// --- products and kernels: matmul, matmulTransA, matmulTransB, gram, WebAssembly SIMD ---
export { gram } from './gram.js';
export type { KernelBackend, KernelInfo } from './kernels/backend.js';
export { kernelInfo, setKernelBackend } from './kernels/backend.js';
export { matmul } from './matmul.js';
export { matmulTransA, matmulTransB } from './matmul-trans.js';

// --- level 1-3 and elementwise: dot, axpy, norm2, matvec, transpose, add, ... ---

// --- random matrices: randomOrthogonal, randomSPD ---

// --- decompositions: cholesky, lu, solve, inverse, det, logDet, qr, lstsq, solveTriangular ---

// --- iterative: conjugateGradient, lanczos, powerIteration ---

// --- symmetric spectral: eigh, eighTridiagonal, svd, symmetric matrix functions, Daleckii–Krein, Lyapunov ---

// --- general spectral: eigvals, schur, expm, solveSylvester ---

// --- acceleration interface (implemented by @rg/gpu): Accelerator ---
