// Packed, cache-blocked GEMM in plain TypeScript: the Goto/BLIS loop structure
// (Goto & van de Geijn, "Anatomy of High-Performance Matrix Multiplication", TOMS 2008).
// Internal kernel: trusts shapes (the wrappers validate them), checks finiteness itself,
// and never allocates per call beyond the reusable pack buffers.

/** Rows of op(A) per micro-tile. */
const MR = 4;
/** Columns of op(B) per micro-tile. */
const NR = 4;
/** Depth of one packed block: an A sliver and a B sliver (4·KC doubles, 8 KiB each) share L1. */
const KC = 256;
/** Rows of op(A) per packed block: MC·KC·8 bytes = 128 KiB stays in L2 across the B slivers. */
const MC = 64;
/** Columns of op(B) per packed block (the packed B block, NC·KC·8 = 1 MiB, streams from L3). */
const NC = 512;

// Allocated on the first packed product (1.2 MiB together), not at import.
let packA = new Float64Array(0);
let packB = new Float64Array(0);

/**
 * At or below this many multiply-adds (about 5×5×5) packing costs more than it saves;
 * measured: direct loops win at n = 2, packed wins from n = 8 (0.7 µs vs 1.6 µs).
 */
const SMALL_WORK = 125;

/**
 * True when every entry is finite. Four independent sums of x·0 (±0 for finite x, NaN for
 * NaN or ±∞) keep the loop branch-free: 3.5 µs for 8192 entries vs 9.2 µs for a compare
 * per entry (assertFiniteArray), measured on Node 20.
 *
 * @internal
 */
export function allFiniteTs(x: Float64Array, len: number): boolean {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    s0 += x[i] * 0;
    s1 += x[i + 1] * 0;
    s2 += x[i + 2] * 0;
    s3 += x[i + 3] * 0;
  }
  for (; i < len; i++) s0 += x[i] * 0;
  return s0 + s1 + s2 + s3 === 0;
}

/**
 * C = op(A)·op(B), overwriting C (m×n, row-major). op(A) is m×k: A is stored m×k
 * (transA false) or k×m (transA true); op(B) is k×n: B is stored k×n or n×k (transB).
 * With `upper`, only tiles touching the upper triangle (j ≥ i) are computed and the
 * strict lower triangle is left unspecified (the caller mirrors it). Returns false, leaving
 * C untouched, when an entry of A or B is not finite (the caller then reports which).
 *
 * @internal
 */
export function gemmTs(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  upper = false,
): boolean {
  if (!allFiniteTs(a, m * k) || (b !== a && !allFiniteTs(b, k * n))) return false;
  c.fill(0, 0, m * n);
  if (m === 0 || n === 0 || k === 0) return true;
  if (m * n * k <= SMALL_WORK) {
    gemmDirect(transA, transB, m, n, k, a, b, c);
    return true;
  }
  if (packA.length === 0) {
    packA = new Float64Array(MC * KC);
    packB = new Float64Array(NC * KC);
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packPanelB(transB, n, k, b, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        // Whole block strictly below the diagonal: nothing to compute for the upper triangle.
        if (upper && ic >= jc + nc) break;
        packPanelA(transA, m, k, a, ic, mc, pc, kc);
        macroKernel(mc, nc, kc, c, n, ic, jc, upper);
      }
    }
  }
  return true;
}

/** Small products: straightforward loops in the cache-friendly order for each layout. */
function gemmDirect(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
): void {
  if (!transB) {
    // i-p-j: rows of B and C are streamed contiguously.
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i] : a[i * k + p];
        if (aip === 0) continue;
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
      }
    }
    return;
  }
  // B stored n×k: each entry is a dot product of contiguous rows of B.
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      if (transA) for (let p = 0; p < k; p++) s += a[p * m + i] * b[bj + p];
      else {
        const ai = i * k;
        for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
      }
      c[ci + j] = s;
    }
  }
}

/** Pack op(A)[ic:ic+mc, pc:pc+kc] into MR-row slivers, each stored p-major, zero padded. */
function packPanelA(
  transA: boolean,
  m: number,
  k: number,
  a: Float64Array,
  ic: number,
  mc: number,
  pc: number,
  kc: number,
): void {
  const pa = packA;
  let w = 0;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = Math.min(MR, mc - ir);
    const i0 = ic + ir;
    if (rows === MR) {
      if (transA) {
        for (let p = 0; p < kc; p++) {
          const o = (pc + p) * m + i0;
          pa[w] = a[o];
          pa[w + 1] = a[o + 1];
          pa[w + 2] = a[o + 2];
          pa[w + 3] = a[o + 3];
          w += 4;
        }
      } else {
        const o0 = i0 * k + pc;
        const o1 = o0 + k;
        const o2 = o1 + k;
        const o3 = o2 + k;
        for (let p = 0; p < kc; p++) {
          pa[w] = a[o0 + p];
          pa[w + 1] = a[o1 + p];
          pa[w + 2] = a[o2 + p];
          pa[w + 3] = a[o3 + p];
          w += 4;
        }
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++)
          pa[w + r] = r < rows ? (transA ? a[(pc + p) * m + i0 + r] : a[(i0 + r) * k + pc + p]) : 0;
        w += MR;
      }
    }
  }
}

