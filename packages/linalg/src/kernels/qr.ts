// Blocked Householder QR on raw arrays (Golub & Van Loan, Matrix Computations, 4th ed., Alg.
// 5.2.1, §5.2.3 and §5.1.7; LAPACK dgeqrf/dorgqr): A is held transposed so that every reflector
// is a contiguous vector; each panel of {@link QR_BLOCK} columns is factored by a level-2
// kernel (WebAssembly SIMD in assembly/qr.ts, or its TypeScript twin here, which rounds
// identically) and applied to the trailing columns, and to Q, in compact WY form with three
// products on the gemm kernel. On WebAssembly the whole factorization stays in its memory (householderQrWasm); the TypeScript path does the same
// operations on JavaScript arrays. Internal layer: inputs are trusted and finite.
import { gemmDispatch, preferWasm } from './backend.js';
import { WASM_BASE, wasmGemmInPlace, wasmHeap, wasmModule } from '../wasm/loader.js';

/**
 * Columns per panel (reflectors per compact-WY block), at every size. With the factorization
 * resident in WebAssembly memory, 32 beats 64 from n = 192 on (measured, Node 20 x86-64,
 * alternating in one process on a machine at load average 25–35, 41 runs at n = 192 and 256,
 * 11 at 384 and 512: the 64-column panels took 1.08–1.35× the time of 32 by the minimum and
 * 1.10–1.42× by the median); 64-column panels had won only while every trailing update copied
 * its operands into and out of that memory (half as many updates).
 */
export const QR_BLOCK = 32;

/**
 * Panel entries (rows × columns) from which the level-2 kernels run on WebAssembly under 'auto'
 * (measured, Node 20 x86-64: 8×8 TypeScript 1.1 µs vs 1.5 µs; 16×16 4.0 µs vs 3.3 µs).
 */
export const QR_WASM_MIN = 160;

/**
 * Householder QR A = Q R of the row-major m×n `a` (not modified): R (upper trapezoidal,
 * `rRows` × n with rRows = min(m, n), or m for the full factorization) into `r`, and when `q`
 * is given Q (m × qCols, qCols = min(m, n) or m) into it. As in LAPACK the diagonal of R may
 * be negative. Outputs are overwritten entirely.
 */
export function householderQr(
  m: number,
  n: number,
  a: Float64Array,
  r: Float64Array,
  rRows: number,
  q: Float64Array | null,
  qCols: number,
): void {
  if (preferWasm(m * n, QR_WASM_MIN) && householderQrWasm(m, n, a, r, rRows, q, qCols)) return;
  const p = Math.min(m, n);
  // at: row c = column c of A (n × m)
  const at = new Float64Array(n * m);
  transposeInto(m, n, a, at, 0);
  const tau = new Float64Array(p);
  const blocks: { kb: number; b: number; yt: Float64Array; t: Float64Array }[] = [];
  const nb = QR_BLOCK;
  for (let kb = 0; kb < p; kb += nb) {
    const b = Math.min(nb, p - kb);
    const mk = m - kb;
    panelQr(mk, b, at, kb * m + kb, m, tau, kb);
    const nc = n - kb - b;
    // One block (tall-skinny A): Q comes from the level-2 kernel directly.
    if (nc === 0 && kb === 0) break;
    const yt = new Float64Array(b * mk);
    reflectorRows(mk, b, at, kb * m + kb, m, yt, 0);
    const g = new Float64Array(b * b);
    gemmDispatch(false, true, b, b, mk, yt, yt, g);
    const t = new Float64Array(b * b);
    triangularFactor(b, g, 0, tau, kb, t, 0);
    blocks.push({ kb, b, yt, t });
    if (nc > 0) {
      // Columns kb+b.. of A (rows of at), entries kb..: C ← (I − Y Tᵀ Yᵀ) C, i.e.
      // Cᵀ ← Cᵀ − ((Cᵀ Y) T) Yᵀ.
      const ct = new Float64Array(nc * mk);
      for (let c = 0; c < nc; c++)
        ct.set(at.subarray((kb + b + c) * m + kb, (kb + b + c + 1) * m), c * mk);
      applyRight(nc, mk, b, ct, yt, t, false);
      for (let c = 0; c < nc; c++) at.set(ct.subarray(c * mk, (c + 1) * mk), (kb + b + c) * m + kb);
    }
  }
  copyR(m, n, at, 0, r, rRows);
  if (!q) return;
  // X = Qᵀ (qCols × m) from [I 0]: X ← X P_jᵀ for the blocks, last first.
  const x = new Float64Array(qCols * m);
  for (let i = 0; i < qCols; i++) x[i * m + i] = 1;
  if (blocks.length === 0) {
    accumulateQt(m, p, at, m, tau, qCols, x, m);
  } else {
    for (let j = blocks.length - 1; j >= 0; j--) {
      const { kb, b, yt, t } = blocks[j];
      const mk = m - kb;
      const rows = qCols - kb;
      const xs = new Float64Array(rows * mk);
      for (let i = 0; i < rows; i++)
        xs.set(x.subarray((kb + i) * m + kb, (kb + i + 1) * m), i * mk);
      applyRight(rows, mk, b, xs, yt, t, true);
      for (let i = 0; i < rows; i++) x.set(xs.subarray(i * mk, (i + 1) * mk), (kb + i) * m + kb);
    }
  }
  transposeInto(qCols, m, x, q, 0);
}

