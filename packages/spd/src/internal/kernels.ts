// Dense n×n kernels on row-major Float64Arrays that trust their inputs (Golub & Van Loan,
// Matrix Computations, 4th ed., §1.1, §4.2): the public wrappers validate, these only compute.
import { type Matrix, matmul, matmulTransB } from '@rg/linalg';

// Products go through @rg/linalg's kernels (WebAssembly SIMD above tiny sizes); these
// wrappers only give them the raw-array shape the SPD code uses.
const asMatrix = (data: Float64Array, n: number): Matrix => ({ rows: n, cols: n, data });

/** out = A·B for n×n A, B (out must not alias A or B). */
export function mul(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out = new Float64Array(n * n),
): Float64Array {
  matmul(asMatrix(a, n), asMatrix(b, n), asMatrix(out, n));
  return out;
}

/** out = A·Bᵀ for n×n A, B (out must not alias A or B). */
export function mulABt(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out = new Float64Array(n * n),
): Float64Array {
  matmulTransB(asMatrix(a, n), asMatrix(b, n), asMatrix(out, n));
  return out;
}

/** Symmetric G·X·Gᵀ (the lower triangle is mirrored so rounding never breaks symmetry). */
export function congruence(g: Float64Array, x: Float64Array, n: number): Float64Array {
  const out = mulABt(mul(g, x, n), g, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[j * n + i] = out[i * n + j];
  return out;
}

/** (A + Aᵀ)/2 in place. */
export function symmetrizeInPlace(a: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  return a;
}

/**
 * Lower Cholesky factor L with A = LLᵀ. Returns the index of the first non-positive pivot as a
 * negative number encoded in `failedPivot`, or L.
 */
export function choleskyLower(
  a: Float64Array,
  n: number,
): { l: Float64Array; failedPivot: number; pivotValue: number } {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const jo = j * n;
    let d = a[jo + j];
    for (let k = 0; k < j; k++) d -= l[jo + k] * l[jo + k];
    if (!(d > 0)) return { l, failedPivot: j, pivotValue: d };
    const ljj = Math.sqrt(d);
    l[jo + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const io = i * n;
      let s = a[io + j];
      for (let k = 0; k < j; k++) s -= l[io + k] * l[jo + k];
      l[io + j] = s / ljj;
    }
  }
  return { l, failedPivot: -1, pivotValue: 0 };
}

/** Inverse of a lower-triangular matrix (forward substitution column by column). */
export function lowerInverse(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    inv[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      const io = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s -= l[io + k] * inv[k * n + j];
      inv[io + j] = s / l[io + i];
    }
  }
  return inv;
}

/** Frobenius inner product Σ a_ij b_ij. */
export function frob(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Transpose of an n×n matrix. */
export function transposeSq(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = a[i * n + j];
  return out;
}

/** Σ_i a_ii. */
export function traceOf(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i * n + i];
  return s;
}
