// Synchronous loader for the WebAssembly SIMD kernels (assembly/*.ts). Synchronous compilation
// keeps every kernel call synchronous in Node and browsers; each module is kept under 4 KB
// (older Chromium refuses synchronous compilation of larger modules on the main thread) and
// compiled lazily, on the first call that needs it. All modules import one WebAssembly.Memory
// owned by this loader: a kernel call copies its operands in, runs, and copies its results out,
// so nothing in that memory survives from one wrapper call to the next (a blocked kernel such as
// QR may run many module calls on data it keeps there within its own call: wasmGemmInPlace).
import type { GemmImpl } from '../kernels/backend.js';
import { gemmTs } from '../kernels/gemm-ts.js';
import {
  BDSQR_WASM_BASE64,
  BIDIAGONAL_WASM_BASE64,
  CHOLESKY_WASM_BASE64,
  KERNELS_WASM_BASE64,
  LEVEL2_WASM_BASE64,
  QL_WASM_BASE64,
  QR_WASM_BASE64,
  TRIDIAGONAL_WASM_BASE64,
} from './kernels.generated.js';

interface GemmExports {
  gemm(
    transA: number,
    transB: number,
    m: number,
    n: number,
    k: number,
    a: number,
    lda: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    upper: number,
    accumulate: number,
    packA: number,
    packB: number,
    tile: number,
  ): void;
  allFinite(p: number, len: number): number;
  packABytes(): number;
  packBBytes(): number;
}

/** Exports of assembly/tridiagonal.ts (byte offsets into the shared memory). @internal */
export interface TridiagonalExports {
  tridiagonalize(n: number, a: number, d: number, e: number, qt: number, work: number): void;
}

/** Exports of assembly/ql.ts. @internal */
export interface QlExports {
  ql(
    n: number,
    d: number,
    e: number,
    zt: number,
    nz: number,
    rot: number,
    maxSweeps: number,
  ): number;
}

/** Exports of assembly/level2.ts. @internal */
export interface Level2Exports {
  gemv(m: number, n: number, a: number, x: number, y: number): void;
  gemvT(m: number, n: number, a: number, x: number, y: number): void;
  symmetryCheck(n: number, a: number, out: number): void;
}

/** Exports of assembly/cholesky.ts. @internal */
export interface CholeskyExports {
  cholesky(b: number, m: number, lda: number, l: number, rd: number): number;
  zeroUpper(n: number, a: number): void;
}

/** Exports of assembly/qr.ts. @internal */
export interface QrExports {
  geqr2t(len: number, b: number, a: number, lda: number, tau: number): void;
  org2rt(
    len: number,
    p: number,
    v: number,
    ldv: number,
    tau: number,
    rows: number,
    q: number,
    ldq: number,
  ): void;
}

/** Exports of assembly/bidiagonal.ts. @internal */
export interface BidiagonalExports {
  bidiagonalize(
    m: number,
    n: number,
    w: number,
    d: number,
    f: number,
    ut: number,
    ur: number,
    vt: number,
    work: number,
  ): void;
}

/** Exports of assembly/bdsqr.ts. @internal */
export interface BdsqrExports {
  bdsqr(n: number, d: number, f: number, ut: number, m: number, vt: number, rot: number): number;
}

/** The modules by name, with the exports each provides. @internal */
export interface WasmModules {
  gemm: GemmExports;
  tridiagonal: TridiagonalExports;
  ql: QlExports;
  level2: Level2Exports;
  cholesky: CholeskyExports;
  qr: QrExports;
  bidiagonal: BidiagonalExports;
  bdsqr: BdsqrExports;
}

const SOURCES: { [K in keyof WasmModules]: string } = {
  gemm: KERNELS_WASM_BASE64,
  tridiagonal: TRIDIAGONAL_WASM_BASE64,
  ql: QL_WASM_BASE64,
  level2: LEVEL2_WASM_BASE64,
  cholesky: CHOLESKY_WASM_BASE64,
  qr: QR_WASM_BASE64,
  bidiagonal: BIDIAGONAL_WASM_BASE64,
  bdsqr: BDSQR_WASM_BASE64,
};

const PAGE = 65536;
/** wasm32 memories stop at 4 GiB; past that the kernels run in TypeScript. */
const MAX_PAGES = 65536;
/** First byte offset handed to kernels (the bytes below stay unused). */
export const WASM_BASE = 64;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

const align16 = (x: number) => (x + 15) & ~15;

let memory: WebAssembly.Memory | null = null;
let view = new Float64Array(0);
const instances: { [K in keyof WasmModules]?: WasmModules[K] | null } = {};

/**
 * The exports of the named module, compiled and instantiated on first use; null when the host
 * lacks WebAssembly SIMD or instantiation throws (the caller then stays on TypeScript).
 *
 * @internal
 */