/**
 * {@link householderQr} with Aᵀ, the reflectors, T and Qᵀ held in the WebAssembly memory for
 * the whole factorization: the panels (assembly/qr.ts) and the three compact-WY products of
 * every trailing update and of Q (the gemm of assembly/kernels.ts, on strided blocks of the
 * resident matrices) run where the data is, so A and Q cross the boundary once each way.
 * The same operations in the same order as the TypeScript path above, so both round
 * identically. False (nothing written) when a module is unavailable or the memory cannot grow.
 */
function householderQrWasm(
  m: number,
  n: number,
  a: Float64Array,
  r: Float64Array,
  rRows: number,
  q: Float64Array | null,
  qCols: number,
): boolean {
  const mm = wasmGemmInPlace();
  const mod = wasmModule('qr');
  if (!mm || !mod) return false;
  const gemm = mm.gemm;
  const p = Math.min(m, n);
  const nb = QR_BLOCK;
  const nBlocks = Math.ceil(p / nb);
  const wRows = Math.max(n, q ? qCols : 0);
  // Layout in doubles from the first free (16-byte aligned) byte after gemm's packing buffers;
  // every region starts on an even index.
  const even = (x: number) => x + (x & 1);
  const at0 = mm.scratchEnd >> 3;
  const tau0 = even(at0 + n * m);
  const yt0 = even(tau0 + p);
  const g0 = even(yt0 + nb * m);
  const t0 = even(g0 + nb * nb);
  const w0 = even(t0 + nBlocks * nb * nb);
  const w20 = even(w0 + wRows * nb);
  const x0 = even(w20 + wRows * nb);
  const end = x0 + (q ? qCols * m : 0);
  const heap = wasmHeap(8 * end);
  if (!heap) return false;
  transposeInto(m, n, a, heap, at0);
  heap.fill(0, g0, t0 + nBlocks * nb * nb);
  let blocks = 0;
  for (let kb = 0; kb < p; kb += nb) {
    const b = Math.min(nb, p - kb);
    const mk = m - kb;
    mod.geqr2t(mk, b, 8 * (at0 + kb * m + kb), m, 8 * (tau0 + kb));
    const nc = n - kb - b;
    if (nc === 0 && kb === 0) break;
    reflectorRows(mk, b, heap, at0 + kb * m + kb, m, heap, yt0);
    gemm(false, true, b, b, mk, 8 * yt0, mk, 8 * yt0, mk, 8 * g0, b);
    const tj = t0 + blocks * nb * nb;
    triangularFactor(b, heap, g0, heap, tau0 + kb, heap, tj);
    blocks++;
    if (nc > 0) {
      // Cᵀ (rows kb+b.. of Aᵀ from entry kb, stride m) ← Cᵀ + (−(Cᵀ Y) T) Yᵀ
      const ct = 8 * (at0 + (kb + b) * m + kb);
      gemm(false, true, nc, b, mk, ct, m, 8 * yt0, mk, 8 * w0, b);
      gemm(false, false, nc, b, b, 8 * w0, b, 8 * tj, b, 8 * w20, b);
      negate(heap, w20, nc * b);
      gemm(false, false, nc, mk, b, 8 * w20, b, 8 * yt0, mk, ct, m, false, true);
    }
  }
  copyR(m, n, heap, at0, r, rRows);
  if (!q) return true;
  heap.fill(0, x0, x0 + qCols * m);
  for (let i = 0; i < qCols; i++) heap[x0 + i * m + i] = 1;
  if (blocks === 0) {
    mod.org2rt(m, p, 8 * at0, m, 8 * tau0, qCols, 8 * x0, m);
  } else {
    for (let j = blocks - 1; j >= 0; j--) {
      const kb = j * nb;
      const b = Math.min(nb, p - kb);
      const mk = m - kb;
      const rows = qCols - kb;
      reflectorRows(mk, b, heap, at0 + kb * m + kb, m, heap, yt0);
      const xs = 8 * (x0 + kb * m + kb);
      const tj = 8 * (t0 + j * nb * nb);
      gemm(false, true, rows, b, mk, xs, m, 8 * yt0, mk, 8 * w0, b);
      gemm(false, true, rows, b, b, 8 * w0, b, tj, b, 8 * w20, b);
      negate(heap, w20, rows * b);
      gemm(false, false, rows, mk, b, 8 * w20, b, 8 * yt0, mk, xs, m, false, true);
    }
  }
  transposeInto(qCols, m, heap.subarray(x0, x0 + qCols * m), q, 0);
  return true;
}

