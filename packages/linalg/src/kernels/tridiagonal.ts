// Backend dispatch of the symmetric tridiagonal reduction and the implicit QL iteration
// (Golub & Van Loan, Matrix Computations, 4th ed., §8.3): WebAssembly SIMD (assembly/
// tridiagonal.ts, assembly/ql.ts) or their TypeScript twins in symmetric-eigensolvers.ts, which
// round identically. Internal layer: inputs are trusted.
import { preferWasm } from './backend.js';
import { applyWY, formT } from './householder-wy.js';
import { tridiagonalize, tridiagonalQL } from './symmetric-eigensolvers.js';
import { WASM_BASE, wasmHeap, wasmModule } from '../wasm/loader.js';

/**
 * Order from which the reduction and QL run on WebAssembly under 'auto'. Below it the copies in
 * and out cost more than the SIMD loops save (n = 3: TypeScript 0.9 µs vs 1.1 µs; n = 4: 1.3 µs
 * vs 1.2 µs; n = 8: 4.9 µs vs 3.0 µs with vectors, Node 20 x86-64).
 */
export const TRIDIAGONAL_WASM_MIN = 4;

/** QL steps allowed per eigenvalue before reporting non-convergence. */
const MAX_SWEEPS = 60;

/**
 * Eigenvalues of the symmetric n×n `w` (row-major, lower triangle read, overwritten) into `d`
 * (unsorted) by tridiagonalization and implicit QL; with `zt`, the eigenvectors as its rows
 * (row i belongs to d[i]). `e` (n) and `work` (3n) are scratch. Returns false when QL did not
 * converge.
 */
export function tridiagonalEigen(
  n: number,
  w: Float64Array,
  d: Float64Array,
  e: Float64Array,
  zt: Float64Array | null,
  work: Float64Array,
): boolean {
  if (n > 0 && preferWasm(n, TRIDIAGONAL_WASM_MIN)) {
    const ok = wasmEigen(n, w, d, zt);
    if (ok !== null) return ok;
  }
  tridiagonalize(n, w, d, e, zt, work);
  return tridiagonalQL(n, d, e, zt, n, MAX_SWEEPS);
}

/**
 * The reduction alone: T = Qᵀ A Q into (d, e) with the reflectors left in the rows of `w` and
 * their β in work[2n..3n) (see {@link tridiagonalize}).
 */
export function tridiagonalReduce(
  n: number,
  w: Float64Array,
  d: Float64Array,
  e: Float64Array,
  work: Float64Array,
): void {
  if (n > 0 && preferWasm(n, TRIDIAGONAL_WASM_MIN)) {
    const tri = wasmModule('tridiagonal');
    const nn = n * n;
    const heap = tri ? wasmHeap(WASM_BASE + 8 * (nn + 5 * n)) : null;
    if (tri && heap) {
      const a0 = WASM_BASE >> 3;
      const d0 = a0 + nn;
      const e0 = d0 + n;
      const w0 = e0 + n;
      heap.set(w.subarray(0, nn), a0);
      tri.tridiagonalize(n, a0 * 8, d0 * 8, e0 * 8, 0, w0 * 8);
      w.set(heap.subarray(a0, a0 + nn));
      d.set(heap.subarray(d0, d0 + n));
      e.set(heap.subarray(e0, e0 + n));
      work.set(heap.subarray(w0, w0 + 3 * n));
      return;
    }
  }
  tridiagonalize(n, w, d, e, null, work);
}