/** Pack op(B)[pc:pc+kc, jc:jc+nc] into NR-column slivers, each stored p-major, zero padded. */
function packPanelB(
  transB: boolean,
  n: number,
  k: number,
  b: Float64Array,
  pc: number,
  kc: number,
  jc: number,
  nc: number,
): void {
  const pb = packB;
  let w = 0;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    const j0 = jc + jr;
    if (cols === NR) {
      if (transB) {
        const o0 = j0 * k + pc;
        const o1 = o0 + k;
        const o2 = o1 + k;
        const o3 = o2 + k;
        for (let p = 0; p < kc; p++) {
          pb[w] = b[o0 + p];
          pb[w + 1] = b[o1 + p];
          pb[w + 2] = b[o2 + p];
          pb[w + 3] = b[o3 + p];
          w += 4;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          const o = (pc + p) * n + j0;
          pb[w] = b[o];
          pb[w + 1] = b[o + 1];
          pb[w + 2] = b[o + 2];
          pb[w + 3] = b[o + 3];
          w += 4;
        }
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let s = 0; s < NR; s++)
          pb[w + s] = s < cols ? (transB ? b[(j0 + s) * k + pc + p] : b[(pc + p) * n + j0 + s]) : 0;
        w += NR;
      }
    }
  }
}

/** C[ic:, jc:] += packed A block · packed B block, one 4×4 register tile at a time. */
function macroKernel(
  mc: number,
  nc: number,
  kc: number,
  c: Float64Array,
  ldc: number,
  ic: number,
  jc: number,
  upper: boolean,
): void {
  const pa = packA;
  const pb = packB;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    const bOff = jr * kc;
    for (let ir = 0; ir < mc; ir += MR) {
      // Tile entirely below the diagonal: skipped for the upper-triangle variant.
      if (upper && ic + ir > jc + jr + NR - 1) break;
      const rows = Math.min(MR, mc - ir);
      const aOff = ir * kc;
      let c00 = 0;
      let c01 = 0;
      let c02 = 0;
      let c03 = 0;
      let c10 = 0;
      let c11 = 0;
      let c12 = 0;
      let c13 = 0;
      let c20 = 0;
      let c21 = 0;
      let c22 = 0;
      let c23 = 0;
      let c30 = 0;
      let c31 = 0;
      let c32 = 0;
      let c33 = 0;
      let ia = aOff;
      let ib = bOff;
      for (let p = 0; p < kc; p++) {
        const a0 = pa[ia];
        const a1 = pa[ia + 1];
        const a2 = pa[ia + 2];
        const a3 = pa[ia + 3];
        const b0 = pb[ib];
        const b1 = pb[ib + 1];
        const b2 = pb[ib + 2];
        const b3 = pb[ib + 3];
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3;
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3;
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3;
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3;
        ia += 4;
        ib += 4;
      }
      const o = (ic + ir) * ldc + jc + jr;
      if (rows === MR && cols === NR) {
        c[o] += c00;
        c[o + 1] += c01;
        c[o + 2] += c02;
        c[o + 3] += c03;
        const o1 = o + ldc;
        c[o1] += c10;
        c[o1 + 1] += c11;
        c[o1 + 2] += c12;
        c[o1 + 3] += c13;
        const o2 = o1 + ldc;
        c[o2] += c20;
        c[o2 + 1] += c21;
        c[o2 + 2] += c22;
        c[o2 + 3] += c23;
        const o3 = o2 + ldc;
        c[o3] += c30;
        c[o3 + 1] += c31;
        c[o3 + 2] += c32;
        c[o3 + 3] += c33;
      } else {
        tile[0] = c00;
        tile[1] = c01;
        tile[2] = c02;
        tile[3] = c03;
        tile[4] = c10;
        tile[5] = c11;
        tile[6] = c12;
        tile[7] = c13;
        tile[8] = c20;
        tile[9] = c21;
        tile[10] = c22;
        tile[11] = c23;
        tile[12] = c30;
        tile[13] = c31;
        tile[14] = c32;
        tile[15] = c33;
        for (let r = 0; r < rows; r++)
          for (let s = 0; s < cols; s++) c[o + r * ldc + s] += tile[r * NR + s];
      }
    }
  }
}

const tile = new Float64Array(MR * NR);