/** x[off..off+len) ← −x[off..off+len) */
function negate(x: Float64Array, off: number, len: number): void {
  for (let i = off; i < off + len; i++) x[i] = -x[i];
}

/** R (rRows × n, zeros below the diagonal) from Aᵀ at `at[atOff..]` (n × m). */
function copyR(
  m: number,
  n: number,
  at: Float64Array,
  atOff: number,
  r: Float64Array,
  rRows: number,
): void {
  r.fill(0, 0, rRows * n);
  for (let c = 0; c < n; c++) {
    const last = Math.min(c, rRows - 1);
    const o = atOff + c * m;
    for (let i = 0; i <= last; i++) r[i * n + c] = at[o + i];
  }
}

/**
 * out[outOff..] (n×m) = aᵀ for the row-major m×n `a`, in 32×32 tiles (the strided side stays
 * in cache).
 */
function transposeInto(
  m: number,
  n: number,
  a: Float64Array,
  out: Float64Array,
  outOff: number,
): void {
  const T = 32;
  for (let i0 = 0; i0 < m; i0 += T) {
    const i1 = Math.min(m, i0 + T);
    for (let j0 = 0; j0 < n; j0 += T) {
      const j1 = Math.min(n, j0 + T);
      for (let i = i0; i < i1; i++) {
        const o = i * n;
        for (let j = j0; j < j1; j++) out[outOff + j * m + i] = a[o + j];
      }
    }
  }
}

/**
 * Y ᵀ (b × mk, from yt[ytOff]): row c = reflector c of the panel at at[off] (stride lda):
 * zeros before c, the implied 1 at c, v after.
 */
function reflectorRows(
  mk: number,
  b: number,
  at: Float64Array,
  off: number,
  lda: number,
  yt: Float64Array,
  ytOff: number,
): void {
  for (let c = 0; c < b; c++) {
    const o = ytOff + c * mk;
    yt.fill(0, o, o + c);
    yt[o + c] = 1;
    yt.set(at.subarray(off + c * lda + c + 1, off + c * lda + mk), o + c + 1);
  }
}

/**
 * The b×b upper triangular T (into t[tOff], zeros below the diagonal left as they are) of
 * H_0 ⋯ H_{b−1} = I − Y T Yᵀ (forward, columnwise, as LAPACK dlarft): T_ii = τ_i,
 * T[0:i, i] = −τ_i T[0:i, 0:i] (Yᵀ y_i), from G = YᵀY at g[gOff] (b×b).
 */