/** Both steps in WebAssembly memory (one copy in, one out); null when unavailable. */
function wasmEigen(
  n: number,
  w: Float64Array,
  d: Float64Array,
  zt: Float64Array | null,
): boolean | null {
  const tri = wasmModule('tridiagonal');
  const ql = tri ? wasmModule('ql') : null;
  if (!tri || !ql) return null;
  const nn = n * n;
  const q = zt ? nn : 0;
  const heap = wasmHeap(WASM_BASE + 8 * (nn + q + 7 * n));
  if (!heap) return null;
  const a0 = WASM_BASE >> 3;
  const q0 = a0 + nn;
  const d0 = q0 + q;
  const e0 = d0 + n;
  const w0 = e0 + n;
  const r0 = w0 + 3 * n;
  heap.set(w.subarray(0, nn), a0);
  tri.tridiagonalize(n, a0 * 8, d0 * 8, e0 * 8, zt ? q0 * 8 : 0, w0 * 8);
  const ok = ql.ql(n, d0 * 8, e0 * 8, zt ? q0 * 8 : 0, n, r0 * 8, MAX_SWEEPS) === 1;
  d.set(heap.subarray(d0, d0 + n));
  if (zt) zt.set(heap.subarray(q0, q0 + nn));
  return ok;
}

/**
 * Implicit QL on the tridiagonal (d, e) (e[n−1] is ignored; both overwritten): eigenvalues
 * into d (unsorted), the rows of the n×n `zt` rotated along. Returns false when QL did not
 * converge.
 */
export function qlRows(n: number, d: Float64Array, e: Float64Array, zt: Float64Array): boolean {
  if (n > 0 && preferWasm(n, TRIDIAGONAL_WASM_MIN)) {
    const ql = wasmModule('ql');
    const nn = n * n;
    const heap = ql ? wasmHeap(WASM_BASE + 8 * (nn + 4 * n)) : null;
    if (ql && heap) {
      const z0 = WASM_BASE >> 3;
      const d0 = z0 + nn;
      const e0 = d0 + n;
      const r0 = e0 + n;
      heap.set(zt.subarray(0, nn), z0);
      heap.set(d.subarray(0, n), d0);
      heap.set(e.subarray(0, n), e0);
      const ok = ql.ql(n, d0 * 8, e0 * 8, z0 * 8, n, r0 * 8, MAX_SWEEPS) === 1;
      d.set(heap.subarray(d0, d0 + n));
      zt.set(heap.subarray(z0, z0 + nn));
      return ok;
    }
  }
  return tridiagonalQL(n, d, e, zt, n, MAX_SWEEPS);
}

/** Reflectors per compact-WY block of the back-transformation. */
const WY_BLOCK = 32;
let yBuf = new Float64Array(0);
const tBuf = new Float64Array(WY_BLOCK * WY_BLOCK);

/**
 * z ← Q z for the Q of {@link tridiagonalReduce} (Q = H_0 ⋯ H_{n−3}, reflector k in row k of
 * `w`, columns k+1..n−1, β_k in betas[k]): blocks of {@link WY_BLOCK} reflectors, last block
 * first, each applied as I − Y T Yᵀ with two products on the gemm kernel.
 */
export function tridiagonalBackTransform(
  n: number,
  w: Float64Array,
  betas: Float64Array,
  z: Float64Array,
): void {
  const count = n - 2;
  if (count <= 0) return;
  if (yBuf.length < n * WY_BLOCK) yBuf = new Float64Array(n * WY_BLOCK);
  for (let j0 = Math.floor((count - 1) / WY_BLOCK) * WY_BLOCK; j0 >= 0; j0 -= WY_BLOCK) {
    const j1 = Math.min(j0 + WY_BLOCK, count);
    const b = j1 - j0;
    const rows = n - j0 - 1;
    const y = yBuf.subarray(0, rows * b);
    // Y[r, c] = v_{j0+c}[j0+1+r]: reflector j0+c starts at row c of the block.
    for (let r = 0; r < rows; r++) {
      const o = r * b;
      const col = j0 + 1 + r;
      for (let c = 0; c < b; c++) y[o + c] = r >= c ? w[(j0 + c) * n + col] : 0;
    }
    formT(rows, b, y, betas.subarray(j0, j1), tBuf);
    applyWY(rows, b, y, tBuf, false, z.subarray((j0 + 1) * n, n * n), n);
  }
}