export function wasmModule<K extends keyof WasmModules>(name: K): WasmModules[K] | null {
  const cached = instances[name];
  if (cached !== undefined) return cached;
  let ex: WasmModules[K] | null = null;
  if (typeof WebAssembly === 'object' && typeof WebAssembly.Module === 'function') {
    try {
      const bytes = decodeBase64(SOURCES[name]);
      // Hosts without the SIMD proposal reject the module at validation.
      if (WebAssembly.validate(bytes)) {
        memory ??= new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES });
        // Math.hypot is the one host function (ql.hypot, qr.hypot, bdsqr.hypot): the
        // TypeScript twins call it too.
        const hypot = { hypot: Math.hypot };
        const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
          env: { memory },
          ql: hypot,
          qr: hypot,
          bdsqr: hypot,
        });
        ex = instance.exports as unknown as WasmModules[K];
      }
    } catch {
      ex = null;
    }
  }
  instances[name] = ex;
  return ex;
}

/**
 * A float64 view of the shared memory with at least `bytes` bytes, growing it when needed;
 * null when it cannot grow (past 4 GiB). The view is invalidated by the next growth: take a
 * fresh one after any call that may grow the memory.
 *
 * @internal
 */
export function wasmHeap(bytes: number): Float64Array | null {
  if (!memory) return null;
  const pages = Math.ceil(bytes / PAGE);
  const have = memory.buffer.byteLength / PAGE;
  if (pages > have) {
    try {
      memory.grow(pages - have);
    } catch {
      return null;
    }
  }
  if (view.buffer !== memory.buffer) view = new Float64Array(memory.buffer);
  return view;
}

/**
 * Compile and instantiate the product module, returning a GEMM that copies operands into the
 * shared memory, checks them finite there (SIMD), runs and copies C back (false, C untouched,
 * on a non-finite operand); null when the host lacks WebAssembly SIMD.
 *
 * @internal
 */
export function loadWasmGemm(): GemmImpl | null {
  const raw = wasmGemmInPlace();
  if (!raw) return null;
  const { ex, scratchEnd } = raw;

  return (transA, transB, m, n, k, a, b, c, upper) => {
    const lenA = m * k;
    const lenB = k * n;
    const shared = a === b;
    const offA = align16(scratchEnd);
    const offB = shared ? offA : align16(offA + lenA * 8);
    const offC = align16(shared ? offA + lenA * 8 : offB + lenB * 8);
    const heap = wasmHeap(offC + m * n * 8);
    if (!heap) return gemmTs(transA, transB, m, n, k, a, b, c, upper);
    heap.set(a.subarray(0, lenA), offA >> 3);
    if (!shared) heap.set(b.subarray(0, lenB), offB >> 3);
    if (ex.allFinite(offA, lenA) === 0 || (!shared && ex.allFinite(offB, lenB) === 0)) return false;
    raw.gemm(transA, transB, m, n, k, offA, transA ? m : k, offB, transB ? k : n, offC, n, upper);
    c.set(heap.subarray(offC >> 3, (offC >> 3) + m * n));
    return true;
  };
}

/**
 * C = op(A)·op(B) (or C += op(A)·op(B) with `accumulate`) on operands that already live in the
 * shared memory: byte offsets and row strides in doubles, no copies and no finiteness scan (the
 * caller's data is trusted). For kernels that keep a whole factorization in the memory.
 * @internal
 */
export type GemmInPlace = (
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: number,
  lda: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  upper?: boolean,
  accumulate?: boolean,
) => void;

let inPlace: { gemm: GemmInPlace; ex: GemmExports; scratchEnd: number } | null | undefined;

/**
 * The product module's GEMM on shared-memory offsets, and `scratchEnd`: the first byte after
 * its packing buffers (callers put their operands from there on, 16-byte aligned); null when
 * the host lacks WebAssembly SIMD.
 *
 * @internal
 */
export function wasmGemmInPlace(): {
  gemm: GemmInPlace;
  ex: GemmExports;
  scratchEnd: number;
} | null {
  if (inPlace !== undefined) return inPlace;
  const ex = wasmModule('gemm');
  if (!ex) {
    inPlace = null;
    return null;
  }
  const packA = WASM_BASE;
  const packB = align16(packA + ex.packABytes());
  const tile = align16(packB + ex.packBBytes());
  const scratchEnd = align16(tile + 16 * 8);
  const gemm: GemmInPlace = (transA, transB, m, n, k, a, lda, b, ldb, c, ldc, upper, accumulate) =>
    ex.gemm(
      transA ? 1 : 0,
      transB ? 1 : 0,
      m,
      n,
      k,
      a,
      lda,
      b,
      ldb,
      c,
      ldc,
      upper ? 1 : 0,
      accumulate ? 1 : 0,
      packA,
      packB,
      tile,
    );
  inPlace = { gemm, ex, scratchEnd };
  return inPlace;
}
