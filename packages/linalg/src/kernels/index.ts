/**
 * `@rg/linalg/kernels`: the unchecked kernels under `@rg/linalg`, for the inner loops of other
 * packages.
 *
 * **Experimental in 0.x**: names and signatures may change in a minor release; pin the
 * version if you build on them.
 *
 * The contract (stdlib's `base` idea):
 * - **Raw arrays and sizes.** Matrices are row-major `Float64Array`s with their sizes passed
 *   first (`n`, or `m, n, k`); a `Matrix` object is never required.
 * - **Unchecked.** Nothing is validated: shapes, symmetry, definiteness and finiteness are the
 *   caller's business (validate once at your public boundary, as `@rg/linalg`'s own functions
 *   do before calling these). Kernels never throw on bad numbers: a non-finite input gives
 *   NaN outputs, and kernels that can fail return a status (`false`, or a failing index).
 * - **Out buffers.** Results go into the `out` (and optional `work`) arrays you pass, so a
 *   loop can run without allocating; where `out` is optional it is allocated when omitted
 *   and returned. Each kernel documents which outputs may alias which inputs; anything not
 *   listed must not overlap.
 * - **Same numerics as the main entry.** `cholesky`, `eigh`, `svd`, `matmul`,
 *   `solveTriangular`, `symmetricFunction` and `symmetricFunctionDerivative` are validating
 *   wrappers over these kernels.
 *
 * @packageDocumentation
 */

// --- products: gemm and gemv (WebAssembly SIMD or TypeScript, see kernelInfo), congruence ---
export { congruence } from './congruence.js';
export { gemm, gemmTransA, gemmTransB } from './gemm.js';
export { gemv, gemvTransA } from './gemv.js';

// --- small dense helpers: dot (also the Frobenius inner product), trace, transpose, symmetrize ---
export { dot } from './dot.js';
export { symmetrizeInPlace } from './symmetrize-in-place.js';
export { trace } from './trace.js';
export { transposeSquare } from './transpose-square.js';

// --- triangular: Cholesky (one pivot rule), triangular solve and inverse ---
export { choleskyLower } from './cholesky.js';
export type { SolveTriangularKernelOptions } from './solve-triangular.js';
export { solveTriangularInPlace } from './solve-triangular.js';
export { triangularInverse } from './triangular-inverse.js';

// --- spectral: eigh, SVD (Golub–Kahan and one-sided Jacobi) ---
export type { EighKernelOptions, EighMethod, Eigensystem } from './eigh.js';
export { eigensystem, eigh } from './eigh.js';
export type { OneSidedJacobiOptions } from './one-sided-jacobi.js';
export { oneSidedJacobi } from './one-sided-jacobi.js';
export type { SvdKernelOptions } from './svd.js';
export { svd } from './svd.js';

// --- eigenbasis: f(A) = V f(Λ) Vᵀ, Vᵀ X V, V Y Vᵀ, Daleckii–Krein ---
export { daleckiiKrein, frechetDerivative, loewnerMatrix } from './daleckii-krein.js';
export { fromEigenbasis, reconstruct, toEigenbasis } from './eigenbasis.js';

// --- the divided-difference table: log, exp, sqrt, invSqrt, x^θ, and user f with f' ---
export type { DividedDifference } from './divided-differences.js';
export {
  dividedDifferenceExp,
  dividedDifferenceGeneric,
  dividedDifferenceInvSqrt,
  dividedDifferenceLog,
  dividedDifferencePower,
  dividedDifferenceSqrt,
} from './divided-differences.js';

// --- scalar functions: sigmoid, softplus, logSigmoid; row softmax (overflow-free) ---
export { logSigmoid, sigmoid, softplus } from './sigmoid.js';
export { softmaxRow } from './softmax.js';
