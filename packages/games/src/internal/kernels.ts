// Unchecked dense kernels on raw Float64Array for the solvers' inner loops: no validation,
// no allocation. @rg/linalg's public products validate their arguments on every call, which
// would double the cost of a matrix–vector product inside an iteration.

/** out[0..rows) = A x for a row-major rows×cols block `a` (out must not alias x). */
export function matvecInto(
  a: Float64Array,
  rows: number,
  cols: number,
  x: Float64Array,
  out: Float64Array,
): void {
  const c4 = cols - (cols % 4);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < c4; j += 4) {
      s0 += a[o + j] * x[j];
      s1 += a[o + j + 1] * x[j + 1];
      s2 += a[o + j + 2] * x[j + 2];
      s3 += a[o + j + 3] * x[j + 3];
    }
    for (let j = c4; j < cols; j++) s0 += a[o + j] * x[j];
    out[i] = s0 + s1 + s2 + s3;
  }
}

/** ‖v‖₂ by the plain sum of squares (Infinity once an iterate has blown up, which the callers test for). */
export function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** ‖a − b‖₂. */
export function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

/** True when every entry is finite. */
export function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x - x !== 0) return false;
  }
  return true;
}
