// Synchronous loader for the WebAssembly SIMD product kernel (assembly/kernels.ts).
// Synchronous compilation keeps every product call synchronous in Node and browsers;
// the module is kept small (about 2.5 KB) because Chromium's main thread refuses
// synchronous compilation of modules over 4 KB.
import type { GemmImpl } from '../kernels/backend.js';
import { gemmTs } from '../kernels/gemm-ts.js';
import { KERNELS_WASM_BASE64 } from './kernels.generated.js';

interface KernelExports {
  gemm(
    transA: number,
    transB: number,
    m: number,
    n: number,
    k: number,
    a: number,
    b: number,
    c: number,
    upper: number,
    packA: number,
    packB: number,
    tile: number,
  ): void;
  allFinite(p: number, len: number): number;
  packABytes(): number;
  packBBytes(): number;
}

const PAGE = 65536;
/** wasm32 memories stop at 4 GiB; past that the product runs in TypeScript. */
const MAX_PAGES = 65536;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

const align16 = (x: number) => (x + 15) & ~15;

/**
 * Compile and instantiate the kernel module, returning a GEMM that copies operands into
 * the loader's one growable memory, checks them finite there (SIMD), runs and copies C
 * back (false, C untouched, on a non-finite operand); null when the host lacks
 * WebAssembly SIMD or instantiation throws (the caller then stays on TypeScript).
 *
 * @internal
 */
export function loadWasmGemm(): GemmImpl | null {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.Module !== 'function') return null;
  let ex: KernelExports;
  let memory: WebAssembly.Memory;
  try {
    const bytes = decodeBase64(KERNELS_WASM_BASE64);
    // Hosts without the SIMD proposal reject the module at validation.
    if (!WebAssembly.validate(bytes)) return null;
    memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    ex = instance.exports as unknown as KernelExports;
  } catch {
    return null;
  }
  const packA = 64;
  const packB = align16(packA + ex.packABytes());
  const tile = align16(packB + ex.packBBytes());
  const scratchEnd = tile + 16 * 8;

  return (transA, transB, m, n, k, a, b, c, upper) => {
    const lenA = m * k;
    const lenB = k * n;
    const shared = a === b;
    const offA = align16(scratchEnd);
    const offB = shared ? offA : align16(offA + lenA * 8);
    const offC = align16(shared ? offA + lenA * 8 : offB + lenB * 8);
    const end = offC + m * n * 8;
    const pages = Math.ceil(end / PAGE);
    const have = memory.buffer.byteLength / PAGE;
    if (pages > have) {
      try {
        memory.grow(pages - have);
      } catch {
        return gemmTs(transA, transB, m, n, k, a, b, c, upper);
      }
    }
    const buf = memory.buffer;
    new Float64Array(buf, offA, lenA).set(a.subarray(0, lenA));
    if (!shared) new Float64Array(buf, offB, lenB).set(b.subarray(0, lenB));
    if (ex.allFinite(offA, lenA) === 0 || (!shared && ex.allFinite(offB, lenB) === 0)) return false;
    ex.gemm(
      transA ? 1 : 0,
      transB ? 1 : 0,
      m,
      n,
      k,
      offA,
      offB,
      offC,
      upper ? 1 : 0,
      packA,
      packB,
      tile,
    );
    c.set(new Float64Array(buf, offC, m * n));
    return true;
  };
}
