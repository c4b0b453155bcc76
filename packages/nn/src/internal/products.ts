// Matrix products for the layers, on @rg/linalg's gemm kernels (WebAssembly SIMD above a few
// hundred multiply-adds): overwrite (`out = …`) and accumulate (`out += …`) forms on raw
// row-major arrays. Unchecked: the layers validate shapes once, at their public boundary.
import { gemm, gemmTransA, gemmTransB } from '@rg/linalg/kernels';

// One scratch buffer for the accumulating forms (the gemm kernels overwrite their output).
// The products below never call each other, so one buffer is enough.
let scratch = new Float64Array(1024);

function work(len: number): Float64Array {
  if (scratch.length < len) scratch = new Float64Array(Math.max(len, 2 * scratch.length));
  return scratch;
}

function addInto(out: Float64Array, src: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) out[i] += src[i];
}

/** out (m×n) = A (m×k) · B (k×n) */
export function mm(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): void {
  gemm(m, n, k, a, b, out);
}

/** out (m×n) += A (m×k) · B (k×n) */
export function mmAdd(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): void {
  const t = work(m * n);
  gemm(m, n, k, a, b, t);
  addInto(out, t, m * n);
}

/** out (m×n) = Aᵀ · B for A stored k×m and B k×n */
export function mmTA(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): void {
  gemmTransA(m, n, k, a, b, out);
}

/** out (m×n) += Aᵀ · B for A stored k×m and B k×n */
export function mmTAAdd(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): void {
  const t = work(m * n);
  gemmTransA(m, n, k, a, b, t);
  addInto(out, t, m * n);
}

/** out (m×n) = A · Bᵀ for A stored m×k and B n×k */
export function mmTB(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): void {
  gemmTransB(m, n, k, a, b, out);
}

/** out (m×n) += A · Bᵀ for A stored m×k and B n×k */
export function mmTBAdd(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
): void {
  const t = work(m * n);
  gemmTransB(m, n, k, a, b, t);
  addInto(out, t, m * n);
}

/** Add the row vector b (length cols) to every row of x (rows×cols), in place. */
export function addRowVector(x: Float64Array, rows: number, cols: number, b: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let c = 0; c < cols; c++) x[o + c] += b[c];
  }
}
