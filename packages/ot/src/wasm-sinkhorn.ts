// A fused Sinkhorn sweep in WebAssembly SIMD (f64x2), assembled here byte by byte
// (WebAssembly Core Specification 2.0, binary format §5 and the fixed-width SIMD
// proposal's opcodes). Internal: used by the standard and stabilized kernels.

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// Instructions.
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (v: number) => [0x41, ...sleb(v)];
const ADD = [0x6a];
const MUL = [0x6c];
const AND = [0x71];
const SHL = [0x74];
const GE_S = [0x4e];
// memarg: alignment hint 2^3 = 8 bytes (Float64Array data), then the offset.
const f64load = (off: number) => [0x2b, 3, ...uleb(off)];
const f64store = (off: number) => [0x39, 3, ...uleb(off)];
const F64ADD = [0xa0];
const F64MUL = [0xa2];
const F64DIV = [0xa3];
const F64ZERO = [0x44, 0, 0, 0, 0, 0, 0, 0, 0];
const v128load = (off: number) => [0xfd, 0x00, 3, ...uleb(off)];
const v128store = (off: number) => [0xfd, 0x0b, 3, ...uleb(off)];
const SPLAT = [0xfd, 0x14];
const lane = (l: number) => [0xfd, 0x21, l];
const VADD = [0xfd, ...uleb(0xf0)];
const VMUL = [0xfd, ...uleb(0xf2)];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const br = (d: number) => [0x0c, d];
const brIf = (d: number) => [0x0d, d];
const END = [0x0b];

// Parameters (byte addresses and sizes) and locals.
const K = 0;
const V = 1;
const U = 2;
const A = 3;
const ACC = 4;
const N = 5;
const M = 6;
const I = 7;
const JB = 8;
const ROW = 9;
const M4B = 10;
const MB = 11;
const TMP = 12;
const S0 = 13;
const S1 = 14;
const US = 15;
const SUM = 16;
const UI = 17;

/**
 * pass(K, v, u, a, acc, n, m): for each row i, s = K_i·v, u_i = a_i / s, acc += u_i K_i,
 * with K row-major n×m, four lanes per step (two f64x2 accumulators) and a scalar tail.
 */
