// WebAssembly SIMD (f64x2) GEMM: packed panels, cache blocking and a 4×4 register tile
// (Goto & van de Geijn, "Anatomy of High-Performance Matrix Multiplication", TOMS 2008).
// Compiled by AssemblyScript with --runtime stub: no allocation, the JS loader owns the
// memory and passes byte offsets. All matrices are row-major float64.

// A 4×4 tile is eight f64x2 accumulators plus two B vectors and one A splat, within the
// 16 SIMD registers of x86-64 (unrolling the p loop by two ran about 40% slower under V8).
const MR: i32 = 4;
const NR: i32 = 4;
// Block sizes chosen by timing (min of runs, n = 128…768) among KC ∈ {128, 256, 384, 512},
// MC ∈ {64, 128, 256}, NC ∈ {128, 256, 512}; differences between the top choices were
// within the noise of the shared machine, and these were best at n = 128 and 256.
const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 512;

/** Bytes the loader must reserve for the packed A block. */
export function packABytes(): i32 {
  return MC * KC * 8;
}

/** Bytes the loader must reserve for the packed B block. */
export function packBBytes(): i32 {
  return NC * KC * 8;
}

/**
 * 1 when all `len` doubles at byte offset `p` are finite, else 0. x·0 is ±0 for finite x
 * and NaN for NaN or ±∞, so the sums stay zero exactly when every entry is finite.
 */
export function allFinite(p: usize, len: i32): i32 {
  const zero = f64x2.splat(0);
  let s0 = zero;
  let s1 = zero;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const q = p + ((<usize>i) << 3);
    s0 = f64x2.add(s0, f64x2.mul(v128.load(q), zero));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(q, 16), zero));
  }
  const v = f64x2.add(s0, s1);
  let s = f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
  for (; i < len; i++) s += load<f64>(p + ((<usize>i) << 3)) * 0;
  return s === 0 ? 1 : 0;
}

/**
 * C = op(A)·op(B), or C += op(A)·op(B) with `accumulate`, for C m×n; op(A) is m×k (A stored
 * k×m when transA), op(B) is k×n (B stored n×k when transB). Row strides in doubles: lda, ldb,
 * ldc (the stored row lengths for whole matrices; larger for a block inside a bigger matrix).
 * With upper, tiles strictly below the diagonal are skipped (the caller mirrors the upper
 * triangle).
 */
export function gemm(
  transA: i32,
  transB: i32,
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  upper: i32,
  accumulate: i32,
  packA: usize,
  packB: usize,
  tile: usize,
): void {
  if (!accumulate)
    for (let i = 0; i < m; i++) memory.fill(c + ((<usize>i * <usize>ldc) << 3), 0, (<usize>n) << 3);
  if (m === 0 || n === 0 || k === 0) return;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packPanelB(transB, ldb, b, pc, kc, jc, nc, packB);
      for (let ic = 0; ic < m; ic += MC) {
        if (upper && ic >= jc + nc) break;
        const mc = min(MC, m - ic);
        packPanelA(transA, lda, a, ic, mc, pc, kc, packA);
        macroKernel(mc, nc, kc, c, ldc, ic, jc, upper, packA, packB, tile);
      }
    }
  }
}

// Slivers of MR rows of op(A), p-major (MR consecutive values per p), zero padded.
function packPanelA(
  transA: i32,
  lda: i32,
  a: usize,
  ic: i32,
  mc: i32,
  pc: i32,
  kc: i32,
  dst: usize,
): void {
  let w = dst;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = min(MR, mc - ir);
    const i0 = ic + ir;
    if (rows === MR && transA) {
      for (let p = 0; p < kc; p++) {
        const src = a + ((<usize>(pc + p) * <usize>lda + <usize>i0) << 3);
        v128.store(w, v128.load(src));
        v128.store(w, v128.load(src, 16), 16);
        w += 32;
      }
    } else if (rows === MR) {
      const ldA = (<usize>lda) << 3;
      const s0 = a + ((<usize>i0 * <usize>lda + <usize>pc) << 3);
      const s1 = s0 + ldA;
      const s2 = s1 + ldA;
      const s3 = s2 + ldA;
      for (let p = 0; p < kc; p++) {
        const o = (<usize>p) << 3;
        store<f64>(w, load<f64>(s0 + o));
        store<f64>(w, load<f64>(s1 + o), 8);
        store<f64>(w, load<f64>(s2 + o), 16);
        store<f64>(w, load<f64>(s3 + o), 24);
        w += 32;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          let v: f64 = 0;
          if (r < rows)
            v = transA
              ? load<f64>(a + ((<usize>(pc + p) * <usize>lda + <usize>(i0 + r)) << 3))
              : load<f64>(a + ((<usize>(i0 + r) * <usize>lda + <usize>(pc + p)) << 3));
          store<f64>(w + ((<usize>r) << 3), v);
        }
        w += 32;
      }
    }
  }
}