function triangularFactor(
  b: number,
  g: Float64Array,
  gOff: number,
  tau: Float64Array,
  tauOff: number,
  t: Float64Array,
  tOff: number,
): void {
  for (let i = 0; i < b; i++) {
    const ti = tau[tauOff + i];
    t[tOff + i * b + i] = ti;
    for (let r = 0; r < i; r++) {
      let s = 0;
      for (let c = r; c < i; c++) s += t[tOff + r * b + c] * g[gOff + c * b + i];
      t[tOff + r * b + i] = -ti * s;
    }
  }
}

/**
 * z ← z (I − Y T' Yᵀ) for the rows×mk `z`, Y = ytᵀ, with T' = T (`transT` false: the columns of
 * A, z = Cᵀ, C ← Hᵀ C) or Tᵀ (true: the accumulation of Qᵀ): three products on gemm, the last
 * one added as z + (−W T') Yᵀ (as the WebAssembly path accumulates in place).
 */
function applyRight(
  rows: number,
  mk: number,
  b: number,
  z: Float64Array,
  yt: Float64Array,
  t: Float64Array,
  transT: boolean,
): void {
  const w = scratch(0, rows * b);
  gemmDispatch(false, true, rows, b, mk, z, yt, w);
  const w2 = scratch(1, rows * b);
  gemmDispatch(false, transT, rows, b, b, w, t, w2);
  negate(w2, 0, rows * b);
  const pr = scratch(2, rows * mk);
  gemmDispatch(false, false, rows, mk, b, w2, yt, pr);
  const len = rows * mk;
  for (let i = 0; i < len; i++) z[i] += pr[i];
}

