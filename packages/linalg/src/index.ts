// Public surface of @rg/linalg: named re-exports only. Each section is owned by
// one area; add exports inside your section, keep the sections in place.

// --- core types, errors, validation, randomness ---
export {
  DEFAULT_ALLOCATION_LIMIT,
  getAllocationLimit,
  guardAllocation,
  setAllocationLimit,
} from './allocation.js';
export type { RgErrorCode } from './errors.js';
export {
  AbortError,
  AllocationLimitError,
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
  assertVector,
  SYMMETRY_TOLERANCE,
  throwIfAborted,
} from './validate.js';
export {
  checkCallbackOutput,
  checkChoice,
  checkFiniteNumber,
  checkFunction,
  checkInRange,
  checkInteger,
  checkMatrix,
  checkOptions,
  checkOutput,
  checkPositive,
  checkProbability,
  checkSeed,
  checkVector,
  describeValue,
} from './validate-arguments.js';

// --- products and kernels: matmul, matmulTransA, matmulTransB, gram, WebAssembly SIMD ---
export { gram } from './gram.js';
export type { KernelBackend, KernelInfo } from './kernels/backend.js';
export { kernelInfo, setKernelBackend } from './kernel-backend.js';
export { matmul } from './matmul.js';
export { matmulTransA, matmulTransB } from './matmul-trans.js';

// --- level 1-3 and elementwise: dot, axpy, norm2, matvec, transpose, add, ... ---
export { add } from './add.js';
export { axpy, axpyInPlace } from './axpy.js';
export { dot } from './dot.js';
export { frobeniusNorm } from './frobenius-norm.js';
export { hadamard } from './hadamard.js';
export { kron } from './kron.js';
export { matvec, matvecTransA } from './matvec.js';
export { norm2 } from './norm2.js';
export { scale } from './scale.js';
export { sub } from './sub.js';
export { symmetrize } from './symmetrize.js';
export { trace } from './trace.js';
export { transpose } from './transpose.js';

// --- random matrices and vectors: randomOrthogonal, randomSPD, randomUnitVector ---
export { randomOrthogonal } from './random-orthogonal.js';
export type { RandomSPDOptions } from './random-spd.js';
export { randomSPD } from './random-spd.js';
export { randomUnitVector } from './start-vector.js';

// --- decompositions: cholesky, lu, solve, inverse, det, logDet, qr, lstsq, solveTriangular ---
export { cholesky } from './cholesky.js';
export type { SignedLogDet } from './det.js';
export { det, logDet, signedLogDet } from './det.js';
export { inverse } from './inverse.js';
export type { LstsqOptions, LstsqResult } from './lstsq.js';
export { lstsq } from './lstsq.js';
export type { LUResult } from './lu.js';
export { lu } from './lu.js';
export type { QROptions, QRResult } from './qr.js';
export { qr } from './qr.js';
export { solve } from './solve.js';
export type { SolveTriangularOptions } from './solve-triangular.js';
export { solveTriangular } from './solve-triangular.js';

// --- iterative: conjugateGradient, lanczos, powerIteration, Objective, LinearOperator ---
export type {
  ConjugateGradientOptions,
  ConjugateGradientResult,
  LinearOperator,
} from './conjugate-gradient.js';
export { conjugateGradient } from './conjugate-gradient.js';
export type { Objective } from './objective.js';
export type { LanczosOptions, LanczosResult } from './lanczos.js';
export { lanczos } from './lanczos.js';
export type { PowerIterationOptions, PowerIterationResult } from './power-iteration.js';
export { powerIteration } from './power-iteration.js';