// Slivers of NR columns of op(B), p-major, zero padded.
function packPanelB(
  transB: i32,
  ldb: i32,
  b: usize,
  pc: i32,
  kc: i32,
  jc: i32,
  nc: i32,
  dst: usize,
): void {
  let w = dst;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = min(NR, nc - jr);
    const j0 = jc + jr;
    if (cols === NR && !transB) {
      for (let p = 0; p < kc; p++) {
        const src = b + ((<usize>(pc + p) * <usize>ldb + <usize>j0) << 3);
        v128.store(w, v128.load(src));
        v128.store(w, v128.load(src, 16), 16);
        w += 32;
      }
    } else if (cols === NR) {
      const ldB = (<usize>ldb) << 3;
      const s0 = b + ((<usize>j0 * <usize>ldb + <usize>pc) << 3);
      const s1 = s0 + ldB;
      const s2 = s1 + ldB;
      const s3 = s2 + ldB;
      for (let p = 0; p < kc; p++) {
        const o = (<usize>p) << 3;
        store<f64>(w, load<f64>(s0 + o));
        store<f64>(w, load<f64>(s1 + o), 8);
        store<f64>(w, load<f64>(s2 + o), 16);
        store<f64>(w, load<f64>(s3 + o), 24);
        w += 32;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let s = 0; s < NR; s++) {
          let v: f64 = 0;
          if (s < cols)
            v = transB
              ? load<f64>(b + ((<usize>(j0 + s) * <usize>ldb + <usize>(pc + p)) << 3))
              : load<f64>(b + ((<usize>(pc + p) * <usize>ldb + <usize>(j0 + s)) << 3));
          store<f64>(w + ((<usize>s) << 3), v);
        }
        w += 32;
      }
    }
  }
}

function macroKernel(
  mc: i32,
  nc: i32,
  kc: i32,
  c: usize,
  ldc: i32,
  ic: i32,
  jc: i32,
  upper: i32,
  packA: usize,
  packB: usize,
  tile: usize,
): void {
  const ldcRow = (<usize>ldc) << 3;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = min(NR, nc - jr);
    const pbBase = packB + ((<usize>jr * <usize>kc) << 3);
    for (let ir = 0; ir < mc; ir += MR) {
      if (upper && ic + ir > jc + jr + NR - 1) break;
      const rows = min(MR, mc - ir);
      const paBase = packA + ((<usize>ir * <usize>kc) << 3);
      const dst = c + ((<usize>(ic + ir) * <usize>ldc + <usize>(jc + jr)) << 3);
      // Edge tiles accumulate into a zeroed 4×4 scratch and add back only the valid part,
      // so the register tile below is the only inner loop (kept inline for the JIT).
      const full = rows === MR && cols === NR;
      let target = dst;
      let ldcBytes = ldcRow;
      if (!full) {
        memory.fill(tile, 0, MR * NR * 8);
        target = tile;
        ldcBytes = NR * 8;
      }
      let pa = paBase;
      let pb = pbBase;
      // C[0:4, 0:4] += Σ_p a_p b_pᵀ with eight f64x2 accumulators (two per row).
      let c00 = f64x2.splat(0);
      let c01 = f64x2.splat(0);
      let c10 = f64x2.splat(0);
      let c11 = f64x2.splat(0);
      let c20 = f64x2.splat(0);
      let c21 = f64x2.splat(0);
      let c30 = f64x2.splat(0);
      let c31 = f64x2.splat(0);
      for (let p = 0; p < kc; p++) {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        let a = v128.load64_splat(pa);
        c00 = f64x2.add(c00, f64x2.mul(a, b0));
        c01 = f64x2.add(c01, f64x2.mul(a, b1));
        a = v128.load64_splat(pa, 8);
        c10 = f64x2.add(c10, f64x2.mul(a, b0));
        c11 = f64x2.add(c11, f64x2.mul(a, b1));
        a = v128.load64_splat(pa, 16);
        c20 = f64x2.add(c20, f64x2.mul(a, b0));
        c21 = f64x2.add(c21, f64x2.mul(a, b1));
        a = v128.load64_splat(pa, 24);
        c30 = f64x2.add(c30, f64x2.mul(a, b0));
        c31 = f64x2.add(c31, f64x2.mul(a, b1));
        pa += 32;
        pb += 32;
      }
      let q = target;
      v128.store(q, f64x2.add(v128.load(q), c00));
      v128.store(q, f64x2.add(v128.load(q, 16), c01), 16);
      q += ldcBytes;
      v128.store(q, f64x2.add(v128.load(q), c10));
      v128.store(q, f64x2.add(v128.load(q, 16), c11), 16);
      q += ldcBytes;
      v128.store(q, f64x2.add(v128.load(q), c20));
      v128.store(q, f64x2.add(v128.load(q, 16), c21), 16);
      q += ldcBytes;
      v128.store(q, f64x2.add(v128.load(q), c30));
      v128.store(q, f64x2.add(v128.load(q, 16), c31), 16);
      if (!full)
        for (let r = 0; r < rows; r++)
          for (let s = 0; s < cols; s++) {
            const e = dst + <usize>r * ldcRow + ((<usize>s) << 3);
            store<f64>(e, load<f64>(e) + load<f64>(tile + ((<usize>(r * NR + s)) << 3)));
          }
    }
  }
}