// Product scratch reused across calls (the kernels are synchronous and never re-entered).
const scratchBufs: Float64Array[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
function scratch(k: number, len: number): Float64Array {
  if (scratchBufs[k].length < len)
    scratchBufs[k] = new Float64Array(Math.max(len, 2 * scratchBufs[k].length));
  return scratchBufs[k];
}

/** {@link geqr2t} on either backend, in place on rows off.. of `a` (stride lda). */
function panelQr(
  len: number,
  b: number,
  a: Float64Array,
  off: number,
  lda: number,
  tau: Float64Array,
  tauOff: number,
): void {
  if (preferWasm(len * b, QR_WASM_MIN)) {
    const mod = wasmModule('qr');
    // rows of the panel from their first entry: (b − 1)·lda + len doubles
    const span = (b - 1) * lda + len;
    const heap = mod ? wasmHeap(WASM_BASE + 8 * (span + b + 2)) : null;
    if (mod && heap) {
      const o = WASM_BASE >> 3;
      const t0 = o + span + (span & 1);
      heap.set(a.subarray(off, off + span), o);
      mod.geqr2t(len, b, WASM_BASE, lda, t0 * 8);
      a.set(heap.subarray(o, o + span), off);
      tau.set(heap.subarray(t0, t0 + b), tauOff);
      return;
    }
  }
  geqr2t(len, b, a, off, lda, tau, tauOff);
}

/** {@link org2rt} on either backend (reflectors in the first p rows of at, q = rows × m). */
function accumulateQt(
  len: number,
  p: number,
  v: Float64Array,
  ldv: number,
  tau: Float64Array,
  rows: number,
  q: Float64Array,
  ldq: number,
): void {
  if (preferWasm(len * p, QR_WASM_MIN)) {
    const mod = wasmModule('qr');
    const vLen = p * ldv;
    const qLen = rows * ldq;
    const heap = mod ? wasmHeap(WASM_BASE + 8 * (vLen + qLen + p + 4)) : null;
    if (mod && heap) {
      const v0 = WASM_BASE >> 3;
      const q0 = v0 + vLen + (vLen & 1);
      const t0 = q0 + qLen + (qLen & 1);
      heap.set(v.subarray(0, vLen), v0);
      heap.set(q.subarray(0, qLen), q0);
      heap.set(tau.subarray(0, p), t0);
      mod.org2rt(len, p, v0 * 8, ldv, t0 * 8, rows, q0 * 8, ldq);
      q.set(heap.subarray(q0, q0 + qLen));
      return;
    }
  }
  org2rt(len, p, v, ldv, tau, rows, q, ldq);
}

/** Σ_{i=lo}^{len−1} x[xo+i]·y[yo+i] in two lanes (even and odd offsets from lo), then the tail. */
function dotFrom(
  x: Float64Array,
  xo: number,
  y: Float64Array,
  yo: number,
  lo: number,
  len: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let i = lo;
  for (; i + 1 < len; i += 2) {
    s0 += x[xo + i] * y[yo + i];
    s1 += x[xo + i + 1] * y[yo + i + 1];
  }
  let s = s0 + s1;
  if (i < len) s += x[xo + i] * y[yo + i];
  return s;
}

/**
 * Householder QR of the b rows (stride lda, `len` entries each) of `a` starting at `off`, each
 * row a column of the panel: reflector c maps row c's entries c.. to β e_c (β on the diagonal,
 * v below it with v_c = 1 implied, τ into tau[tauOff + c]; LAPACK's dlarfg) and is applied to
 * rows c+1..b−1. The TypeScript twin of assembly/qr.ts geqr2t.
 */
export function geqr2t(
  len: number,
  b: number,
  a: Float64Array,
  off: number,
  lda: number,
  tau: Float64Array,
  tauOff: number,
): void {
  const p = Math.min(b, len);
  for (let c = 0; c < p; c++) {
    const x = off + c * lda;
    const alpha = a[x + c];
    const ss = dotFrom(a, x, a, x, c + 1, len);
    let t = 0;
    let sigma = 0;
    if (ss < Number.POSITIVE_INFINITY && ss > 1e-280) sigma = Math.sqrt(ss);
    else {
      // Rescale only when the plain sum of squares over- or underflowed (or is zero).
      let big = 0;
      for (let i = c + 1; i < len; i++) big = Math.max(big, Math.abs(a[x + i]));
      if (big > 0) {
        let s2 = 0;
        for (let i = c + 1; i < len; i++) {
          const v = a[x + i] / big;
          s2 += v * v;
        }
        sigma = big * Math.sqrt(s2);
      }
    }
    if (sigma > 0) {
      const norm = Math.hypot(alpha, sigma);
      const beta = alpha >= 0 ? -norm : norm;
      t = (beta - alpha) / beta;
      const scale = 1 / (alpha - beta);
      for (let i = c + 1; i < len; i++) a[x + i] *= scale;
      a[x + c] = beta;
    }
    tau[tauOff + c] = t;
    if (t === 0) continue;
    for (let d = c + 1; d < b; d++) {
      const y = off + d * lda;
      const w = t * (a[y + c] + dotFrom(a, x, a, y, c + 1, len));
      a[y + c] -= w;
      for (let i = c + 1; i < len; i++) a[y + i] -= w * a[x + i];
    }
  }
}

/**
 * Qᵀ ← Qᵀ H_{p−1} ⋯ H_0 for the reflectors of {@link geqr2t} (rows of `v`, stride ldv), applied
 * to the `rows` rows of `q` (stride ldq, `len` entries each), last reflector first; with
 * q = [I 0] on entry this forms the first rows of Qᵀ (LAPACK dorg2r, transposed). The
 * TypeScript twin of assembly/qr.ts org2rt.
 */
export function org2rt(
  len: number,
  p: number,
  v: Float64Array,
  ldv: number,
  tau: Float64Array,
  rows: number,
  q: Float64Array,
  ldq: number,
): void {
  for (let c = p - 1; c >= 0; c--) {
    const t = tau[c];
    if (t === 0) continue;
    const x = c * ldv;
    for (let r = c; r < rows; r++) {
      const y = r * ldq;
      const w = t * (q[y + c] + dotFrom(v, x, q, y, c + 1, len));
      q[y + c] -= w;
      for (let i = c + 1; i < len; i++) q[y + i] -= w * v[x + i];
    }
  }
}
