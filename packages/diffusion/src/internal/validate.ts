// Shared argument checks of @rg/diffusion: one helper per check, so every message reads
// "fn(): name must ..." and the kernels below can trust their inputs.
import {
  assertCsr,
  assertFinite,
  assertSymmetricCsr,
  type CsrMatrix,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';

/** A point cloud: an n×d matrix of finite coordinates with n ≥ minRows. */
export function checkPoints(fn: string, name: string, x: Matrix, minRows = 1): void {
  assertFinite(fn, name, x);
  if (x.rows < minRows || x.cols < 1)
    throw new ShapeError(
      `${fn}(): ${name} must have at least ${minRows} rows and one column (got ${x.rows}×${x.cols})`,
    );
}

/** A symmetric weight matrix with non-negative entries. */
export function checkWeights(fn: string, name: string, w: CsrMatrix): void {
  assertCsr(fn, name, w, true);
  assertSymmetricCsr(fn, name, w);
  for (let p = 0; p < w.values.length; p++)
    if (w.values[p] < 0)
      throw new InvalidArgumentError(
        `${fn}(): ${name} must have non-negative weights (entry ${p} is ${w.values[p]})`,
      );
}

/** A list of distinct node indices in [0, n). */
export function checkNodes(fn: string, name: string, v: ArrayLike<number>, n: number): Int32Array {
  if (!v || typeof v.length !== 'number')
    throw new ShapeError(`${fn}(): ${name} must be an array of node indices`);
  const out = new Int32Array(v.length);
  const seen = new Uint8Array(n);
  for (let k = 0; k < v.length; k++) {
    const i = v[k];
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new InvalidArgumentError(
        `${fn}(): ${name}[${k}] = ${i} is not a node index in [0, ${n})`,
      );
    if (seen[i]) throw new InvalidArgumentError(`${fn}(): ${name} repeats node ${i}`);
    seen[i] = 1;
    out[k] = i;
  }
  return out;
}