// --- symmetric spectral: eigh, eighTridiagonal, svd, symmetric matrix functions, Daleckii–Krein, Lyapunov ---
export type { EighMethod, EighOptions, EighResult } from './eigh.js';
export {
  EIGH_DC_MIN,
  EIGH_JACOBI_MAX,
  EIGH_REFINE_AUTO_MAX_N,
  EIGH_REFINE_AUTO_RATIO,
  eigh,
} from './eigh.js';
export type { EigvalshOptions } from './eigvalsh.js';
export { eigvalsh } from './eigvalsh.js';
export type { EighTridiagonalResult } from './eigh-tridiagonal.js';
export { eighTridiagonal } from './eigh-tridiagonal.js';
export { expmSym } from './expm-sym.js';
export { invSqrtmSym } from './inv-sqrtm-sym.js';
export { logmSym } from './logm-sym.js';
export { powmSym } from './powm-sym.js';
export { solveLyapunovSym } from './solve-lyapunov-sym.js';
export { sqrtmSym } from './sqrtm-sym.js';
export type { SvdOptions, SvdResult } from './svd.js';
export { svd } from './svd.js';
export type { SymmetricFunctionOptions } from './symmetric-function.js';
export { symmetricFunction } from './symmetric-function.js';
export type { NamedSymmetricFunction } from './symmetric-function-derivative.js';
export { symmetricFunctionDerivative } from './symmetric-function-derivative.js';

// --- general spectral: eigvals, schur, expm, solveSylvester ---
export type { EigvalsOptions, EigvalsResult } from './eigvals.js';
export { eigvals } from './eigvals.js';
export { expm } from './expm.js';
export type { HessenbergResult } from './hessenberg.js';
export { hessenberg } from './hessenberg.js';
export type { SchurOptions, SchurResult } from './schur.js';
export { schur } from './schur.js';
export { solveSylvester } from './solve-sylvester.js';
export { type SolveDiscreteAreOptions, solveDiscreteAre } from './solve-discrete-are.js';

// --- acceleration interface (implemented by @rg/gpu): Accelerator, linear-algebra primitives only ---
export type {
  Accelerator,
  AcceleratorFallback,
  AcceleratorLimits,
  AcceleratorMode,
  AcceleratorModeRequest,
  AcceleratorThresholds,
  ChebyshevFilterOptions,
} from './accelerator.js';

// --- sparse: CSR matrices, products, orderings, sparse Cholesky, CG and extreme eigenpairs ---
export type { CsrMatrix } from './sparse/csr-matrix.js';
export { assertCsr, assertSymmetricCsr } from './sparse/csr-matrix.js';
export type { CsrFromDenseOptions } from './sparse/csr-dense.js';
export { csrFromDense, csrToDense } from './sparse/csr-dense.js';
export { csrFromTriplets } from './sparse/csr-from-triplets.js';
export { csrDiagonal, csrTranspose } from './sparse/csr-transpose.js';
export type { EigenpairsResult, LanczosEigenpairsOptions } from './sparse/lanczos-eigenpairs.js';
export { lanczosEigenpairs } from './sparse/lanczos-eigenpairs.js';
export type { LobpcgOptions } from './sparse/lobpcg.js';
export { lobpcg } from './sparse/lobpcg.js';
export { reverseCuthillMcKee } from './sparse/reverse-cuthill-mckee.js';
export type { SparseCholesky, SparseCholeskyOptions } from './sparse/sparse-cholesky.js';
export { sparseCholesky } from './sparse/sparse-cholesky.js';
export type { SparseConjugateGradientOptions } from './sparse/sparse-conjugate-gradient.js';
export { sparseConjugateGradient } from './sparse/sparse-conjugate-gradient.js';
export type { SparseEigshOptions } from './sparse/sparse-eigsh.js';
export { sparseEigsh } from './sparse/sparse-eigsh.js';
export type { CsrOperatorOptions } from './sparse/spmv.js';
export { csrOperator, spmm, spmv, spmvTrans } from './sparse/spmv.js';

// --- worker pool: matrix products and symmetric batches over worker threads ---
export type { Pool, PoolInfo, PoolMemory, PoolOptions } from './pool.js';
export { availableThreads, createPool } from './pool.js';
export { checkPool, poolArray, withScratch } from './pool-memory.js';
export type {
  BatchSymmetricFunction,
  EighBatchOptions,
  PoolCallOptions,
  PoolProgress,
} from './parallel.js';
export {
  BATCH_PARALLEL_MIN,
  eighBatch,
  MATMUL_PARALLEL_MIN,
  matmulParallel,
  runPieces,
  symmetricFunctionBatch,
} from './parallel.js';
