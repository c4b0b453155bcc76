// The fused sweep of Sinkhorn–Knopp scaling (Cuturi 2013, "Sinkhorn distances"): WebAssembly
// SIMD built from assembly/sinkhorn.ts (AssemblyScript, by scripts/build-wasm.mjs), or the same
// operations in TypeScript. @rg/linalg's kernel-backend switch (setKernelBackend, kernelInfo,
// RG_KERNEL_BACKEND) picks between them. Internal: used by the standard and stabilized kernels.
import { kernelInfo } from '@rg/linalg';
import { SINKHORN_WASM_BASE64 } from './wasm/sinkhorn.generated.js';

/** Storage of one Sinkhorn solve and its fused sweep. */
export interface SinkhornSweep {
  /** the Gibbs kernel, row-major n×m */
  K: Float64Array;
  v: Float64Array;
  u: Float64Array;
  a: Float64Array;
  /** Kᵀu, accumulated by `run` */
  acc: Float64Array;
  /** which implementation `run` calls */
  backend: 'wasm-simd' | 'typescript';
  /** for each row i: u_i = a_i / (K v)_i, then acc += u_i K_i (acc is not cleared) */
  run(): void;
}

interface SweepExports {
  sweep(k: number, v: number, u: number, a: number, acc: number, n: number, m: number): void;
}

/**
 * The sweep in TypeScript, with the WebAssembly kernel's summation order: four partial sums
 * per residue j mod 4, combined as (s₀ + s₂) + (s₁ + s₃), then the trailing columns one by one.
 * IEEE double arithmetic gives the same bits in both.
 */
export function sweepTs(
  K: Float64Array,
  v: Float64Array,
  u: Float64Array,
  a: Float64Array,
  acc: Float64Array,
  n: number,
  m: number,
): void {
  const m4 = m & ~3;
  for (let i = 0; i < n; i++) {
    const o = i * m;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j < m4; j += 4) {
      s0 += K[o + j] * v[j];
      s1 += K[o + j + 1] * v[j + 1];
      s2 += K[o + j + 2] * v[j + 2];
      s3 += K[o + j + 3] * v[j + 3];
    }
    let s = s0 + s2 + (s1 + s3);
    for (; j < m; j++) s += K[o + j] * v[j];
    const ui = a[i] / s;
    u[i] = ui;
    for (j = 0; j < m; j++) acc[j] += ui * K[o + j];
  }
}

let cached: WebAssembly.Module | null | undefined;

function compiled(): WebAssembly.Module | null {
  if (cached !== undefined) return cached;
  try {
    const bin = atob(SINKHORN_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    // Hosts without the SIMD proposal reject the module at validation.
    cached =
      typeof WebAssembly === 'object' && WebAssembly.validate(bytes)
        ? new WebAssembly.Module(bytes)
        : null;
  } catch {
    cached = null;
  }
  return cached;
}

/**
 * The WebAssembly SIMD sweep for an n×m problem, with K, v, u, a, acc in one memory of its
 * own; null where WebAssembly SIMD is missing or the buffers would pass 2 GiB (32-bit byte
 * offsets with room to spare).
 */
export function wasmSinkhornSweep(n: number, m: number): SinkhornSweep | null {
  const bytes = 8 * (n * m + 2 * n + 2 * m);
  if (bytes >= 2 ** 31 - 65536) return null;
  const mod = compiled();
  if (!mod) return null;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) + 1 });
  const ex = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as SweepExports;
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
  const [kOff, vOff, uOff, aOff, accOff] = [K, v, u, a, acc].map((x) => x.byteOffset);
  return {
    K,
    v,
    u,
    a,
    acc,
    backend: 'wasm-simd',
    run: () => ex.sweep(kOff, vOff, uOff, aOff, accOff, n, m),
  };
}

/** The sweep in TypeScript over plain Float64Arrays. */
export function typescriptSinkhornSweep(n: number, m: number): SinkhornSweep {
  const K = new Float64Array(n * m);
  const v = new Float64Array(m);
  const u = new Float64Array(n);
  const a = new Float64Array(n);
  const acc = new Float64Array(m);
  return {
    K,
    v,
    u,
    a,
    acc,
    backend: 'typescript',
    run: () => sweepTs(K, v, u, a, acc, n, m),
  };
}

/**
 * The sweep the kernel-backend switch of @rg/linalg selects: TypeScript when it is forced to
 * `'typescript'`, else WebAssembly SIMD where the host has it (the buffers live in the module's
 * memory, so there is no copy to amortize and no size crossover), else TypeScript.
 */
export function createSinkhornSweep(n: number, m: number): SinkhornSweep {
  if (kernelInfo().mode !== 'typescript') {
    const w = wasmSinkhornSweep(n, m);
    if (w) return w;
  }
  return typescriptSinkhornSweep(n, m);
}