function passBody(): number[] {
  const loopWhile = (limit: number, body: number[]) => [
    ...BLOCK,
    ...LOOP,
    ...get(JB),
    ...get(limit),
    ...GE_S,
    ...brIf(1),
    ...body,
    ...br(0),
    ...END,
    ...END,
  ];
  const step = (n: number) => [...get(JB), ...i32(n), ...ADD, ...set(JB)];
  const rowAt = (off: number) => [...get(ROW), ...get(JB), ...ADD, ...v128load(off)];
  const code = [
    ...get(M),
    ...i32(3),
    ...SHL,
    ...set(MB),
    ...get(M),
    ...i32(-4),
    ...AND,
    ...i32(3),
    ...SHL,
    ...set(M4B),
    ...i32(0),
    ...set(I),
    ...BLOCK,
    ...LOOP,
    ...get(I),
    ...get(N),
    ...GE_S,
    ...brIf(1),
    ...get(K),
    ...get(I),
    ...get(M),
    ...MUL,
    ...i32(3),
    ...SHL,
    ...ADD,
    ...set(ROW),
    ...F64ZERO,
    ...SPLAT,
    ...tee(S0),
    ...set(S1),
    ...i32(0),
    ...set(JB),
    ...loopWhile(M4B, [
      ...get(S0),
      ...rowAt(0),
      ...get(V),
      ...get(JB),
      ...ADD,
      ...v128load(0),
      ...VMUL,
      ...VADD,
      ...set(S0),
      ...get(S1),
      ...rowAt(16),
      ...get(V),
      ...get(JB),
      ...ADD,
      ...v128load(16),
      ...VMUL,
      ...VADD,
      ...set(S1),
      ...step(32),
    ]),
    ...get(S0),
    ...get(S1),
    ...VADD,
    ...tee(S0),
    ...lane(0),
    ...get(S0),
    ...lane(1),
    ...F64ADD,
    ...set(SUM),
    ...loopWhile(MB, [
      ...get(SUM),
      ...get(ROW),
      ...get(JB),
      ...ADD,
      ...f64load(0),
      ...get(V),
      ...get(JB),
      ...ADD,
      ...f64load(0),
      ...F64MUL,
      ...F64ADD,
      ...set(SUM),
      ...step(8),
    ]),
    ...get(U),
    ...get(I),
    ...i32(3),
    ...SHL,
    ...ADD,
    ...get(A),
    ...get(I),
    ...i32(3),
    ...SHL,
    ...ADD,
    ...f64load(0),
    ...get(SUM),
    ...F64DIV,
    ...tee(UI),
    ...f64store(0),
    ...get(UI),
    ...SPLAT,
    ...set(US),
    ...i32(0),
    ...set(JB),
    ...loopWhile(M4B, [
      ...get(ACC),
      ...get(JB),
      ...ADD,
      ...tee(TMP),
      ...get(TMP),
      ...v128load(0),
      ...get(US),
      ...rowAt(0),
      ...VMUL,
      ...VADD,
      ...v128store(0),
      ...get(TMP),
      ...get(TMP),
      ...v128load(16),
      ...get(US),
      ...rowAt(16),
      ...VMUL,
      ...VADD,
      ...v128store(16),
      ...step(32),
    ]),
    ...loopWhile(MB, [
      ...get(ACC),
      ...get(JB),
      ...ADD,
      ...tee(TMP),
      ...get(TMP),
      ...f64load(0),
      ...get(UI),
      ...get(ROW),
      ...get(JB),
      ...ADD,
      ...f64load(0),
      ...F64MUL,
      ...F64ADD,
      ...f64store(0),
      ...step(8),
    ]),
    ...get(I),
    ...i32(1),
    ...ADD,
    ...set(I),
    ...br(0),
    ...END,
    ...END,
  ];
  const locals = [3, 6, I32, 3, V128, 2, F64];
  return [...locals, ...code, ...END];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const body = passBody();
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 0]),
    ...section(2, [1, ...name('e'), ...name('m'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('p'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

let cached: WebAssembly.Module | null | undefined;

function compiled(): WebAssembly.Module | null {
  if (cached !== undefined) return cached;
  try {
    const bytes = moduleBytes();
    cached =
      typeof WebAssembly === 'object' && WebAssembly.validate(bytes)
        ? new WebAssembly.Module(bytes)
        : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** Views on the WebAssembly memory of one Sinkhorn solve, and the fused sweep. */
export interface SinkhornPass {
  K: Float64Array;
  v: Float64Array;
  u: Float64Array;
  a: Float64Array;
  acc: Float64Array;
  /** for each row i: u_i = a_i / (K v)_i, then acc += u_i K_i (acc is not cleared) */
  run(): void;
}

/**
 * A SIMD sweep for an n×m problem, or null where WebAssembly SIMD is missing or the
 * problem does not fit 32-bit signed byte offsets (callers fall back to TypeScript).
 */
export function createSinkhornPass(n: number, m: number): SinkhornPass | null {
  const bytes = 8 * (n * m + 2 * n + 2 * m);
  if (bytes >= 2 ** 31 - 65536) return null;
  const mod = compiled();
  if (!mod) return null;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) + 1 });
  const inst = new WebAssembly.Instance(mod, { e: { m: memory } });
  const pass = inst.exports.p as (...args: number[]) => void;
  const buf = memory.buffer;
  let off = 0;
  const take = (len: number): Float64Array => {
    const view = new Float64Array(buf, off, len);
    off += 8 * len;
    return view;
  };
  const K = take(n * m);
  const v = take(m);
  const u = take(n);
  const a = take(n);
  const acc = take(m);
  const kOff = K.byteOffset;
  const vOff = v.byteOffset;
  const uOff = u.byteOffset;
  const aOff = a.byteOffset;
  const accOff = acc.byteOffset;
  return { K, v, u, a, acc, run: () => pass(kOff, vOff, uOff, aOff, accOff, n, m) };
}
