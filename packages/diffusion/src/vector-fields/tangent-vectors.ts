// Tangent vector fields in local frames: projection of ambient vectors onto the frames, lifting
// frame coordinates back, and vector heat diffusion with the connection Laplacian (Singer & Wu,
// CPAM 65(8), 2012; Sharp, Soliman & Crane, "The vector heat method", ACM TOG 38(3), 2019).
import {
  assertFinite,
  type CsrMatrix,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { type HeatKernelOptions, heatKernelAs } from '../heat/heat-kernel.js';
import type { TangentFrames } from './local-frames.js';

/** Throw unless `frames` is a well-formed {@link TangentFrames} for n points. */
export function checkFrames(fn: string, frames: TangentFrames, n?: number): void {
  if (
    !frames ||
    typeof frames !== 'object' ||
    !(frames.data instanceof Float64Array) ||
    !Number.isInteger(frames.n) ||
    !Number.isInteger(frames.ambientDim) ||
    !Number.isInteger(frames.dim) ||
    frames.dim < 1 ||
    frames.dim > frames.ambientDim ||
    frames.data.length !== frames.n * frames.ambientDim * frames.dim
  )
    throw new ShapeError(
      `${fn}(): frames must be TangentFrames { n, ambientDim, dim, data: Float64Array(n·ambientDim·dim) }`,
    );
  if (n !== undefined && frames.n !== n)
    throw new ShapeError(`${fn}(): frames hold ${frames.n} points, expected ${n}`);
  for (let q = 0; q < frames.data.length; q++)
    if (!Number.isFinite(frames.data[q]))
      throw new InvalidArgumentError(`${fn}(): frames.data[${q}] is not finite`);
}

/**
 * Tangent coordinates c_i = F_iᵀ v_i of ambient vectors v_i (the orthogonal projection onto the
 * tangent plane, in the frame's basis).
 *
 * @param frames - n frames (D×d)
 * @param vectors - n×D ambient vectors
 * @returns n×d coordinates
 * @throws {ShapeError | NonFiniteError} on mismatched shapes
 * @example
 * import { fromRows } from '@rg/linalg';
 * const frames = { n: 1, ambientDim: 3, dim: 2, data: Float64Array.of(1, 0, 0, 1, 0, 0), explained: Float64Array.of(1) };
 * projectToFrames(frames, fromRows([[2, 3, 4]])) // => [[2, 3]]
 */
export function projectToFrames(frames: TangentFrames, vectors: Matrix): Matrix {
  return projectAs('projectToFrames', frames, vectors);
}

/** {@link projectToFrames} with errors naming the public function `fn`. */
function projectAs(fn: string, frames: TangentFrames, vectors: Matrix): Matrix {
  checkFrames(fn, frames);
  assertFinite(fn, 'vectors', vectors);
  if (vectors.rows !== frames.n || vectors.cols !== frames.ambientDim)
    throw new ShapeError(
      `${fn}(): vectors must be ${frames.n}×${frames.ambientDim} (got ${vectors.rows}×${vectors.cols})`,
    );
  return projectKernel(frames, vectors.data);
}

/**
 * Ambient vectors F_i c_i from tangent coordinates c_i.
 *
 * @param frames - n frames (D×d)
 * @param coords - n×d tangent coordinates
 * @returns n×D ambient vectors (tangent to the frames' planes)
 * @throws {ShapeError | NonFiniteError} on mismatched shapes
 * @example
 * import { fromRows } from '@rg/linalg';
 * const frames = { n: 1, ambientDim: 3, dim: 2, data: Float64Array.of(1, 0, 0, 1, 0, 0), explained: Float64Array.of(1) };
 * liftFromFrames(frames, fromRows([[2, 3]])) // => [[2, 3, 0]]
 */
export function liftFromFrames(frames: TangentFrames, coords: Matrix): Matrix {
  const fn = 'liftFromFrames';
  checkFrames(fn, frames);
  assertFinite(fn, 'coords', coords);
  if (coords.rows !== frames.n || coords.cols !== frames.dim)
    throw new ShapeError(
      `${fn}(): coords must be ${frames.n}×${frames.dim} (got ${coords.rows}×${coords.cols})`,
    );
  return liftKernel(frames, coords.data);
}

/** Unchecked projection: n×d coordinates of n×D vectors. */
export function projectKernel(frames: TangentFrames, v: Float64Array): Matrix {
  const { n, ambientDim: D, dim: d, data: F } = frames;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < d; a++) {
      let s = 0;
      for (let c = 0; c < D; c++) s += F[i * D * d + c * d + a] * v[i * D + c];
      out[i * d + a] = s;
    }
  return { rows: n, cols: d, data: out };
}

/** Unchecked lift: n×D vectors of n×d coordinates. */
export function liftKernel(frames: TangentFrames, coords: Float64Array): Matrix {
  const { n, ambientDim: D, dim: d, data: F } = frames;
  const out = new Float64Array(n * D);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < D; c++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += F[i * D * d + c * d + a] * coords[i * d + a];
      out[i * D + c] = s;
    }
  return { rows: n, cols: D, data: out };
}

/**
 * Vector heat diffusion: project ambient vectors onto the frames, apply the heat kernel
 * exp(−tL) of a connection Laplacian L ({@link connectionLaplacian}) to the node-major tangent
 * coordinates, and lift the result. Vectors are transported along the graph's connections while
 * they spread, so a smooth field is kept and a rotating one is not averaged away; a parallel
 * field (L f = 0) is left unchanged.
 *
 * @param lc - connection Laplacian, (n·d)×(n·d)
 * @param frames - the frames it was built from
 * @param vectors - n×D ambient vectors
 * @param t - diffusion time ≥ 0
 * @param options - {@link heatKernel} options (method, order, tol, lambdaMax, steps)
 * @returns n×D diffused ambient vectors
 * @throws {ShapeError | NonFiniteError | NotSymmetricError | InvalidArgumentError} on bad input
 * @example
 * import { csrFromTriplets, fromRows } from '@rg/linalg';
 * const w = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
 * const frames = { n: 2, ambientDim: 2, dim: 1, data: Float64Array.of(0, 1, -0.6, 0.8), explained: Float64Array.of(1, 1) };
 * const lc = connectionLaplacian(w, frames);
 * // the unit tangents at both nodes form a parallel field: unchanged
 * vectorHeatDiffusion(lc, frames, fromRows([[0, 1], [-0.6, 0.8]]), 2) // => ~[[0, 1], [-0.6, 0.8]]
 */
export function vectorHeatDiffusion(
  lc: CsrMatrix,
  frames: TangentFrames,
  vectors: Matrix,
  t: number,
  options: Omit<HeatKernelOptions, 'accelerator'> = {},
): Matrix {
  const fn = 'vectorHeatDiffusion';
  checkFrames(fn, frames);
  if (lc?.rows !== frames.n * frames.dim)
    throw new ShapeError(
      `${fn}(): lc must be ${frames.n * frames.dim}×${frames.n * frames.dim} for ${frames.n} frames of dimension ${frames.dim}`,
    );
  const c = projectAs(fn, frames, vectors);
  const h = heatKernelAs(fn, lc, t, options);
  return liftKernel(frames, h.apply(c.data));
}
