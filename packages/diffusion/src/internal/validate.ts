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

/** An integer in [min, max]. */
export function checkInteger(
  fn: string,
  name: string,
  v: unknown,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be an integer in [${min}, ${max}] (got ${String(v)})`,
    );
  return v;
}

/** A finite number > 0 (or ≥ 0 with allowZero). */
export function checkPositive(fn: string, name: string, v: unknown, allowZero = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a finite number ${allowZero ? '≥' : '>'} 0 (got ${String(v)})`,
    );
  return v;
}

/** One of the listed string values. */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  v: unknown,
  choices: readonly T[],
): T {
  if (typeof v !== 'string' || !choices.includes(v as T))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be ${choices.map((c) => `'${c}'`).join(', ')} (got ${String(v)})`,
    );
  return v as T;
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
