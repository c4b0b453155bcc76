// The product module's GEMM on operands resident in the WebAssembly memory (used by the blocked
// QR): blocks of larger matrices through row strides, and C += op(A)·op(B), against the
// TypeScript product of the same blocks copied out (bit for bit: same packing, same sums).
import { describe, expect, it } from 'vitest';
import { gemmTs } from '../kernels/gemm-ts.js';
import { rng } from '../rng.js';
import { wasmGemmInPlace, wasmHeap } from './loader.js';

/** rows × cols block at (r0, c0) of the row-major matrix x (stride ld). */
function block(x: Float64Array, ld: number, r0: number, c0: number, rows: number, cols: number) {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    out.set(x.subarray((r0 + i) * ld + c0, (r0 + i) * ld + c0 + cols), i * cols);
  return out;
}

describe('wasmGemmInPlace', () => {
  const mm = wasmGemmInPlace();
  it.skipIf(!mm)('multiplies strided blocks in place, overwriting or accumulating into C', () => {
    if (!mm) return;
    const r = rng(5);
    // m, n, k across register-tile remainders and a k beyond one packed depth (256)
    for (const [m, n, k] of [
      [5, 7, 3],
      [33, 18, 300],
      [64, 9, 64],
    ])
      for (const transA of [false, true])
        for (const transB of [false, true])
          for (const accumulate of [false, true]) {
            // C + Σ equals C + (Σ of the reference) bit for bit only within one packed depth:
            // past it the kernel adds each depth block's partial sum to C in turn.
            if (accumulate && k > 256) continue;
            // A, B and C are blocks at offset (1, 2) of larger matrices with 3 spare columns.
            const [ar, ac] = transA ? [k, m] : [m, k];
            const [br, bc] = transB ? [n, k] : [k, n];
            const lda = ac + 3;
            const ldb = bc + 3;
            const ldc = n + 3;
            const aBig = Float64Array.from({ length: (ar + 1) * lda }, () => r.normal());
            const bBig = Float64Array.from({ length: (br + 1) * ldb }, () => r.normal());
            const cBig = Float64Array.from({ length: (m + 1) * ldc }, () => r.normal());
            const a0 = mm.scratchEnd >> 3;
            const b0 = a0 + aBig.length + (aBig.length & 1);
            const c0 = b0 + bBig.length + (bBig.length & 1);
            const heap = wasmHeap(8 * (c0 + cBig.length));
            expect(heap).not.toBeNull();
            if (!heap) return;
            heap.set(aBig, a0);
            heap.set(bBig, b0);
            heap.set(cBig, c0);
            const off = (ld: number) => 8 * (ld + 2);
            mm.gemm(
              transA,
              transB,
              m,
              n,
              k,
              8 * a0 + off(lda),
              lda,
              8 * b0 + off(ldb),
              ldb,
              8 * c0 + off(ldc),
              ldc,
              false,
              accumulate,
            );
            const got = heap.slice(c0, c0 + cBig.length);
            const prod = new Float64Array(m * n);
            gemmTs(
              transA,
              transB,
              m,
              n,
              k,
              block(aBig, lda, 1, 2, ar, ac),
              block(bBig, ldb, 1, 2, br, bc),
              prod,
              false,
            );
            const want = cBig.slice();
            for (let i = 0; i < m; i++)
              for (let j = 0; j < n; j++) {
                const e = (1 + i) * ldc + 2 + j;
                want[e] = accumulate ? cBig[e] + prod[i * n + j] : prod[i * n + j];
              }
            let bad = 0;
            for (let e = 0; e < want.length; e++) if (!Object.is(want[e], got[e])) bad++;
            expect(
              bad,
              `m=${m} n=${n} k=${k} transA=${transA} transB=${transB} acc=${accumulate}`,
            ).toBe(0);
          }
  });
});
